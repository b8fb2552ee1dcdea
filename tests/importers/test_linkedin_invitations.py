from datetime import datetime, timedelta

import pytest

from import_helpers import parse
from warmintro.importers import INCOMING, OUTGOING, ImportFailure, read_file

HEADER = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"


def test_new_header_gives_direction_urls_message_and_aware_time():
    parsed = parse("Invitations.csv")
    assert parsed.format == "linkedin-invitations" and parsed.contacts == []
    zoe, priya, ivan, kenji = parsed.invitations
    assert zoe.direction == OUTGOING and zoe.other_name == "Zoë Müller"
    assert zoe.other_url == "https://www.linkedin.com/in/zoe-mueller/"
    assert zoe.message == "Hi Zoë, we met at PyCon, would love to stay in touch."
    assert ivan.direction == INCOMING and ivan.other_name == "Иван Петров"
    assert ivan.other_url == "https://www.linkedin.com/in/ivan-petrov-123/"
    assert kenji.message == "Line one,\nline two"
    for invitation in parsed.invitations:
        assert invitation.sent_at.tzinfo is not None


def test_sent_at_is_us_month_first_twelve_hour_in_the_local_zone(local_zone):
    local_zone("America/New_York")
    zoe, priya, ivan, kenji = parse("Invitations.csv").invitations
    assert zoe.sent_at.replace(tzinfo=None) == datetime(2022, 8, 26, 20, 56)
    assert zoe.sent_at.utcoffset() == timedelta(hours=-4)  # EDT in August
    assert ivan.sent_at.replace(tzinfo=None) == datetime(2023, 3, 14, 23, 2)
    # The narrow no-break space some exports put before PM.
    assert kenji.sent_at.replace(tzinfo=None) == datetime(2024, 11, 1, 19, 45)
    assert kenji.sent_at.utcoffset() == timedelta(hours=-4)  # still EDT on 1 Nov 2024


def test_old_header_without_profile_urls():
    jonathan, carlos, maria = parse("Invitations_old.csv").invitations
    assert jonathan.other_name == "Jonathan Smithers" and jonathan.other_url == ""
    assert carlos.message == "Hola Carlos" and carlos.direction == OUTGOING
    assert maria.direction == INCOMING and maria.other_name == "Maria Garcia"
    assert jonathan.sent_at.replace(tzinfo=None) == datetime(2022, 6, 29, 10, 0)


def test_unknown_direction_fails_naming_the_field(write):
    path = write("Invitations.csv", HEADER + 'Me,You,"8/26/22, 8:56 PM",,SIDEWAYS,,\n')
    with pytest.raises(ImportFailure) as err:
        read_file(path)
    assert str(err.value) == "Invitations.csv:2: Direction: expected OUTGOING or INCOMING, found 'SIDEWAYS'"


def test_bad_sent_at_fails_naming_the_field(write):
    path = write("Invitations.csv", HEADER + 'Me,You,"13/26/22, 8:56 PM",,OUTGOING,,\n')
    with pytest.raises(ImportFailure) as err:
        read_file(path)
    assert str(err.value) == "Invitations.csv:2: Sent At: cannot read '13/26/22, 8:56 PM' as a date and time"


def test_pm_and_am_edges(write):
    path = write("i.csv", HEADER + 'Me,A,"1/2/23, 12:05 AM",,OUTGOING,,\nMe,B,"1/2/23, 12:05 PM",,OUTGOING,,\n')
    a, b = read_file(path).invitations
    assert a.sent_at.hour == 0 and b.sent_at.hour == 12
