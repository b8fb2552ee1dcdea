"""One person, one contact: finding who a parsed record already is, and planning an import.

Pure: takes parsed files and the current contacts and invites, returns what to put.
Matching is conservative because a wrong merge mixes two people's emails and notes,
which the user cannot easily undo; a missed duplicate only shows up twice.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field, replace
from datetime import datetime, time, timedelta, timezone
from typing import TYPE_CHECKING, Iterable

from rapidfuzz import fuzz, process

from warmintro.model.contact import (
    Contact, merge_contacts, new_id, normalize_email, normalize_linkedin_url, normalize_name, split_full_name)
from warmintro.model.invite import Invite, InviteStatus
from warmintro.model.timeutil import ensure_aware

if TYPE_CHECKING:
    from warmintro.importers.parsed import ParsedFile, ParsedInvitation

NAME_SCORE = 92  # token-sort ratio on normalised full names, within the same company only
_SAME_INVITE = timedelta(hours=24)

_LEGAL_SUFFIXES = {"inc", "llc", "ltd", "gmbh", "corp", "corporation", "co", "sa", "ag", "plc",
                   "bv", "srl", "sarl", "limited", "company"}
_PUNCT = re.compile(r"[^\w\s]")

# A 30k import normalises each name, URL and company several times; the caches make that once.
_url_key = lru_cache(maxsize=1 << 17)(normalize_linkedin_url)
_name_key = lru_cache(maxsize=1 << 17)(normalize_name)


@lru_cache(maxsize=1 << 16)
def company_key(company: str) -> str:
    """'ACME, Inc.' and 'Acme' are one company; the suffix and punctuation say nothing."""
    words = _PUNCT.sub(" ", _name_key(company)).split()
    while len(words) > 1 and words[-1] in _LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


def _sorted_tokens(name: str) -> str:
    return " ".join(sorted(name.split()))


def name_key(contact: Contact) -> str:
    return _name_key(contact.full_name)


class ContactIndex:
    """Contacts by LinkedIn URL, by email, by name, and by company (for the fuzzy name rule)."""

    def __init__(self, contacts: Iterable[Contact] = ()):
        self.by_url: dict[str, str] = {}
        self.by_email: dict[str, str] = {}
        self.by_name: dict[str, set[str]] = {}
        self.by_company: dict[str, dict[str, set[str]]] = {}
        # Only records already stored, and only names one record holds per file: two people
        # with one name in one file must never fold into each other.
        self.by_source_name: dict[tuple[str, str], str | None] = {}
        self.contacts: dict[str, Contact] = {}
        for contact in contacts:
            self.add(contact)
            name = name_key(contact)
            for source in contact.sources if name else ():
                key = (source.casefold(), name)
                self.by_source_name[key] = None if key in self.by_source_name else contact.id

    def add(self, contact: Contact) -> None:
        """Index *contact* (again, after a merge gave it new keys); old keys keep pointing to it."""
        self.contacts[contact.id] = contact
        url = _url_key(contact.linkedin_url)
        if url:
            self.by_url.setdefault(url, contact.id)
        for email in contact.emails:
            key = normalize_email(email)
            if key:
                self.by_email.setdefault(key, contact.id)
        name = name_key(contact)
        if name:
            self.by_name.setdefault(name, set()).add(contact.id)
            company = company_key(contact.company)
            if company:
                self.by_company.setdefault(company, {}).setdefault(_sorted_tokens(name), set()).add(contact.id)

    def find(self, contact: Contact) -> str | None:
        """The id of the contact *contact* already is, or None: URL, then email, then name+company."""
        url = _url_key(contact.linkedin_url)
        if url and url in self.by_url:
            return self.by_url[url]
        for email in contact.emails:
            found = self.by_email.get(normalize_email(email))
            if found and self._compatible(found, url):
                return found
        name = name_key(contact)
        # The same name from the same file is the same record read again; without this a card
        # holding only a name and a phone would be added anew on every re-import.
        for source in contact.sources:
            found = self.by_source_name.get((source.casefold(), name)) if name else None
            if found and self._compatible(found, url):
                return found
        company = company_key(contact.company)
        # A lone first name ("Ann" at Acme) says too little to merge on.
        if len(name.split()) < 2 or not company:
            return None
        block = self.by_company.get(company)
        if not block:
            return None
        # Keys are token-sorted already, so plain ratio here is token_sort_ratio without re-sorting.
        name = _sorted_tokens(name)
        if name in block:
            candidates = [name]
        else:
            best = process.extractOne(name, block.keys(), scorer=fuzz.ratio, score_cutoff=NAME_SCORE)
            candidates = [best[0]] if best else []
        for candidate in candidates:
            for found in sorted(block[candidate]):
                if self._compatible(found, url):
                    return found
        return None

    def find_by_name(self, contact: Contact) -> str | None:
        """For invitations: an exact name, only if one person has it and no other profile URL."""
        ids = self.by_name.get(name_key(contact), set())
        if len(ids) != 1:
            return None
        found = next(iter(ids))
        return found if self._compatible(found, _url_key(contact.linkedin_url)) else None

    def _compatible(self, found: str, url: str) -> bool:
        """Two different LinkedIn profiles are two people, whatever else they share."""
        theirs = _url_key(self.contacts[found].linkedin_url)
        return not (url and theirs and url != theirs)


@dataclass
class ImportPlan:
    contacts: list[Contact] = field(default_factory=list)
    invites: list[Invite] = field(default_factory=list)
    new: int = 0
    merged: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    merges: list[str] = field(default_factory=list)
    new_invites: int = 0
    reconciled: int = 0
    invited_me: int = 0

    @property
    def changes_nothing(self) -> bool:
        return not self.contacts and not self.invites

    def summary_lines(self, max_merges: int = 20) -> list[str]:
        lines = [f"{self.new} new, {self.merged} merged, {self.updated} updated, {self.unchanged} unchanged"]
        if self.skipped:
            lines.append("skipped: " + ", ".join(f"{n} {reason}" for reason, n in sorted(self.skipped.items())))
        if self.new_invites or self.reconciled or self.invited_me:
            lines.append(f"invitations: {self.new_invites} new, {self.reconciled} now accepted, "
                         f"{self.invited_me} {'person' if self.invited_me == 1 else 'people'} who invited you")
        lines.extend(self.merges[:max_merges])
        if len(self.merges) > max_merges:
            lines.append(f"… and {len(self.merges) - max_merges} more merges")
        return lines


class _Planner:
    def __init__(self, existing: dict[str, Contact], invites: dict[str, Invite], tag: str | None, now: datetime):
        self.existing = existing
        self.existing_invites = invites
        self.tag = (tag or "").strip()
        self.now = ensure_aware(now)
        self.index = ContactIndex(existing.values())
        self.work: dict[str, Contact] = {}
        self.batch_new: set[str] = set()
        self.plan = ImportPlan()
        self.invites: dict[str, Invite] = dict(invites)
        self.invite_keys = {_invite_key(i.contact_id, i.sent_at): i.id for i in invites.values()}
        self.invites_of: dict[str, list[str]] = {}
        for invite in invites.values():
            self.invites_of.setdefault(invite.contact_id, []).append(invite.id)
        self.matched_invites: set[str] = set()
        self.changed_invites: set[str] = set()

    def current(self, cid: str) -> Contact:
        return self.work.get(cid) or self.existing[cid]

    def absorb(self, parsed: Contact, cid: str | None, *, invitation: bool = False) -> str:
        """Fold *parsed* into the contact it is (or a new one) and count what happened.

        An invitation that finds its person is not a second record of them: it is counted
        on the invitations line, not as a merge, unless it brings a new person.
        """
        parsed = parsed.copy()
        if self.tag and self.tag.casefold() not in {t.casefold() for t in parsed.tags}:
            parsed.tags.append(self.tag)
        if cid is None:
            if parsed.id in self.existing or parsed.id in self.work:
                parsed.id = new_id()
            parsed.added_at = parsed.added_at or self.now
            self.work[parsed.id] = parsed
            self.batch_new.add(parsed.id)
            self.index.add(parsed)
            self.plan.new += 1
            return parsed.id
        base = self.current(cid)
        # The same note read again (its date may differ if the file was re-saved) is not new.
        have = {n.text.strip() for n in base.notes}
        parsed.notes = [n for n in parsed.notes if n.text.strip() not in have]
        merged = merge_contacts(base, parsed)
        merged.id = cid
        source = parsed.sources[0] if parsed.sources else ""
        from_elsewhere = bool(source) and source.casefold() not in {s.casefold() for s in base.sources}
        if invitation:
            pass
        elif cid in self.batch_new:
            self.plan.merged += 1
        elif merged.to_dict() == base.to_dict():
            self.plan.unchanged += 1
        elif from_elsewhere:
            self.plan.merged += 1
        else:
            self.plan.updated += 1
        if from_elsewhere and not invitation:
            into = base.sources[0] if base.sources else "an existing contact"
            if len(base.sources) > 1:
                into += f" (and {len(base.sources) - 1} more)"
            self.plan.merges.append(f"{merged.display_name}: merged {source} into {into}")
        self.work[cid] = merged
        self.index.add(merged)
        return cid

    def add_invitation(self, pi: "ParsedInvitation", source: str) -> None:
        first, last = split_full_name(pi.other_name)
        person = Contact(id=new_id(), first_name=first, last_name=last, linkedin_url=pi.other_url,
                         sources=[source])
        if pi.direction != "OUTGOING":
            person.invited_me_at = pi.sent_at
        # An invitation names a person and maybe a profile, nothing else: when the profile is
        # unknown, the one contact with exactly that name is taken to be them.
        cid = self.index.find(person)
        if cid is None:
            cid = self.index.find_by_name(person)
        had_invited_me = cid is not None and self.current(cid).invited_me_at is not None
        cid = self.absorb(person, cid, invitation=True)
        if pi.direction != "OUTGOING":
            if not had_invited_me:
                self.plan.invited_me += 1
            return
        known = self.known_invite(cid, pi.sent_at)
        if known is not None:
            self.matched_invites.add(known)
            invite = self.invites[known]
            if not invite.message and pi.message:
                self.invites[invite.id] = replace(invite, message=pi.message)
                self.changed_invites.add(invite.id)
            return
        invite = Invite(id=new_id(), contact_id=cid, sent_at=pi.sent_at, message=pi.message, source=source)
        self.invites[invite.id] = invite
        self.invite_keys[_invite_key(cid, pi.sent_at)] = invite.id
        self.invites_of.setdefault(cid, []).append(invite.id)
        self.matched_invites.add(invite.id)
        self.changed_invites.add(invite.id)
        self.plan.new_invites += 1

    def known_invite(self, cid: str, sent_at: datetime) -> str | None:
        """The invitation already held for this one, if any.

        The same minute is the same invitation. So is one recorded in the app within a day:
        the user marks it sent a little after sending it, and LinkedIn does not let the same
        person be invited twice in a day.
        """
        exact = self.invite_keys.get(_invite_key(cid, sent_at))
        if exact is not None:
            return exact
        near = [(abs(self.invites[i].sent_at - sent_at), i) for i in self.invites_of.get(cid, ())
                if i not in self.matched_invites and abs(self.invites[i].sent_at - sent_at) <= _SAME_INVITE]
        return min(near)[1] if near else None

    def reconcile(self) -> None:
        """An open invitation to someone now connected was accepted."""
        for invite in list(self.invites.values()):
            if not invite.is_open:
                continue
            contact = self.work.get(invite.contact_id) or self.existing.get(invite.contact_id)
            if contact is None or not contact.connected:
                continue
            accepted = invite.transition(InviteStatus.ACCEPTED, self._accepted_at(contact, invite))
            self.invites[invite.id] = accepted
            self.changed_invites.add(invite.id)
            self.plan.reconciled += 1

    def _accepted_at(self, contact: Contact, invite: Invite) -> datetime:
        if contact.connected_on is None:
            return self.now
        # Connections carry a date only; the invitation may be later that same day.
        at = ensure_aware(datetime.combine(contact.connected_on, time(0, 0)))
        return max(at, invite.sent_at)

    def finish(self) -> ImportPlan:
        for cid, contact in self.work.items():
            original = self.existing.get(cid)
            if original is None or contact.to_dict() != original.to_dict():
                self.plan.contacts.append(contact)
        self.plan.invites = [i for i in self.invites.values() if i.id in self.changed_invites]
        return self.plan


def _invite_key(contact_id: str, sent_at: datetime) -> tuple[str, datetime]:
    # Exports give minutes; an invitation the app recorded has seconds. Same minute, same invitation.
    return contact_id, sent_at.astimezone(timezone.utc).replace(second=0, microsecond=0)


def plan_import(parsed_files: "Iterable[ParsedFile]", existing_contacts: dict[str, Contact],
                existing_invites: dict[str, Invite], *, tag: str | None = None,
                now: datetime) -> ImportPlan:
    """What to put in the store so the parsed files are reflected, without duplicating anyone.

    Contacts come first (Connections before the others, so LinkedIn's values win a
    conflict), then invitations, then invitations are reconciled with who is connected.
    """
    files = sorted(parsed_files, key=lambda p: p.format != "linkedin-connections")
    planner = _Planner(existing_contacts, existing_invites, tag, now)
    for parsed in files:
        for reason, count in parsed.skipped.items():
            planner.plan.skipped[reason] = planner.plan.skipped.get(reason, 0) + count
        for contact in parsed.contacts:
            planner.absorb(contact, planner.index.find(contact))
    for parsed in files:
        for invitation in sorted(parsed.invitations, key=lambda i: i.sent_at):
            planner.add_invitation(invitation, parsed.source)
    planner.reconcile()
    return planner.finish()
