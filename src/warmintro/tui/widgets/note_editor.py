"""The note editor: a TextArea with a live character counter and the lint shown as the user types."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widgets import Static, TextArea

from warmintro.model.contact import Contact
from warmintro.tui.widgets.card import safe
from warmintro.model.notes import LintIssue, lint
from warmintro.tui.widgets.redraw import show


def lint_text(issues: list[LintIssue]) -> Text:
    out = Text()
    for issue in issues:
        style = "bold red" if issue.level == "block" else "yellow"
        out.append("✖ " if issue.level == "block" else "⚠ ", style)
        out.append(safe(issue.message) + "\n", style)
    return out or Text("✔ ready to send", "green")


class NoteArea(TextArea):
    """A TextArea that works out its colours from the CSS when the CSS changes, not every frame.

    TextArea applies its CSS to its theme each time it renders, and each new note empties the
    cache that makes that cheap: a millisecond of every next card's frame. The colours can only
    change when Textual restyles the widget (focus, theme, a stylesheet), which it says through
    notify_style_update.
    """

    _css_applied_to: object = None  # the theme the CSS was last applied to, None once restyled

    def notify_style_update(self) -> None:
        self._css_applied_to = None
        super().notify_style_update()

    def render_lines(self, crop: Region) -> list[Strip]:
        theme = self._theme
        if theme and self._css_applied_to is not theme:
            theme.apply_css(self)
            self._css_applied_to = theme
        return super(TextArea, self).render_lines(crop)  # TextArea's own would apply it again


class NoteEditor(Vertical):
    DEFAULT_CSS = """
    NoteEditor { height: auto; }
    NoteEditor TextArea { height: 8; }
    NoteEditor #counter { height: 1; text-align: right; }
    NoteEditor #lint { height: auto; min-height: 1; }
    """

    @dataclass
    class Linted(Message):
        """The note changed and was linted again: the screen enables or refuses send."""
        editor: "NoteEditor"
        issues: list[LintIssue]

        @property
        def control(self) -> "NoteEditor":
            return self.editor

    def __init__(self, *, id: str | None = None):
        super().__init__(id=id)
        self.contact: Contact | None = None
        self.limit = 300
        self.sent: Mapping[str, int] = {}
        self.issues: list[LintIssue] = []
        self.approach = ""
        self._linted: str | None = None  # the text the lint lines describe

    def compose(self) -> ComposeResult:
        yield NoteArea(id="note", soft_wrap=True, tab_behavior="focus")
        yield Static(id="counter")
        yield Static(id="lint")

    @property
    def text(self) -> str:
        return self.query_one(TextArea).text

    def load(self, contact: Contact, text: str, *, limit: int, sent: Mapping[str, int], approach: str = "") -> None:
        self.contact, self.limit, self.sent, self.approach = contact, limit, sent, approach
        self.query_one(TextArea).load_text(text)
        self.relint()

    def clear(self) -> None:
        """Nobody on screen: no note, no counter, no lint."""
        self.contact, self.issues, self._linted = None, [], None
        self.query_one(TextArea).load_text("")
        self.query_one("#counter", Static).update("")
        self.query_one("#lint", Static).update("")

    @property
    def blocked(self) -> bool:
        return any(i.level == "block" for i in self.issues)

    @on(TextArea.Changed)
    def edited(self) -> None:
        # load() lints at once, and the TextArea then reports that same text as Changed: linting
        # it again would redraw the lint lines, and the whole screen with them, for nothing.
        if self.text != self._linted:
            self.relint()

    def relint(self) -> None:
        if self.contact is None:
            return
        text = self._linted = self.text
        self.issues = lint(text, self.contact, limit=self.limit, sent_messages_counter=self.sent,
                           approach=self.approach)
        length = len(text.strip())
        style = "bold red" if length > self.limit else ("yellow" if length > self.limit * 0.9 else "dim")
        show(self.query_one("#counter", Static), Text(f"{length}/{self.limit}", style), layout=False)  # one line
        show(self.query_one("#lint", Static), lint_text(self.issues))
        self.post_message(self.Linted(self, self.issues))
