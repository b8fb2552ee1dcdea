import os
from datetime import date, datetime, timedelta

import pytest

from import_helpers import NOW, fixture, parse
from warmintro.importers import read_file
from warmintro.importers.parsed import ParsedFile
from warmintro.model.contact import Contact, new_id
from warmintro.model.identity import ContactIndex, company_key, plan_import
from warmintro.model.invite import Invite, InviteStatus

ALL = [p.name for p in sorted(fixture("").iterdir()) if p.suffix != ".py"]


def plan(names, contacts=None, invites=None, **kw):
    files = [parse(n) for n in names]
    return plan_import(files, contacts or {}, invites or {}, now=kw.pop("now", NOW), **kw)


def store(p, contacts=None, invites=None):
    """What the store would hold after putting the plan."""
    contacts = dict(contacts or {})
    invites = dict(invites or {})
    contacts.update({c.id: c for c in p.contacts})
    invites.update({i.id: i for i in p.invites})
    return contacts, invites


def named(contacts, name):
    found = [c for c in contacts.values() if c.full_name == name]
    assert len(found) == 1, f"{name}: {len(found)} contacts"
    return found[0]


def batch(*contacts, fmt="google", name="x.csv"):
    parsed = ParsedFile(path=fixture(name), format=fmt)
    for c in contacts:
        c.sources = c.sources or [parsed.source]
    parsed.contacts.extend(contacts)
    return parsed


def test_same_person_across_files_becomes_one_contact_keeping_everything():
    p = plan(ALL, tag="import-1")
    contacts, _ = store(p)
    zoe = named(contacts, "Zoë Müller")
    assert zoe.linkedin_url == "https://www.linkedin.com/in/zoe-mueller/"
    assert zoe.emails == ["zoe@example.com", "zoe.m@example.org", "zoe@acme.example"]  # ZOE@EXAMPLE.COM is the same
    assert set(zoe.tags) == {"import-1", "Friends", "Climbing", "Clients", "VIP"}
    assert {n.text for n in zoe.notes} == {"Met at PyCon 2022.\nLikes climbing.",
                                          "Climbing partner, Berlin.\nAsk about the new lab",
                                          "Prefers email.\nCall after 10."}
    assert set(zoe.sources) == {"linkedin-connections:Connections.csv", "linkedin-connections:Connections_excel.csv",
                                "google:contacts_google.csv", "vcard:iphone.vcf", "outlook:outlook_desktop.csv",
                                "linkedin-invitations:Invitations.csv"}
    assert zoe.connected and zoe.connected_on == date(2022, 9, 9)
    assert all("import-1" in c.tags for c in contacts.values())


def test_matches_by_email_case_insensitively_and_reports_the_merge():
    p = plan(["contacts_google.csv", "outlook_com.csv", "gmail.vcf"])
    contacts, _ = store(p)
    bob = named(contacts, "Bob Builder")
    assert bob.emails == ["bob@build.example", "bob.b@gmail.example"]
    assert bob.company == "Fixit Ltd"
    assert "Bob Builder: merged outlook:outlook_com.csv into google:contacts_google.csv" in p.merges
    assert ("Bob Builder: merged vcard:gmail.vcf into google:contacts_google.csv (and 1 more)"
            in p.summary_lines())


def test_fuzzy_name_within_the_same_company_merges():
    contacts, _ = store(plan(["Connections.csv", "contacts_google.csv"]))
    jon = named(contacts, "Jonathan Smithers")  # Google spells him Jonathon, at "Globex Corp."
    assert jon.emails == ["jon.smithers@globex.example"]
    assert not [c for c in contacts.values() if c.first_name == "Jonathon"]


def test_counts_add_up_and_skips_are_summed_with_reasons():
    p = plan(ALL)
    address_books = [n for n in ALL if not n.startswith("Invitations")]
    rows = sum(len(parse(n).contacts) for n in address_books)
    assert p.new == len(p.contacts)
    assert p.new + p.merged + p.updated + p.unchanged == rows + p.new - plan(address_books).new
    assert p.skipped == {"ghost rows (every field empty but the date)": 3, "rows with no name and no email": 2}
    assert "skipped: 3 ghost rows (every field empty but the date), 2 rows with no name and no email" in p.summary_lines()


