"""Exports: contacts and invitations as JSON or spreadsheet-safe CSV, and the withdraw checklist."""

from __future__ import annotations

import csv
import io
import json
from typing import Iterable

from warmintro.model.contact import Contact
from warmintro.model.invite import Invite
from warmintro.model.timeutil import to_iso

CONTACT_COLUMNS = ["id", "first_name", "last_name", "full_name", "emails", "linkedin_url", "company", "position",
                   "location", "tags", "sources", "connected", "connected_on", "how_we_met", "event", "notes",
                   "admire", "why_connect"]
INVITE_COLUMNS = ["id", "contact_id", "message", "sent_at", "status", "status_at", "approach"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def spreadsheet_safe(value: str) -> str:
    """A cell a spreadsheet shows as text: never a formula, whatever a contact's name says.

    Leading spaces do not hide one (some spreadsheets drop them), nor do fullwidth signs (some fold them).
    """
    return "'" + value if value.startswith(_FORMULA_START) or value.lstrip(" ").startswith(_FORMULA_START) else value


_MARKDOWN = str.maketrans({c: "\\" + c for c in "\\`*_[]()<>#|!"})


def markdown_text(value: str) -> str:
    """A name shown as itself in rendered Markdown: no link, checkbox, heading or HTML made of it."""
    return " ".join(value.split()).translate(_MARKDOWN)


def contact_row(contact: Contact) -> dict:
    return {
        "id": contact.id,
        "first_name": contact.first_name,
        "last_name": contact.last_name,
        "full_name": contact.full_name,
        "emails": list(contact.emails),
        "linkedin_url": contact.linkedin_url,
        "company": contact.company,
        "position": contact.position,
        "location": contact.location,
        "tags": list(contact.tags),
        "sources": list(contact.sources),
        "connected": contact.connected,
        "connected_on": contact.connected_on.isoformat() if contact.connected_on else None,
        "how_we_met": contact.how_we_met,
        "event": contact.event,
        "notes": contact.notes_text,
        "admire": contact.admire,
        "why_connect": contact.why_connect,
    }


def invite_row(invite: Invite) -> dict:
    return {
        "id": invite.id,
        "contact_id": invite.contact_id,
        "message": invite.message,
        "sent_at": to_iso(invite.sent_at),
        "status": invite.status.value,
        "status_at": to_iso(invite.status_at),
        "approach": invite.approach,
    }


def to_json(rows: Iterable[dict]) -> str:
    return json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n"


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    return spreadsheet_safe(str(value))


def to_csv(rows: Iterable[dict], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(col)) for col in columns])
    return out.getvalue()


CHECKLIST_COLUMNS = ["name", "linkedin_url", "sent_at", "age"]


def withdraw_checklist(rows: list[dict], fmt: str) -> str:
    """The list to work through on LinkedIn's "Sent" page, as CSV or a Markdown checklist."""
    if fmt == "csv":
        return to_csv(rows, CHECKLIST_COLUMNS)
    lines = ["# Invitations to withdraw on LinkedIn", ""]
    for row in rows:
        where = row["linkedin_url"] or "(no profile URL: search by name)"
        lines.append(f"- [ ] {markdown_text(row['name'])} — {where} — sent {row['sent_at'][:10]} ({row['age']})")
    return "\n".join(lines) + "\n"


def checklist_format(path: str) -> str:
    return "csv" if path.lower().endswith(".csv") else "markdown"
