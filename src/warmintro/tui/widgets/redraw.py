"""Redraw a Static only when what it shows changes.

Each key in the review updates half a dozen Statics; most (the gauge after a skip, an empty
notice, an unchanged lint) would show exactly what they show now, and drawing them again costs
a few milliseconds of the frame that must carry the next card.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


def same_text(a: object, b: object) -> bool:
    """Rich's Text equality ignores the base style: compare it too."""
    if isinstance(a, Text) and isinstance(b, Text):
        return a.plain == b.plain and a.spans == b.spans and a.style == b.style
    return False


def show(widget: Static, content: Text, *, layout: bool = True) -> None:
    """Update *widget* unless it already shows *content*.

    layout=False for a widget whose size the content cannot change (one fixed line).
    """
    if not same_text(widget.content, content):
        widget.update(content, layout=layout)