@pytest.mark.parametrize("a, b", [
    # Same name, different company.
    (Contact(id="a", first_name="Maria", last_name="Garcia", company="Acme"),
     Contact(id="b", first_name="Maria", last_name="Garcia", company="Globex")),
    # Exact name, one side has no company.
    (Contact(id="a", first_name="Maria", last_name="Garcia", company="Acme"),
     Contact(id="b", first_name="Maria", last_name="Garcia")),
    # Same name and company but two different LinkedIn profiles.
    (Contact(id="a", first_name="Maria", last_name="Garcia", company="Acme", linkedin_url="linkedin.com/in/maria-1"),
     Contact(id="b", first_name="Maria", last_name="Garcia", company="Acme", linkedin_url="linkedin.com/in/maria-2")),
    # Similar but not the same name at the same company.
    (Contact(id="a", first_name="Maria", last_name="Garcia", company="Acme"),
     Contact(id="b", first_name="Mario", last_name="Garcias", company="Acme")),
    # Same email, but two different LinkedIn profiles (a shared inbox).
    (Contact(id="a", first_name="Ann", emails=["info@acme.example"], linkedin_url="linkedin.com/in/ann"),
     Contact(id="b", first_name="Ben", emails=["info@acme.example"], linkedin_url="linkedin.com/in/ben")),
])
def test_conservative_rule_keeps_different_people_apart(a, b):
    assert ContactIndex([a]).find(b) is None
    p = plan_import([batch(b.copy(id=new_id()))], {"a": a}, {}, now=NOW)
    assert p.new == 1 and p.merged == 0


def test_company_key_ignores_legal_suffixes_and_punctuation():
    assert company_key("ACME, Inc.") == company_key("Acme") == "acme"
    assert company_key("Globex Corporation") == company_key("Globex Corp.")
    assert company_key("Inc") == "inc"


def test_duplicates_within_one_file_collapse():
    one = Contact(id=new_id(), first_name="Ada", last_name="L", emails=["ada@example.com"])
    two = Contact(id=new_id(), first_name="Ada", last_name="Lovelace", emails=["ADA@example.com"], tags=["Math"])
    p = plan_import([batch(one, two)], {}, {}, now=NOW)
    assert (p.new, p.merged) == (1, 1)
    (ada,) = p.contacts
    assert ada.tags == ["Math"] and ada.emails == ["ada@example.com"]


def test_reimport_changes_nothing():
    first = plan(ALL, tag="t")
    contacts, invites = store(first)
    second = plan(ALL, contacts, invites, tag="t", now=NOW + timedelta(days=3))
    assert second.contacts == [] and second.invites == []
    assert (second.new, second.merged, second.updated, second.reconciled) == (0, 0, 0, 0)
    assert second.unchanged == sum(len(parse(n).contacts) for n in ALL)
    assert second.summary_lines()[0] == f"0 new, 0 merged, 0 updated, {second.unchanged} unchanged"


def test_reimport_of_a_resaved_file_does_not_repeat_its_notes(write):
    contacts, invites = store(plan(["contacts_google.csv"]))
    copy = write("contacts_google.csv", fixture("contacts_google.csv").read_bytes())  # new mtime
    os.utime(copy, (1_700_000_000, 1_700_000_000))
    p = plan_import([read_file(copy)], contacts, invites, now=NOW)
    assert p.contacts == [] and p.new == 0


def test_existing_ids_are_kept_and_their_values_win_while_gaps_are_filled():
    zoe = Contact(id="zoe1", first_name="Zoë", last_name="Müller", emails=["zoe@example.com"],
                  segment="friends", position="Chief Scientist")
    p = plan(["contacts_google.csv"], {"zoe1": zoe})
    (changed,) = [c for c in p.contacts if c.id == "zoe1"]
    assert changed.segment == "friends" and changed.position == "Chief Scientist"
    assert changed.company == "Acme GmbH" and changed.birthday == "--03-22"
    assert p.new == 3 and p.merged == 1  # Jonathon, Bob, Priya new; Zoë merged


