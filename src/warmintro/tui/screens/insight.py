"""Insight: pace against the weekly cap, acceptance by segment, template and approach, time to acceptance,
pending by age and strikes over time. Every chart has its numbers beside it, because a sparkline
alone shows a shape but not whether 3 is a lot."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Header, Sparkline, Static

from warmintro.model import icebreak, insight
from warmintro.tui.screens.base import SubScreen
from warmintro.tui.widgets.footer import Footer

WEEKS = 12
BAR_WIDTH = 24


def text_bars(rows: list[tuple[str, float, float, str]], label_width: int = 18) -> Text:
    """One plain-text bar a row: label, bar scaled to *top*, then the numbers."""
    out = Text()
    for index, (label, value, top, numbers) in enumerate(rows):
        filled = round(BAR_WIDTH * value / top) if top else 0
        if value and not filled:
            filled = 1  # a non-zero value never looks like zero
        if index:
            out.append("\n")
        out.append(label[:label_width].ljust(label_width) + " ")
        out.append("█" * filled, style="bold")
        out.append("·" * (BAR_WIDTH - filled), style="dim")
        out.append("  " + numbers)
    return out or Text("nothing yet", style="dim")


def rate_rows(rates: list[insight.Rate]) -> list[tuple[str, float, float, str]]:
    return [(r.group, r.ratio, 1.0, f"{r.ratio:4.0%}  {r.accepted} of {r.sent}") for r in rates]


def week_numbers(weeks: list[insight.WeekCount]) -> Text:
    """The week-by-week counts in small columns, newest last like the sparkline."""
    return Text("  ".join(f"{w.week[-3:]} {w.count}" for w in weeks), style="dim")


class InsightScreen(SubScreen):
    SUB_TITLE = "Insight"
    DEFAULT_CSS = """
    InsightScreen VerticalScroll { padding: 0 2; }
    InsightScreen .chart-title { text-style: bold; color: $primary; margin-top: 1; }
    InsightScreen .chart-row { height: 3; }
    InsightScreen Sparkline { width: 48; height: 3; margin-right: 2; }
    InsightScreen Sparkline > .sparkline--max-color { color: $gauge-warning; }
    InsightScreen Sparkline > .sparkline--min-color { color: $gauge-ok; }
    InsightScreen #strikes-spark > .sparkline--max-color { color: $gauge-error; }
    InsightScreen .numbers { width: 1fr; }
    InsightScreen .bars { color: $secondary; height: auto; }
    """

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll():
            yield Static(id="sent-title", classes="chart-title")
            with Horizontal(classes="chart-row"):
                yield Sparkline([], id="sent-spark")
                yield Static(id="sent-numbers", classes="numbers")
            yield Static(id="sent-weeks")
            yield Static(Text("Acceptance by segment"), classes="chart-title")
            yield Static(id="by-segment", classes="bars")
            yield Static(Text("Acceptance by template"), classes="chart-title")
            yield Static(id="by-template", classes="bars")
            yield Static(Text("Acceptance by approach"), classes="chart-title")
            yield Static(id="by-approach", classes="bars")
            yield Static(Text("Time to acceptance"), classes="chart-title")
            yield Static(id="to-accept", classes="bars")
            yield Static(Text("Pending by age"), classes="chart-title")
            yield Static(id="pending-age", classes="bars")
            yield Static(id="strikes-title", classes="chart-title")
            with Horizontal(classes="chart-row"):
                yield Sparkline([], id="strikes-spark")
                yield Static(id="strikes-numbers", classes="numbers")
            yield Static(id="strikes-weeks")
        yield Footer()

    def redraw(self) -> None:
        store = self.app.store
        invites = list(store.invites.values())
        settings, now = store.settings, store.now()
        self._draw_sent(invites, settings.weekly_cap, now)
        contacts = store.contacts
        self._set("#by-segment", text_bars(rate_rows(insight.acceptance_by(
            invites, lambda inv: insight.segment_of(inv, contacts)))))
        self._set("#by-template", text_bars(rate_rows(insight.acceptance_by(invites, lambda inv: inv.template))))
        self._set("#by-approach", text_bars(rate_rows(insight.acceptance_by(
            [i for i in invites if i.has_note], lambda inv: icebreak.LABELS.get(inv.approach, inv.approach))), label_width=22))
        self._draw_time_to_accept(invites)
        ages = insight.pending_by_age(invites, now)
        top = max((count for _label, count in ages), default=0)
        self._set("#pending-age", text_bars([(label, count, top, str(count)) for label, count in ages]))
        self._draw_strikes(invites, settings.strike_threshold, store.gauge().strikes.used, now)

    def _set(self, selector: str, content: Text) -> None:
        self.query_one(selector, Static).update(content)

    def _draw_sent(self, invites, weekly_cap: int, now) -> None:
        weeks = insight.sent_per_week(invites, now, WEEKS)
        counts = [w.count for w in weeks]
        self._set("#sent-title", Text(f"Invitations per ISO week, last {WEEKS} weeks, against the weekly cap"))
        self.query_one("#sent-spark", Sparkline).data = counts
        peak = max(counts, default=0)
        self._set("#sent-numbers", Text(
            f"this week {counts[-1]} of {weekly_cap} ({counts[-1] / weekly_cap:.0%})\n"
            f"peak week {peak} of {weekly_cap} ({peak / weekly_cap:.0%})\n"
            f"average {sum(counts) / len(counts):.1f} a week"))
        self._set("#sent-weeks", week_numbers(weeks))

    def _draw_time_to_accept(self, invites) -> None:
        days = insight.days_to_acceptance(invites)
        median = insight.median_days(days)
        buckets = [("within a day", 0, 1), ("1-7 days", 1, 7), ("1-4 weeks", 7, 28), ("after 4 weeks", 28, None)]
        counts = [(label, sum(1 for d in days if d >= low and (high is None or d < high)))
                  for label, low, high in buckets]
        top = max((c for _l, c in counts), default=0)
        summary = (f"median {median:.1f} days over {len(days)} acceptances" if median is not None
                   else "no acceptances recorded yet")
        self._set("#to-accept", text_bars([(label, c, top, str(c)) for label, c in counts]) + Text("\n" + summary))

    def _draw_strikes(self, invites, threshold: int, used: int, now) -> None:
        weeks = insight.strikes_per_week(invites, now, WEEKS)
        counts = [w.count for w in weeks]
        self._set("#strikes-title", Text(f"Strikes (\"I don't know\") per ISO week, last {WEEKS} weeks"))
        self.query_one("#strikes-spark", Sparkline).data = counts
        self._set("#strikes-numbers", Text(
            f"{used} of {threshold} strikes in all (LinkedIn restricts at {threshold})\n"
            f"{sum(counts)} in these {WEEKS} weeks"))
        self._set("#strikes-weeks", week_numbers(weeks))
