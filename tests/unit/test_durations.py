from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, strategies as st

from warmintro.model.durations import (DurationError, humanize_age, humanize_span, parse_day, parse_duration,
                                       parse_when)

NOW = datetime(2026, 11, 18, 9, 30, tzinfo=timezone.utc)  # Wednesday


@pytest.mark.parametrize("text, expected", [
    ("21d", relativedelta(days=21)),
    ("3w", relativedelta(weeks=3)),
    ("2 weeks", relativedelta(weeks=2)),
    ("1 month", relativedelta(months=1)),
    ("1 month 3 days", relativedelta(months=1, days=3)),
    ("1y", relativedelta(years=1)),
    (" 10 DAYS ", relativedelta(days=10)),
])
def test_durations_people_type_parse(text, expected):
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["", "soon", "3", "w3", "3 fortnights", "-2d", "3d later"])
def test_unreadable_durations_say_what_was_typed(text):
    with pytest.raises(DurationError) as err:
        parse_duration(text)
    assert str(err.value)


def test_a_month_is_a_calendar_month_not_thirty_days():
    jan31 = datetime(2026, 1, 31, tzinfo=timezone.utc)
    assert jan31 + parse_duration("1 month") == datetime(2026, 2, 28, tzinfo=timezone.utc)


@pytest.mark.parametrize("text, expected", [
    ("3d", NOW + timedelta(days=3)),
    ("2w", NOW + timedelta(weeks=2)),
    ("in 2 weeks", NOW + timedelta(weeks=2)),
    ("tomorrow", datetime(2026, 11, 19, tzinfo=timezone.utc)),
    ("next monday", datetime(2026, 11, 23, tzinfo=timezone.utc)),
    ("monday", datetime(2026, 11, 23, tzinfo=timezone.utc)),
    ("wednesday", datetime(2026, 11, 25, tzinfo=timezone.utc)),  # today is Wednesday: the next one
    ("next month", datetime(2026, 12, 1, tzinfo=timezone.utc)),
    ("2026-12-24", datetime(2026, 12, 24, tzinfo=timezone.utc)),
])
def test_snooze_dates(text, expected):
    assert parse_when(text, NOW) == expected


def test_snooze_dates_keep_the_local_zone():
    lisbon = datetime(2026, 3, 27, 12, tzinfo=ZoneInfo("Europe/Lisbon"))
    monday = parse_when("next monday", lisbon)
    assert monday.tzinfo is lisbon.tzinfo
    assert (monday.date().isoformat(), monday.hour) == ("2026-03-30", 0)


@given(st.text(max_size=40))
def test_parsers_raise_only_duration_error(text):
    for parse in (parse_duration, lambda t: parse_when(t, NOW), lambda t: parse_day(t, NOW)):
        try:
            parse(text)
        except DurationError:
            pass


@pytest.mark.parametrize("delta, expected", [
    (timedelta(hours=3), "today"),
    (timedelta(days=1), "yesterday"),
    (timedelta(days=5), "5 days ago"),
    (timedelta(days=21), "3 weeks ago"),
    (timedelta(days=70), "2 months ago"),
    (timedelta(days=6 * 365 + 2), "6 years ago"),
])
def test_ages_read_like_speech(delta, expected):
    assert humanize_age(NOW - delta, NOW) == expected


def test_span_drops_ago_for_table_columns():
    assert humanize_span(NOW - timedelta(days=35), NOW) == "1 month"
    assert humanize_span(NOW - timedelta(days=1), NOW) == "1 day"


def test_day_parsing():
    assert parse_day("yesterday", NOW).isoformat() == "2026-11-17"
    assert parse_day("2026-11-01", NOW).isoformat() == "2026-11-01"
    with pytest.raises(DurationError):
        parse_day("the other day", NOW)