def test_outgoing_invitation_to_connected_person_is_accepted_else_pending():
    contacts, invites = store(plan(["Connections.csv", "Invitations.csv"]))
    by_contact = {contacts[i.contact_id].full_name: i for i in invites.values()}
    zoe = by_contact["Zoë Müller"]
    assert zoe.status is InviteStatus.ACCEPTED
    assert zoe.status_at.date() == date(2022, 9, 9)
    assert zoe.message.startswith("Hi Zoë")
    assert by_contact["Priya Raman"].status is InviteStatus.PENDING
    assert by_contact["Kenji Sato"].status is InviteStatus.PENDING
    assert "Иван Петров" not in by_contact  # incoming: no invite of ours
    assert len(invites) == 3


def test_incoming_invitation_sets_invited_me_at_not_an_invite():
    p = plan(["Connections.csv", "Invitations.csv"])
    contacts, _ = store(p)
    ivan = named(contacts, "Иван Петров")
    assert ivan.invited_me_at is not None and ivan.invited_me_at.replace(tzinfo=None) == datetime(2023, 3, 14, 23, 2)
    assert p.invited_me == 1


def test_old_invitations_match_by_name_and_create_missing_contacts():
    p = plan(["Connections_2018.csv", "Invitations_old.csv"])
    contacts, invites = store(p)
    jon = named(contacts, "Jonathan Smithers")
    carlos = named(contacts, "Carlos Ortega")
    maria = named(contacts, "Maria Garcia")
    status = {contacts[i.contact_id].full_name: i.status for i in invites.values()}
    assert status == {"Jonathan Smithers": InviteStatus.ACCEPTED, "Carlos Ortega": InviteStatus.PENDING}
    assert jon.connected and not carlos.connected
    assert maria.invited_me_at is not None


def test_name_shared_by_two_people_is_not_guessed():
    a = Contact(id="a", first_name="Carlos", last_name="Ortega", company="Acme")
    b = Contact(id="b", first_name="Carlos", last_name="Ortega", company="Globex")
    p = plan(["Invitations_old.csv"], {"a": a, "b": b})
    contacts, invites = store(p, {"a": a, "b": b})
    carlos_invite = [i for i in invites.values() if i.message == "Hola Carlos"][0]
    assert carlos_invite.contact_id not in ("a", "b")


def test_newer_connections_export_accepts_a_pending_invite():
    contacts, invites = store(plan(["contacts_google.csv", "Invitations.csv"]))
    priya_invite = [i for i in invites.values() if contacts[i.contact_id].full_name == "Priya Raman"][0]
    assert priya_invite.status is InviteStatus.PENDING
    newer = ParsedFile(path=fixture("Connections.csv"), format="linkedin-connections")
    newer.contacts.append(Contact(id=new_id(), first_name="Priya", last_name="Raman",
                                  linkedin_url="https://www.linkedin.com/in/priya-raman",
                                  connected=True, connected_on=date(2024, 10, 5), sources=[newer.source]))
    p = plan_import([newer], contacts, invites, now=NOW)
    (accepted,) = p.invites
    assert accepted.id == priya_invite.id and accepted.status is InviteStatus.ACCEPTED
    assert accepted.status_at.date() == date(2024, 10, 5)
    assert p.reconciled == 1
    assert any("1 now accepted" in line for line in p.summary_lines())


def test_app_invite_pending_becomes_accepted_at_now_without_connection_date():
    ada = Contact(id="ada", first_name="Ada", last_name="Lovelace", linkedin_url="linkedin.com/in/ada")
    invite = Invite(id="i1", contact_id="ada", sent_at=NOW - timedelta(days=10), source="app")
    conn = ParsedFile(path=fixture("Connections.csv"), format="linkedin-connections")
    conn.contacts.append(Contact(id=new_id(), first_name="Ada", last_name="Lovelace",
                                 linkedin_url="https://www.linkedin.com/in/ada/", connected=True,
                                 sources=[conn.source]))
    p = plan_import([conn], {"ada": ada}, {"i1": invite}, now=NOW)
    (accepted,) = p.invites
    assert accepted.status is InviteStatus.ACCEPTED and accepted.status_at == NOW


