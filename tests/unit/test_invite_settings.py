from datetime import datetime, timedelta, timezone

import pytest

from warmintro.model.invite import InvalidTransition, Invite, InviteStatus, cooldown_until, stale_open_invites
from warmintro.model.settings import Settings, SettingsError

NOW = datetime(2026, 11, 18, 9, 30, tzinfo=timezone.utc)


def test_pending_can_end_every_way_and_final_states_stay_final():
    inv = Invite(id="i", contact_id="c", sent_at=NOW - timedelta(days=3))
    for status in (InviteStatus.ACCEPTED, InviteStatus.WITHDRAWN, InviteStatus.IDK, InviteStatus.IGNORED):
        assert inv.transition(status, NOW).status is status
    accepted = inv.transition("accepted", NOW)
    with pytest.raises(InvalidTransition):
        accepted.transition("withdrawn", NOW)


def test_ignored_is_still_outstanding_and_can_be_withdrawn():
    ignored = Invite(id="i", contact_id="c", sent_at=NOW, status=InviteStatus.IGNORED)
    assert ignored.is_open
    assert ignored.transition("withdrawn", NOW).status is InviteStatus.WITHDRAWN


def test_cooldown_runs_from_the_withdrawal():
    inv = Invite(id="i", contact_id="c", sent_at=NOW - timedelta(days=60), status=InviteStatus.WITHDRAWN,
                 status_at=NOW - timedelta(days=5))
    assert cooldown_until(inv, 21) == NOW + timedelta(days=16)
    assert cooldown_until(Invite(id="j", contact_id="c", sent_at=NOW), 21) is None


def test_stale_selection_is_oldest_first_and_open_only():
    invites = [Invite(id=str(d), contact_id="c", sent_at=NOW - timedelta(days=d)) for d in (30, 10, 50)]
    invites.append(Invite(id="acc", contact_id="c", sent_at=NOW - timedelta(days=90), status=InviteStatus.ACCEPTED))
    assert [i.id for i in stale_open_invites(invites, NOW, timedelta(days=21))] == ["50", "30"]


def test_invite_round_trip():
    inv = Invite(id="i", contact_id="c", sent_at=NOW, message="Hi", status=InviteStatus.IDK, status_at=NOW)
    assert Invite.from_dict(inv.to_dict()) == inv


def test_note_limit_follows_the_account():
    assert Settings().effective_note_limit == 300
    assert Settings(account="free").effective_note_limit == 200
    assert Settings(account="free", note_limit=150).effective_note_limit == 150


@pytest.mark.parametrize("name, text, field", [
    ("weekly_cap", "lots", "weekly_cap"),
    ("weekly_cap", "0", "weekly_cap"),
    ("note_limit", "500", "note_limit"),
    ("account", "gold", "account"),
    ("daily_batch", "1000", "daily_batch"),
])
def test_bad_settings_name_the_field(name, text, field):
    with pytest.raises(SettingsError) as err:
        Settings().with_value(name, text)
    assert str(err.value).startswith(field)


def test_settings_parse_user_text():
    assert Settings().with_value("weekly_cap", " 80 ").weekly_cap == 80
    assert Settings(note_limit=100).with_value("note_limit", "auto").note_limit is None
