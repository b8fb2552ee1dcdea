"""How fast the review screen starts and moves on, headless, at 1k to 100k people.

    python bench/tui_bench.py [--quick | --sizes 1000,30000] [--presses 200] [--starts 3]

Every frame the app hands to its driver is rendered to the escape sequences a terminal would get
(headless Textual skips that step, so the bench does it), and a frame counts as "the card on
screen" once those bytes hold the person's name.

- Start to first card, in a fresh process, two ways: from the moment the process is spawned
  (interpreter, imports, opening the database, building the screen and the queue: what a user
  waits for), and from after the imports. Baseline: a hello-world Textual app in a fresh process,
  timed the same two ways. Target: under 3x the baseline at 30k.
- Key press to next card: `k` (skip: a durable action) sent through Pilot, timed from the key
  event to the first frame holding the next person's name. Baseline: a hello-world key that
  changes one line, timed the same way. Target: p95 under 16 ms (one frame) at 30k. Pilot's own
  round trip (press + pause, which sleeps in steps of 20 ms while it waits for idle) is printed
  too, since it is what a Pilot test waits per key. Each size's keys run in a fresh process, as
  the app does. 200 keys by default: the p95 of 60 was the third-slowest key, and one slow fsync
  of the disk moved it by 2-3 ms.
- The work done while the user reads a card (drawing the next card ahead, collecting garbage),
  timed once per key: a key pressed during it waits for it to finish, so its slowest cases are
  printed too (p95 and max).
Prints a table per size and one JSON line of figures. Never part of pass/fail.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

T_PROCESS = time.monotonic()  # as early as a script can read the clock (the parent stamps the spawn)

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

SIZE = (120, 40)


class FrameClock:
    """Stamps every frame the app displays, rendered to the bytes a terminal would receive."""

    def __init__(self, app) -> None:
        self.frames: list[tuple[float, str]] = []
        display = app._display

        def timed_display(screen, renderable) -> None:
            display(screen, renderable)
            if renderable is not None:
                if hasattr(renderable, "render_segments"):
                    text = renderable.render_segments(app.console)
                else:
                    text = app.console._render_buffer(app.console.render(renderable))
                self.frames.append((time.monotonic(), text))

        app._display = timed_display

    def first_showing(self, needle: str, after: float) -> float | None:
        for at, text in self.frames:
            if at >= after and needle in text:
                return at
        return None


def hello_app():
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Hello(App):
        BINDINGS = [("k", "bump", "Bump")]
        presses = 0

        def compose(self) -> ComposeResult:
            yield Static("Hello, world", id="hello")

        def action_bump(self) -> None:
            self.presses += 1
            self.query_one(Static).update(f"Hello, world {self.presses}")

    return Hello()


async def hello_start(t_imported: float) -> dict:
    app = hello_app()
    clock = FrameClock(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = clock.first_showing("Hello, world", t_imported)
    return {"shown": shown}


async def first_card(path: Path, t_imported: float) -> dict:
    from warmintro.store import Store
    from warmintro.tui.app import make_app

    store = Store.open(path)
    app = make_app(store)
    clock = FrameClock(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        entry = app.screen.entry
        assert entry is not None
        shown = clock.first_showing(entry.contact.last_name, t_imported)
    store._records_in_journal = 0  # leave without folding: only the start is measured
    store.close()
    return {"shown": shown}


def child_start(target: str) -> None:
    """One start in this fresh process; prints monotonic stamps for the parent to subtract."""
    if target == "-":
        import textual.app  # noqa: F401  (what a hello-world app imports)
        import textual.widgets  # noqa: F401

        t_imported = time.monotonic()
        result = asyncio.run(hello_start(t_imported))
    else:
        import warmintro.cli  # noqa: F401  (what `warmintro review` imports before it opens anything)
        from warmintro.gcpause import pause_for_start

        pause_for_start()  # as cmd_review does, before it imports the TUI and opens the database
        import warmintro.tui.app  # noqa: F401

        t_imported = time.monotonic()
        result = asyncio.run(first_card(Path(target), t_imported))
    print(json.dumps({"process": T_PROCESS, "imported": t_imported, **result}))


def fresh_process_start(path: Path | None) -> tuple[float, float]:
    """(spawn to first frame showing it, imports done to that frame), in seconds."""
    spawned = time.monotonic()
    out = subprocess.run([sys.executable, __file__, "--child-start", str(path) if path else "-"],
                         capture_output=True, text=True, check=True).stdout
    stamps = json.loads(out.strip().splitlines()[-1])
    if stamps["shown"] is None:
        raise RuntimeError(f"the first frame never showed the expected text ({path or 'hello world'})")
    return stamps["shown"] - spawned, stamps["shown"] - stamps["imported"]


def fresh_process_keys(path: Path | None, count: int) -> tuple[list[float], list[float], list[float]]:
    """next_cards (or hello_keys, without a path) in a fresh process, as the app runs: a process
    settles its collector once, after its first screen, so sizes run one after another in this
    process would leave the later ones unsettled."""
    out = subprocess.run([sys.executable, __file__, "--child-keys", str(path) if path else "-", "--presses", str(count)],
                         capture_output=True, text=True, check=True).stdout
    figures = json.loads(out.strip().splitlines()[-1])
    return figures["to_frame"], figures["round_trip"], figures["reading"]


def child_keys(target: str, count: int) -> None:
    to_frame, round_trip, reading = asyncio.run(hello_keys(count) if target == "-" else next_cards(Path(target), count))
    print(json.dumps({"to_frame": to_frame, "round_trip": round_trip, "reading": reading}))


async def next_cards(path: Path, count: int) -> tuple[list[float], list[float], list[float]]:
    """Key event to the frame showing the next person; Pilot's round trip per press; and the
    work done while the user reads each card."""
    from warmintro.store import Store
    from warmintro.tui.app import make_app
    from warmintro.tui.screens.review import ReviewScreen
    from warmintro.tui.widgets.card import PersonCard

    reading: list[float] = []
    while_reading = ReviewScreen.while_reading

    def timed_reading(screen) -> None:
        start = time.monotonic()
        while_reading(screen)
        reading.append(time.monotonic() - start)

    ReviewScreen.while_reading = timed_reading

    store = Store.open(path)
    app = make_app(store)
    app.open_url = lambda url, new_tab=True: None  # never a browser
    clock = FrameClock(app)
    to_frame, round_trip = [], []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(count):
            before = app.screen.entry.contact.id
            start = time.monotonic()
            await pilot.press("k")
            await pilot.pause()
            round_trip.append(time.monotonic() - start)
            entry = app.screen.entry
            assert entry is not None and entry.contact.id != before
            assert entry.contact.last_name in str(app.screen.query_one(PersonCard).render())
            shown = clock.first_showing(entry.contact.last_name, start)
            if shown is None:
                raise RuntimeError("no frame showed the next card")
            to_frame.append(shown - start)
    store.close()
    return to_frame, round_trip, reading


async def hello_keys(count: int) -> tuple[list[float], list[float]]:
    app = hello_app()
    clock = FrameClock(app)
    to_frame, round_trip = [], []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for n in range(count):
            start = time.monotonic()
            await pilot.press("k")
            await pilot.pause()
            round_trip.append(time.monotonic() - start)
            shown = clock.first_showing(f"Hello, world {n + 1}", start)
            if shown is None:
                raise RuntimeError("no frame showed the hello-world update")
            to_frame.append(shown - start)
    return to_frame, round_trip, []


def run_size(contacts: int, starts: int, press_count: int) -> dict:
    from benchlib import Settings, Store, build, compile_bytecode, invites_for, print_table, ratio, summary

    directory = Path(tempfile.mkdtemp(prefix="warmintro-tui-bench-"))
    try:
        path = directory / "warmintro.json"
        build(path, contacts, invites_for(contacts))
        with Store.open(path) as store:  # a name, so the first-run question does not cover the card
            store.set_settings(Settings(**{**store.settings.to_dict(), "my_name": "Bench"}))
            store.sent_notes()  # as a first review does: the fold at close keeps the count in the file
        # Alternated, so a machine whose speed drifts (a shared VM) slows both alike.
        hello, cards = [], []
        compile_bytecode()
        fresh_process_start(None)  # warm the file cache once, untimed
        fresh_process_start(path)
        for _ in range(starts):
            hello.append(fresh_process_start(None))
            cards.append(fresh_process_start(path))
        keys, key_trips, reading = fresh_process_keys(path, press_count)
        floor, floor_trips, _ = fresh_process_keys(None, press_count)
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    hello_spawn, hello_after = summary([h[0] for h in hello]), summary([h[1] for h in hello])
    card_spawn, card_after = summary([c[0] for c in cards]), summary([c[1] for c in cards])
    key_fig, floor_fig = summary(keys), summary(floor)
    trip_fig, floor_trip_fig = summary(key_trips), summary(floor_trips)
    reading = reading or [0.0]  # a run of too few keys for any card to be read
    reading_fig = {**summary(reading), "max_ms": round(max(reading) * 1000, 3)}
    print_table(f"\nwarmintro review bench: {contacts} contacts", [
        ("baseline: hello world, spawn to first frame", hello_spawn),
        ("first card, spawn to frame", card_spawn),
        ("baseline: hello world, imports to first frame", hello_after),
        ("first card, imports to frame (open+queue+UI)", card_after),
        ("baseline: hello-world key to frame", floor_fig),
        ("key k to next card's frame", key_fig),
        ("Pilot round trip per key, hello world", floor_trip_fig),
        ("Pilot round trip per key, next card", trip_fig),
        ("work while the user reads a card", reading_fig),
    ])
    print(f"first card / hello world: x{ratio(card_spawn, hello_spawn)} from spawn, x{ratio(card_after, hello_after)} "
          f"after imports (target < 3 at 30k); next card p95 {key_fig['p95_ms']:.1f} ms (target < 16 ms at 30k; "
          f"hello-world key {floor_fig['p95_ms']:.1f} ms); a key pressed while a card is read waits at most "
          f"{reading_fig['max_ms']:.0f} ms")
    return {"contacts": contacts, "hello_world": hello_spawn, "first_card": card_spawn,
            "first_card_over_hello": ratio(card_spawn, hello_spawn),
            "hello_world_after_imports": hello_after, "first_card_after_imports": card_after,
            "first_card_over_hello_after_imports": ratio(card_after, hello_after),
            "next_card": key_fig, "key_floor": floor_fig,
            "pilot_round_trip": trip_fig, "pilot_round_trip_hello": floor_trip_fig, "while_reading": reading_fig}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=None, help="comma-separated contact counts (default 1k,10k,30k,100k)")
    parser.add_argument("--quick", action="store_true", help="1k and 10k only, fewer repeats")
    parser.add_argument("--starts", type=int, default=None, help="timed starts per size (default 5; 3 quick)")
    parser.add_argument("--presses", type=int, default=None, help="timed key presses per size (default 200; 40 quick)")
    parser.add_argument("--child-start", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--child-keys", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_start:
        child_start(args.child_start)
        return
    if args.child_keys:
        child_keys(args.child_keys, args.presses)
        return
    from benchlib import emit, growth, print_growth, sizes_from

    starts = args.starts or (3 if args.quick else 5)
    press_count = args.presses or (40 if args.quick else 200)
    results = {n: run_size(n, starts, press_count) for n in sizes_from(args)}
    if len(results) > 1:
        print()
        print_growth("first card from spawn", {n: r["first_card"]["median_ms"] for n, r in results.items()},
                     "open is linear")
        print_growth("next card p95", {n: r["next_card"]["p95_ms"] for n, r in results.items()}, "should stay flat")
    emit({"bench": "tui", "sizes": {str(n): r for n, r in results.items()},
          "growth": {"first_card": growth({n: r["first_card"]["median_ms"] for n, r in results.items()}),
                     "next_card_p95": growth({n: r["next_card"]["p95_ms"] for n, r in results.items()})}})


if __name__ == "__main__":
    main()
