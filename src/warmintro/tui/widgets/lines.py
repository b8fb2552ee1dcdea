"""A few lines of text that can be drawn, and framed, before they are shown.

A Static turns its text into lines inside the frame that shows it: about 0.5 ms a line for the
note's heading and counter, in the frame that must carry the next card. The review knows what
they will say for the person after the one on screen, so it draws them while the user reads.
"""

from __future__ import annotations

from rich.text import Text
from textual.strip import Strip
from textual.visual import Visual, visualize
from textual.widget import Widget

from warmintro.tui.widgets.framing import frame_ahead, take_frame
from warmintro.tui.widgets.redraw import same_text


class TextLines(Widget):
    """Text in a box whose height the CSS fixes (never auto: its text cannot change the layout)."""

    DEFAULT_CSS = "TextLines { height: 1; }"

    def __init__(self, *, id: str | None = None):
        super().__init__(id=id)
        self._content = Text()
        self._lines: list[Strip] | None = None
        self._drawn_as: tuple | None = None
        self._ahead: tuple | None = None  # (drawing, content, lines, framed)
        self._framing: list[Strip] | None = None

    def render(self) -> Text:
        """What it says (its lines are drawn by render_line)."""
        return self._content

    def show(self, content: Text) -> None:
        """Show *content*, from lines drawn ahead if they were drawn for it, as it would be drawn now."""
        if same_text(self._content, content):
            return
        self._content = content
        ahead, self._ahead = self._ahead, None
        self._lines = None
        if ahead is not None and same_text(ahead[1], content) and ahead[0] == self._drawing():
            self._drawn_as, self._lines = ahead[0], ahead[2]
        self.refresh()
        if self._lines is not None:
            take_frame(self, ahead[3])

    def redraw(self) -> None:
        """Draw it afresh, forgetting anything drawn ahead."""
        self._ahead = self._lines = None
        self.refresh()

    def draw_ahead(self, content: Text) -> None:
        """Draw and frame *content* now, for a show() that may come."""
        drawing = self._drawing()
        self._ahead = None
        if drawing[0].area:
            lines = self._lines_of(content, drawing)
            self._ahead = (drawing, content, lines, frame_ahead(self, lines))

    def _drawing(self) -> tuple:
        return self.size, self.visual_style, self.app.theme

    def _lines_of(self, content: Text, drawing: tuple) -> list[Strip]:
        size, style, _theme = drawing
        return Visual.to_strips(self, visualize(self, content), size.width, size.height, style)

    def render_line(self, y: int) -> Strip:
        lines = self._framing
        if lines is None:
            drawing = self._drawing()
            if self._lines is None or self._drawn_as != drawing:
                self._lines, self._drawn_as = self._lines_of(self._content, drawing), drawing
            lines = self._lines
        if y < len(lines):
            return lines[y]
        return Strip.blank(self.size.width, self.visual_style.rich_style)
