"""Peak memory (RSS) of a review session, at 1k to 100k people.

    python bench/memory_bench.py [--quick | --sizes 1000,30000]

Each size runs in a fresh process: open the database, start the review headless until the first
card, skip ten people, then 200 more one at a time as a reader would (each next card drawn ahead
while the last one is read), quit. Peak RSS comes from the kernel (VmHWM); baseline: the same
process shape starting a hello-world Textual app instead. Also printed: how much the resident set
grew over the 200 skips, which should stay near zero (a session must not pile up what it drew).
Never part of pass/fail.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import Settings, Store, add_size_arguments, build, emit, growth, invites_for, print_growth, sizes_from  # noqa: E402,I001


LONG_SESSION = 200  # skips after the first ten (--long-session)


def resident_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def peak_mb() -> float:
    """This process's own peak RSS. Not ru_maxrss: Linux carries that high-water mark across
    exec, so a child started by a parent that had just built a 30k database reported the
    parent's peak (the figures before 2026-12-01 were inflated by it). VmHWM starts afresh."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)  # kB
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # not Linux


def child(db: str | None, long_session: int) -> None:
    from tui_bench import SIZE, hello_app

    grew: list[float] = []

    async def review() -> None:
        from warmintro.gcpause import pause_for_start

        pause_for_start()  # as cmd_review does
        from warmintro.tui.app import make_app

        with Store.open(db) as store:
            app = make_app(store)
            app.open_url = lambda url, new_tab=True: None
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                for _ in range(10):
                    await pilot.press("k")
                await pilot.pause()
                before = resident_mb()
                for _ in range(long_session):
                    await pilot.press("k")
                    await pilot.pause()
                grew.append(round(resident_mb() - before, 1))

    async def hello() -> None:
        async with hello_app().run_test(size=SIZE) as pilot:
            await pilot.pause()

    asyncio.run(review() if db else hello())
    print(json.dumps({"peak_rss_mb": peak_mb(), "long_session_growth_mb": grew[0] if grew else None}))


def measure(db: Path | None, long_session: int = 0) -> dict:
    args = [sys.executable, __file__, "--child", str(db) if db else "-", "--long-session", str(long_session)]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_size_arguments(parser)
    parser.add_argument("--long-session", type=int, default=LONG_SESSION,
                        help=f"skips, one at a time, over which RSS growth is measured (default {LONG_SESSION})")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(None if args.child == "-" else args.child, args.long_session)
        return
    baseline = measure(None)["peak_rss_mb"]
    results = {}
    print(f"{'people':>8}{'db MB':>10}{'peak RSS MB':>14}{'over hello-world':>18}"
          f"{f'RSS growth over {args.long_session} skips MB':>34}")
    for n in sizes_from(args):
        work = Path(tempfile.mkdtemp(prefix="warmintro-memory-bench-"))
        try:
            db = work / "warmintro.json"
            build(db, n, invites_for(n))
            with Store.open(db) as store:
                store.set_settings(Settings(**{**store.settings.to_dict(), "my_name": "Bench"}))
            size_mb = round(db.stat().st_size / 1e6, 1)
            figures = measure(db, args.long_session)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        rss, grew = figures["peak_rss_mb"], figures["long_session_growth_mb"]
        results[n] = {"db_mb": size_mb, "peak_rss_mb": rss, "over_hello_mb": round(rss - baseline, 1),
                      "long_session_growth_mb": grew}
        print(f"{n:>8}{size_mb:>10}{rss:>14}{rss - baseline:>18.1f}{grew:>34}")
    print(f"baseline: a hello-world Textual app peaks at {baseline} MB")
    if len(results) > 1:
        print_growth("peak RSS above hello-world", {n: r["over_hello_mb"] for n, r in results.items()},
                     "grows with the data held in memory")
    emit({"bench": "memory", "hello_world_peak_rss_mb": baseline, "sizes": {str(n): r for n, r in results.items()},
          "growth": growth({n: r["over_hello_mb"] for n, r in results.items()})})


if __name__ == "__main__":
    main()
