from import_helpers import by_name, fixture, parse
from warmintro.importers import read_file


def test_outlook_com_unquoted_utf8():
    parsed = parse("outlook_com.csv")
    assert parsed.format == "outlook"
    people = by_name(parsed)
    bob = people["Bob Builder"]
    assert bob.emails == ["BOB@build.example"] and bob.phones == ["+44 7700 900123"]
    assert (bob.company, bob.position, bob.birthday) == ("Fixit Ltd", "Site Manager", "1975-11-02")
    jurgen = people["Jürgen Weiß"]
    assert jurgen.company == "Weiß & Söhne" and jurgen.notes[0].text == "Met at the Hannover fair"


def test_outlook_desktop_cp1252_quoted_headers():
    raw = fixture("outlook_desktop.csv").read_bytes()
    assert b"Zo\xeb M\xfcller" in raw and raw.startswith(b'"Title","First Name"')
    people = by_name(parse("outlook_desktop.csv"))
    zoe = people["Zoë Müller"]
    assert zoe.emails == ["ZOE@EXAMPLE.COM"]
    assert zoe.tags == ["Clients", "VIP"]
    assert zoe.notes[0].text == "Prefers email.\nCall after 10."
    assert zoe.birthday == ""  # Outlook's 0/0/00 means none
    assert zoe.phones == ["+49 30 1234567"]


def test_exchange_address_is_not_an_email_but_the_second_one_is():
    cafe = by_name(parse("outlook_desktop.csv"))["Café Owner"]
    assert cafe.emails == ["owner@lecafe.example"]


def test_columns_matched_by_name_in_any_order(write):
    text = "Company,E-mail Address,Last Name,First Name\nInitech,peter@initech.example,Gibbons,Peter\n"
    (peter,) = read_file(write("o.csv", text)).contacts
    assert (peter.first_name, peter.last_name, peter.company) == ("Peter", "Gibbons", "Initech")
