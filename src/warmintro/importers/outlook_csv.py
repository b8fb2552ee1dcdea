"""Outlook CSV: the Outlook.com export and the desktop one (every header quoted, cp1252)."""

from __future__ import annotations

from warmintro.importers.common import (
    Progress, Table, address_book_contact, file_time, filled_rows, parse_date_time)
from warmintro.importers.parsed import ParsedFile

FORMAT = "outlook"
SIGNATURES = (
    ("First Name", "Last Name", "E-mail Address"),
    ("First Name", "Last Name", "Job Title", "Company"),
)

_EMAILS = ("E-mail Address", "E-mail 2 Address", "E-mail 3 Address")
_PHONES = ("Mobile Phone", "Business Phone", "Home Phone", "Primary Phone", "Other Phone",
           "Business Phone 2", "Home Phone 2")
_WEBSITES = ("Web Page", "Personal Web Page")


def parse(table: Table, parsed: ParsedFile, progress: Progress | None = None) -> None:
    noted_at = file_time(parsed.path)
    for line, row in filled_rows(table, progress):
        contact = address_book_contact(
            parsed,
            first=table.cell(row, "First Name") or table.cell(row, "Nickname"),
            last=table.cell(row, "Last Name"),
            emails=[table.cell(row, name) for name in _EMAILS],
            phones=[table.cell(row, name) for name in _PHONES],
            urls=[table.cell(row, name) for name in _WEBSITES],
            company=table.cell(row, "Company"),
            position=table.cell(row, "Job Title"),
            # Desktop Outlook joins categories with ';'.
            tags=[t for t in table.cell(row, "Categories").split(";")],
            note=table.cell(row, "Notes"),
            birthday=_birthday(table.cell(row, "Birthday")),
            noted_at=noted_at,
        )
        if contact is not None:
            parsed.contacts.append(contact)


def _birthday(value: str) -> str:
    """ISO when readable; Outlook writes '0/0/00' for none, and an odd value is not worth failing for."""
    try:
        return parse_date_time(value)[0].isoformat()
    except ValueError:
        return ""
