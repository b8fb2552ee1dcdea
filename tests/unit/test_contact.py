from datetime import date, datetime, timezone

import pytest
from hypothesis import given, strategies as st

from warmintro.model.contact import (Contact, Note, merge_contacts, normalize_email, normalize_linkedin_url,
                                     normalize_name, split_full_name)

AT = datetime(2026, 11, 1, tzinfo=timezone.utc)


@pytest.mark.parametrize("url", [
    "https://www.linkedin.com/in/zoe-muller/",
    "http://linkedin.com/in/zoe-muller",
    "linkedin.com/in/Zoe-Muller/?originalSubdomain=de",
    "https://de.linkedin.com/in/zoe-muller",
    "https://www.linkedin.com/de/in/zoe-muller/",
    "www.linkedin.com/in/zoe-muller#about",
])
def test_every_form_of_a_profile_url_is_one_person(url):
    assert normalize_linkedin_url(url) == "https://www.linkedin.com/in/zoe-muller/"


@pytest.mark.parametrize("url", ["", "https://example.com/in/x", "https://www.linkedin.com/company/acme",
                                 "https://www.linkedin.com/in/", "not a url at all"])
def test_non_profile_urls_are_not_profiles(url):
    assert normalize_linkedin_url(url) == ""


def test_emails_are_case_folded_and_urns_are_not_emails():
    assert normalize_email(" Zoe@Example.COM ") == "zoe@example.com"
    assert normalize_email("urn:li:member:123456") == ""
    assert normalize_email("mailto:a@b.io") == "a@b.io"


def test_names_compare_without_accents_case_or_stray_spaces():
    assert normalize_name("  Zoë   MÜLLER ") == normalize_name("zoe muller")


def test_split_full_name():
    assert split_full_name("  Ana   Maria Silva ") == ("Ana", "Maria Silva")
    assert split_full_name("Cher") == ("Cher", "")
    assert split_full_name("   ") == ("", "")


def test_merge_keeps_every_email_tag_source_and_note():
    a = Contact(id="a", first_name="Zoë", last_name="Müller", emails=["zoe@x.com"], tags=["clients"],
                sources=["linkedin-connections:Connections.csv"], notes=[Note(AT, "met at fair")], connected=True)
    b = Contact(id="b", first_name="Zoe", emails=["ZOE@x.com", "z@home.de"], tags=["chamber"], company="Acme",
                sources=["google:contacts.csv"], notes=[Note(AT, "birthday in March")])
    merged = merge_contacts(a, b)
    assert merged.id == "a" and merged.first_name == "Zoë"
    assert merged.emails == ["zoe@x.com", "z@home.de"]
    assert merged.tags == ["clients", "chamber"]
    assert merged.sources == ["linkedin-connections:Connections.csv", "google:contacts.csv"]
    assert [n.text for n in merged.notes] == ["met at fair", "birthday in March"]
    assert merged.company == "Acme" and merged.connected
    assert a.emails == ["zoe@x.com"], "merging must not edit the originals"


def test_contact_round_trips_through_its_dict():
    c = Contact(id="x", first_name="[bold red]x[/]", emails=["a@b.c"], connected_on=date(2022, 9, 9),
                notes=[Note(AT, "hello")], snoozed_until=AT, never_reason="spam")
    assert Contact.from_dict(c.to_dict()) == c


@given(st.text(), st.text())
def test_display_name_is_never_empty(first, last):
    assert Contact(id="x", first_name=first.strip(), last_name=last.strip()).display_name
