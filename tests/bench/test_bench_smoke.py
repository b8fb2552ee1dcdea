"""The benchmark scripts still run and print their figures: tiny sizes, never a timing assertion."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


def run(script: str, *args: str) -> dict:
    done = subprocess.run([sys.executable, str(BENCH / script), *args], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("script,args,keys", [
    ("store_bench.py", ("--sizes", "200,400", "--actions", "3"), {"worst_action_p95_ms", "open", "baseline_json_loads", "fold_on_close"}),
    ("model_bench.py", ("--sizes", "200,400", "--repeat", "1"), {"queue", "network", "sent_counter", "one_lint"}),
    ("tui_bench.py", ("--sizes", "200", "--starts", "1", "--presses", "3"), {"first_card", "hello_world", "next_card",
                                                                              "first_card_after_imports"}),
    ("import_bench.py", ("--sizes", "200", "--repeat", "1"), {"connections_csv", "vcard", "baseline_dictreader"}),
    ("memory_bench.py", ("--sizes", "200", "--long-session", "3"), {"peak_rss_mb", "db_mb", "long_session_growth_mb"}),
], ids=lambda v: v if isinstance(v, str) else None)
def test_each_benchmark_prints_its_figures(script, args, keys):
    figures = run(script, *args)
    sizes = figures["sizes"]
    assert sizes and all(keys <= set(per_size) for per_size in sizes.values())
