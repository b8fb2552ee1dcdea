"""Settings: a bad value is named and not saved; good edits save together, in any order."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Static

from warmintro.model.settings import Settings, SettingsError
from warmintro.tui.screens.settings import SettingsScreen, apply_edits


def test_apply_edits_raises_weekly_cap_and_batch_together():
    updated = apply_edits(Settings(), {"daily_batch": "150", "weekly_cap": "200"})
    assert (updated.daily_batch, updated.weekly_cap) == (150, 200)


def test_apply_edits_names_the_field():
    with pytest.raises(SettingsError, match="^strike_threshold:"):
        apply_edits(Settings(), {"strike_threshold": "0"})


async def open_settings(app, pilot):
    app.action_open_screen("settings")
    await pilot.pause()
    assert isinstance(app.screen, SettingsScreen)
    return app.screen


REFUSED = [
    ("weekly_cap", lambda store: "lots", "weekly_cap"),
    ("account", lambda store: "gold", "account"),
    # A cap below what is already sent is a typo: the lifetime cap never frees up.
    ("lifetime_cap", lambda store: str(store.gauge().lifetime.used - 1), "already sent"),
]


@pytest.mark.parametrize("field,typed,shown", REFUSED, ids=[r[0] for r in REFUSED])
async def test_a_refused_value_is_shown_while_typing_and_not_saved(app, field, typed, shown):
    saved = getattr(app.store.settings, field)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_settings(app, pilot)
        screen.query_one(f"#set-{field}", Input).value = typed(app.store)
        await pilot.pause()
        assert shown in str(screen.query_one(f"#error-{field}", Static).content)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert getattr(app.store.settings, field) == saved
        assert f"Not saved: {field}" in str(screen.query_one("#settings-status", Static).content)


async def test_note_limit_over_300_is_refused(app):
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_settings(app, pilot)
        await pilot.click("#set-note_limit")
        await pilot.press("ctrl+a", *"301", "enter")
        await pilot.pause()
        assert app.store.settings.note_limit is None
        assert "note_limit" in str(screen.query_one("#error-note_limit", Static).content)


SAVED = [
    ({"daily_batch": "15", "stale_after_days": "28"}, {"daily_batch": 15, "stale_after_days": 28}),
    # A fresh database has neither: they sign the notes and set the free account's limits.
    ({"my_name": "Sam Rivera", "account": "Free"}, {"my_name": "Sam Rivera", "account": "free",
                                                    "effective_note_limit": 200}),
]


@pytest.mark.parametrize("typed,saved", SAVED, ids=["limits", "name-and-account"])
async def test_good_edits_are_saved_together_and_undoable(app, typed, saved):
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_settings(app, pilot)
        for field, text in typed.items():
            screen.query_one(f"#set-{field}", Input).value = text
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert {name: getattr(app.store.settings, name) for name in saved} == saved
        assert app.store.undo_label == "change settings"
        await pilot.press("escape")
        assert not isinstance(app.screen, SettingsScreen)


async def test_question_mark_types_into_a_field_instead_of_opening_help(app):
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_settings(app, pilot)
        await pilot.click("#set-my_name")
        screen.query_one("#set-my_name", Input).value = ""
        await pilot.press("S", "a", "m", "question_mark")
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one("#set-my_name", Input).value == "Sam?"
