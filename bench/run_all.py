"""Every benchmark, one after the other, each printing its table and its JSON line.

    python bench/run_all.py [--quick]

The full run (1k, 10k, 30k and 100k people) takes about ten minutes on a 2-core machine; --quick
(1k and 10k) under a minute. Run it on an idle machine: other work skews every figure.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = ("store_bench.py", "model_bench.py", "tui_bench.py", "import_bench.py", "memory_bench.py")


def main(argv: list[str]) -> int:
    failed = 0
    for script in SCRIPTS:
        print(f"\n===== {script} {' '.join(argv)}", flush=True)
        start = time.perf_counter()
        failed |= subprocess.run([sys.executable, str(HERE / script), *argv]).returncode
        print(f"===== {script} took {time.perf_counter() - start:.0f} s", flush=True)
    return failed


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
