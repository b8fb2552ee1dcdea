"""Who may be offered for an invitation now. (Ordering and reasons grow with the review session.)"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Iterable, Mapping, Sequence

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


# ----- the review order ------------------------------------------------------------------------

from dataclasses import dataclass  # noqa: E402
from heapq import heapify, heappop  # noqa: E402
from itertools import chain  # noqa: E402

from warmintro.model.gauge import Gauge  # noqa: E402
from warmintro.model.policy import Policy, exclusion_reason  # noqa: E402
from warmintro.model.segments import segment_of  # noqa: E402

_SOURCE_TIER = {"quick-add": 0, "event": 0, "linkedin-invitations": 0, "linkedin-connections": 1,
                "outlook": 2, "google": 2, "vcard": 3}


def is_recent_event(contact: Contact, settings: Settings, now: datetime) -> bool:
    """Quick-added or met at an event within `recent_event_days`: memory is fresh on both sides."""
    if not contact.event and "quick-add" not in contact.sources:
        for source in contact.sources:
            if source.startswith("event:"):
                break
        else:
            return False
    if contact.met_on is not None:
        return (now.date() - contact.met_on).days <= settings.recent_event_days
    return contact.added_at is not None and (now - contact.added_at).days <= settings.recent_event_days


def warmth(contact: Contact, now: datetime) -> int:
    """0 (will surely recognise the user) … 3 (a stranger by now): a cheap stand-in for risk.assess,
    so ordering 30,000 people costs a few comparisons each; the card shows the full assessment."""
    if contact.invited_me_at is not None or contact.introduced_by or contact.met_on is not None:
        return 0
    touch = contact.last_interaction
    if contact.notes:
        latest = contact.notes[-1].at
        touch = latest if touch is None or latest > touch else touch
    if touch is not None:
        days = (now - touch).days
        if days <= 365:
            return 0 if contact.how_we_met or contact.mutual else 1
        if days < 3 * 365:
            return 1 if contact.how_we_met or contact.mutual else 2
        return 3
    if contact.how_we_met or contact.mutual:
        return 1
    return 3


def _source_tier(sources: tuple[str, ...]) -> int:
    tiers = [_SOURCE_TIER.get(s.split(":", 1)[0], 2) for s in sources]
    return min(tiers) if tiers else 2


@dataclass(slots=True)  # not frozen: frozen __init__ costs ~1 µs an entry, 20 ms at 30,000 people
class QueueEntry:
    contact: Contact
    segment: str
    recent_event: bool
    warmth: int
    note_advised: bool  # free accounts: spend a scarce note here (they would not recognise the user without one)
    why: str


def build_queue(contacts: Mapping[str, Contact], invites_by_contact: Mapping[str, list[Invite]],
                settings: Settings, now: datetime, *, notes_left: int | None = None,
                policy: Policy | None = None) -> "ReviewQueue":
    """Everyone worth inviting now, in review order, each with why they are where they are.

    Order: recent event people first, then the warmest (most likely to recognise the user),
    grouped by segment so one template serves a run of people. With a free account whose
    notes are scarce, a note is advised only where recognition needs one; with none left, people
    who need a note go last (the screen offers them only a snooze until the month turns).
    People the friending policy turns away are kept aside with the reason, for the user to look at.
    """
    keyed = []
    excluded: list[tuple[Contact, str]] = []
    rules = policy if policy is not None and policy.has_rules else None
    # Thousands of people share the same few source lists: rank each list once.
    tier_cache: dict[tuple[str, ...], int] = {}
    notes_spent = notes_left == 0
    # Each person's times are compared here, tens of thousands of times. Read back from the file
    # as +00:00 they carry timezone.utc, and against a UTC "now" a comparison or subtraction skips
    # two utcoffset() calls (times written at another offset cost what they did). The local "now"
    # stays for dates.
    utc_now = now.astimezone(timezone.utc)
    for index, c in enumerate(contacts.values()):
        if c.connected or c.never_reason is not None or (c.snoozed_until is not None and c.snoozed_until > utc_now):
            continue
        invites = invites_by_contact.get(c.id)
        if invites and blocked_reason(c, invites, settings, utc_now) is not None:
            continue
        recent = is_recent_event(c, settings, now)
        w = 0 if recent else warmth(c, utc_now)
        needs_note = w > 0 or c.not_on_linkedin
        segment = c.segment or segment_of(c)
        if rules is not None:
            reason = exclusion_reason(c, segment, rules)
            if reason is not None:
                excluded.append((c, reason))
                continue
        sources = tuple(c.sources)
        tier = tier_cache.get(sources)
        if tier is None:
            tier = tier_cache[sources] = _source_tier(sources)
        # The order, packed into few fields so 30,000 comparisons stay cheap: people whose note
        # cannot be written this month last, then recent-event people, then the warmest; grouped
        # by segment so one template serves a run; skipped people at the back of their group so
        # a skip really moves on; then the source's tier, the name, and the order of arrival.
        rank = (notes_spent and needs_note) * 8 + (not recent) * 4 + w
        keyed.append(((rank, segment, (c.skipped_at is not None) * 4 + tier, c.last_name, c.first_name, index),
                      c, segment, recent, w, needs_note))
    excluded.sort(key=lambda pair: (pair[1], pair[0].last_name, pair[0].first_name))
    return ReviewQueue(keyed, notes_left, excluded)


_WHY = ("will surely recognise you", "likely to recognise you", "may not remember you",
        "probably does not remember you")


class ReviewQueue(Sequence):
    """The ordered queue. A session reads a few dozen of 30,000 people, so the order is found as
    it is read (a heap, popped as far as the reader goes: sorting all 30,000 up front was a fifth
    of the queue's build) and each entry is built when read."""

    __slots__ = ("_rows", "_heap", "_notes_left", "excluded")

    def __init__(self, rows: list[tuple], notes_left: int | None, excluded: list[tuple[Contact, str]] | None = None):
        # Each row starts with its sort key, whose last field (the order of arrival) is unique,
        # so rows compare by their keys alone.
        heapify(rows)
        self._heap = rows
        self._rows: list[tuple] = []  # the first rows, in order
        self._notes_left = notes_left
        self.excluded = excluded or []  # (person, why the policy keeps them out)

    def _order(self, count: int | None = None) -> list[tuple]:
        """The first *count* rows (all with None) in order."""
        rows, heap = self._rows, self._heap
        target = len(rows) + len(heap) if count is None else count
        while len(rows) < target and heap:
            rows.append(heappop(heap))
        return rows

    def entry_for(self, contact_id: str) -> QueueEntry | None:
        """This person's entry, wherever they are in the queue, without ordering it."""
        for row in chain(self._rows, self._heap):
            if row[1].id == contact_id:
                return self._entry(row)
        return None

    def excluded_by_reason(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for _contact, reason in self.excluded:
            counts[reason] = counts.get(reason, 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

    def __len__(self) -> int:
        return len(self._rows) + len(self._heap)

    def __getitem__(self, index):
        if isinstance(index, slice):
            stop = index.stop
            count = stop if stop is not None and stop >= 0 and (index.step or 1) > 0 else None
            return [self._entry(row) for row in self._order(count)[index]]
        return self._entry(self._order(index + 1 if index >= 0 else None)[index])

    def _entry(self, row: tuple) -> QueueEntry:
        _key, c, segment, recent, w, needs_note = row
        why = "met at a recent event: memory is fresh" if recent else _WHY[w]
        notes_left = self._notes_left
        note_advised = True if notes_left is None else (needs_note and notes_left > 0)
        return QueueEntry(c, segment, recent, w, note_advised, why)


def today_target(gauge: Gauge) -> int:
    """Today's target: the daily batch, capped by what is left of the week, the lifetime and the strike headroom."""
    return max(min(gauge.today.cap, max(gauge.strike_headroom, gauge.today.used)), 0)


def high_risk_room(high_risk_pending: int, gauge: Gauge) -> int:
    """How many more high-risk invitations may be outstanding: never more than the strike headroom."""
    return max(gauge.strike_headroom - high_risk_pending, 0)
