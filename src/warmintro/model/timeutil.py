"""Timezone-aware time helpers shared by the model.

Every datetime the model stores is aware; naive values are a bug, so the
parsers here refuse to produce them.
"""

from __future__ import annotations

from datetime import date, datetime, timezone


def now_utc() -> datetime:
    return datetime.now(timezone.utc)


def local_now() -> datetime:
    return datetime.now().astimezone()


def to_iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def from_iso(value: str | None) -> datetime | None:
    if not value:
        return None
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed


def date_to_iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def date_from_iso(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def ensure_aware(value: datetime, tz=None) -> datetime:
    """Attach *tz* (default: the local zone) to a naive datetime."""
    if value.tzinfo is not None:
        return value
    if tz is None:
        return value.astimezone()
    return value.replace(tzinfo=tz)
