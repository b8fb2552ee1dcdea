"""Quota and strike arithmetic: how much of each LinkedIn limit is used, and whether one more send is safe."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone
from typing import Iterable

from dateutil.relativedelta import MO, relativedelta

from warmintro.model.invite import OPEN_STATUSES, Invite, InviteStatus
from warmintro.model.settings import Settings


@dataclass(frozen=True, slots=True)
class Meter:
    used: int
    cap: int | None

    @property
    def left(self) -> int | None:
        return None if self.cap is None else max(self.cap - self.used, 0)

    @property
    def ratio(self) -> float:
        if not self.cap:
            return 0.0
        return self.used / self.cap

    def level(self, warn: float = 0.8, error: float = 0.95) -> str:
        """"ok", "warning" or "error": what colour the gauge shows."""
        if self.cap is None:
            return "ok"
        if self.ratio >= error:
            return "error"
        if self.ratio >= warn:
            return "warning"
        return "ok"


@dataclass(frozen=True, slots=True)
class Gauge:
    lifetime: Meter
    week: Meter
    today: Meter  # cap is today's target
    strikes: Meter  # cap is the threshold
    notes_month: Meter  # cap None on premium accounts
    pending: Meter  # cap is the soft cap
    stale: int
    counts: dict[str, int]
    week_frees_at: datetime | None

    @property
    def strike_headroom(self) -> int:
        """How many more strikes the user can afford while keeping one in reserve."""
        return max(self.strikes.cap - self.strikes.used - 1, 0)

    def strike_level(self) -> str:
        if self.strikes.used >= self.strikes.cap - 1:
            return "error"
        if self.strikes.used >= self.strikes.cap - 2:
            return "warning"
        return "ok"


def start_of_day(now: datetime) -> datetime:
    return datetime.combine(now.date(), time(), tzinfo=now.tzinfo)


def week_window(now: datetime, settings: Settings) -> tuple[datetime, datetime]:
    """The span the weekly cap counts over, and when it next frees up."""
    if settings.week_mode == "iso":
        start = start_of_day(now) + relativedelta(weekday=MO(-1))
        return start, start + timedelta(days=7)
    return now - timedelta(days=7), now


def compute_gauge(invites: Iterable[Invite], settings: Settings, now: datetime, recorded_strikes_extra: int = 0) -> Gauge:
    """Every meter at once, from one pass over the invitations."""
    week_start, iso_week_end = week_window(now, settings)
    day_start = start_of_day(now)
    month_start = day_start.replace(day=1)
    stale_cut = now - timedelta(days=settings.stale_after_days)
    # Every send recomputes this over the recent invitations (hundreds at 30k people; the loop was
    # most of a send, bench/store_bench.py). So the bounds are in UTC: a time read back from the
    # file as +00:00 carries timezone.utc, and two datetimes with the same tzinfo compare
    # directly, while different tzinfo objects (the local zone against UTC) cost two utcoffset()
    # calls a comparison (13x). Times written at another offset compare as fast as before.
    # And each status is read once and counted by member, since an enum's .value is a Python call.
    week_cut, day_cut, month_cut, stale_cut = (bound.astimezone(timezone.utc) for bound in
                                               (week_start, day_start, month_start, stale_cut))
    by_status = dict.fromkeys(InviteStatus, 0)
    sent = week_used = today_used = notes_used = pending = stale = 0
    oldest_in_week: datetime | None = None
    rolling = settings.week_mode == "rolling"
    for invite in invites:
        sent += 1
        status = invite.status
        by_status[status] += 1
        at = invite.sent_at
        if at > week_cut if rolling else at >= week_cut:
            week_used += 1
            if oldest_in_week is None or at < oldest_in_week:
                oldest_in_week = at
        if at >= day_cut:
            today_used += 1
        if at >= month_cut and invite.source == "app" and invite.has_note:
            notes_used += 1
        if status in OPEN_STATUSES:  # Invite.is_open, without the property call
            pending += 1
            if at <= stale_cut:
                stale += 1
    counts = {status.value: count for status, count in by_status.items()}
    idk = counts[InviteStatus.IDK.value]
    strikes = Meter(idk + recorded_strikes_extra, settings.strike_threshold)
    lifetime = Meter(sent, settings.lifetime_cap)
    week = Meter(week_used, settings.weekly_cap)
    week_frees_at = None
    if week_used >= settings.weekly_cap:
        week_frees_at = iso_week_end if settings.week_mode == "iso" else (oldest_in_week + timedelta(days=7))
    strike_room = max(settings.strike_threshold - strikes.used - 1, 0)
    target_room = min(
        settings.daily_batch,
        today_used + (week.left or 0),
        today_used + (lifetime.left or 0),
    )
    # Strike headroom caps the day too: each invite risks a strike, and the last strike is the restriction.
    if strike_room == 0:
        target_room = min(target_room, today_used)
    target = max(target_room, 0)
    return Gauge(
        lifetime=lifetime,
        week=week,
        today=Meter(today_used, target),
        strikes=strikes,
        notes_month=Meter(notes_used, settings.notes_month_cap),
        pending=Meter(pending, settings.pending_soft_cap),
        stale=stale,
        counts={"sent": sent, **counts},
        week_frees_at=week_frees_at,
    )


@dataclass(frozen=True, slots=True)
class Refusal:
    limit: str
    message: str


def check_send(gauge: Gauge, now: datetime, *, with_note: bool, settings: Settings) -> Refusal | None:
    """Why one more invitation must not go out now, or None when it may.

    The message names the limit and when it frees, because "refused" alone
    leaves the user guessing whether to wait an hour or a month.
    """
    if gauge.lifetime.left == 0:
        return Refusal("lifetime", f"Lifetime cap reached ({gauge.lifetime.used}/{gauge.lifetime.cap}): "
                                   "it never frees; withdraw nothing expecting it back.")
    if gauge.week.left == 0:
        when = gauge.week_frees_at.astimezone(now.tzinfo).strftime("%a %d %b %H:%M") if gauge.week_frees_at else "next week"
        return Refusal("week", f"Weekly cap reached ({gauge.week.used}/{gauge.week.cap}): it frees up {when}.")
    if gauge.strikes.used >= gauge.strikes.cap:
        return Refusal("strikes", f"Strikes at {gauge.strikes.used}/{gauge.strikes.cap}: LinkedIn restricts the "
                                  "account now. Stop inviting until the restriction lifts (usually a week).")
    if with_note and gauge.notes_month.cap is not None and gauge.notes_month.left == 0:
        first_next = start_of_day(now).replace(day=1) + relativedelta(months=1)
        return Refusal("notes", f"Personal notes for this month used ({gauge.notes_month.used}/"
                                f"{gauge.notes_month.cap}): they free up {first_next:%d %b}. "
                                "Invite without a note only someone who surely knows you, or snooze.")
    return None


def bar(used: int, cap: int | None, width: int = 20) -> str:
    """A plain-text bar for terminals without colour (the CLI status table)."""
    if not cap:
        return "·" * width
    filled = min(width, round(width * used / cap))
    return "█" * filled + "·" * (width - filled)
