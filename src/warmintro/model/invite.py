"""An invitation and its lifecycle: pending, then accepted, withdrawn, "I don't know" or ignored."""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

import msgspec

from warmintro.model.timeutil import from_iso, to_iso


class InviteStatus(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    WITHDRAWN = "withdrawn"
    IDK = "idk"
    IGNORED = "ignored"


# An ignored invitation is still outstanding on LinkedIn until it is withdrawn,
# and a late acceptance or strike can still arrive, so "ignored" is not final.
_ALLOWED = {
    InviteStatus.PENDING: {InviteStatus.ACCEPTED, InviteStatus.WITHDRAWN, InviteStatus.IDK, InviteStatus.IGNORED},
    InviteStatus.IGNORED: {InviteStatus.ACCEPTED, InviteStatus.WITHDRAWN, InviteStatus.IDK},
    InviteStatus.ACCEPTED: set(),
    InviteStatus.WITHDRAWN: set(),
    InviteStatus.IDK: set(),
}


OPEN_STATUSES = frozenset((InviteStatus.PENDING, InviteStatus.IGNORED))


class InvalidTransition(ValueError):
    pass


class Invite(msgspec.Struct, gc=False):  # a Struct, as Contact is, for the same reasons
    id: str
    contact_id: str
    sent_at: datetime
    message: str = ""
    status: InviteStatus = InviteStatus.PENDING
    status_at: datetime | None = None
    segment: str = ""
    template: str = ""
    approach: str = ""
    source: str = "app"

    @property
    def is_open(self) -> bool:
        """Still outstanding on LinkedIn: counts against the pending soft cap."""
        return self.status in OPEN_STATUSES

    @property
    def has_note(self) -> bool:
        return bool(self.message.strip())

    def age(self, now: datetime) -> timedelta:
        return now - self.sent_at

    def is_stale(self, now: datetime, stale_after_days: int) -> bool:
        return self.is_open and self.age(now) >= timedelta(days=stale_after_days)

    def transition(self, status: InviteStatus | str, at: datetime) -> "Invite":
        status = InviteStatus(status)
        if status not in _ALLOWED[self.status]:
            raise InvalidTransition(f"an invitation that is {self.status.value} cannot become {status.value}")
        return msgspec.structs.replace(self, status=status, status_at=at)

    def to_dict(self) -> dict:
        out = {name: getattr(self, name) for name in self.__struct_fields__}
        out["sent_at"] = to_iso(self.sent_at)
        out["status_at"] = to_iso(self.status_at)
        out["status"] = self.status.value
        return out

    @classmethod
    def from_dict(cls, raw: dict) -> "Invite":
        data = dict(raw) if raw.keys() <= _INVITE_FIELDS else {k: v for k, v in raw.items() if k in _INVITE_FIELDS}
        data["sent_at"] = from_iso(data["sent_at"])
        data["status_at"] = from_iso(data.get("status_at"))
        data["status"] = InviteStatus(data.get("status", "pending"))
        return cls(**data)


_INVITE_FIELDS = set(Invite.__struct_fields__)


def cooldown_until(invite: Invite, cooldown_days: int) -> datetime | None:
    """When a withdrawn person may be invited again (LinkedIn: up to three weeks)."""
    if invite.status is not InviteStatus.WITHDRAWN or invite.status_at is None:
        return None
    return invite.status_at + timedelta(days=cooldown_days)


def stale_open_invites(invites, now: datetime, older_than: timedelta) -> list[Invite]:
    """Open invitations at least *older_than* old, oldest first: the ones worth withdrawing."""
    found = [inv for inv in invites if inv.is_open and now - inv.sent_at >= older_than]
    return sorted(found, key=lambda inv: inv.sent_at)
