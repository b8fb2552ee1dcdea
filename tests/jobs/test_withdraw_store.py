"""Withdraw in bulk as one action, and the re-invite cooldown across month ends and DST changes."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from warmintro.model.contact import Contact
from warmintro.model.invite import Invite, InviteStatus, cooldown_until
from warmintro.store import OperationRefused, Store

from .conftest import FIXED, add_pending, seed_many


def test_withdraw_300_in_one_action_and_undo(store, tmp_path):
    ids = seed_many(store, 300)
    store.withdraw(ids)
    assert all(store.invites[i].status is InviteStatus.WITHDRAWN for i in ids)
    assert store.undo_label == "withdraw 300 invitations"
    assert store.cooldown_ends("c0") == FIXED + timedelta(days=21)
    assert store.undo() == "withdraw 300 invitations"
    assert all(store.invites[i].status is InviteStatus.PENDING for i in ids)
    assert store.cooldown_ends("c0") is None
    # The undo itself is durable: a fresh open sees them pending again.
    with Store.open(tmp_path / "db.json", clock=lambda: FIXED) as again:
        assert all(again.invites[i].status is InviteStatus.PENDING for i in ids)


def test_a_refused_withdraw_writes_nothing(store):
    first = add_pending(store, "Ana Silva", 30)
    store.withdraw([first.id])
    second = add_pending(store, "Rui Costa", 30)
    with pytest.raises(OperationRefused):
        store.withdraw([second.id, first.id])
    assert store.invites[second.id].status is InviteStatus.PENDING


def withdrawn_at(at: datetime) -> Invite:
    return Invite(id="i", contact_id="c", sent_at=at - timedelta(days=30), status=InviteStatus.WITHDRAWN, status_at=at)


@pytest.mark.parametrize("at, ends_on", [
    (datetime(2026, 1, 20, 9, 0), "2026-02-10"),   # over a month end
    (datetime(2026, 2, 20, 9, 0), "2026-03-13"),   # February has 28 days
    (datetime(2028, 2, 20, 9, 0), "2028-03-12"),   # ...and 29 in a leap year
    (datetime(2026, 12, 20, 9, 0), "2027-01-10"),  # over a year end
])
def test_cooldown_over_month_and_year_ends(at, ends_on):
    lisbon = at.replace(tzinfo=ZoneInfo("Europe/Lisbon"))
    assert cooldown_until(withdrawn_at(lisbon), 21).date().isoformat() == ends_on


@pytest.mark.parametrize("zone, at", [
    ("Europe/Lisbon", datetime(2026, 10, 20, 10, 0)),      # clocks go back on 25 Oct
    ("Europe/Lisbon", datetime(2026, 3, 20, 10, 0)),       # clocks go forward on 29 Mar
    ("America/New_York", datetime(2026, 10, 25, 10, 0)),   # back on 1 Nov
    ("America/New_York", datetime(2026, 3, 1, 10, 0)),     # forward on 8 Mar
])
def test_cooldown_across_dst_is_the_calendar_day_three_weeks_on(zone, at, tmp_path):
    """Stored as an ISO offset, reread, the cooldown still ends on the right local day."""
    tz = ZoneInfo(zone)
    withdrawn = at.replace(tzinfo=tz)
    clock = [withdrawn]
    with Store.open(tmp_path / "db.json", clock=lambda: clock[0]) as store:
        contact = Contact(id="c", first_name="Ana")
        store.import_batch([contact], [Invite(id="i", contact_id="c", sent_at=withdrawn - timedelta(days=30))], "seed")
        store.withdraw(["i"])
    with Store.open(tmp_path / "db.json", clock=lambda: clock[0]) as store:
        ends = store.cooldown_ends("c")
        assert ends is not None
        assert ends - withdrawn == timedelta(days=21)  # exact elapsed time, DST or not
        assert ends.astimezone(tz).date() == (at + timedelta(days=21)).date()
        clock[0] = ends - timedelta(seconds=1)
        assert store.cooldown_ends("c") is not None
        with pytest.raises(OperationRefused, match="cooldown"):
            store.send_invite("c", "")
        clock[0] = ends.astimezone(timezone.utc)
        assert store.cooldown_ends("c") is None
