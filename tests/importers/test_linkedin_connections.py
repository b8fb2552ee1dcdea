from datetime import date

import pytest

from import_helpers import by_name, parse
from warmintro.importers import ImportFailure, read_file
from warmintro.importers.linkedin_connections import GHOST
from warmintro.importers.common import NO_NAME_NO_EMAIL


def test_2024_export_with_notes_preamble_reads_every_person():
    parsed = parse("Connections.csv")
    assert parsed.format == "linkedin-connections"
    people = by_name(parsed)
    assert set(people) == {"Zoë Müller", "Иван Петров", "小明 王", "Sam 🚀 Rocket", "Anna Lee", "Jonathan Smithers"}
    zoe = people["Zoë Müller"]
    assert zoe.connected and zoe.connected_on == date(2022, 9, 9)
    assert zoe.linkedin_url == "https://www.linkedin.com/in/zoe-mueller/"
    assert zoe.company == "Acme GmbH" and zoe.position == "Research Lead"
    assert zoe.sources == ["linkedin-connections:Connections.csv"]


def test_ghost_rows_and_nameless_rows_are_skipped_and_counted():
    parsed = parse("Connections.csv")
    assert parsed.skipped == {GHOST: 2, NO_NAME_NO_EMAIL: 1}


def test_urn_in_email_column_is_not_an_email_and_real_emails_are_kept():
    people = by_name(parse("Connections.csv"))
    assert people["Иван Петров"].emails == []
    assert people["Sam 🚀 Rocket"].emails == ["sam@rocket.example"]


def test_stray_spaces_tabs_commas_and_newlines_in_quoted_fields():
    people = by_name(parse("Connections.csv"))
    anna = people["Anna Lee"]
    assert (anna.first_name, anna.last_name) == ("Anna", "Lee")
    assert anna.company == "Smith, Jones & Co"
    assert anna.position == "Partner Tax"
    assert people["Sam 🚀 Rocket"].position == "Founder & CEO"
    assert people["Sam 🚀 Rocket"].company == "Rocket, Inc."


def test_2018_export_without_url_and_with_us_dates():
    people = by_name(parse("Connections_2018.csv"))
    assert people["Robert Brown"].connected_on == date(2018, 1, 8)
    assert people["Linda Nguyen"].connected_on == date(2017, 12, 24)
    assert people["Robert Brown"].emails == ["rob.brown@example.com"]
    assert all(c.linkedin_url == "" and c.connected for c in people.values())


def test_excel_resaved_file_with_bom_crlf_and_short_dates():
    raw = (parse("Connections_excel.csv").path).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    parsed = parse("Connections_excel.csv")
    people = by_name(parsed)
    assert people["Zoë Müller"].connected_on == date(2022, 9, 9)
    assert people["Grace Hopper"].connected_on == date(2021, 12, 1)
    assert parsed.skipped == {GHOST: 1}


def test_utf16_file_with_preamble():
    people = by_name(parse("Connections_utf16.csv"))
    assert people["Shōhei Ōtani"].company == "Dodgers"


def test_header_found_by_content_after_any_preamble(write):
    text = ("Notes:\n\"Some, note\nover two lines\"\n\nAnother line LinkedIn might add\n\n"
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            "Ada,Lovelace,https://www.linkedin.com/in/ada,,Analytical,Engineer,10 Dec 2023\n")
    parsed = read_file(write("c.csv", text))
    assert [c.full_name for c in parsed.contacts] == ["Ada Lovelace"]


def test_columns_are_found_by_name_not_position(write):
    text = ("Connected On,Position,Company,Email Address,URL,Last Name,First Name\n"
            "10 Dec 2023,Engineer,Analytical,ada@example.com,,Lovelace,Ada\n")
    (ada,) = read_file(write("c.csv", text)).contacts
    assert (ada.first_name, ada.last_name, ada.company, ada.emails) == ("Ada", "Lovelace", "Analytical", ["ada@example.com"])


def test_bad_date_names_file_line_and_field(write):
    text = (open(parse("Connections.csv").path, encoding="utf-8").read()
            .replace("30 Jun 2022", "31/31/22"))
    path = write("Connections.csv", text)
    with pytest.raises(ImportFailure) as err:
        read_file(path)
    # Notes preamble (3 lines) + header + 6 records, one of which spans two lines.
    assert str(err.value) == "Connections.csv:12: Connected On: cannot read '31/31/22' as a date"
    assert (err.value.file, err.value.line, err.value.field) == ("Connections.csv", 12, "Connected On")


def test_truncated_quoted_field_is_one_line_failure(write):
    text = ("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            "Ada,Lovelace,,,\"Analytical Engines\n")
    with pytest.raises(ImportFailure) as err:
        read_file(write("Connections.csv", text))
    message = str(err.value)
    assert message.startswith("Connections.csv:2: ")
    assert "never closed" in message and "\n" not in message
