"""Help lists the live keys of the screen underneath; the palette opens every screen and switches themes."""

from __future__ import annotations

import pytest
from textual.command import CommandPalette

from warmintro.tui.screens.help import HelpScreen
from warmintro.tui.screens.insight import InsightScreen
from warmintro.tui.screens.keep_in_touch import FollowUpsScreen, UpdatesScreen
from warmintro.tui.screens.settings import SettingsScreen


def help_rows(app) -> list[tuple[str, ...]]:
    assert isinstance(app.screen, HelpScreen)
    return [row[1:] for row in app.screen.rows]


async def test_f1_lists_the_keys_of_the_screen_underneath(app):
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_open_screen("updates")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = help_rows(app)
        assert app.screen.rows[0][0] == "This screen"
        does = {row[1] for row in rows}
        assert {"Updated", "Commercial sent", "Opt-in", "Back", "Help", "Quit"} <= does
        assert ("u", "Updated", "Record that you sent them an update today") in rows
        assert "What the gauge means" in str(app.screen.query_one("#gauge-meaning").content)
        await pilot.press("escape")
        assert isinstance(app.screen, UpdatesScreen)


async def test_question_mark_opens_help_too(app):
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_open_screen("insight")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def run_palette(pilot, text: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*text)
    await pilot.app.workers.wait_for_complete()  # the palette searches in a worker
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


@pytest.mark.parametrize("name, screen_type", [
    ("insight", InsightScreen), ("settings", SettingsScreen),
    ("follow-ups", FollowUpsScreen), ("updates", UpdatesScreen),
])
async def test_palette_opens_each_screen_by_name(app, name, screen_type):
    async with app.run_test(size=(120, 40)) as pilot:
        await run_palette(pilot, f"open {name}")
        assert isinstance(app.screen, screen_type)


async def test_palette_switches_theme_and_it_is_kept(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await run_palette(pilot, "theme: warmintro-high")
        assert app.theme == "warmintro-high-contrast"
        assert app.store.settings.theme == "warmintro-high-contrast"


async def test_palette_offers_every_screen_and_action(app):
    from warmintro.tui.commands import WarmintroCommands

    async with app.run_test(size=(120, 40)):
        titles = {c.title for c in WarmintroCommands(app.screen).commands()}
    for name in ("review", "quick-add", "withdraw", "outcomes", "insight", "templates", "settings",
                 "follow-ups", "updates"):
        assert f"Open {name}" in titles
    assert {"Help", "Theme: warmintro-dark", "Theme: warmintro-light"} <= titles


async def test_a_screen_not_built_yet_is_reported_not_crashed(app):
    async with app.run_test(size=(120, 40)) as pilot:
        before = app.screen
        app.action_open_screen("templates")
        await pilot.pause()
        if app.screen is before:  # until the templates screen lands on this branch
            assert any("not in this build yet" in n.message for n in app._notifications)
