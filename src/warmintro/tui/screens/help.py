"""Help (F1 or ?): the keys of the screen underneath, read from its live bindings, and what the gauge means.

The key list is never written by hand: it is whatever the screen would answer to right now,
so a key added to a screen appears here without anyone remembering to document it.
"""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

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


def binding_rows(screen: Screen) -> list[tuple[str, str, str, str]]:
    """(where, key, what it does, more) for every key *screen* answers to now.

    The screen's own keys come first, then the keys that work everywhere, then those of
    the focused widget (table navigation and the like), which matter least to a newcomer.
    """
    rows = []
    for active in screen.active_bindings.values():
        binding: Binding = active.binding
        if active.node is screen:
            where = "This screen"
        elif isinstance(active.node, App):
            where = "Everywhere"
        else:
            where = f"In the focused {active.node.__class__.__name__}"
        shown = screen.app.get_key_display(binding)
        what = binding.description or binding.action.replace("_", " ")
        more = active.tooltip or binding.tooltip or ("" if active.enabled else "(not available right now)")
        rows.append((where, shown, what, more))
    order = {"This screen": 0, "Everywhere": 1}
    return sorted(rows, key=lambda row: order.get(row[0], 2))  # stable: binding order within a group


def keys_table(rows: list[tuple[str, str, str, str]]) -> Group:
    """One titled table a group, so a heading is never squeezed into the key column."""
    tables = []
    for where in dict.fromkeys(row[0] for row in rows):
        table = Table(box=None, show_header=False, expand=True, padding=(0, 1), title=Text(where),
                      title_justify="left", title_style="bold underline")
        table.add_column("key", no_wrap=True, width=10)
        table.add_column("does", no_wrap=True, width=18)
        table.add_column("more", ratio=1)
        for _where, key, what, more in (row for row in rows if row[0] == where):
            table.add_row(Text(key, style="bold"), Text(what), Text(more))
        tables.append(table)
    return Group(*tables)


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 90%; max-width: 100; height: 90%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    HelpScreen #help-title { text-style: bold; color: $primary; margin-bottom: 1; }
    HelpScreen #help-keys { height: auto; margin-bottom: 1; }
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
            yield Static(keys_table(self.rows), id="help-keys")
            yield Static(Text(GAUGE_MEANING), id="gauge-meaning")

    def action_dismiss(self) -> None:
        self.dismiss(None)
