"""One module a screen. screen_for maps a CLI start point to its screen."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen


# Screens of the themes/help/insight/keep-in-touch issue: "module:Class", imported when first opened.
_FINISH_SCREENS = {
    "settings": "settings:SettingsScreen",
    "insight": "insight:InsightScreen",
    "templates": "templates:TemplatesScreen",
    "policy": "policy:PolicyScreen",
    "follow-ups": "keep_in_touch:FollowUpsScreen",
    "updates": "keep_in_touch:UpdatesScreen",
}


def screen_for(name: str, options: dict[str, Any]) -> Screen:
    if name in _FINISH_SCREENS:
        from importlib import import_module

        module, cls = _FINISH_SCREENS[name].split(":")
        return getattr(import_module(f"warmintro.tui.screens.{module}"), cls)()
    if name == "add":
        from warmintro.tui.screens.quick_add import QuickAddScreen

        return QuickAddScreen()
    if name == "withdraw":
        from warmintro.tui.screens.withdraw import WithdrawScreen

        return WithdrawScreen(older_than_days=options.get("older_than_days"))
    if name == "outcomes":
        from warmintro.tui.screens.outcomes import OutcomesScreen

        return OutcomesScreen()
    from warmintro.tui.screens.review import ReviewScreen

    return ReviewScreen()
