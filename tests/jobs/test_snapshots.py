"""What the screens look like, on a pinned clock and a fixed set of people."""

from __future__ import annotations

import pytest

from warmintro.store import Store
from warmintro.tui.app import make_app

from .conftest import FIXED, add_pending


@pytest.fixture
def seeded(tmp_path):
    with Store.open(tmp_path / "db.json", clock=lambda: FIXED) as store:
        add_pending(store, "Ana Silva", 40, "https://www.linkedin.com/in/ana/")
        add_pending(store, "[bold]Mallory[/bold] X", 30)
        add_pending(store, "Eva Lima", 10, "https://www.linkedin.com/in/eva/")
        store.withdraw([add_pending(store, "Rui Costa", 50).id])  # shows in the cooldown list
        yield store


def test_withdraw_screen(snap_compare, seeded):
    assert snap_compare(make_app(seeded, start="withdraw"), terminal_size=(120, 40))


def test_withdraw_confirmation(snap_compare, seeded):
    assert snap_compare(make_app(seeded, start="withdraw"), press=["w"], terminal_size=(120, 40))


def test_quick_add_with_an_error(snap_compare, seeded):
    async def fill(pilot):
        await pilot.pause()
        screen = pilot.app.screen
        screen.query_one("#event").value = "Web Summit"
        screen.query_one("#reach").value = "ana@nowhere"
        screen.query_one("#name").focus()
        await pilot.press(*"Ana", "enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(make_app(seeded, start="add"), run_before=fill, terminal_size=(120, 40))


def test_outcomes_screen(snap_compare, seeded):
    assert snap_compare(make_app(seeded, start="outcomes"), press=["c"], terminal_size=(120, 40))
