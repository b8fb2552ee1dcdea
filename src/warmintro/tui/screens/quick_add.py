"""Quick-add after an event. (Minimal until the quick-add issue lands.)"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Static


class QuickAddScreen(Screen):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Quick-add: use `warmintro add NAME --event …` for now.")
        yield Footer()
