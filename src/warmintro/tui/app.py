"""The Textual application: assembled from a store by make_app, so the CLI and the tests build it alike."""

from __future__ import annotations

from typing import Any, Callable, TypeVar

from textual.app import App
from textual.binding import Binding
from textual.signal import Signal

from warmintro.store import OperationRefused, Store, StoreError

T = TypeVar("T")

# Another terminal (a quick-add during a review) shows up within this many seconds.
REFRESH_SECONDS = 2.0


class WarmintroApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "warmintro"

    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="quit", tooltip="Leave; every action is already saved"),
    ]

    def __init__(self, store: Store, *, start: str = "review", options: dict[str, Any] | None = None):
        super().__init__()
        self.store = store
        self.start = start
        self.options = options or {}
        self.store_changed: Signal[None] = Signal(self, "store_changed")

    def get_default_screen(self):
        from warmintro.tui.screens import screen_for

        return screen_for(self.start, self.options)

    def on_mount(self) -> None:
        self.set_interval(REFRESH_SECONDS, self.pull_changes)
        for warning in self.store.warnings:
            self.notify(warning, severity="warning", timeout=10)

    def pull_changes(self) -> None:
        """Take in another terminal's writes; screens subscribed to store_changed redraw."""
        try:
            changed = self.store.refresh()
        except StoreError as exc:
            self.notify(str(exc), title="Database", severity="error", timeout=15)
            return
        if changed:
            self.store_changed.publish(None)

    def act(self, operation: Callable[..., T], *args, **kwargs) -> T | None:
        """Run one store action; a refusal or a disk error becomes a notification, never a traceback.

        Returns None when the action did not happen, so the caller keeps the screen as it was.
        """
        try:
            result = operation(*args, **kwargs)
        except OperationRefused as exc:
            self.notify(str(exc), title="Not done", severity="warning", timeout=8)
            return None
        except StoreError as exc:
            self.notify(str(exc), title="Not saved", severity="error", timeout=15)
            return None
        self.store_changed.publish(None)
        return result if result is not None else True  # type: ignore[return-value]


def make_app(store: Store, *, start: str = "review", **options: Any) -> WarmintroApp:
    return WarmintroApp(store, start=start, options=options)
