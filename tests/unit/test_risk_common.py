from datetime import date, datetime, timedelta, timezone

from warmintro.model.common import Network, best_mutual, best_phrase, common_ground
from warmintro.model.contact import Contact, Note
from warmintro.model.invite import Invite, InviteStatus
from warmintro.model.risk import HIGH, LOW, MEDIUM, assess

NOW = datetime(2026, 11, 18, 9, 30, tzinfo=timezone.utc)


def test_met_in_person_two_days_ago_is_low_risk():
    c = Contact(id="a", first_name="Ana", met_on=date(2026, 11, 16), event="PyCon", sources=["quick-add"])
    risk = assess(c, [], None, NOW)
    assert risk.level == LOW
    assert "met in person 2 days ago at PyCon" in risk.reasons


def test_old_address_book_entry_with_nothing_recorded_is_high_risk():
    c = Contact(id="a", first_name="Old", sources=["vcard:2014-address-book.vcf"], added_at=NOW - timedelta(days=6 * 366))
    risk = assess(c, [], None, NOW)
    assert risk.level == HIGH
    assert "no note and no interaction for 6 years" in risk.reasons
    assert "from an address book import (2014-address-book.vcf)" in risk.reasons


def test_recent_interaction_without_strong_tie_is_medium_or_low():
    c = Contact(id="a", last_interaction=NOW - timedelta(days=40), sources=["google:contacts.csv"])
    assert assess(c, [], None, NOW).level == MEDIUM
    c.how_we_met = "worked on the Lisbon project"
    assert assess(c, [], None, NOW).level == LOW


def test_an_ignored_invitation_raises_the_risk():
    c = Contact(id="a", last_interaction=NOW - timedelta(days=40 * 30))
    ignored = Invite(id="i", contact_id="a", sent_at=NOW - timedelta(days=300), status=InviteStatus.IGNORED)
    risk = assess(c, [ignored], None, NOW)
    assert risk.level == HIGH and "ignored an earlier invitation" in risk.reasons


def test_notes_count_as_interaction():
    c = Contact(id="a", notes=[Note(NOW - timedelta(days=10), "coffee")], how_we_met="coffee chat")
    assert assess(c, [], None, NOW).level == LOW


def _network():
    return [
        Contact(id="1", first_name="Bo", last_name="Chen", company="Acme", connected=True, tags=["python"]),
        Contact(id="2", first_name="Cy", last_name="Diaz", school="Porto", connected=True),
        Contact(id="3", first_name="Di", last_name="Eco", event="PyCon", sources=["quick-add"]),
        Contact(id="4", first_name="Ed", last_name="Fox", company="Acme"),  # not connected: not common ground
    ]


def test_common_ground_with_reasons():
    net = Network.build(_network())
    ana = Contact(id="9", first_name="Ana", company="acme", school="Porto", event="PyCon", tags=["python"],
                  mutual=["Gil Ho"], introduced_by="Ivy Jo")
    ground = common_ground(ana, net)
    kinds = [g.kind for g in ground]
    assert kinds == ["introducer", "mutual", "company", "school", "event", "tag"]
    assert ground[2].reason == "Bo Chen (your connection) works at acme"
    assert "Di Eco" in ground[4].reason
    assert best_phrase(ground) == "Ivy Jo introduced us"
    assert best_mutual(ground) == "Ivy Jo"
    assert all("Ed Fox" not in g.reason for g in ground)


def test_no_common_ground_gives_empty_phrase():
    assert best_phrase(common_ground(Contact(id="z"), Network.build([]))) == ""


def test_common_ground_at_30000_contacts_shows_a_few_reasons_of_each_kind():
    # Speed is measured in bench/ (model_bench.py); here, that a bucket of thousands still gives a card's worth.
    people = [Contact(id=str(i), first_name=f"P{i}", last_name="X", company=f"Co{i % 500}", school=f"S{i % 50}",
                      connected=i % 2 == 0, tags=[f"t{i % 20}"]) for i in range(30_000)]
    net = Network.build(people)
    newcomer = Contact(id="new", first_name="New", last_name="Person", company="Co2", school="S2", tags=["t2"])
    ground = common_ground(newcomer, net)
    by_kind = {kind: [g for g in ground if g.kind == kind] for kind in ("company", "school", "tag")}
    assert len(by_kind["company"]) == 3 and len(by_kind["school"]) == 3
    assert all(g.reason.endswith("works at Co2") for g in by_kind["company"])
    assert [g.reason for g in by_kind["tag"]] == ["tag “t2” shared with 1500 of your connections"]
