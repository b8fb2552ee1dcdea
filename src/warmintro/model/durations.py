"""Parsing what people type for durations and dates: "21d", "3w", "2 weeks", "next monday"."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta

from dateutil.relativedelta import MO, TU, WE, TH, FR, SA, SU, relativedelta


class DurationError(ValueError):
    pass


def _date_parser():
    # dateutil's parser (and the time zone machinery it brings) is a tenth of the review's own
    # import time, and only a typed date needs it: imported on first use.
    from dateutil import parser

    return parser


_UNITS = {
    "d": "days", "day": "days", "days": "days",
    "w": "weeks", "wk": "weeks", "week": "weeks", "weeks": "weeks",
    "m": "months", "mo": "months", "month": "months", "months": "months",
    "y": "years", "yr": "years", "year": "years", "years": "years",
    "h": "hours", "hour": "hours", "hours": "hours",
}
_PART_RE = re.compile(r"(\d+)\s*([a-z]+)")
_WEEKDAYS = {name: wd for wd, names in (
    (MO, ("mon", "monday")), (TU, ("tue", "tues", "tuesday")), (WE, ("wed", "wednesday")),
    (TH, ("thu", "thur", "thurs", "thursday")), (FR, ("fri", "friday")),
    (SA, ("sat", "saturday")), (SU, ("sun", "sunday"))) for name in names}


_ROUGH_DAYS = {"days": 1, "weeks": 7, "months": 31, "years": 366}


def parse_duration(text: str) -> relativedelta:
    """"21d", "3w", "2 weeks", "1 month 3 days" -> relativedelta. Raises DurationError."""
    cleaned = (text or "").strip().lower().replace(",", " ")
    if not cleaned:
        raise DurationError("empty duration")
    pos = 0
    kwargs: dict[str, int] = {}
    for match in _PART_RE.finditer(cleaned):
        if cleaned[pos:match.start()].strip() not in ("", "and"):
            raise DurationError(f"cannot read {text!r} as a duration (try 21d, 3w or '2 weeks')")
        unit = _UNITS.get(match.group(2))
        if unit is None:
            raise DurationError(f"unknown unit {match.group(2)!r} in {text!r} (use d, w, m or y)")
        kwargs[unit] = kwargs.get(unit, 0) + int(match.group(1))
        pos = match.end()
    if pos != len(cleaned) or not kwargs:
        raise DurationError(f"cannot read {text!r} as a duration (try 21d, 3w or '2 weeks')")
    rough_days = sum(kwargs[unit] * _ROUGH_DAYS.get(unit, 1) for unit in kwargs)
    if rough_days > 100 * 366:  # nobody snoozes a person for a century; datetime overflows not far beyond
        raise DurationError(f"{text!r} is longer than a hundred years")
    return relativedelta(**kwargs)


def duration_days(text: str, now: datetime) -> float:
    """How many days a duration spans when counted from *now* (months vary)."""
    return ((now + parse_duration(text)) - now).total_seconds() / 86400


def parse_when(text: str, now: datetime) -> datetime:
    """A future moment from "3d", "2w", "tomorrow", "next monday" or a date; aware, in now's zone.

    Dates without a time mean the start of that day, so a snooze "until monday" ends as Monday begins.
    """
    cleaned = " ".join((text or "").strip().lower().split())
    if not cleaned:
        raise DurationError("empty date")
    start_of_today = datetime.combine(now.date(), time(), tzinfo=now.tzinfo)
    if cleaned == "tomorrow":
        return start_of_today + timedelta(days=1)
    if cleaned in ("next week",):
        return start_of_today + relativedelta(days=1, weekday=MO(+1))
    if cleaned in ("next month",):
        return start_of_today + relativedelta(months=1, day=1)
    words = cleaned.split()
    if words[-1] in _WEEKDAYS and (len(words) == 1 or (len(words) == 2 and words[0] in ("next", "on", "this"))):
        return start_of_today + relativedelta(days=1, weekday=_WEEKDAYS[words[-1]](+1))
    if cleaned.startswith("in "):
        cleaned = cleaned[3:]
    try:
        return now + parse_duration(cleaned)
    except DurationError:
        pass
    except OverflowError:
        raise DurationError(f"{text!r} is too far away") from None
    try:
        parsed = _date_parser().parse(cleaned, default=start_of_today.replace(tzinfo=None))
    except (ValueError, OverflowError):
        raise DurationError(f"cannot read {text!r} as a date (try 3d, 2w, 'next monday' or 2026-12-01)") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=now.tzinfo)
    return parsed


def humanize_age(then: datetime, now: datetime) -> str:
    """"3 weeks ago" style, from dateutil's calendar-aware difference."""
    if then > now:
        return "in the future"
    delta = relativedelta(now, then)
    for unit, name in (("years", "year"), ("months", "month")):
        value = getattr(delta, unit)
        if value:
            return f"{value} {name}{'s' if value != 1 else ''} ago"
    days = (now - then).days
    if days >= 7:
        weeks = days // 7
        return f"{weeks} week{'s' if weeks != 1 else ''} ago"
    if days >= 1:
        return "yesterday" if days == 1 else f"{days} days ago"
    return "today"


def humanize_span(then: datetime, now: datetime) -> str:
    """An age without "ago", for columns: "5 weeks", "3 days"."""
    text = humanize_age(then, now)
    if text == "yesterday":
        return "1 day"
    return text.removesuffix(" ago")


def parse_day(text: str, now: datetime):
    """A calendar day from "today", "yesterday", "2026-11-20" or "20 Nov"; never in the future's far side."""
    cleaned = " ".join((text or "").strip().lower().split())
    if cleaned in ("today", ""):
        return now.date()
    if cleaned == "yesterday":
        return (now - timedelta(days=1)).date()
    try:
        return _date_parser().parse(cleaned, default=now.replace(tzinfo=None)).date()
    except (ValueError, OverflowError):
        raise DurationError(f"cannot read {text!r} as a date (try 2026-11-20, 'yesterday' or '20 Nov')") from None
