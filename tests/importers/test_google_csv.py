from import_helpers import by_name, parse
from warmintro.importers import read_file
from warmintro.importers.common import NO_NAME_NO_EMAIL


def test_current_header_labels_become_tags_without_system_groups():
    people = by_name(parse("contacts_google.csv"))
    zoe = people["Zoë Müller"]
    assert zoe.tags == ["Friends", "Climbing"]
    assert people["Bob Builder"].tags == []  # only '* starred'
    assert people["Priya Raman"].tags == ["Conference"]


def test_current_header_multi_value_cells_and_fields():
    zoe = by_name(parse("contacts_google.csv"))["Zoë Müller"]
    assert zoe.emails == ["zoe@example.com", "zoe.m@example.org", "zoe@acme.example"]
    assert zoe.phones == ["+49 170 1234567"]
    assert (zoe.company, zoe.position) == ("Acme GmbH", "Research Lead")
    assert zoe.birthday == "--03-22"
    assert [n.text for n in zoe.notes] == ["Met at PyCon 2022.\nLikes climbing."]
    assert zoe.notes[0].at.tzinfo is not None
    assert zoe.sources == ["google:contacts_google.csv"]


def test_linkedin_website_becomes_profile_url():
    priya = by_name(parse("contacts_google.csv"))["Priya Raman"]
    assert priya.linkedin_url == "https://www.linkedin.com/in/priya-raman/"


def test_row_with_only_a_phone_is_skipped_and_counted():
    assert parse("contacts_google.csv").skipped == {NO_NAME_NO_EMAIL: 1}


def test_old_header_group_membership_and_organisation():
    parsed = parse("google_old.csv")
    assert parsed.format == "google"
    people = by_name(parsed)
    rob = people["Robert Brown"]
    assert rob.tags == ["Coworkers"]
    assert (rob.company, rob.position) == ("Initech", "Engineer")
    assert rob.emails == ["Rob.Brown@Example.com"]
    assert rob.notes[0].text == "Knows the TPS reports, by heart"
    maria = people["Maria Garcia"]
    assert maria.emails == ["maria.garcia@example.es", "mgarcia@example.com"]
    assert maria.tags == ["Family"] and maria.birthday == "--07-04"


def test_old_header_name_only_is_split():
    yuki = by_name(parse("google_old.csv"))["Yuki Tanaka"]
    assert (yuki.first_name, yuki.last_name) == ("Yuki", "Tanaka")


def test_header_with_only_used_columns_is_still_google(write):
    path = write("x.csv", "First Name,Last Name,E-mail 1 - Value\nAda,Lovelace,ada@example.com\n")
    parsed = read_file(path)
    assert parsed.format == "google" and parsed.contacts[0].emails == ["ada@example.com"]
