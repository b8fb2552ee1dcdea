"""The person card: who they are, where they came from, what you share, and how likely they are to know you.

Every value is user data, so it goes in as rich Text (never markup) with control characters made visible.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rich.text import Text
from textual import events
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual, visualize

from warmintro.model.common import Ground
from warmintro.model.contact import Contact
from warmintro.model.durations import humanize_age
from warmintro.model.risk import Risk
from warmintro.display import safe, safe_lines  # noqa: F401  (the screens import them from here)
from warmintro.tui.widgets.framing import Framed, frame_ahead, take_frame
from warmintro.tui.widgets.redraw import same_text

_RISK_STYLE = {"low": "bold green", "medium": "bold yellow", "high": "bold red"}
def card_text(contact: Contact, ground: list[Ground], risk: Risk, segment: str, why: str, now: datetime) -> Text:
    out = Text()
    out.append(safe(contact.display_name), "bold")
    out.append("\n")
    role = " at ".join(safe(v) for v in (contact.position, contact.company) if v)
    if role:
        out.append(role + "\n")
    for label, value in (("location", contact.location), ("LinkedIn", contact.linkedin_url),
                         ("segment", segment), ("tags", ", ".join(contact.tags)),
                         ("from", ", ".join(contact.sources)), ("event", contact.event),
                         ("how we met", contact.how_we_met), ("introduced by", contact.introduced_by),
                         ("I admire", contact.admire), ("why connect", contact.why_connect)):
        if value:
            out.append(f"{label}: ", "dim")
            out.append(safe(value) + "\n")
    if contact.last_interaction is not None:
        out.append("last interaction: ", "dim")
        out.append(humanize_age(contact.last_interaction, now) + "\n")
    if contact.not_on_linkedin:
        out.append("not on LinkedIn\n", "yellow")
    for note in contact.notes[-3:]:
        out.append(f"{note.at:%Y-%m-%d} ", "dim")
        out.append(safe(note.text) + "\n")
    out.append("\nRecognition risk: ", "dim")
    out.append(risk.level, _RISK_STYLE[risk.level])
    out.append(f"  ({why})\n", "dim")
    for reason in risk.reasons:
        out.append(f"  • {safe(reason)}\n")
    out.append("\nCommon ground\n", "dim")
    if not ground:
        out.append("  nothing found: say how you know each other\n", "italic")
    for item in ground:
        out.append(f"  • {safe(item.reason)}\n")
    return out


class PersonCard(ScrollView, can_focus=True):
    """The card, drawn line by line: it scrolls when it is taller than the screen (up, down, page
    keys), and moving on to the next person repaints only the lines that differ.

    The review renders the likely next card while the user reads this one (render_ahead): its
    lines, and those lines framed in the card's border and padding, exactly as Textual would frame
    them in the next frame (0.1 ms a line, 3 ms of a 20 ms key at 30k people; bench/tui_bench.py).
    The frame after a key then only copies the lines that changed.
    """

    DEFAULT_CSS = """
    PersonCard {
        width: 1fr; height: 1fr; padding: 0 1; border: round $primary;
        overflow-x: hidden; overflow-y: scroll; scrollbar-size-vertical: 1;
        scrollbar-background: $background; scrollbar-background-hover: $background;
        scrollbar-background-active: $background;
    }
    PersonCard:focus { border: round $accent; }
    """

    def __init__(self, *, id: str | None = None):
        super().__init__(id=id)
        self._content = Text()
        self._lines: list[Strip] = []
        self._drawn_as: tuple | None = None  # (width, style, theme) the lines were drawn for
        self._ahead: _Ahead | None = None
        self._framing: list[Strip] | None = None  # lines render_line serves while framing ahead

    async def on_key(self, event: events.Key) -> None:
        # Textual looks up a key's binding only once the key has bubbled card -> body -> screen
        # -> app; the card is focused while the user reads, so it looks the binding up itself, the
        # same way (focused widget first, then each parent, then the app). That trip was 2 ms of
        # every key at 30k people (median 12.9 -> 10.9 ms, bench/tui_bench.py, alternating runs).
        if await self.app._check_bindings(event.key):
            event.stop()

    def render(self) -> Text:
        """What the card says, as text (its lines are drawn by render_line)."""
        return self._content

    def show(self, content: Text) -> None:
        """Show *content* from its top, repainting only the lines that changed."""
        self._content = content
        drawing = self._drawing()
        old = self._lines if self._drawn_as == drawing else None
        ahead, self._ahead = self._ahead, None
        if ahead is not None and ahead.drawing == drawing and same_text(ahead.content, content):
            self._lines, self._drawn_as = ahead.lines, drawing
            self._fit_virtual_size()
        else:
            ahead = None
            self._draw(drawing)
        if self.scroll_y:
            self.scroll_to(y=0, animate=False, immediate=True)  # repaints all of it
        elif old is None:
            self.refresh()
        else:
            width, height = self.scrollable_content_region.size
            runs = ahead.runs if ahead is not None and ahead.after is old else _changed_runs(old, self._lines, height)
            if runs:
                self.refresh(*(Region(0, first, width, count) for first, count in runs))
        if ahead is not None and self.scroll_offset.y == 0:
            take_frame(self, ahead.framed)

    def redraw(self) -> None:
        """Draw every line afresh, forgetting anything drawn ahead."""
        self._ahead = None
        self._draw(self._drawing())
        self.refresh()

    def render_ahead(self, content: Text) -> None:
        """Draw the card likely to come next, while nothing else is happening: its lines, the lines
        that differ from the card on screen, and the lines framed in the border and padding."""
        drawing = self._drawing()
        self._ahead = None
        if drawing[0] <= 0:
            return
        lines = self._lines_of(content, drawing[0])
        after = self._lines if self._drawn_as == drawing else None
        runs = _changed_runs(after, lines, self.scrollable_content_region.height) if after is not None else []
        self._ahead = _Ahead(drawing, content, lines, after, runs, frame_ahead(self, lines))

    def _drawing(self) -> tuple:
        return self.scrollable_content_region.width, self.visual_style, self.app.theme

    def _lines_of(self, content: Text, width: int) -> list[Strip]:
        return Visual.to_strips(self, visualize(self, content), width, None, self.visual_style, pad=True)

    def _draw(self, drawing: tuple) -> None:
        width = drawing[0]
        if width <= 0:  # not laid out yet: on_resize draws it
            self._lines, self._drawn_as = [], None
            return
        self._lines, self._drawn_as = self._lines_of(self._content, width), drawing
        self._fit_virtual_size()

    def _fit_virtual_size(self) -> None:
        # Taller than the card: it scrolls. Otherwise the virtual size stays the card's own. Setting
        # the reactive would lay out the whole screen (10 ms, the slowest keys at 30k people), but
        # the card's own size does not change: only its scrollbar needs telling, and that lays
        # out the screen itself when the scrollbar comes or goes.
        width, height = self.scrollable_content_region.size
        size = Size(width, max(len(self._lines), height))
        if self.virtual_size != size:
            self.set_reactive(PersonCard.virtual_size, size)
            self._scroll_update(size)

    def on_resize(self) -> None:
        drawing = self._drawing()
        if self._drawn_as != drawing:  # a new width: wrap again
            self._draw(drawing)
        else:
            self._fit_virtual_size()
        self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        drawing = self._drawing()
        if self._drawn_as != drawing:  # a new width, theme or style since the last draw
            self._draw(drawing)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        if self._framing is not None:
            lines, index = self._framing, y
        else:
            lines, index = self._lines, y + self.scroll_offset.y
        if index < len(lines):
            return lines[index]
        return Strip.blank(self.size.width, self.visual_style.rich_style)


@dataclass(frozen=True)
class _Ahead:
    """The card drawn ahead, and what it differs in from the card that was on screen then."""
    drawing: tuple
    content: Text
    lines: list[Strip]
    after: list[Strip] | None  # the lines on screen when it was drawn
    runs: list[tuple[int, int]]  # (first, count) of the visible lines that differ from those
    framed: Framed | None


def _changed_runs(old: list[Strip], new: list[Strip], height: int) -> list[tuple[int, int]]:
    """The visible lines that differ, as (first, count) runs: [2, 3, 4, 9] -> [(2, 3), (9, 1)]."""
    runs: list[tuple[int, int]] = []
    for row in range(min(max(len(old), len(new)), height)):
        if row >= len(old) or row >= len(new) or old[row] != new[row]:
            if runs and runs[-1][0] + runs[-1][1] == row:
                runs[-1] = (runs[-1][0], runs[-1][1] + 1)
            else:
                runs.append((row, 1))
    return runs
