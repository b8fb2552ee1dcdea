"""Four people the friending-policy tests share, each kept out by a different rule."""

from __future__ import annotations

from datetime import date, datetime, timezone

from warmintro.model.contact import Contact, Note
from warmintro.model.policy import Policy
from warmintro.model.queue import build_queue
from warmintro.model.settings import Settings

NOW = datetime(2026, 11, 18, 9, 30, tzinfo=timezone.utc)

PEOPLE = {c.id: c for c in (
    Contact(id="ana", first_name="Ana", tags=["python"], company="Acme Corp", location="Lisbon",
            met_on=date(2026, 11, 10), event="PyCon", how_we_met="sprint", mutual=["Bo"]),
    Contact(id="rex", first_name="Rex", tags=["recruiter"], company="Hire Fast", location="London"),
    Contact(id="cli", first_name="Cleo", tags=["client"], company="Initech", location="Porto",
            notes=[Note(at=NOW, text="ran the audit together")]),
    Contact(id="ned", first_name="Ned", company="Acme Labs", location="Lisbon", introduced_by="Bo"),
)}


def expected_offer(policy: Policy) -> tuple[set[str], dict[str, str]]:
    """Who the queue offers under *policy*, and why it keeps each of the others out."""
    queue = build_queue(PEOPLE, {}, Settings(), NOW, policy=policy)
    return {e.contact.id for e in queue}, {c.id: why for c, why in queue.excluded}
