"""Recognition risk: will this person know who the user is when the invitation arrives?

A stranger's "I don't know this person" is a strike; a handful restricts the account,
so the card shows the level with the reasons that made it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Iterable

from warmintro.model.contact import Contact
from warmintro.model.durations import humanize_age
from warmintro.model.invite import Invite, InviteStatus

LOW, MEDIUM, HIGH = "low", "medium", "high"

_OLD_IMPORTS = ("vcard:", "outlook:", "google:")


@dataclass(frozen=True, slots=True)
class Risk:
    level: str
    reasons: tuple[str, ...]


def _latest_touch(contact: Contact) -> datetime | None:
    moments = [m for m in (contact.last_interaction, *(n.at for n in contact.notes)) if m is not None]
    if contact.met_on is not None and contact.last_interaction is not None:
        moments.append(datetime.combine(contact.met_on, datetime.min.time(), tzinfo=contact.last_interaction.tzinfo))
    return max(moments) if moments else None


def assess(contact: Contact, invites: Iterable[Invite], network: object | None, now: datetime) -> Risk:
    """Low, medium or high, from evidence of a relationship and its age.

    *network* is accepted for mutual-connection checks via `contact.mutual`; it may be None.
    """
    good: list[str] = []
    bad: list[str] = []
    invites = list(invites)
    if contact.invited_me_at is not None:
        good.append(f"they invited you {humanize_age(contact.invited_me_at, now)}")
    if contact.met_on is not None:
        met = datetime.combine(contact.met_on, datetime.min.time(), tzinfo=now.tzinfo)
        age = humanize_age(met, now)
        if now - met <= timedelta(days=90):
            good.append(f"met in person {age}" + (f" at {contact.event}" if contact.event else ""))
        else:
            bad.append(f"met {age}, a long time ago")
    if contact.introduced_by:
        good.append(f"introduced by {contact.introduced_by}")
    touch = _latest_touch(contact)
    if touch is not None:
        age = humanize_age(touch, now)
        if now - touch <= timedelta(days=365):
            good.append(f"last interaction {age}")
        elif now - touch >= timedelta(days=3 * 365):
            bad.append(f"no interaction for {age.removesuffix(' ago')}")
    elif not contact.how_we_met and not contact.notes:
        age = f" for {humanize_age(contact.added_at, now).removesuffix(' ago')}" if contact.added_at else ""
        bad.append(f"no note and no interaction{age}")
    if contact.how_we_met:
        good.append(f"how you met: {contact.how_we_met}")
    if contact.mutual:
        good.append(f"{len(contact.mutual)} mutual connection{'s' if len(contact.mutual) != 1 else ''}")
    old_sources = [s for s in contact.sources if s.startswith(_OLD_IMPORTS)]
    if old_sources and len(old_sources) == len(contact.sources):
        bad.append(f"from an address book import ({old_sources[0].split(':', 1)[1]})")
    if any(i.status is InviteStatus.IGNORED for i in invites):
        bad.append("ignored an earlier invitation")
    if any(i.status is InviteStatus.WITHDRAWN for i in invites):
        bad.append("an earlier invitation was withdrawn unanswered")

    strong = [r for r in good if r.startswith(("met in person", "they invited", "introduced by"))]
    # A strong tie outweighs an old import; otherwise evidence for must outnumber evidence against.
    if strong or (len(good) >= 2 and len(good) > len(bad)):
        level = LOW
    elif not good or len(bad) >= 2:
        level = HIGH
    else:
        level = MEDIUM
    return Risk(level, tuple(good + bad) or ("nothing recorded about how you know each other",))
