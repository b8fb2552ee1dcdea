"""The numbers behind the insight screen: pace against the weekly cap, who accepts, how fast, what
is left pending, and strikes over time. Pure functions over invitations and contacts."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable, Iterable, Mapping

from warmintro.model.contact import Contact
from warmintro.model.invite import Invite, InviteStatus

NONE_LABEL = "(none)"

# Most acceptances come within a week and almost all within 30 days (DESIGN.md), so the
# buckets are finer where the answers come and coarse where they no longer do.
AGE_BUCKETS = (("under 1 week", 0, 7), ("1-3 weeks", 7, 21), ("3-8 weeks", 21, 56),
               ("2-6 months", 56, 182), ("over 6 months", 182, None))


@dataclass(frozen=True, slots=True)
class WeekCount:
    week: str  # ISO week, "2026-W47"
    count: int


@dataclass(frozen=True, slots=True)
class Rate:
    group: str
    sent: int
    accepted: int

    @property
    def ratio(self) -> float:
        return self.accepted / self.sent if self.sent else 0.0


def iso_week(moment: datetime) -> str:
    year, week, _ = moment.isocalendar()
    return f"{year}-W{week:02d}"


def last_weeks(now: datetime, weeks: int) -> list[str]:
    """The labels of the last *weeks* ISO weeks, oldest first, ending with this one."""
    return [iso_week(now - timedelta(weeks=back)) for back in range(weeks - 1, -1, -1)]


def per_week(moments: Iterable[datetime], now: datetime, weeks: int = 12) -> list[WeekCount]:
    """How many moments fell in each of the last *weeks* ISO weeks; empty weeks count as 0."""
    labels = last_weeks(now, weeks)
    counts = dict.fromkeys(labels, 0)
    for moment in moments:
        label = iso_week(moment)
        if label in counts:
            counts[label] += 1
    return [WeekCount(label, counts[label]) for label in labels]


def sent_per_week(invites: Iterable[Invite], now: datetime, weeks: int = 12) -> list[WeekCount]:
    return per_week((inv.sent_at for inv in invites), now, weeks)


def strikes_per_week(invites: Iterable[Invite], now: datetime, weeks: int = 12) -> list[WeekCount]:
    """"I don't know" answers by the week they were recorded (the strike lands then, not at sending)."""
    return per_week((inv.status_at or inv.sent_at for inv in invites if inv.status is InviteStatus.IDK), now, weeks)


def segment_of(invite: Invite, contacts: Mapping[str, Contact]) -> str:
    """The segment the note was written for; older invitations fall back to the person's segment."""
    if invite.segment:
        return invite.segment
    contact = contacts.get(invite.contact_id)
    return contact.segment if contact is not None and contact.segment else NONE_LABEL


def acceptance_by(invites: Iterable[Invite], key: Callable[[Invite], str]) -> list[Rate]:
    """Accepted of sent, per group; withdrawn invitations are left out (they were never answered)."""
    sent: dict[str, int] = {}
    accepted: dict[str, int] = {}
    for invite in invites:
        if invite.status is InviteStatus.WITHDRAWN:
            continue
        group = key(invite) or NONE_LABEL
        sent[group] = sent.get(group, 0) + 1
        if invite.status is InviteStatus.ACCEPTED:
            accepted[group] = accepted.get(group, 0) + 1
    rates = [Rate(group, sent[group], accepted.get(group, 0)) for group in sent]
    return sorted(rates, key=lambda r: (-r.ratio, -r.sent, r.group))


def days_to_acceptance(invites: Iterable[Invite]) -> list[float]:
    return sorted((inv.status_at - inv.sent_at).total_seconds() / 86400 for inv in invites
                  if inv.status is InviteStatus.ACCEPTED and inv.status_at is not None)


def median_days(days: list[float]) -> float | None:
    return statistics.median(days) if days else None


def pending_by_age(invites: Iterable[Invite], now: datetime) -> list[tuple[str, int]]:
    counts = {label: 0 for label, _low, _high in AGE_BUCKETS}
    for invite in invites:
        if not invite.is_open:
            continue
        age = (now - invite.sent_at).total_seconds() / 86400
        for label, low, high in AGE_BUCKETS:
            if age >= low and (high is None or age < high):
                counts[label] += 1
                break
    return list(counts.items())
