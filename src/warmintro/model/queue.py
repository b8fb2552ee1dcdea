"""Who may be offered for an invitation now. (Ordering and reasons grow with the review session.)"""

from __future__ import annotations

from datetime import datetime
from typing import Iterable, Mapping

from warmintro.model.contact import Contact
from warmintro.model.invite import Invite, cooldown_until
from warmintro.model.settings import Settings


def blocked_reason(contact: Contact, invites: Iterable[Invite], settings: Settings, now: datetime) -> str | None:
    """Why this person is not offered now, or None when they may be."""
    if contact.connected:
        return "already connected"
    if contact.is_never:
        return f"never: {contact.never_reason}"
    if contact.snoozed_until is not None and contact.snoozed_until > now:
        return f"snoozed until {contact.snoozed_until:%d %b}"
    for invite in invites:
        if invite.is_open:
            return "invitation pending"
        ends = cooldown_until(invite, settings.reinvite_cooldown_days)
        if ends is not None and ends > now:
            return f"re-invite cooldown until {ends:%d %b}"
    return None


def eligible(contacts: Mapping[str, Contact], invites_by_contact: Mapping[str, list[Invite]],
             settings: Settings, now: datetime) -> list[Contact]:
    return [c for c in contacts.values()
            if blocked_reason(c, invites_by_contact.get(c.id, ()), settings, now) is None]


def group_invites(invites: Iterable[Invite]) -> dict[str, list[Invite]]:
    grouped: dict[str, list[Invite]] = {}
    for invite in invites:
        grouped.setdefault(invite.contact_id, []).append(invite)
    return grouped
