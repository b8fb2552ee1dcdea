"""Google Contacts CSV, in its current header and the older 'Google CSV' one."""

from __future__ import annotations

import re

from warmintro.importers.common import (
    Progress, Table, address_book_contact, file_time, filled_rows, split_multi)
from warmintro.importers.parsed import ParsedFile
from warmintro.model.contact import split_full_name

FORMAT = "google"
# Google writes only the columns some contact uses, so several header shapes are Google's.
SIGNATURES = (
    ("First Name", "Last Name", "Labels"),
    ("First Name", "Last Name", "E-mail 1 - Value"),
    ("First Name", "Last Name", "Organization Name"),
    ("First Name", "Last Name", "Phone 1 - Value"),
    ("Name", "Given Name", "Family Name"),
    ("Name", "Group Membership"),
)

_EMAIL = re.compile(r"e-mail \d+ - value")
_PHONE = re.compile(r"phone \d+ - value")
_WEBSITE = re.compile(r"website \d+ - value")


def parse(table: Table, parsed: ParsedFile, progress: Progress | None = None) -> None:
    noted_at = file_time(parsed.path)
    for line, row in filled_rows(table, progress):
        first = table.cell(row, "First Name", "Given Name")
        last = table.cell(row, "Last Name", "Family Name")
        if not (first or last):
            first, last = split_full_name(table.cell(row, "Name", "Nickname"))
        labels = split_multi(table.cell(row, "Labels", "Group Membership"))
        contact = address_book_contact(
            parsed, first=first, last=last,
            emails=[e for cell in table.cells_matching(row, _EMAIL) for e in split_multi(cell)],
            phones=[p for cell in table.cells_matching(row, _PHONE) for p in split_multi(cell)],
            urls=[u for cell in table.cells_matching(row, _WEBSITE) for u in split_multi(cell)],
            company=_first(table.cell(row, "Organization Name", "Organization 1 - Name")),
            position=_first(table.cell(row, "Organization Title", "Organization 1 - Title")),
            # '* myContacts', '* starred' are Google's own groups, not the user's labels.
            tags=[label for label in labels if not label.startswith("*")],
            note=table.cell(row, "Notes"),
            birthday=table.cell(row, "Birthday"),
            noted_at=noted_at,
        )
        if contact is not None:
            parsed.contacts.append(contact)


def _first(cell: str) -> str:
    values = split_multi(cell)
    return values[0] if values else ""
