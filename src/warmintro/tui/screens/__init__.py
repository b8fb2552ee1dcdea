"""One module a screen. screen_for maps a CLI start point to its screen."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen


def screen_for(name: str, options: dict[str, Any]) -> Screen:
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
