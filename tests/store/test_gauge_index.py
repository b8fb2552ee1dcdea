"""The store's incremental gauge must equal the model's compute_gauge over every invitation."""

import random
from datetime import datetime, timedelta, timezone

import pytest

from warmintro.model.contact import Contact
from warmintro.model.gauge import compute_gauge
from warmintro.model.invite import Invite, InviteStatus
from warmintro.model.settings import Settings
from warmintro.store import Store


@pytest.mark.parametrize("week_mode,account", [("rolling", "premium"), ("iso", "free")])
def test_gauge_matches_full_recount(tmp_path, week_mode, account):
    rng = random.Random(5)
    now = datetime(2026, 3, 18, 15, 0, tzinfo=timezone.utc)
    contacts = [Contact(id=f"c{i}") for i in range(400)]
    invites = []
    for i, c in enumerate(contacts):
        sent = now - timedelta(days=rng.uniform(0, 90))
        status = rng.choice(list(InviteStatus))
        invites.append(Invite(id=f"i{i}", contact_id=c.id, sent_at=sent, status=status,
                              message="hi" if i % 2 else "", source=rng.choice(["app", "export"]),
                              status_at=None if status == "pending" else sent + timedelta(days=1)))
    with Store.open(tmp_path / "db.json", clock=lambda: now) as s:
        s.set_settings(Settings(week_mode=week_mode, account=account, lifetime_cap=350, strike_threshold=200))
        s.import_batch(contacts, invites, "import")
        for delta in (0, 1, 3, 10, 40):
            at = now + timedelta(days=delta, hours=delta)
            assert s.gauge(at) == compute_gauge(list(s.invites.values()), s.settings, at, s.strikes_extra)
        s.withdraw([i.id for i in invites[:50] if i.is_open])
        s.undo()
        assert s.gauge(now) == compute_gauge(list(s.invites.values()), s.settings, now, s.strikes_extra)


def test_the_same_text_counter_follows_every_send_undo_and_other_terminal_like_a_recount(tmp_path):
    from warmintro.model.notes import sent_counter

    now = datetime(2026, 3, 18, 15, 0, tzinfo=timezone.utc)
    db = tmp_path / "db.json"
    people = [Contact(id=f"c{i}", first_name=f"P{i}") for i in range(12)]

    def recount(store):
        return sent_counter(i.message for i in store.invites.values())

    with Store.open(db, clock=lambda: now) as mine, Store.open(db, clock=lambda: now) as other:
        mine.set_settings(Settings(my_name="Sam"))
        mine.import_batch(people, [], "people")
        assert mine.sent_notes() == {}  # built now, then kept up to date
        for i in range(5):
            mine.send_invite(f"c{i}", f"Hi P{i}, we met at the meetup. Sam")
        mine.send_invite("c5", "")  # no note: not counted
        assert mine.sent_notes() == recount(mine) and max(mine.sent_notes().values()) == 5
        mine.undo()
        mine.undo()
        assert mine.sent_notes() == recount(mine) and max(mine.sent_notes().values()) == 4
        other.refresh()
        other.send_invite("c9", "Hi P9, we met at the meetup. Sam")
        mine.refresh()  # another terminal's send counts too
        assert mine.sent_notes() == recount(mine) and max(mine.sent_notes().values()) == 5


def test_the_gauge_asked_again_at_once_follows_every_change_it_counts(tmp_path):
    """Within a second the store answers the gauge from the one it has: only after a change to
    invitations, settings or strikes, here or in another terminal, must it count again."""
    now = datetime(2026, 3, 18, 15, 0, tzinfo=timezone.utc)
    db = tmp_path / "db.json"

    def fresh(store):
        return compute_gauge(list(store.invites.values()), store.settings, now, store.strikes_extra)

    with Store.open(db, clock=lambda: now) as mine, Store.open(db, clock=lambda: now) as other:
        mine.import_batch([Contact(id=f"c{i}", first_name=f"P{i}") for i in range(6)], [], "people")
        first = mine.gauge()
        mine.skip("c0")
        assert mine.gauge() is first  # a skip counts for nothing on the gauge
        mine.send_invite("c1", "")
        assert mine.gauge() == fresh(mine) and mine.gauge().today.used == first.today.used + 1
        mine.set_settings(Settings(daily_batch=3))
        assert mine.gauge() == fresh(mine) and mine.gauge().today.cap == 3
        mine.undo()
        assert mine.gauge() == fresh(mine)
        other.refresh()
        other.send_invite("c2", "")
        mine.refresh()
        assert mine.gauge() == fresh(mine) and mine.gauge().today.used == first.today.used + 2
