from datetime import date, datetime, timedelta, timezone

from warmintro.model.contact import Contact
from warmintro.model.gauge import compute_gauge
from warmintro.model.invite import Invite, InviteStatus
from warmintro.model.queue import build_queue, group_invites, high_risk_room, today_target
from warmintro.model.settings import Settings

NOW = datetime(2026, 11, 18, 9, 30, tzinfo=timezone.utc)


def people(*contacts):
    return {c.id: c for c in contacts}


def test_only_people_worth_inviting_now():
    contacts = people(
        Contact(id="ok", first_name="Ok"),
        Contact(id="conn", connected=True),
        Contact(id="never", never_reason="recruiter"),
        Contact(id="snoozed", snoozed_until=NOW + timedelta(days=1)),
        Contact(id="woke", snoozed_until=NOW - timedelta(days=1)),
        Contact(id="pending"), Contact(id="cool"), Contact(id="cooled"),
    )
    invites = group_invites([
        Invite(id="1", contact_id="pending", sent_at=NOW - timedelta(days=3)),
        Invite(id="2", contact_id="cool", sent_at=NOW - timedelta(days=60), status=InviteStatus.WITHDRAWN,
               status_at=NOW - timedelta(days=5)),
        Invite(id="3", contact_id="cooled", sent_at=NOW - timedelta(days=90), status=InviteStatus.WITHDRAWN,
               status_at=NOW - timedelta(days=30)),
    ])
    ids = {e.contact.id for e in build_queue(contacts, invites, Settings(), NOW)}
    assert ids == {"ok", "woke", "cooled"}


def test_recent_event_first_then_warmest_grouped_by_segment():
    contacts = people(
        Contact(id="stranger", first_name="S", sources=["vcard:old.vcf"]),
        Contact(id="client", first_name="C", tags=["clients"], last_interaction=NOW - timedelta(days=30),
                how_we_met="project"),
        Contact(id="event", first_name="E", event="PyCon", met_on=date(2026, 11, 16), sources=["quick-add"]),
        Contact(id="oldevent", first_name="O", event="Old", met_on=date(2025, 1, 1), sources=["quick-add"]),
        Contact(id="client2", first_name="D", tags=["clients"], last_interaction=NOW - timedelta(days=30),
                how_we_met="project"),
    )
    order = [e.contact.id for e in build_queue(contacts, {}, Settings(), NOW)]
    assert order[0] == "event"
    assert order[-1] == "stranger"
    assert abs(order.index("client") - order.index("client2")) == 1


def test_free_account_with_no_notes_left_puts_those_needing_a_note_last():
    contacts = people(
        Contact(id="stranger", first_name="S", how_we_met="a call", last_interaction=NOW - timedelta(days=900)),
        Contact(id="friend", first_name="F", invited_me_at=NOW - timedelta(days=3)),
    )
    queue = build_queue(contacts, {}, Settings(account="free"), NOW, notes_left=0)
    assert [e.contact.id for e in queue] == ["friend", "stranger"]
    assert not any(e.note_advised for e in queue)
    queue = build_queue(contacts, {}, Settings(account="free"), NOW, notes_left=2)
    assert {e.contact.id: e.note_advised for e in queue} == {"friend": False, "stranger": True}


def test_today_target_is_capped_by_week_and_strike_headroom():
    settings = Settings(daily_batch=10, weekly_cap=12)
    week = [Invite(id=str(i), contact_id=str(i), sent_at=NOW - timedelta(days=2)) for i in range(8)]
    assert today_target(compute_gauge(week, settings, NOW)) == 4
    strikes = [Invite(id=f"s{i}", contact_id="x", sent_at=NOW - timedelta(days=100), status=InviteStatus.IDK)
               for i in range(2)]
    gauge = compute_gauge(strikes, Settings(), NOW)
    assert gauge.strike_headroom == 2
    assert today_target(gauge) == 2
    assert high_risk_room(1, gauge) == 1 and high_risk_room(3, gauge) == 0


def test_a_queue_of_30000_offers_exactly_the_eligible_warmest_first():
    # Scale is measured in bench/ (model_bench.py); here, that 30,000 people come out right.
    contacts = people(*(Contact(id=str(i), first_name=f"P{i}", last_name="X", tags=["clients"] if i % 7 == 0 else [],
                                sources=["vcard:a.vcf"] if i % 3 else ["linkedin-connections:C.csv"],
                                last_interaction=NOW - timedelta(days=i % 2000), connected=i % 5 == 0)
                        for i in range(30_000)))
    invites = group_invites(Invite(id=f"i{i}", contact_id=str(i), sent_at=NOW - timedelta(days=i % 90))
                            for i in range(0, 30_000, 11))
    queue = build_queue(contacts, invites, Settings(), NOW)
    offered = [entry.contact.id for entry in queue]
    expected = {str(i) for i in range(30_000) if i % 5 and i % 11}
    assert len(offered) == len(expected) and set(offered) == expected
    warmth = [entry.warmth for entry in queue]
    assert warmth == sorted(warmth)  # nobody colder ahead of somebody warmer
    assert queue[0].warmth == 1 and queue[len(queue) - 1].warmth == 3  # touched this year; not in three


def test_the_queue_reads_in_one_order_however_it_is_read():
    # The order is found as the queue is read; a reader that jumps ahead, slices or asks for one
    # person must see the same queue as one that reads it front to back.
    import random

    rng = random.Random(3)
    contacts = people(*(Contact(id=str(i), first_name=rng.choice("ABCDE"), last_name=rng.choice("XYZ"),
                                segment=rng.choice(["", "clients", "alumni"]), event=rng.choice(["", "", "PyCon"]),
                                met_on=NOW.date() if i % 9 == 0 else None,
                                last_interaction=NOW - timedelta(days=rng.randrange(3000)))
                        for i in range(400)))

    def queue():
        return build_queue(contacts, {}, Settings(), NOW)

    front_to_back = [e.contact.id for e in queue()]
    keys = [(e.warmth if not e.recent_event else -1) for e in queue()]
    assert keys == sorted(keys)
    jumping = queue()
    assert jumping[250].contact.id == front_to_back[250]
    assert jumping[-1].contact.id == front_to_back[-1]
    assert [e.contact.id for e in jumping[10:20]] == front_to_back[10:20]
    assert jumping.entry_for(front_to_back[300]).contact.id == front_to_back[300]
    assert [e.contact.id for e in jumping] == front_to_back
    assert len(jumping) == len(front_to_back) == 400
    sliced = queue()
    assert [e.contact.id for e in sliced[:]] == front_to_back
    assert [e.contact.id for e in queue()[::-1]] == front_to_back[::-1]
    assert queue().entry_for("nobody") is None
