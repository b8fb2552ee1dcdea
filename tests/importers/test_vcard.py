import pytest

from import_helpers import by_name, parse
from warmintro.importers import ImportFailure, read_file


def test_android_21_quoted_printable_with_soft_breaks():
    people = by_name(parse("android.vcf"))
    kenji = people["Kenji Sato"]
    assert kenji.notes[0].text == "東京で会った, met in Tokyo at the meetup; talked about tea\nsecond line"
    assert kenji.phones == ["+81 90 1234 5678", "+81 3 1234 5678"]
    assert kenji.emails == ["kenji@example.jp"]
    assert "Иван Петров" in people


def test_iphone_30_item_url_with_ablabel_and_photo_ignored():
    parsed = parse("iphone.vcf")
    zoe = by_name(parsed)["Zoë Müller"]
    assert zoe.linkedin_url == "https://www.linkedin.com/in/zoe-mueller/"
    assert zoe.emails == ["zoe@example.com", "zoe@acme.example"]
    assert zoe.company == "Acme GmbH"  # ORG units (Research) are not the company
    assert zoe.position == "Research Lead"
    assert zoe.notes[0].text == "Climbing partner, Berlin.\nAsk about the new lab"
    assert len(parsed.contacts) == 2


def test_macos_social_profile_with_escaped_colon_categories_and_folding():
    (priya,) = parse("macos.vcf").contacts
    assert priya.linkedin_url == "https://www.linkedin.com/in/priya-raman/"
    assert (priya.first_name, priya.last_name) == ("Priya", "Raman")  # N wins over FN's "Dr."
    assert priya.tags == ["Conference", "Speakers"]
    assert priya.notes[0].text.endswith("seventy-five characters, with a comma.")


def test_gmail_email_only_card_and_org_only_card():
    parsed = parse("gmail.vcf")
    bob, email_only, desk = parsed.contacts
    assert bob.emails == ["bob@build.example", "bob.b@gmail.example"]
    assert bob.tags == ["Builders"]  # Gmail's myContacts is not the user's tag
    assert email_only.full_name == "" and email_only.display_name == "only.an.email@example.org"
    assert desk.display_name == "Front Desk Hotel Adlon"


def test_outlook_2003_windows_1252_quoted_printable():
    (jurgen,) = parse("outlook2003.vcf").contacts
    assert (jurgen.first_name, jurgen.last_name) == ("Jürgen", "Weiß")
    assert jurgen.company == "Weiß & Söhne" and jurgen.position == "Geschäftsführer"
    assert jurgen.notes[0].text == "Met at the Hannover fair, stand B12.\nFollow up in spring"


def test_thunderbird_40_with_mixed_line_endings():
    (grace,) = parse("thunderbird.vcf").contacts
    assert grace.emails == ["grace@navy.example"]
    assert grace.linkedin_url == "https://www.linkedin.com/in/ghopper/"
    assert grace.birthday == "1906-12-09"


def test_card_without_end_is_a_failure_naming_its_line(write):
    text = "BEGIN:VCARD\nVERSION:3.0\nFN:A B\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:Cut Off\n"
    with pytest.raises(ImportFailure) as err:
        read_file(write("cards.vcf", text))
    assert str(err.value).startswith("cards.vcf:5: ")
    assert "END:VCARD" in str(err.value)


def test_garbage_line_inside_a_card(write):
    text = "BEGIN:VCARD\nVERSION:3.0\nFN:A B\nthis line has no colon\nEND:VCARD\n"
    with pytest.raises(ImportFailure) as err:
        read_file(write("cards.vcf", text))
    assert str(err.value) == "cards.vcf:4: not a vCard line: 'this line has no colon'"


def test_card_with_nothing_usable_is_skipped(write):
    text = "BEGIN:VCARD\nVERSION:3.0\nTEL:+1 555 0100\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:Ada L\nEND:VCARD\n"
    parsed = read_file(write("cards.vcf", text))
    assert [c.full_name for c in parsed.contacts] == ["Ada L"]
    assert sum(parsed.skipped.values()) == 1


def test_line_numbers_stay_right_after_blank_lines_and_photos(write):
    text = ("BEGIN:VCARD\nVERSION:2.1\nN:Sato;Kenji\nPHOTO;ENCODING=BASE64;JPEG:/9j/4AAQ\n  SkZJRgABAQ\n\n"
            "END:VCARD\n\n\nBEGIN:VCARD\nVERSION:2.1\nN:Ok;Fine\nbroken line here\nEND:VCARD\n")
    with pytest.raises(ImportFailure) as err:
        read_file(write("android.vcf", text))
    assert str(err.value) == "android.vcf:13: not a vCard line: 'broken line here'"


def test_a_thousand_cards_report_progress(write):
    text = "".join(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {i}\r\nEMAIL:p{i}@example.com\r\nEND:VCARD\r\n"
                   for i in range(1000))
    calls = []
    parsed = read_file(write("many.vcf", text), progress=lambda done, total: calls.append((done, total)))
    assert len(parsed.contacts) == 1000 and calls[-1] == (1000, 1000)
