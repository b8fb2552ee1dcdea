"""How fast the review screen starts and moves on, headless, at 1k to 100k people.

    python bench/tui_bench.py [--quick | --sizes 1000,30000] [--presses 60] [--starts 3]

Start to first card: opening the database, building the app and the queue, until the first
person's card has rendered in App.run_test; baseline: a hello-world Textual app started the
same way in the same process. Key press to next card: `k` (skip, a durable action) through
Pilot until the next person's card has rendered; target p95 under 16 ms (one frame) at 30k.
Pilot itself takes about 80 ms per press and pause on this machine (a hello-world key that
changes one line), so the floor is measured too and the app's share printed beside it.
Prints a table per size and one JSON line of figures. Never part of pass/fail.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import (Settings, Store, add_size_arguments, build, emit, growth, invites_for, print_growth,  # noqa: E402
                      print_table, ratio, sizes_from, summary)

from textual.app import App, ComposeResult  # noqa: E402
from textual.widgets import Static  # noqa: E402

from warmintro.tui.app import make_app  # noqa: E402
from warmintro.tui.widgets.card import PersonCard  # noqa: E402

SIZE = (120, 40)


class Hello(App):
    BINDINGS = [("k", "bump", "Bump")]
    presses = 0

    def compose(self) -> ComposeResult:
        yield Static("Hello, world")

    def action_bump(self) -> None:
        self.presses += 1
        self.query_one(Static).update(f"Hello, world {self.presses}")


async def hello_presses(count: int) -> list[float]:
    """The floor of a key press through Pilot: a key that changes one line of a hello-world app."""
    app = Hello()
    times = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for n in range(count):
            start = time.perf_counter()
            await pilot.press("k")
            await pilot.pause()
            times.append(time.perf_counter() - start)
            assert str(n + 1) in str(app.query_one(Static).render())
    return times


async def hello_start() -> float:
    start = time.perf_counter()
    app = Hello()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Hello" in str(app.query_one(Static).render())
    return start


async def first_card(path: Path) -> tuple[float, float]:
    """Seconds from nothing to the first card rendered (the app is then closed, not timed)."""
    start = time.perf_counter()
    store = Store.open(path)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.entry is not None
        assert app.screen.entry.contact.first_name in str(app.screen.query_one(PersonCard).render())
        shown = time.perf_counter()
    store._records_in_journal = 0  # leave without folding: only the start is measured
    store.close()
    return start, shown


async def presses(path: Path, count: int) -> list[float]:
    store = Store.open(path)
    app = make_app(store)
    app.open_url = lambda url, new_tab=True: None  # never a browser
    times = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(count):
            before = app.screen.entry.contact.id
            start = time.perf_counter()
            await pilot.press("k")
            await pilot.pause()
            times.append(time.perf_counter() - start)
            entry = app.screen.entry
            assert entry is not None and entry.contact.id != before
            assert entry.contact.first_name in str(app.screen.query_one(PersonCard).render())
    store.close()
    return times


def fresh_process_start(path: Path | None) -> float:
    """Seconds from nothing to the first frame (hello world) or first card, timed inside a new process
    once its imports are done."""
    out = subprocess.run([sys.executable, __file__, "--child-start", str(path) if path else "-"],
                         capture_output=True, text=True, check=True).stdout
    return float(out.strip().splitlines()[-1])


def child_start(target: str) -> None:
    if target == "-":
        start = asyncio.run(hello_start())
        print(time.perf_counter() - start)
    else:
        start, shown = asyncio.run(first_card(Path(target)))
        print(shown - start)


def run_size(contacts: int, starts: int, press_count: int) -> dict:
    directory = Path(tempfile.mkdtemp(prefix="warmintro-tui-bench-"))
    try:
        path = directory / "warmintro.json"
        build(path, contacts, invites_for(contacts))
        with Store.open(path) as store:  # a name, so the first-run question does not cover the card
            store.set_settings(Settings(**{**store.settings.to_dict(), "my_name": "Bench"}))
        # Each start in a fresh process, as a user starts the app: the store's first load in a
        # process is the one it keeps out of the garbage collector's way.
        hello = [fresh_process_start(None) for _ in range(starts + 2)]
        cards = [fresh_process_start(path) for _ in range(starts)]
        keys = asyncio.run(presses(path, press_count))
        floor = asyncio.run(hello_presses(press_count))
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    hello_fig, card_fig, key_fig, floor_fig = summary(hello), summary(cards), summary(keys), summary(floor)
    print_table(f"\nwarmintro review bench: {contacts} contacts", [
        ("baseline: hello-world app to first frame", hello_fig),
        ("start to first card (open + queue + render)", card_fig),
        ("baseline: hello-world key press to update", floor_fig),
        ("key press k to next card rendered", key_fig),
    ])
    print(f"first card / hello world x{ratio(card_fig, hello_fig)} (target < 3 at 30k); "
          f"next card p95 {key_fig['p95_ms']:.1f} ms (target < 16 ms at 30k), of which Pilot's own floor is "
          f"{floor_fig['p95_ms']:.1f} ms: the app's share {key_fig['p95_ms'] - floor_fig['p95_ms']:.1f} ms")
    return {"contacts": contacts, "hello_world": hello_fig, "first_card": card_fig,
            "first_card_over_hello": ratio(card_fig, hello_fig), "next_card": key_fig, "key_floor": floor_fig,
            "next_card_over_floor_p95_ms": round(key_fig["p95_ms"] - floor_fig["p95_ms"], 2)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_size_arguments(parser)
    parser.add_argument("--starts", type=int, default=None, help="timed starts per size (default 3; 2 quick)")
    parser.add_argument("--presses", type=int, default=None, help="timed key presses per size (default 60; 20 quick)")
    parser.add_argument("--child-start", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_start:
        child_start(args.child_start)
        return
    starts = args.starts or (2 if args.quick else 3)
    press_count = args.presses or (20 if args.quick else 60)
    results = {n: run_size(n, starts, press_count) for n in sizes_from(args)}
    if len(results) > 1:
        print()
        print_growth("first card", {n: r["first_card"]["median_ms"] for n, r in results.items()}, "open is linear")
        print_growth("next card p95", {n: r["next_card"]["p95_ms"] for n, r in results.items()}, "should stay flat")
    emit({"bench": "tui", "sizes": {str(n): r for n, r in results.items()},
          "growth": {"first_card": growth({n: r["first_card"]["median_ms"] for n, r in results.items()}),
                     "next_card_p95": growth({n: r["next_card"]["p95_ms"] for n, r in results.items()})}})


if __name__ == "__main__":
    main()
