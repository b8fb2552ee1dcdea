"""The note editor: a TextArea with a live character counter and the lint shown as the user types."""

from __future__ import annotations

from typing import Mapping

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.geometry import Region
from textual.strip import Strip
from textual.visual import Visual, visualize
from textual.widgets import Static, TextArea
from textual.widgets.text_area import Document, WrappedDocument

from warmintro.model.contact import Contact
from warmintro.tui.widgets.card import safe
from warmintro.model.notes import LintIssue, lint
from warmintro.tui.widgets.lines import TextLines
from warmintro.tui.widgets.redraw import show


def counter_text(text: str, limit: int) -> Text:
    length = len(text.strip())
    style = "bold red" if length > limit else ("yellow" if length > limit * 0.9 else "dim")
    return Text(f"{length}/{limit}", style)


def lint_text(issues: list[LintIssue]) -> Text:
    out = Text()
    for issue in issues:
        style = "bold red" if issue.level == "block" else "yellow"
        out.append("✖ " if issue.level == "block" else "⚠ ", style)
        out.append(safe(issue.message) + "\n", style)
    return out or Text("✔ ready to send", "green")


class NoteArea(TextArea):
    """A TextArea that works out its colours from the CSS when the CSS changes, not every frame.

    TextArea applies its CSS to its theme each time it renders, and every change of its text
    empties the cache that makes that cheap: a millisecond of the frame after each key typed
    into the note. The colours can only change when Textual restyles the widget (focus, theme,
    a stylesheet), which it says through notify_style_update.
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


class NotePreview(TextLines, can_focus=True):
    """The note while the user reads the card: it looks like the editor at rest, and focusing it
    (Tab, a click) starts writing. It wraps the note as the TextArea does (the TextArea's own
    wrapping, a column kept for the cursor, and the scrollbar's columns once the note is taller
    than the box), so the text does not move when writing starts."""

    def on_focus(self) -> None:
        self.query_ancestor(NoteEditor).write()

    def _lines_of(self, content: Text, drawing: tuple) -> list[Strip]:
        size, style, _theme = drawing
        rows = _wrapped(content.plain, size.width - 1)
        if len(rows) > size.height:
            area = self.query_ancestor(NoteEditor).query_one(NoteArea)
            rows = _wrapped(content.plain, size.width - 1 - area.styles.scrollbar_size_vertical)
        return Visual.to_strips(self, visualize(self, Text("\n".join(rows))), size.width, size.height, style)


def _wrapped(text: str, width: int) -> list[str]:
    wrapped = WrappedDocument(Document(text))
    wrapped.wrap(max(width, 1))
    return [section for sections in wrapped.lines for section in sections]


class NoteEditor(Vertical):
    """The note, the counter and the lint.

    The TextArea takes the note only when the user starts writing: loading a note into it and
    drawing it cost 2.5 ms of each next card's frame (bench/tui_bench.py), and most people are
    skipped or sent with the note as it came. Until then a preview, drawn while the user read
    the card before, shows it.
    """

    DEFAULT_CSS = """
    NoteEditor { height: auto; }
    NoteEditor NoteArea, NoteEditor NotePreview { height: 8; }
    NoteEditor NotePreview {
        border: tall $border-blurred; padding: 0 1; color: $foreground; background: $surface;
        text-wrap: nowrap; text-overflow: clip;
    }
    NoteEditor NoteArea { display: none; }
    NoteEditor #counter { height: 1; text-align: right; }
    NoteEditor #lint { height: auto; min-height: 1; }
    """

    def __init__(self, *, id: str | None = None):
        super().__init__(id=id)
        self.contact: Contact | None = None
        self.limit = 300
        self.sent: Mapping[str, int] = {}
        self.issues: list[LintIssue] = []
        self.approach = ""
        self._linted: str | None = None  # the text the lint lines describe
        self._note = ""  # the note, while the TextArea does not hold it
        self._in_area = False  # the TextArea holds the note (and the user may have edited it)
        self.writing = False

    def compose(self) -> ComposeResult:
        yield NotePreview(id="preview")
        yield NoteArea(id="note", soft_wrap=True, tab_behavior="focus")
        yield TextLines(id="counter")
        yield Static(id="lint")

    @property
    def _area(self) -> NoteArea:
        return self.query_one(NoteArea)

    @property
    def text(self) -> str:
        return self._area.text if self._in_area else self._note

    def load(self, contact: Contact, text: str, *, limit: int, sent: Mapping[str, int], approach: str = "") -> None:
        self.contact, self.limit, self.sent, self.approach = contact, limit, sent, approach
        self._put(text)
        self.relint()

    def _put(self, text: str) -> None:
        self._note = text
        if self.writing:  # the TextArea is on screen: it takes the note at once
            self._area.load_text(text)
            self._in_area = True
        else:
            self._in_area = False
            self.query_one(NotePreview).show(Text(text))

    def write(self) -> None:
        """Start writing: the TextArea shows the note, with the cursor at its end (most edits add a line)."""
        area = self._area
        if not self._in_area:
            area.load_text(self._note)
            self._in_area = True
        self._show_writing(True)
        area.focus()
        area.move_cursor(area.document.end)

    def follow_focus(self, focused: object) -> None:
        """The screen's focus moved: away from the TextArea to anything but the preview, writing ends."""
        if focused is self._area:
            self._show_writing(True)
        elif focused is not None and not isinstance(focused, NotePreview):
            self._show_writing(False)

    def _show_writing(self, writing: bool) -> None:
        if writing == self.writing:
            return
        self.writing = writing
        if not writing and self._in_area:
            self.query_one(NotePreview).show(Text(self._area.text))
        self._area.display = writing
        self.query_one(NotePreview).display = not writing

    def draw_ahead(self, text: str, *, limit: int) -> None:
        """Draw now what the preview and the counter will show once *text* is loaded."""
        self.query_one(NotePreview).draw_ahead(Text(text))
        self.query_one("#counter", TextLines).draw_ahead(counter_text(text, limit))

    def clear(self) -> None:
        """Nobody on screen: no note, no counter, no lint."""
        self.contact, self.issues, self._linted = None, [], None
        self._put("")
        self.query_one("#counter", TextLines).show(Text())
        self.query_one("#lint", Static).update("")

    @property
    def blocked(self) -> bool:
        return any(i.level == "block" for i in self.issues)

    @on(TextArea.Changed)
    def edited(self, event: TextArea.Changed) -> None:
        event.stop()  # nothing above the editor listens: each step up is a message in the next card's way
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
        self.query_one("#counter", TextLines).show(counter_text(text, self.limit))
        show(self.query_one("#lint", Static), lint_text(self.issues))
