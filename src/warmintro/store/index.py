"""Indexes the store keeps up to date change by change, so no action walks all 10,000 invitations.

The gauge counts recent sends (today, this week, this month) and totals (lifetime,
strikes, pending). Totals are kept as running counts; only invitations sent since
the earliest window start are handed to the model's compute_gauge, with the older
ones folded in through the caps, so the result is the one compute_gauge gives over
every invitation.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from operator import attrgetter
from typing import Iterable, Mapping

from warmintro.model.contact import Contact
from warmintro.model.gauge import Gauge, Meter, compute_gauge, start_of_day, week_window
from warmintro.model.invite import OPEN_STATUSES, Invite, InviteStatus
from warmintro.model.settings import Settings


_SENT_AT, _ID, _STATUS = attrgetter("sent_at"), attrgetter("id"), attrgetter("status")


class InviteIndex:
    def __init__(self, invites: Iterable[Invite] = ()):
        # Built once per open over every invitation: counted with C-level helpers, not per-invite calls.
        invites = list(invites)
        by_contact: dict[str, set[str]] = {}
        for invite in invites:
            ids = by_contact.get(invite.contact_id)
            if ids is None:
                by_contact[invite.contact_id] = {invite.id}
            else:
                ids.add(invite.id)
        self.by_contact = by_contact
        self.by_time: list[tuple[datetime, str]] = sorted(zip(map(_SENT_AT, invites), map(_ID, invites)))
        statuses = Counter(map(_STATUS, invites))
        self.counts: dict[str, int] = {s.value: statuses[s] for s in InviteStatus}
        self.open = sum(statuses[s] for s in OPEN_STATUSES)

    def _count(self, invite: Invite, sign: int) -> None:
        self.counts[invite.status.value] += sign
        if invite.is_open:
            self.open += sign

    def add(self, invite: Invite) -> None:
        self._count(invite, 1)
        self.by_contact.setdefault(invite.contact_id, set()).add(invite.id)
        bisect.insort(self.by_time, (invite.sent_at, invite.id))

    def remove(self, invite: Invite) -> None:
        self._count(invite, -1)
        ids = self.by_contact.get(invite.contact_id)
        if ids is not None:
            ids.discard(invite.id)
            if not ids:
                del self.by_contact[invite.contact_id]
        key = (invite.sent_at, invite.id)
        at = bisect.bisect_left(self.by_time, key)
        if at < len(self.by_time) and self.by_time[at] == key:
            del self.by_time[at]

    def gauge(self, invites: Mapping[str, Invite], settings: Settings, now: datetime, strikes_extra: int) -> Gauge:
        week_start, _ = week_window(now, settings)
        day_start = start_of_day(now)
        cutoff = min(week_start, day_start, day_start.replace(day=1),
                     now - timedelta(days=settings.stale_after_days))
        # Every invitation before the cutoff is outside every window and, if still open, stale.
        first_recent = bisect.bisect_left(self.by_time, (cutoff,))
        recent = [invites[i] for _, i in self.by_time[first_recent:]]
        old_sent = first_recent
        recent_idk = recent_open = 0
        for invite in recent:
            if invite.status is InviteStatus.IDK:
                recent_idk += 1
            if invite.is_open:
                recent_open += 1
        old_idk = self.counts[InviteStatus.IDK.value] - recent_idk
        old_open = self.open - recent_open
        # Old sends use up the lifetime cap and old strikes count: fold them in through the arguments.
        shifted = replace(settings, lifetime_cap=settings.lifetime_cap - old_sent)
        partial = compute_gauge(recent, shifted, now, strikes_extra + old_idk)
        total = len(self.by_time)
        return replace(
            partial,
            lifetime=Meter(total, settings.lifetime_cap),
            pending=Meter(self.open, settings.pending_soft_cap),
            stale=partial.stale + old_open,
            counts={"sent": total, **self.counts},
        )


def _defaults(cls, **required) -> dict:
    sample = cls(**required).to_dict()
    return {name: value for name, value in sample.items() if name not in required}


_CONTACT_DEFAULTS = _defaults(Contact, id="")
_INVITE_DEFAULTS = _defaults(Invite, id="", contact_id="", sent_at=datetime(2000, 1, 1, tzinfo=timezone.utc))
assert set(_CONTACT_DEFAULTS) | {"id"} == set(Contact.__struct_fields__)


def slim(doc: dict, table: str) -> dict:
    """Leave out fields at their default: a third of a contact's bytes, and from_dict restores them."""
    defaults = _CONTACT_DEFAULTS if table == "contacts" else _INVITE_DEFAULTS
    return {k: v for k, v in doc.items() if k not in defaults or defaults[k] != v or type(defaults[k]) is not type(v)}
