"""The demo database: about fifty fictional people, dated relative to today so every screen has something to show.

The people live in `data/demo.json` (shipped in the wheel). Ages are stored as
"days ago" so a demo opened next year still has fresh event contacts, stale
invitations and a cooldown in progress.
"""

from __future__ import annotations

import json
import tempfile
from datetime import datetime, timedelta
from importlib import resources
from pathlib import Path

from warmintro.model.contact import Contact, Note
from warmintro.model.invite import Invite, InviteStatus
from warmintro.model.settings import Settings


def load_demo_data() -> dict:
    return json.loads(resources.files("warmintro.data").joinpath("demo.json").read_text("utf-8"))


def _ago(now: datetime, days: float | None) -> datetime | None:
    return None if days is None else now - timedelta(days=days)


def demo_records(now: datetime) -> tuple[list[Contact], list[Invite], Settings]:
    data = load_demo_data()
    contacts: list[Contact] = []
    invites: list[Invite] = []
    for index, person in enumerate(data["people"], 1):
        cid = f"demo{index:03d}"
        notes = [Note(at=_ago(now, n["days_ago"]), text=n["text"]) for n in person.get("notes", [])]
        connected_ago = person.get("connected_days_ago")
        met_ago = person.get("met_days_ago")
        contacts.append(Contact(
            id=cid,
            first_name=person["first_name"],
            last_name=person.get("last_name", ""),
            emails=person.get("emails", []),
            linkedin_url=person.get("linkedin_url", ""),
            company=person.get("company", ""),
            position=person.get("position", ""),
            location=person.get("location", ""),
            school=person.get("school", ""),
            tags=person.get("tags", []),
            segment=person.get("segment", ""),
            sources=person.get("sources", []),
            connected=connected_ago is not None,
            connected_on=_ago(now, connected_ago).date() if connected_ago is not None else None,
            how_we_met=person.get("how_we_met", ""),
            event=person.get("event", ""),
            met_on=_ago(now, met_ago).date() if met_ago is not None else None,
            introduced_by=person.get("introduced_by", ""),
            mutual=person.get("mutual", []),
            notes=notes,
            added_at=_ago(now, person.get("added_days_ago", 30)),
            last_interaction=_ago(now, person.get("last_interaction_days_ago")),
            never_reason=person.get("never_reason"),
            snoozed_until=_ago(now, -person["snoozed_for_days"]) if "snoozed_for_days" in person else None,
            not_on_linkedin=person.get("not_on_linkedin", False),
            invited_me_at=_ago(now, person.get("invited_me_days_ago")),
            admire=person.get("admire", ""),
            why_connect=person.get("why_connect", ""),
        ))
        for n, raw in enumerate(person.get("invites", []), 1):
            status = InviteStatus(raw["status"])
            sent = _ago(now, raw["sent_days_ago"])
            status_at = _ago(now, raw["status_days_ago"]) if "status_days_ago" in raw else None
            invites.append(Invite(id=f"{cid}i{n}", contact_id=cid, sent_at=sent, message=raw.get("message", ""),
                                  status=status, status_at=status_at, segment=raw.get("segment", ""),
                                  template=raw.get("template", ""), source=raw.get("source", "app"),
                                  approach=raw.get("approach", _demo_approach(raw, n))))
    settings = Settings(my_name=data.get("my_name", ""))
    return contacts, invites, settings


def _demo_approach(raw: dict, n: int) -> str:
    """Spread the demo's noted invitations over the three approaches, so insight has something to compare."""
    if not raw.get("message") or raw.get("source", "app") != "app":
        return ""
    return ("common", "common", "compliment", "direct")[(len(raw["message"]) + n) % 4]


def create_demo_db(now: datetime, directory: Path | None = None) -> Path:
    """A fresh database in a new private temporary directory; the user's own data is never touched."""
    from warmintro.store import Store

    folder = Path(tempfile.mkdtemp(prefix="warmintro-demo-", dir=directory))
    path = folder / "demo.json"
    contacts, invites, settings = demo_records(now)
    with Store.open(path, clock=lambda: now) as store:
        store.set_settings(settings)
        store.import_batch(contacts, invites, "demo data")
    return path
