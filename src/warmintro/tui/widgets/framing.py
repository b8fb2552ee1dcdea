"""Lines framed in a widget's border, padding and background before the frame that shows them.

Textual frames each repainted line of a widget in the frame that shows it (border, padding,
tint, line filters: about 0.1 ms a line). For lines drawn ahead of time, the framing can be done
ahead too, in a spare StylesCache that the widget swaps with its own once it shows those lines,
if nothing the framing depends on has changed since. After that, Textual's own clearing of the
cache on any restyle keeps it right.
"""

from __future__ import annotations

from dataclasses import dataclass
from textual.strip import Strip
from textual.widget import Widget

try:  # where Textual keeps the cache a widget's lines are framed through
    from textual._styles_cache import StylesCache
except ImportError:  # a Textual that moved it: lines are still drawn ahead, just not framed
    StylesCache = None


@dataclass(frozen=True)
class Framed:
    key: tuple
    cache: object


def frame_key(widget: Widget) -> tuple:
    """What the framing of a line depends on, besides the line."""
    styles = widget.styles
    return (widget.region.size, widget.background_colors, styles.border, styles.padding, styles.tint,
            widget.opacity, widget.visual_style, widget.app.theme, tuple(widget.get_line_filters()))


def frame_ahead(widget: Widget, lines: list[Strip]) -> Framed | None:
    """Frame *lines* as *widget* would frame them now. While it does, the widget's render_line
    serves them, from its `_framing` attribute.

    Only the latest framing of a widget can be taken: each widget frames into one spare cache,
    which take_frame swaps with the one in use. A fresh cache for every framing would never be
    freed soon: Textual's StylesCache.get_inner_outer is an lru_cache(1024) on the method, so it
    keeps each cache that ever framed a line alive, with every line the cache holds, until 1024
    newer ones push it out (at 30k people: 51 MB more after 200 skips, bench/memory_bench.py,
    and full collections between keys of 0.4-0.5 s).
    """
    if StylesCache is None:
        return None
    cache = getattr(widget, "_spare_styles_cache", None)
    if cache is None:
        cache = widget._spare_styles_cache = StylesCache()
    else:
        cache.clear()
    widget._framing = lines
    try:
        cache.render_widget(widget, widget.region.size.region)
    finally:
        widget._framing = None
    framed = widget._latest_frame = Framed(frame_key(widget), cache)
    return framed


def take_frame(widget: Widget, framed: Framed | None) -> None:
    """Call after the repaints that show the lines framed: they mark lines dirty in the old cache."""
    if (framed is not None and framed is getattr(widget, "_latest_frame", None)
            and framed.key == frame_key(widget)):
        widget._latest_frame = None
        widget._spare_styles_cache, widget._styles_cache = widget._styles_cache, framed.cache
