"""What the review screen looks like: at the start, with lint errors, at a limit, and at the summary.

The clock is pinned (tests/tui/conftest FIXED_NOW) so "2 days ago" never drifts with the date.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from warmintro.demo import create_demo_db
from warmintro.model.settings import Settings
from warmintro.store import Store
from warmintro.tui.app import WarmintroApp, make_app

FIXED_NOW = datetime(2026, 11, 18, 9, 30, tzinfo=timezone.utc)
SIZE = (120, 40)


@pytest.fixture
def demo_app(tmp_path, monkeypatch):
    monkeypatch.setattr(WarmintroApp, "open_url", lambda self, url, new_tab=True: None)
    with Store.open(create_demo_db(FIXED_NOW, tmp_path), clock=lambda: FIXED_NOW) as store:
        yield make_app(store), store


def test_review_start(snap_compare, demo_app):
    app, _ = demo_app
    assert snap_compare(app, terminal_size=SIZE)


def test_review_with_lint_errors(snap_compare, demo_app):
    app, _ = demo_app

    async def type_a_bad_note(pilot):
        from textual.widgets import TextArea
        await pilot.press("w")
        note = app.screen.query_one(TextArea)
        note.load_text("Hello {nickname}! I'd like to add you to my professional network on LinkedIn.")
        note.cursor_blink = False
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=type_a_bad_note)


def test_review_at_the_weekly_cap(snap_compare, demo_app):
    app, store = demo_app
    used = store.gauge().week.used
    store.set_settings(Settings(**{**store.settings.to_dict(), "weekly_cap": used, "daily_batch": used}))

    async def try_to_send(pilot):
        await pilot.press("s")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=try_to_send)


def test_review_session_summary(snap_compare, demo_app):
    app, store = demo_app
    store.set_settings(Settings(**{**store.settings.to_dict(), "daily_batch": 1}))

    async def send_one(pilot):
        await pilot.press("s")
        await pilot.pause()
        # The "Sent" toast would time out at a random moment: clear it so the picture is stable.
        app.clear_notifications()
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=send_one)


def test_review_card_with_the_friending_policy(snap_compare, demo_app):
    from warmintro.model.policy import Policy

    app, store = demo_app
    store.set_policy(Policy(text="People I would gladly help, and who would recognise my name.",
                            exclude_companies=("Globex",), require_how_we_met=True))
    assert snap_compare(app, terminal_size=SIZE)


@pytest.mark.parametrize("presses", [0, 1, 2], ids=["common-ground", "compliment", "direct"])
def test_review_note_in_each_approach(snap_compare, demo_app, presses):
    app, _ = demo_app

    async def switch(pilot):
        for _ in range(presses):
            await pilot.press("ctrl+b")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=switch)
