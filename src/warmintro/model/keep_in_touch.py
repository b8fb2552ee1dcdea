"""What comes after an invitation: thank the people who accepted, send networking updates no more
often than the interval allows, and send commercial messages only to people who opted in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Iterable, Mapping

from warmintro.model.contact import Contact
from warmintro.model.settings import Settings
from warmintro.model.timeutil import from_iso


@dataclass(frozen=True, slots=True)
class FollowUp:
    id: str
    contact: Contact
    kind: str
    created_at: datetime
    suggested_note: str


@dataclass(frozen=True, slots=True)
class UpdateDue:
    contact: Contact
    last_contact: datetime
    days_since: int


def suggested_note(contact: Contact, kind: str, my_name: str = "") -> str:
    """A starting point the user edits, never a boilerplate to send as is: it names what they share."""
    first = contact.first_name or contact.display_name
    if contact.event:
        context = f"It was good to meet you at {contact.event}."
    elif contact.how_we_met:
        context = f"Glad we are connected after {contact.how_we_met}."
    elif contact.company:
        context = f"I'd love to hear how things are going at {contact.company}."
    else:
        context = "I'd love to hear what you are working on these days."
    opening = f"Thanks for connecting, {first}!" if kind == "thanks" else f"Hi {first},"
    sign = f" — {my_name.split()[0]}" if my_name.strip() else ""
    return f"{opening} {context}{sign}"


def open_followups(followups: Iterable[Mapping], contacts: Mapping[str, Contact],
                   settings: Settings) -> list[FollowUp]:
    """Follow-ups not yet done, oldest first; one whose person was deleted is dropped, not shown blank."""
    found = []
    for doc in followups:
        if doc.get("done_at"):
            continue
        contact = contacts.get(doc["contact_id"])
        if contact is None:
            continue
        kind = doc.get("kind", "thanks")
        found.append(FollowUp(id=doc["id"], contact=contact, kind=kind, created_at=from_iso(doc["created_at"]),
                              suggested_note=suggested_note(contact, kind, settings.my_name)))
    return sorted(found, key=lambda f: f.created_at)


def last_contact(contact: Contact) -> datetime | None:
    """The last time the user was in touch: the last interaction, else the day they connected."""
    candidates = [contact.last_interaction]
    if contact.connected_on is not None:
        candidates.append(datetime.combine(contact.connected_on, time(), tzinfo=timezone.utc))
    known = [moment for moment in candidates if moment is not None]
    return max(known) if known else None


def updates_due(contacts: Iterable[Contact], settings: Settings, now: datetime) -> list[UpdateDue]:
    """Connections not contacted for the update interval, longest first.

    Someone contacted within the interval is never due, so nobody hears from the user
    more often than about once a month (the setting), however often this list is opened.
    """
    interval = timedelta(days=settings.update_interval_days)
    due = []
    for contact in contacts:
        if not contact.connected or contact.is_never:
            continue
        last = last_contact(contact)
        if last is None or now - last < interval:
            continue
        due.append(UpdateDue(contact=contact, last_contact=last, days_since=(now - last).days))
    return sorted(due, key=lambda d: (-d.days_since, d.contact.display_name))


def next_update_on(contact: Contact, settings: Settings) -> date | None:
    last = last_contact(contact)
    return None if last is None else (last + timedelta(days=settings.update_interval_days)).date()


def commercial_refusal(contact: Contact) -> str | None:
    """Why a commercial message must not go to *contact*, or None when they opted in."""
    if contact.opt_in_commercial:
        return None
    return (f"{contact.display_name} has not opted in to commercial messages: send them a networking "
            "update instead, or record their opt-in (o) only if they asked for offers.")
