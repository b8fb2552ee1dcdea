"""Properties of planning any batch: nobody lost, re-planning is a no-op, two profiles never merge."""

import os
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from import_helpers import NOW, fixture
from warmintro.importers.parsed import INCOMING, OUTGOING, ParsedFile, ParsedInvitation
from warmintro.model.contact import Contact, Note, new_id, normalize_email, normalize_linkedin_url
from warmintro.model.identity import plan_import

NAMES = ["Ana", "Ana Silva", "Ana  Silva", "Anna Silva", "ana silva", "Bo Li", "Zoë Müller", "Zoe Muller", ""]
COMPANIES = ["", "Acme", "ACME Inc.", "Globex"]
EMAILS = ["", "ana@example.com", "ANA@example.com", "bo@example.com", "urn:li:member:1"]
URLS = ["", "linkedin.com/in/ana", "https://www.linkedin.com/in/ana/", "linkedin.com/in/ana-2", "linkedin.com/in/bo"]
FILES = [("linkedin-connections", "Connections.csv"), ("google", "contacts.csv"), ("vcard", "a.vcf")]


@st.composite
def contacts(draw, source):
    first, _, last = draw(st.sampled_from(NAMES)).partition(" ")
    email = draw(st.sampled_from(EMAILS))
    connected = source.startswith("linkedin-connections")
    return Contact(
        id=new_id(), first_name=first, last_name=last, emails=[email] if normalize_email(email) else [],
        linkedin_url=normalize_linkedin_url(draw(st.sampled_from(URLS))), company=draw(st.sampled_from(COMPANIES)),
        tags=draw(st.lists(st.sampled_from(["a", "B", "b"]), max_size=2, unique=True)), sources=[source],
        connected=connected, connected_on=date(2024, 1, 1) if connected else None,
        notes=[Note(at=NOW, text=t) for t in draw(st.lists(st.sampled_from(["hi", "met at X"]), max_size=1))],
    )


@st.composite
def batches(draw):
    files = []
    for fmt, name in draw(st.lists(st.sampled_from(FILES), min_size=1, max_size=3, unique=True)):
        parsed = ParsedFile(path=fixture(name), format=fmt)
        # Readers never hand over a record with neither name nor email (they count it as skipped),
        # and one export lists a profile or an address once.
        parsed.contacts = draw(st.lists(contacts(parsed.source).filter(lambda c: c.full_name or c.emails),
                                        max_size=6, unique_by=(lambda c: c.linkedin_url or c.id,
                                                               lambda c: tuple(c.emails) or c.id)))
        files.append(parsed)
    invitations = ParsedFile(path=fixture("Invitations.csv"), format="linkedin-invitations")
    for _ in range(draw(st.integers(0, 4))):
        invitations.invitations.append(ParsedInvitation(
            direction=draw(st.sampled_from([OUTGOING, INCOMING])), from_name="Me",
            to_name=draw(st.sampled_from(NAMES[:-1])), sent_at=NOW - timedelta(days=draw(st.integers(0, 3))),
            invitee_url=normalize_linkedin_url(draw(st.sampled_from(URLS))),
            inviter_url=normalize_linkedin_url(draw(st.sampled_from(URLS)))))
    for inv in invitations.invitations:
        if inv.direction == INCOMING:
            inv.from_name, inv.to_name = inv.to_name, "Me"
    return files + [invitations]


@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "300")), deadline=None)
@given(batch=batches(), tag=st.sampled_from([None, "spring"]))
def test_replanning_the_same_batch_changes_nothing(batch, tag):
    first = plan_import(batch, {}, {}, tag=tag, now=NOW)
    contacts = {c.id: c for c in first.contacts}
    invites = {i.id: i for i in first.invites}
    second = plan_import(batch, contacts, invites, tag=tag, now=NOW + timedelta(days=1))
    assert second.contacts == [] and second.invites == []
    assert second.new == second.merged == second.updated == 0


@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "300")), deadline=None)
@given(batch=batches())
def test_no_email_tag_or_note_is_lost_and_profiles_never_merge(batch):
    plan = plan_import(batch, {}, {}, now=NOW)
    emails = {normalize_email(e) for c in plan.contacts for e in c.emails}
    tags = {t.casefold() for c in plan.contacts for t in c.tags}
    notes = {n.text for c in plan.contacts for n in c.notes}
    for parsed in batch:
        for c in parsed.contacts:
            assert {normalize_email(e) for e in c.emails} <= emails
            assert {t.casefold() for t in c.tags} <= tags
            assert {n.text for n in c.notes} <= notes
    profiles = [c.linkedin_url for c in plan.contacts if c.linkedin_url]
    assert len(profiles) == len(set(profiles))
    # Every outgoing invitation is held once, against a real contact.
    ids = {c.id for c in plan.contacts}
    assert all(i.contact_id in ids for i in plan.invites)


_LETTERS = "aaeinorstlmc "


@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "300")), deadline=None)
@given(st.lists(st.text(alphabet=_LETTERS, min_size=1, max_size=24), min_size=1, max_size=60),
       st.text(alphabet=_LETTERS, min_size=1, max_size=24), st.data())
def test_the_trigram_index_finds_exactly_the_close_names_a_full_scan_finds(names, query, data):
    # A big employer's names are looked up through an index; it must narrow the scan, never change it.
    from rapidfuzz import fuzz, process

    from warmintro.model.identity import NAME_SCORE, NameBlock

    names = names + [data.draw(st.sampled_from(names)) + data.draw(st.sampled_from(["", "a", "e", " m"]))]
    indexed, scanned = NameBlock(), NameBlock()
    indexed.INDEX_FROM = 1  # index from the first name
    scanned.INDEX_FROM = 10 ** 9
    for n, name in enumerate(names):
        indexed.add(name, f"c{n}")
        scanned.add(name, f"c{n}")
    gone = data.draw(st.sampled_from(names))  # and after a name leaves the block
    for block in (indexed, scanned):
        for n, name in enumerate(names):
            if name == gone:
                block.discard(name, f"c{n}")
    assert indexed.grams is not None and scanned.grams is None
    for probe in (query, data.draw(st.sampled_from(names))):
        expected = {key: score for key, score, _ in
                    process.extract(probe, list(scanned.ids), scorer=fuzz.ratio, score_cutoff=NAME_SCORE, limit=None)}
        assert dict(indexed.close_names(probe)) == expected
        assert dict(scanned.close_names(probe)) == expected
