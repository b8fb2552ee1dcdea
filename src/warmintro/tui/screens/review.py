"""The review session. (Minimal until the review issue lands: shows the gauge and who is next.)"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from warmintro.model.queue import eligible, group_invites
from warmintro.reports import status_dict, status_table


class ReviewScreen(Screen):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="gauge")
        yield Static(id="next")
        yield Footer()

    def on_mount(self) -> None:
        self.app.store_changed.subscribe(self, lambda _: self.redraw())
        self.redraw()

    def redraw(self) -> None:
        store = self.app.store
        self.query_one("#gauge", Static).update(Text(status_table(status_dict(store))))
        queue = eligible(store.contacts, group_invites(store.invites.values()), store.settings, store.now())
        first = Text("Next: ") + Text(queue[0].display_name) if queue else Text("Nobody to review.")
        self.query_one("#next", Static).update(first)