def test_invite_recorded_in_app_is_not_duplicated_by_the_export():
    zoe = Contact(id="zoe", first_name="Zoë", last_name="Müller", linkedin_url="https://www.linkedin.com/in/zoe-mueller/")
    exported = parse("Invitations.csv").invitations[0].sent_at
    mine = Invite(id="mine", contact_id="zoe", sent_at=exported + timedelta(seconds=37), source="app")
    p = plan(["Invitations.csv"], {"zoe": zoe}, {"mine": mine})
    assert not [i for i in p.invites if i.contact_id == "zoe" and i.id != "mine"]


def test_withdrawn_invite_is_not_reopened_or_accepted():
    ada = Contact(id="ada", first_name="Ada", last_name="L", linkedin_url="linkedin.com/in/ada", connected=True)
    gone = Invite(id="w", contact_id="ada", sent_at=NOW - timedelta(days=40), status=InviteStatus.WITHDRAWN,
                  status_at=NOW - timedelta(days=5))
    p = plan_import([], {"ada": ada}, {"w": gone}, now=NOW)
    assert p.invites == [] and p.reconciled == 0


def test_existing_contacts_are_not_mutated():
    zoe = Contact(id="zoe", first_name="Zoë", last_name="Müller", linkedin_url="https://www.linkedin.com/in/zoe-mueller/")
    before = zoe.to_dict()
    p = plan(["Connections.csv", "contacts_google.csv"], {"zoe": zoe})
    assert zoe.to_dict() == before
    assert [c for c in p.contacts if c.id == "zoe"][0].connected


def test_two_people_with_one_name_in_one_file_stay_two_and_stay_two_on_reimport(tmp_path):
    text = ("First Name,Last Name,Email Address,Company,Position,Connected On\n"
            "John,Smith,,Initech,Engineer,\"1/8/18, 6:14 PM\"\n"
            "John,Smith,,Globex,Sales,\"2/8/18, 6:14 PM\"\n")
    csv = tmp_path / "Connections.csv"
    csv.write_text(text, encoding="utf-8")
    first = plan_import([read_file(csv)], {}, {}, now=NOW)
    assert first.new == 2
    contacts, _ = store(first)
    again = plan_import([read_file(csv)], contacts, {}, now=NOW)
    assert again.new == 0 and again.contacts == []  # each found again by name within its company


def test_a_card_with_only_a_name_and_phone_is_found_again_on_reimport():
    contacts, invites = store(plan(["iphone.vcf"]))
    again = plan(["iphone.vcf"], contacts, invites)
    assert again.new == 0 and again.unchanged == 2


def test_invitation_without_known_profile_matches_the_one_contact_with_that_name():
    contacts, invites = store(plan(["android.vcf", "Invitations.csv"]))
    kenji = named(contacts, "Kenji Sato")
    assert kenji.emails == ["kenji@example.jp"] and kenji.linkedin_url.endswith("/kenji-sato/")


def test_a_lone_first_name_at_the_same_company_is_not_enough():
    a = Contact(id="a", first_name="Ann", company="Acme")
    assert ContactIndex([a]).find(Contact(id="b", first_name="Ann", company="Acme")) is None


def test_invitations_finding_their_person_are_not_reported_as_merges():
    p = plan(["Connections.csv", "Invitations.csv"])
    assert p.merges == []
    assert p.merged == 0 and p.new == 6 + 2  # the six connections, then Priya and Kenji
    assert (p.new_invites, p.reconciled, p.invited_me) == (3, 1, 1)
    assert "invitations: 3 new, 1 now accepted, 1 person who invited you" in p.summary_lines()


