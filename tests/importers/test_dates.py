from datetime import date, datetime, time, timezone

import pytest

from warmintro.importers.common import parse_date_time, parse_local_datetime
from warmintro.importers import ImportFailure
from pathlib import Path


@pytest.mark.parametrize("text, expected", [
    ("09 Sep 2022", (date(2022, 9, 9), None)),
    ("9 September 2022", (date(2022, 9, 9), None)),
    ("9-Sep-22", (date(2022, 9, 9), None)),
    ("09-sep-2022", (date(2022, 9, 9), None)),
    ("1/8/18, 6:14 PM", (date(2018, 1, 8), time(18, 14))),
    ("8/26/22, 8:56\u202fPM", (date(2022, 8, 26), time(20, 56))),
    ("12/24/17, 12:00 AM", (date(2017, 12, 24), time(0, 0))),
    ("1/8/2018", (date(2018, 1, 8), None)),
    ("2022-09-09", (date(2022, 9, 9), None)),
    ("2022-09-09 20:56:10", (date(2022, 9, 9), time(20, 56, 10))),
    ("09.09.2022", (date(2022, 9, 9), None)),
    ("  09 Sep 2022 ", (date(2022, 9, 9), None)),
])
def test_forms_exports_use(text, expected):
    assert parse_date_time(text) == expected


@pytest.mark.parametrize("text", ["31/31/22", "13/1/22", "2/30/22", "09 Foo 2022", "1/8/18, 13:14 PM",
                                  "yesterday", "", "0/0/00", "1/8/18, 6:61 PM"])
def test_unreadable_dates_are_refused(text):
    with pytest.raises(ValueError):
        parse_date_time(text)


def test_explicit_utc_is_respected_and_bare_times_are_local(local_zone):
    local_zone("Europe/Berlin")
    here = parse_local_datetime("1/8/18, 6:14 PM", Path("i.csv"), 2, "Sent At")
    assert here.utcoffset().total_seconds() == 3600
    utc = parse_local_datetime("2018-01-08 18:14:00 UTC", Path("i.csv"), 2, "Sent At")
    assert utc == datetime(2018, 1, 8, 18, 14, tzinfo=timezone.utc)


def test_failure_quotes_the_value():
    with pytest.raises(ImportFailure) as err:
        parse_local_datetime("soon", Path("x/Invitations.csv"), 7, "Sent At")
    assert str(err.value) == "Invitations.csv:7: Sent At: cannot read 'soon' as a date and time"
