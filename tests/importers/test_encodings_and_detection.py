import codecs

import pytest

from import_helpers import FIXTURES, fixture
from warmintro.importers import ImportFailure, detect_format, read_file

EXPECTED = {
    "Connections.csv": "linkedin-connections",
    "Connections_2018.csv": "linkedin-connections",
    "Connections_excel.csv": "linkedin-connections",
    "Connections_utf16.csv": "linkedin-connections",
    "Invitations.csv": "linkedin-invitations",
    "Invitations_old.csv": "linkedin-invitations",
    "contacts_google.csv": "google",
    "google_old.csv": "google",
    "outlook_com.csv": "outlook",
    "outlook_desktop.csv": "outlook",
    "android.vcf": "vcard",
    "iphone.vcf": "vcard",
    "macos.vcf": "vcard",
    "gmail.vcf": "vcard",
    "outlook2003.vcf": "vcard",
    "thunderbird.vcf": "vcard",
}

PERSON = "First Name,Last Name,E-mail Address,Company,Notes\r\nZoë,Müller,zoe@example.com,Acme,\"line one\r\nline two\"\r\n"


def test_every_fixture_is_detected():
    found = {p.name for p in FIXTURES.iterdir() if p.suffix != ".py"}
    assert found == set(EXPECTED)
    for name, fmt in EXPECTED.items():
        assert detect_format(fixture(name)) == fmt, name


def test_detection_reads_content_not_the_file_name(write):
    path = write("export.vcf", fixture("Connections.csv").read_bytes())
    assert detect_format(path) == "linkedin-connections"
    path = write("Connections.csv", fixture("iphone.vcf").read_bytes())
    assert detect_format(path) == "vcard"


def test_format_override_is_honoured_and_checked(write):
    parsed = read_file(fixture("contacts_google.csv"), "google")
    assert parsed.format == "google"
    with pytest.raises(ImportFailure) as err:
        read_file(fixture("contacts_google.csv"), "linkedin-connections")
    assert "no linkedin-connections header row" in str(err.value)
    with pytest.raises(ImportFailure):
        read_file(fixture("contacts_google.csv"), "vcard")
    with pytest.raises(ImportFailure):
        read_file(fixture("contacts_google.csv"), "excel")


@pytest.mark.parametrize("encoding, bom", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE), ("cp1252", b""),
])
@pytest.mark.parametrize("eol", ["\r\n", "\n"])
def test_encodings_boms_and_line_endings(write, encoding, bom, eol):
    path = write("people.csv", bom + PERSON.replace("\r\n", eol).encode(encoding))
    (zoe,) = read_file(path).contacts
    assert (zoe.first_name, zoe.last_name, zoe.emails) == ("Zoë", "Müller", ["zoe@example.com"])
    assert zoe.notes[0].text == "line one\nline two"


def test_unknown_content_is_refused(write):
    with pytest.raises(ImportFailure) as err:
        detect_format(write("notes.txt", "Dear diary,\ntoday I met someone.\n"))
    assert str(err.value).startswith("notes.txt: not a recognised export")


def test_binary_file_is_refused_with_one_line(write):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256))
    with pytest.raises(ImportFailure) as err:
        read_file(write("photo.csv", png))
    assert str(err.value) == "photo.csv:3: binary data, not a text export"


def test_empty_file_is_refused(write):
    with pytest.raises(ImportFailure) as err:
        read_file(write("empty.csv", b""))
    assert str(err.value) == "empty.csv: the file is empty"


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(ImportFailure) as err:
        read_file(tmp_path / "nope.csv")
    assert str(err.value).startswith("nope.csv: cannot read the file")


def test_progress_is_reported_to_the_end(write):
    rows = "".join(f"P{i},Q,,,,,09 Sep 2022\n" for i in range(1200))
    path = write("c.csv", "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n" + rows)
    calls = []
    read_file(path, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (1200, 1200) and len(calls) >= 3


def test_excel_semicolon_csv_from_a_comma_decimal_locale(write):
    text = ("First Name;Last Name;URL;Email Address;Company;Position;Connected On\r\n"
            "Jürgen;Weiß;https://www.linkedin.com/in/jweiss;;\"Weiß; Söhne\";Chef;9-Sep-22\r\n")
    path = write("Connections.csv", text, "cp1252")
    assert detect_format(path) == "linkedin-connections"
    (jurgen,) = read_file(path).contacts
    assert (jurgen.first_name, jurgen.company) == ("Jürgen", "Weiß; Söhne")


def test_excel_unicode_text_is_utf16_with_tabs(write):
    text = "First Name\tLast Name\tE-mail 1 - Value\tLabels\r\n王\t小明\twang@example.cn\tFriends ::: * myContacts\r\n"
    path = write("contacts.txt", codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    (wang,) = read_file(path).contacts
    assert wang.emails == ["wang@example.cn"] and wang.tags == ["Friends"]


def test_utf16_without_bom_is_recognised(write):
    path = write("people.csv", PERSON.encode("utf-16-le"))
    (zoe,) = read_file(path).contacts
    assert zoe.full_name == "Zoë Müller"


def test_bytes_cp1252_leaves_undefined_still_decode(write):
    path = write("people.csv", PERSON.encode("cp1252").replace(b"Acme", b"Ac\x81me"))
    (zoe,) = read_file(path).contacts
    assert zoe.full_name == "Zoë Müller" and zoe.company == "Ac\x81me"