def test_invite_recorded_in_the_app_hours_later_is_the_same_invitation():
    zoe = Contact(id="zoe", first_name="Zoë", last_name="Müller", linkedin_url="https://www.linkedin.com/in/zoe-mueller/")
    exported = parse("Invitations.csv").invitations[0].sent_at
    mine = Invite(id="mine", contact_id="zoe", sent_at=exported + timedelta(hours=3), source="app")
    p = plan(["Invitations.csv"], {"zoe": zoe}, {"mine": mine})
    assert p.new_invites == 2  # Priya and Kenji, not Zoë again
    assert [i.id for i in p.invites if i.contact_id == "zoe"] == ["mine"]  # it gained the message
    assert [i for i in p.invites if i.id == "mine"][0].message.startswith("Hi Zoë")


def test_an_older_invitation_to_the_same_person_is_a_different_one():
    zoe = Contact(id="zoe", first_name="Zoë", last_name="Müller", linkedin_url="https://www.linkedin.com/in/zoe-mueller/")
    exported = parse("Invitations.csv").invitations[0].sent_at
    old = Invite(id="old", contact_id="zoe", sent_at=exported - timedelta(days=60), status=InviteStatus.WITHDRAWN,
                 status_at=exported - timedelta(days=30))
    p = plan(["Invitations.csv"], {"zoe": zoe}, {"old": old})
    assert len([i for i in p.invites if i.contact_id == "zoe"]) == 1
    assert p.new_invites == 3


def test_old_pub_urls_keep_their_id_so_namesakes_stay_apart():
    from warmintro.model.contact import normalize_linkedin_url

    a = normalize_linkedin_url("http://www.linkedin.com/pub/john-smith/12/345/678")
    b = normalize_linkedin_url("https://de.linkedin.com/pub/john-smith/98/765/432?trk=x")
    assert a == "https://www.linkedin.com/pub/john-smith/12/345/678/"
    assert len({a, b, normalize_linkedin_url("linkedin.com/in/john-smith")}) == 3
    assert normalize_linkedin_url("http://[broken/in/x") == ""


def test_a_later_record_linking_profile_and_email_folds_two_new_records_into_one():
    conn = batch(Contact(id=new_id(), first_name="Ana", last_name="Silva", linkedin_url="linkedin.com/in/ana",
                         connected=True), fmt="linkedin-connections", name="Connections.csv")
    outlook = batch(Contact(id=new_id(), first_name="Ana", last_name="Silva", emails=["ana@example.com"],
                            tags=["Clients"]), fmt="outlook", name="outlook.csv")
    google = batch(Contact(id=new_id(), first_name="Ana", last_name="Silva", emails=["ANA@example.com"],
                           linkedin_url="https://www.linkedin.com/in/ana/"), fmt="google", name="g.csv")
    p = plan_import([conn, outlook, google], {}, {}, now=NOW)
    (ana,) = p.contacts
    assert ana.tags == ["Clients"] and ana.connected and [e.lower() for e in ana.emails] == ["ana@example.com"]
    assert (p.new, p.merged) == (1, 2)
    assert any("(same email)" in line for line in p.merges)
    again = plan_import([conn, outlook, google], {ana.id: ana}, {}, now=NOW)
    assert again.contacts == [] and again.unchanged == 3


def test_a_stored_name_is_never_rewritten_by_an_import():
    ana = Contact(id="ana", first_name="Ana", emails=["ana@example.com"])
    row = Contact(id=new_id(), first_name="Ana Maria", last_name="Silva", emails=["ana@example.com"],
                  company="Globex")
    (merged,) = plan_import([batch(row)], {"ana": ana}, {}, now=NOW).contacts
    assert (merged.first_name, merged.last_name, merged.company) == ("Ana", "", "Globex")


def test_skip_reasons_read_right_for_one_and_many():
    one = ParsedFile(path=fixture("Connections.csv"), format="linkedin-connections",
                     skipped={"ghost rows (every field empty but the date)": 1, "rows with no name and no email": 2})
    lines = plan_import([one], {}, {}, now=NOW).summary_lines()
    assert lines[1] == "skipped: 1 ghost row (every field empty but the date), 2 rows with no name and no email"
