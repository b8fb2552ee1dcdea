"""One person, one contact: finding who a parsed record already is, and planning an import.

Pure: takes parsed files and the current contacts and invites, returns what to put.
Matching is conservative because a wrong merge mixes two people's emails and notes,
which the user cannot easily undo; a missed duplicate only shows up twice.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, timezone
from typing import TYPE_CHECKING, Iterable

import msgspec
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


# A ratio of NAME_SCORE allows this many insertions and deletions per character of the shorter
# name at most: d <= s(m + n) with n <= m + d gives d <= 2sm / (1 - s), s = 1 - NAME_SCORE / 100.
_EDITS_PER_CHAR = 2 * (1 - NAME_SCORE / 100) / (NAME_SCORE / 100)
_GRAM = 3


def _grams(text: str) -> set[str]:
    return {text[i:i + _GRAM] for i in range(len(text) - _GRAM + 1)}


class NameBlock:
    """The (token-sorted) names at one company, each with the contacts holding it.

    Finding the close names scans them all with rapidfuzz, which is quick for a few hundred but
    makes the import quadratic at a big employer. From INDEX_FROM names on, a trigram index
    narrows the scan, exactly: a name within d insertions and deletions of the query keeps at
    least one of d + 1 pieces of the query intact, so it holds every trigram of that piece.
    Only the names that do are scored; the score decides, as before.
    """

    INDEX_FROM = 300

    def __init__(self) -> None:
        self.ids: dict[str, set[str]] = {}
        self.grams: dict[str, set[str]] | None = None

    def add(self, key: str, cid: str) -> None:
        ids = self.ids.get(key)
        if ids is not None:
            ids.add(cid)
            return
        self.ids[key] = {cid}
        if self.grams is not None:
            self._index(key)
        elif len(self.ids) >= self.INDEX_FROM:
            self.grams = {}
            for known in self.ids:
                self._index(known)

    def discard(self, key: str, cid: str) -> None:
        ids = self.ids.get(key)
        if ids is None:
            return
        ids.discard(cid)
        if ids:
            return
        del self.ids[key]
        if self.grams is not None:
            for gram in _grams(key):
                holders = self.grams[gram]
                holders.discard(key)
                if not holders:
                    del self.grams[gram]

    def _index(self, key: str) -> None:
        for gram in _grams(key):
            holders = self.grams.get(gram)
            if holders is None:
                self.grams[gram] = {key}
            else:
                holders.add(key)

    def close_names(self, name: str) -> list[tuple[str, float]]:
        """Every name here whose ratio to *name* reaches NAME_SCORE, with its score."""
        if len(self.ids) == 1 and name in self.ids:
            return [(name, 100.0)]
        choices = self._candidates(name) if self.grams is not None else None
        if choices is None:
            choices = self.ids.keys()
        elif not choices:
            return []
        return [(key, score) for key, score, _ in
                process.extract(name, choices, scorer=fuzz.ratio, score_cutoff=NAME_SCORE, limit=None)]

    def _candidates(self, name: str) -> set[str] | None:
        """The names holding every trigram of at least one piece of *name*; None: scan them all."""
        edits = int(_EDITS_PER_CHAR * len(name) + 1e-9)  # the most a close name can be away
        count = edits + 1
        size, extra = divmod(len(name), count)
        if size < _GRAM:
            return None  # pieces too short to look up
        found: set[str] = set()
        start = 0
        for n in range(count):
            end = start + size + (n < extra)
            holders = [self.grams.get(gram) for gram in _grams(name[start:end])]
            start = end
            if all(h is not None for h in holders):
                holders.sort(key=len)
                found |= holders[0].intersection(*holders[1:])
        return found


class ContactIndex:
    """Contacts by LinkedIn URL, by email, by name, and by company (for the fuzzy name rule)."""

    def __init__(self, contacts: Iterable[Contact] = ()):
        self.by_url: dict[str, str] = {}
        self.by_email: dict[str, list[str]] = {}
        self.by_name: dict[str, set[str]] = {}
        self.by_company: dict[str, NameBlock] = {}
        # Stored records only, by (file, name): a file read again finds its own records, while
        # two people with one name in one file (and nothing else to tell them apart) never fold
        # into each other: a stored record is claimed by at most one row of each file.
        self.by_source_name: dict[tuple[str, str], list[str]] = {}
        self.claimed: set[tuple[str, str]] = set()  # (file, id): a row of that file found it
        self._name_keys: dict[str, tuple[str, str]] = {}
        self.alias: dict[str, str] = {}  # a record folded into another during this import
        self.contacts: dict[str, Contact] = {}
        for contact in contacts:
            self.add(contact)
            name = name_key(contact)
            for source in contact.sources if name else ():
                self.by_source_name.setdefault((source.casefold(), name), []).append(contact.id)

    def add(self, contact: Contact) -> None:
        """Index *contact*, again after a merge: URL and email keys accumulate (a merge only
        adds them), name keys follow the current name and company."""
        self.contacts[contact.id] = contact
        name = name_key(contact)
        company = company_key(contact.company) if name else ""
        # (an unnamed contact's ("", "") is never recorded, so it always takes this branch)
        if self._name_keys.get(contact.id) != (name, company):
            self._forget_name(contact.id)
            if name:
                self._add_name(contact.id, name, company)
        url = _url_key(contact.linkedin_url)
        if url:
            self.by_url.setdefault(url, contact.id)
        for email in contact.emails:
            key = normalize_email(email)
            if key:
                ids = self.by_email.setdefault(key, [])
                if contact.id not in ids:
                    ids.append(contact.id)

    def _add_name(self, cid: str, name: str, company: str) -> None:
        self.by_name.setdefault(name, set()).add(cid)
        if company:
            block = self.by_company.get(company)
            if block is None:
                block = self.by_company[company] = NameBlock()
            block.add(_sorted_tokens(name), cid)
        self._name_keys[cid] = (name, company)

    def _forget_name(self, cid: str) -> None:
        """Drop the name keys a merge has made stale (a filled-in surname, a new company).

        A fresh index built from the stored result would not hold them either, so keeping
        them would make a first import and its re-import match differently.
        """
        old = self._name_keys.pop(cid, None)
        if old is None:
            return
        name, company = old
        _discard(self.by_name, name, cid)
        if company:
            block = self.by_company.get(company)
            if block is not None:
                block.discard(_sorted_tokens(name), cid)

    def find(self, contact: Contact) -> str | None:
        """The id of the contact *contact* already is, or None.

        URL, then email, then a close name within the same company, then a stored record
        of the same name from the same file. The record found is claimed for the row's file:
        the same-file rule will not hand it to another row of that file in this import.
        """
        found = self._find(contact)
        if found is not None:
            found = self.resolve(found)
            self._claim(contact, found)
        return found

    def resolve(self, cid: str) -> str:
        while cid in self.alias:
            cid = self.alias[cid]
        return cid

    def fold(self, gone: str, into: str) -> None:
        """*gone* turned out to be *into*: every key of it now leads there."""
        self._forget_name(gone)
        self.alias[gone] = into
        self.contacts.pop(gone, None)

    def same_email(self, contact: Contact) -> set[str]:
        """Other records holding one of *contact*'s emails."""
        ids = {self.resolve(i) for e in contact.emails for i in self.by_email.get(normalize_email(e), ())}
        ids.discard(contact.id)
        return ids

    def _claim(self, contact: Contact, found: str) -> None:
        self.claimed.update((source.casefold(), found) for source in contact.sources)

    def _find(self, contact: Contact) -> str | None:
        url = _url_key(contact.linkedin_url)
        if url and url in self.by_url:
            return self.resolve(self.by_url[url])
        for email in contact.emails:
            found = self._pick(self.by_email.get(normalize_email(email), ()), contact, url)
            if found:
                return found
        name = name_key(contact)
        company = company_key(contact.company)
        return self._by_name_and_company(contact, name, company, url) or self._by_file_and_name(contact, name, url)

    def _by_name_and_company(self, contact: Contact, name: str, company: str, url: str) -> str | None:
        # A lone first name ("Ann" at Acme) says too little to merge on.
        if len(name.split()) < 2 or not company:
            return None
        block = self.by_company.get(company)
        if block is None or not block.ids:
            return None
        scored = block.close_names(_sorted_tokens(name))
        # Of several close namesakes at one company: the one already holding this row (so a
        # re-import agrees with the first import), then the closest name.
        ranked = sorted(((not _holds(self.contacts[cid], contact), -score, cid)
                         for key, score in scored for cid in block.ids[key]))
        for _, _, cid in ranked:
            if self._compatible(cid, url):
                return cid
        return None

    def _by_file_and_name(self, contact: Contact, name: str, url: str) -> str | None:
        """The same name from the same file is the same record read again; without this a card
        holding only a name and a phone would be added anew on every re-import."""
        company = company_key(contact.company)
        for source in contact.sources if name else ():
            free = [i for i in self.by_source_name.get((source.casefold(), name), ())
                    if (source.casefold(), i) not in self.claimed and self._compatible(i, url)]
            if free:
                free.sort(key=lambda i: (not _holds(self.contacts[i], contact),
                                         company_key(self.contacts[i].company) != company))
                return free[0]
        return None

    def _pick(self, ids, contact: Contact, url: str) -> str | None:
        """Of several records sharing an email, the one already holding this row, else one
        this file made: a re-import lands where the first import did, whatever the order."""
        ids = list(dict.fromkeys(self.resolve(i) for i in ids))
        ids = [i for i in ids if self._compatible(i, url)]
        if len(ids) > 1:
            mine = {s.casefold() for s in contact.sources}
            ids.sort(key=lambda i: (not _holds(self.contacts[i], contact),
                                    not mine & {s.casefold() for s in self.contacts[i].sources}))
        return ids[0] if ids else None

    def find_by_name(self, contact: Contact) -> str | None:
        """For invitations: an exact name, only if one person has it and no other profile URL."""
        ids = self.by_name.get(name_key(contact), set())
        if len(ids) != 1:
            return None
        found = next(iter(ids))
        if not self._compatible(found, _url_key(contact.linkedin_url)):
            return None
        self._claim(contact, found)
        return found

    def _compatible(self, found: str, url: str) -> bool:
        """Two different LinkedIn profiles are two people, whatever else they share."""
        theirs = _url_key(self.contacts[found].linkedin_url)
        return not (url and theirs and url != theirs)


