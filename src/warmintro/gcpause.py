"""Pausing Python's cyclic garbage collector around work that builds many objects and no cycles.

Opening 30,000 people, planning an import of as many rows, or building the review's queue and
network makes hundreds of thousands of long-lived objects. Each time enough of them survive, the
collector walks every object again, though none of them is part of a cycle; reference counting
frees them all the same. Measured at 30k: the first card's queue, network and note counter took
135 ms longer with the collector running (bench/tui_bench.py), a 30k import 1.6x longer.
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


def freeze_survivors() -> None:
    """Once per process, after the first screen is up: collect, then move everything that
    survived (the loaded network, the queue, Textual's own widgets and caches) out of the
    collector's sight.

    Otherwise every full collection during the session walks them all again: at 30k people
    that was a 45-70 ms stall about every thirty key presses (bench/tui_bench.py). The collect
    first means no garbage is frozen; what dies later is freed by reference counting, and only
    a cycle among objects alive now would outlive its use.
    """
    global _SETTLED
    if _SETTLED:
        return
    _SETTLED = True
    gc.collect()
    gc.freeze()
