"""What the screens of the themes/insight/keep-in-touch issue share: a way back, and redraw on change."""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen


class SubScreen(Screen):
    """A screen opened over another (from the palette); Escape goes back, store changes redraw it."""

    BINDINGS = [Binding("escape", "back", "Back", id="back", tooltip="Back to the previous screen")]

    def on_mount(self) -> None:
        # Textual calls on_mount of every class in the MRO, subclass first: subclasses add their
        # columns in their own on_mount and must not call this one again.
        self.app.store_changed.subscribe(self, lambda _: self.redraw())
        self.redraw()

    def redraw(self) -> None:
        """Show the store as it is now; called on mount and after every change."""

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back" and len(self.app.screen_stack) <= 1:
            return None  # the first screen has nowhere to go back to: shown dimmed
        return True
