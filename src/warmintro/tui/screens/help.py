"""Help (F1 or ?): the keys of the screen underneath, read from its live bindings, and what the gauge means.

The key list is never written by hand: it is whatever the screen would answer to right now,
so a key added to a screen appears here without anyone remembering to document it.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

GAUGE_MEANING = """\
What the gauge means

lifetime   invitations ever sent against the lifetime cap (reported 3,000); it never frees up.
week       invitations in the last seven days (or this calendar week) against the weekly cap.
today      sent today against today's target: the daily batch, less when the week, the
           lifetime or the strikes leave less room.
strikes    "I don't know this person" answers against the threshold; at the threshold LinkedIn
           restricts the account, so the app keeps one in reserve.
notes      personal notes this month (free accounts only).
pending    invitations still outstanding against the soft cap; stale ones are worth withdrawing.

Green: plenty of room.  Amber: 80% used, or two strikes from the threshold.
Red: 95% used, or one strike from the threshold: stop for today."""


def binding_rows(screen: Screen) -> list[tuple[str, str, str]]:
    """(key, what it does, more) for every key *screen* answers to now, in binding order."""
    rows = []
    for key, active in screen.active_bindings.items():
        binding: Binding = active.binding
        shown = screen.app.get_key_display(binding)
        what = binding.description or binding.action.replace("_", " ")
        more = active.tooltip or binding.tooltip or ("" if active.enabled else "(not available right now)")
        rows.append((shown, what, more))
    return rows


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 90%; max-width: 100; height: 90%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    HelpScreen #help-title { text-style: bold; color: $primary; margin-bottom: 1; }
    HelpScreen DataTable { height: auto; margin-bottom: 1; }
    HelpScreen #gauge-meaning { color: $foreground; }
    """

    BINDINGS = [
        Binding("escape", "dismiss", "Close", id="help-close", tooltip="Back to the screen"),
        Binding("q", "dismiss", "Close", show=False),
    ]

    def __init__(self, underneath: Screen):
        super().__init__()
        self.underneath_title = underneath.__class__.__name__.removesuffix("Screen") or "Screen"
        # Read now, while the screen underneath is still the active one with its own focus.
        self.rows = binding_rows(underneath)

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(Text(f"Keys on {self.underneath_title}"), id="help-title")
            yield DataTable(id="help-keys", cursor_type="row", zebra_stripes=True)
            yield Static(Text(GAUGE_MEANING), id="gauge-meaning")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Key", "Does", "More")
        for row in self.rows:
            table.add_row(*(Text(cell) for cell in row))

    def action_dismiss(self) -> None:
        self.dismiss(None)
