"""What an importer hands back: contacts, invitations and skip counts, or one clear failure."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from warmintro.model.contact import Contact


class ImportFailure(Exception):
    """A file that cannot be read as its format: one line naming file, line and field."""

    def __init__(self, file: str | Path, line: int | None, field: str | None, reason: str):
        self.file = Path(file).name if file else ""
        self.line = line
        self.field = field
        self.reason = reason
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
        parts = [where] if where else []
        if self.field:
            parts.append(self.field)
        parts.append(self.reason)
        # Cell text can hold newlines; the message must stay one line.
        return " ".join(": ".join(parts).split())


INCOMING = "INCOMING"
OUTGOING = "OUTGOING"


@dataclass(slots=True)
class ParsedInvitation:
    direction: str  # INCOMING or OUTGOING
    from_name: str
    to_name: str
    sent_at: datetime
    message: str = ""
    inviter_url: str = ""
    invitee_url: str = ""
    line: int = 0

    @property
    def other_name(self) -> str:
        """The person at the other end: whom the user invited, or who invited the user."""
        return self.to_name if self.direction == OUTGOING else self.from_name

    @property
    def other_url(self) -> str:
        return self.invitee_url if self.direction == OUTGOING else self.inviter_url


@dataclass(slots=True)
class ParsedFile:
    path: Path
    format: str
    contacts: list[Contact] = field(default_factory=list)
    invitations: list[ParsedInvitation] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)

    @property
    def source(self) -> str:
        return f"{self.format}:{self.path.name}"

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1
