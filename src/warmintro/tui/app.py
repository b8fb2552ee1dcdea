"""The Textual application: assembled from a store by make_app, so the CLI and the tests build it alike."""

from __future__ import annotations

from typing import Any, Callable, TypeVar

from textual.app import App
from textual.binding import Binding
from textual.signal import Signal

from warmintro.gcpause import freeze_survivors
from warmintro.store import OperationRefused, Store, StoreError
from warmintro.tui import themes
from warmintro.tui.commands import WarmintroCommands
from warmintro.tui.widgets.card import safe

T = TypeVar("T")

# Another terminal (a quick-add during a review) shows up within this many seconds.
REFRESH_SECONDS = 2.0


class WarmintroApp(App[int]):
    CSS_PATH = ["app.tcss", "screens/review.tcss"]
    TITLE = "warmintro"
    COMMANDS = App.COMMANDS | {WarmintroCommands}

    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="quit", show=False, tooltip="Leave; every action is already saved"),
        Binding("f1", "help", "Help", id="help", tooltip="Every key of this screen, and what the gauge means"),
        Binding("question_mark", "help", "Help", id="help-question", show=False),
    ]

    def __init__(self, store: Store, *, start: str = "review", options: dict[str, Any] | None = None):
        super().__init__()
        self.store = store
        self.start = start
        self.options = options or {}
        self.store_changed: Signal[None] = Signal(self, "store_changed")
        self._theme_chosen = False

    def get_default_screen(self):
        from warmintro.tui.screens import screen_for

        return screen_for(self.start, self.options)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(themes.APP_VARIABLES)

    def on_mount(self) -> None:
        # Runs once the first screen's first frame is out (the first card, say): from then on the
        # collector leaves the loaded people alone, and it runs again if the start paused it.
        self.call_after_refresh(freeze_survivors)
        self.set_interval(REFRESH_SECONDS, self.pull_changes)
        for warning in self.store.warnings:
            self.notify(warning, severity="warning", timeout=10, markup=False)
        failures = themes.register_themes(self)
        if failures:
            # One notification for all broken files: the app still starts with the themes that loaded.
            self.notify("\n".join(failures), title="Theme files skipped", severity="warning", timeout=15,
                        markup=False)
        themes.choose_theme(self, self.store.settings.theme)
        self._theme_chosen = True

    def watch_theme(self, name: str) -> None:
        """Keep the chosen theme for the next start (also when picked from Textual's own theme list)."""
        # Textual sets its own default before on_mount has read the saved choice; that is not a choice.
        if not self._theme_chosen:
            return
        if name != self.store.settings.theme:
            self.act(self.store.set_theme, name)

    def action_help(self) -> None:
        from warmintro.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_open_screen(self, name: str) -> None:
        from warmintro.tui.screens import screen_for

        try:
            screen = screen_for(name, {})
        except ModuleNotFoundError:
            # A screen still being built on another branch: say so instead of crashing the palette.
            self.notify(f"The {name} screen is not in this build yet.", severity="warning", markup=False)
            return
        self.push_screen(screen)

    def pull_changes(self) -> None:
        """Take in another terminal's writes; screens subscribed to store_changed redraw."""
        try:
            changed = self.store.refresh()
        except StoreError as exc:
            self.notify(str(exc), title="Database", severity="error", timeout=15, markup=False)
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
            self.notify(str(exc), title="Not done", severity="warning", timeout=8, markup=False)
            return None
        except StoreError as exc:
            self.notify(str(exc), title="Not saved", severity="error", timeout=15, markup=False)
            return None
        self.store_changed.publish(None)
        return result if result is not None else True  # type: ignore[return-value]

    def undo_last(self) -> str | None:
        """Undo this session's last action from any screen; returns what was undone, or None."""
        if self.store.undo_label is None:
            self.notify("Nothing to undo in this session.")
            return None
        label = self.act(self.store.undo)
        if label is not None:
            self.notify("Undone: " + safe(label), markup=False)  # labels quote names: data, not markup
        return label


def make_app(store: Store, *, start: str = "review", **options: Any) -> WarmintroApp:
    return WarmintroApp(store, start=start, options=options)
