"""LinkedIn's Connections.csv: people the user is already connected with."""

from __future__ import annotations

from warmintro.importers.common import NO_NAME_NO_EMAIL, Progress, Table, filled_rows, parse_date
from warmintro.importers.parsed import ParsedFile
from warmintro.model.contact import Contact, clean_text, new_id, normalize_email, normalize_linkedin_url

FORMAT = "linkedin-connections"
# URL arrived in 2024; older exports lack it, so it is not required to recognise the header.
REQUIRED = ("First Name", "Last Name", "Connected On")
GHOST = "ghost rows (every field empty but the date)"


def parse(table: Table, parsed: ParsedFile, progress: Progress | None = None) -> None:
    for line, row in filled_rows(table, progress):
        first = clean_text(table.cell(row, "First Name"))
        last = clean_text(table.cell(row, "Last Name"))
        raw_url = table.cell(row, "URL").strip()
        raw_email = table.cell(row, "Email Address").strip()
        company = clean_text(table.cell(row, "Company"))
        position = clean_text(table.cell(row, "Position"))
        raw_date = table.cell(row, "Connected On").strip()
        if not any((first, last, raw_url, raw_email, company, position)):
            # LinkedIn writes these for members who left or hid themselves.
            parsed.skip(GHOST)
            continue
        url = normalize_linkedin_url(raw_url)
        email = normalize_email(raw_email)
        if not (first or last or email):
            parsed.skip(NO_NAME_NO_EMAIL)
            continue
        connected_on = parse_date(raw_date, table.path, line, "Connected On") if raw_date else None
        parsed.contacts.append(Contact(
            id=new_id(), first_name=first, last_name=last,
            # The urn:li:member:… LinkedIn puts in this column is not an email: dropped.
            emails=[raw_email] if email else [],
            linkedin_url=url, company=company, position=position,
            sources=[parsed.source], connected=True, connected_on=connected_on,
        ))
