"""Each screen of this issue in each shipped theme, with the clock pinned so the pictures never drift.

Update with `pytest tests/finish --snapshot-update`, then look at every SVG before committing.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from warmintro.tui.app import make_app

THEMES = ("warmintro-dark", "warmintro-light", "warmintro-high-contrast")
SCREENS = ("review", "add", "withdraw", "outcomes", "settings", "templates", "policy", "insight", "follow-ups",
           "updates", "help")


def open_screen(name: str):
    async def run_before(pilot) -> None:
        if name == "help":
            pilot.app.action_open_screen("updates")
            await pilot.pause()
            await pilot.press("f1")
        elif name != "review":  # the review is the first screen
            pilot.app.action_open_screen(name)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("screen", SCREENS)
def test_screen_in_theme(snap_compare, demo_store, theme, screen):
    demo_store.set_settings(replace(demo_store.settings, theme=theme))
    if screen == "follow-ups":
        demo_store.record_outcome("demo039i1", "accepted")
        demo_store.record_outcome("demo040i1", "accepted")
    assert snap_compare(make_app(demo_store), run_before=open_screen(screen), terminal_size=(120, 40))
