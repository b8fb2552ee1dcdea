"""The start keeps Python's cyclic collector off until the first screen is up, and then turns it back on.

A session left without the collector would keep every reference cycle it ever made; one that
never paused it pays for collections of the whole database on the way to the first card.
"""

from __future__ import annotations

import gc

import pytest

from warmintro import gcpause
from warmintro.tui.app import make_app


@pytest.fixture
def fresh_process(monkeypatch):
    """As if no screen had been up in this process yet; the collector is on again afterwards."""
    monkeypatch.setattr(gcpause, "_SETTLED", False)
    monkeypatch.setattr(gcpause, "_PAUSED_FOR_START", False)
    threshold = gc.get_threshold()
    yield
    gc.enable()
    gc.set_threshold(*threshold)


@pytest.mark.parametrize("start", ["review", "withdraw", "add"])
async def test_the_collector_is_back_once_the_first_screen_is_up(demo_store, opened_urls, fresh_process, start):
    gcpause.pause_for_start()
    assert not gc.isenabled()
    app = make_app(demo_store, start=start)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert gc.isenabled()


def test_a_pause_inside_the_start_does_not_end_it(fresh_process):
    gcpause.pause_for_start()
    with gcpause.no_cyclic_gc():
        pass
    assert not gc.isenabled()  # only the first screen ends the start's pause
    gcpause.freeze_survivors()
    assert gc.isenabled()


def test_a_process_already_settled_is_not_paused(fresh_process, monkeypatch):
    monkeypatch.setattr(gcpause, "_SETTLED", True)
    gcpause.pause_for_start()
    assert gc.isenabled()


def test_between_keys_the_young_collections_run_and_the_old_one_once_half_due(fresh_process, monkeypatch):
    ran = []
    monkeypatch.setattr(gc, "collect", lambda generation=2: ran.append(generation) or 0)
    monkeypatch.setattr(gc, "get_count", lambda: (500, 3, 2))
    gcpause.collect_between_keys()
    monkeypatch.setattr(gc, "get_count", lambda: (500, 3, gc.get_threshold()[2] // 2))
    gcpause.collect_between_keys()
    gcpause.pause_for_start()
    gcpause.collect_between_keys()  # not while the start keeps the collector off
    assert ran == [1, 2]
