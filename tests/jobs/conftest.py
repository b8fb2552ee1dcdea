"""A temporary store with a pinned clock, and helpers to fill it with invitations."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from warmintro.model.contact import Contact
from warmintro.model.invite import Invite
from warmintro.store import Store

FIXED = datetime(2026, 11, 20, 18, 30, tzinfo=ZoneInfo("Europe/Lisbon"))


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "db.json", clock=lambda: FIXED) as opened:
        yield opened


def add_pending(store: Store, name: str, days_ago: float, url: str = "") -> Invite:
    """A person with an invitation sent *days_ago*, written as an import so it is one quick action."""
    first, _, last = name.partition(" ")
    contact = Contact(id=f"c-{name.lower().replace(' ', '-')}", first_name=first, last_name=last, linkedin_url=url)
    invite = Invite(id=f"i-{contact.id}", contact_id=contact.id, sent_at=FIXED - timedelta(days=days_ago))
    store.import_batch([contact], [invite], f"seed {name}")
    return store.invites[invite.id]


def seed_many(store: Store, count: int, days_ago: float = 40) -> list[str]:
    contacts, invites = [], []
    for n in range(count):
        contact = Contact(id=f"c{n}", first_name=f"Person{n}", last_name="Test",
                          linkedin_url=f"https://www.linkedin.com/in/person{n}/")
        contacts.append(contact)
        invites.append(Invite(id=f"i{n}", contact_id=contact.id, sent_at=FIXED - timedelta(days=days_ago, minutes=n)))
    store.import_batch(contacts, invites, "seed")
    return [inv.id for inv in invites]