def _counted(reason: str, n: int) -> str:
    """'ghost rows' reads '1 ghost row' when there is one."""
    if n != 1:
        return reason
    return re.sub(r"\b(rows|invitations|cards)\b", lambda m: m.group(1)[:-1], reason, count=1)


def _holds(stored: Contact, row: Contact) -> bool:
    """*stored* already has everything *row* would add: it is where *row* went before."""
    for name in ("emails", "phones", "tags", "sources"):
        have = {v.casefold() for v in getattr(stored, name)}
        if any(v.casefold() not in have for v in getattr(row, name)):
            return False
    texts = {n.text.strip() for n in stored.notes}
    if any(n.text.strip() not in texts for n in row.notes):
        return False
    if row.full_name and not stored.full_name:
        return False
    # A merge fills only what is empty: a value the row has and the record lacks is news.
    for name in _SCALARS:
        if getattr(row, name) not in (None, "", False) and getattr(stored, name) in (None, "", False):
            return False
    return not row.linkedin_url or _url_key(row.linkedin_url) == _url_key(stored.linkedin_url)


_SCALARS = [name for name in Contact.__struct_fields__
            if name not in ("id", "first_name", "last_name", "emails", "phones", "tags", "sources", "notes",
                              "mutual", "added_at", "last_interaction")]


