"""Pausing Python's cyclic garbage collector around work that builds many objects and no cycles.

Opening 30,000 people, planning an import of as many rows, or building the review's queue and
network makes hundreds of thousands of long-lived objects. Each time enough of them survive, the
collector walks every object again, though none of them is part of a cycle; reference counting
frees them all the same. Measured at 30k: the first card's queue, network and note counter took
135 ms longer with the collector running (bench/tui_bench.py), a 30k import 1.6x longer.

At start the same holds for the whole way to the first card: every time a pause ends, the next
allocation sets off a collection that walks everything just loaded, so the TUI keeps the collector
off from before it opens the database until its first screen is up (pause_for_start, then
freeze_survivors): at 30k people that took the first card 150-200 ms sooner (bench/tui_bench.py).
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def no_cyclic_gc() -> Iterator[None]:
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


_SETTLED = False
_PAUSED_FOR_START = False
YOUNG_THRESHOLD = 20_000  # allocations between two young collections, once the first screen is up


def pause_for_start() -> None:
    """Keep the collector off until freeze_survivors; for a process about to open its first screen."""
    global _PAUSED_FOR_START
    if not _SETTLED and gc.isenabled():
        gc.disable()
        _PAUSED_FOR_START = True


def freeze_survivors() -> None:
    """Once per process, after the first screen is up: collect, then move everything that
    survived (the loaded network, the queue, Textual's own widgets and caches) out of the
    collector's sight.

    Otherwise every full collection during the session walks them all again: at 30k people
    that was a 45-70 ms stall about every thirty key presses (bench/tui_bench.py). The collect
    first means no garbage is frozen; what dies later is freed by reference counting, and only
    a cycle among objects alive now would outlive its use.
    """
    global _SETTLED, _PAUSED_FOR_START
    if _SETTLED:
        return
    _SETTLED = True
    gc.collect()
    gc.freeze()
    # A key makes about 3,500 objects: with the default 700, five young collections ran inside
    # each key's frame (0.35 ms each); collect_between_keys does that work while the user reads.
    gc.set_threshold(YOUNG_THRESHOLD, *gc.get_threshold()[1:])
    if _PAUSED_FOR_START:
        _PAUSED_FOR_START = False
        gc.enable()


def collect_between_keys() -> None:
    """While the user reads a card: collect the young generations, and the old one once it is
    half due, so the collector's own schedule rarely lands inside the next key's frame.

    Every key makes a few thousand objects (Textual's strips and caches), so the collector's
    counters keep running after the freeze: at 30k people its full collections, about every
    fourteen keys, took 10-15 ms each, and made every key of the slowest twentieth
    (bench/tui_bench.py).
    """
    if not gc.isenabled():
        return
    _, _, old_due = gc.get_count()
    gc.collect(2 if old_due >= gc.get_threshold()[2] // 2 else 1)
