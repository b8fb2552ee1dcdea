"""The gauge strip: every LinkedIn limit at a glance, coloured as it nears."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from warmintro.model.gauge import Gauge, Meter
from warmintro.tui.widgets.redraw import show

_STYLE = {"ok": "green", "warning": "bold yellow", "error": "bold red"}


def _meter(label: str, meter: Meter, level: str) -> Text:
    cap = "∞" if meter.cap is None else str(meter.cap)
    return Text.assemble((f"{label} ", "dim"), (f"{meter.used}/{cap}", _STYLE[level]))


def gauge_text(gauge: Gauge, target: int) -> Text:
    parts = [
        _meter("lifetime", gauge.lifetime, gauge.lifetime.level()),
        _meter("week", gauge.week, gauge.week.level()),
        _meter("today", Meter(gauge.today.used, target), "ok" if gauge.today.used < target else "warning"),
        _meter("strikes", gauge.strikes, gauge.strike_level()),
    ]
    if gauge.notes_month.cap is not None:
        parts.append(_meter("notes this month", gauge.notes_month, gauge.notes_month.level()))
    parts.append(_meter("pending", gauge.pending, gauge.pending.level()))
    parts.append(Text.assemble(("stale ", "dim"), (str(gauge.stale), "yellow" if gauge.stale else "green")))
    return Text("  │  ").join(parts)


class GaugeBar(Static):
    DEFAULT_CSS = """
    GaugeBar { height: 1; padding: 0 1; background: $panel; }
    """

    _shown: tuple | None = None

    def show(self, gauge: Gauge, target: int) -> None:
        # The store hands out the same Gauge until the data or the time moves it on; a key shows
        # it twice (the action, then the store's change signal), so only a new one is laid out.
        if self._shown is not None and self._shown[0] is gauge and self._shown[1] == target:
            return
        self._shown = (gauge, target)
        show(self, gauge_text(gauge, target), layout=False)  # one line, whatever it says: no reflow