def _discard(index: dict[str, set[str]], key: str, cid: str) -> None:
    ids = index.get(key)
    if ids is not None:
        ids.discard(cid)
        if not ids:
            del index[key]


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
            lines.append("skipped: " + ", ".join(f"{n} {_counted(reason, n)}"
                                                 for reason, n in sorted(self.skipped.items())))
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
        if base.full_name:
            # A name is one unit: "Ana" plus "Ana Maria Silva" must not become "Ana Silva", and
            # a name that changes under the index would make a re-import match differently.
            parsed.first_name, parsed.last_name = base.first_name, base.last_name
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
        elif merged == base:
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
        self.fold_revealed(cid)
        return cid

    def fold_revealed(self, cid: str) -> None:
        """A record that linked a profile to an email shows two new records are one person.

        Only records new in this import are folded: a stored contact is never removed here.
        """
        merged = self.work[cid]
        url = _url_key(merged.linkedin_url)
        for other in sorted(self.index.same_email(merged)):
            if other not in self.batch_new or other == cid:
                continue
            theirs = self.work[other]
            if url and _url_key(theirs.linkedin_url) and _url_key(theirs.linkedin_url) != url:
                continue
            merged = merge_contacts(merged, theirs)
            merged.id = cid
            del self.work[other]
            self.batch_new.discard(other)
            self.index.fold(other, cid)
            self.plan.new -= 1
            self.plan.merged += 1
            self.plan.merges.append(f"{merged.display_name}: merged {', '.join(theirs.sources)} "
                                    f"into {merged.sources[0]} (same email)")
        self.work[cid] = merged
        self.index.add(merged)

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
                self.invites[invite.id] = msgspec.structs.replace(invite, message=pi.message)
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
            if original is None or contact != original:
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

    Contacts come first, then invitations, then invitations are reconciled with who is
    connected. Within each, Connections files come first, so LinkedIn's values win a
    conflict among records with a URL or email; name-only records come last (see below).
    Values already stored always win over imported ones.
    """
    files = sorted(parsed_files, key=lambda p: p.format != "linkedin-connections")
    planner = _Planner(existing_contacts, existing_invites, tag, now)
    for parsed in files:
        for reason, count in parsed.skipped.items():
            planner.plan.skipped[reason] = planner.plan.skipped.get(reason, 0) + count
    # Records with a URL or an email first, name-only ones after: a name-only record then
    # meets the same candidates on a first import as on a re-import, so both decide alike.
    contacts = [(p, c) for p in files for c in p.contacts]
    for _, contact in sorted(contacts, key=lambda pc: not (pc[1].linkedin_url or pc[1].emails)):
        planner.absorb(contact, planner.index.find(contact))
    invitations = [(p, i) for p in files for i in sorted(p.invitations, key=lambda i: i.sent_at)]
    for parsed, invitation in sorted(invitations, key=lambda pi: not pi[1].other_url):
        planner.add_invitation(invitation, parsed.source)
    planner.reconcile()
    return planner.finish()
