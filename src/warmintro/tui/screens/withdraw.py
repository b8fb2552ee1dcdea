"""Bulk-withdraw of stale invitations. (Minimal until the withdraw issue lands.)"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Static


class WithdrawScreen(Screen):
    def __init__(self, older_than_days: float | None = None):
        super().__init__()
        self.older_than_days = older_than_days

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Withdraw: use `warmintro withdraw --older-than 3w --yes` for now.")
        yield Footer()
