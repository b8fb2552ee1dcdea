"""A person the user knows or may invite, and how to tell two records are one person."""

from __future__ import annotations

import re
import unicodedata
import uuid
from datetime import date, datetime
from itertools import filterfalse
from operator import attrgetter
from urllib.parse import unquote, urlsplit

import msgspec

from warmintro.model.timeutil import date_from_iso, date_to_iso, from_iso, to_iso


def new_id() -> str:
    """A short random id: readable in a terminal, unique enough for one person's network."""
    return uuid.uuid4().hex[:12]


# Structs rather than dataclasses: opening 30,000 people decodes them straight from the file,
# twice as fast (bench/store_bench.py). gc=False: a person holds strings, dates and notes, never
# anything that points back at them, so the collector need not walk 30,000 of them.
class Note(msgspec.Struct, gc=False):
    at: datetime
    text: str

    def to_dict(self) -> dict:
        return {"at": to_iso(self.at), "text": self.text}

    @classmethod
    def from_dict(cls, raw: dict) -> "Note":
        return cls(at=from_iso(raw["at"]), text=raw.get("text", ""))


class Contact(msgspec.Struct, gc=False):
    id: str
    first_name: str = ""
    last_name: str = ""
    emails: list[str] = msgspec.field(default_factory=list)
    phones: list[str] = msgspec.field(default_factory=list)
    linkedin_url: str = ""
    company: str = ""
    position: str = ""
    location: str = ""
    school: str = ""
    tags: list[str] = msgspec.field(default_factory=list)
    segment: str = ""
    sources: list[str] = msgspec.field(default_factory=list)
    connected: bool = False
    connected_on: date | None = None
    how_we_met: str = ""
    event: str = ""
    met_on: date | None = None
    introduced_by: str = ""
    mutual: list[str] = msgspec.field(default_factory=list)
    notes: list[Note] = msgspec.field(default_factory=list)
    added_at: datetime | None = None
    last_interaction: datetime | None = None
    never_reason: str | None = None
    snoozed_until: datetime | None = None
    skipped_at: datetime | None = None
    not_on_linkedin: bool = False
    invited_me_at: datetime | None = None
    admire: str = ""
    why_connect: str = ""
    opt_in_commercial: bool = False
    birthday: str = ""

    @property
    def full_name(self) -> str:
        # Asked for every person on every network build and import: no generator for two parts.
        first, last = self.first_name, self.last_name
        return f"{first} {last}" if first and last else first or last or ""

    @property
    def display_name(self) -> str:
        """Never empty: falls back to an email so a card always has a title."""
        return self.full_name or (self.emails[0] if self.emails else "(no name)")

    @property
    def notes_text(self) -> str:
        return "\n".join(f"{n.at.date().isoformat()}: {n.text}" for n in self.notes)

    @property
    def is_never(self) -> bool:
        return self.never_reason is not None

    def to_dict(self) -> dict:
        # Imports and every stored change call this tens of thousands of times: one C-level read
        # of every field, then a converter chosen once per field (see _TO_PLAIN below).
        return {name: value if convert is None else convert(value)
                for name, convert, value in zip(_FIELD_NAMES, _TO_PLAIN, _ALL_FIELDS(self))}

    @classmethod
    def from_dict(cls, raw: dict) -> "Contact":
        # Stored documents hold known keys only; filtering is for files written by a newer version.
        data = dict(raw) if raw.keys() <= CONTACT_FIELDS else {k: v for k, v in raw.items() if k in CONTACT_FIELDS}
        for name in CONTACT_DATETIMES:
            if name in data:
                data[name] = from_iso(data[name])
        for name in _CONTACT_DATES:
            if name in data:
                data[name] = date_from_iso(data[name])
        if "notes" in data:
            data["notes"] = [Note.from_dict(n) for n in data["notes"]]
        return cls(**data)

    def copy(self, **changes) -> "Contact":
        """A deep-enough copy: lists are new, so editing the copy never edits the original.

        Built positionally from one attrgetter read: a third of the time of a field-by-field replace,
        and an import copies every row it reads."""
        values = list(_ALL_FIELDS(self))
        for at in _LIST_AT:
            values[at] = list(values[at])
        for name, value in changes.items():
            try:
                values[_FIELD_AT[name]] = value
            except KeyError:
                raise TypeError(f"Contact has no field {name!r}") from None
        return Contact(*values)


CONTACT_FIELDS = frozenset(Contact.__struct_fields__)
CONTACT_DATETIMES = ("added_at", "last_interaction", "snoozed_until", "skipped_at", "invited_me_at")
_CONTACT_DATES = ("connected_on", "met_on")
_CONTACT_LISTS = ("emails", "phones", "tags", "sources", "mutual", "notes")

_FIELD_NAMES = Contact.__struct_fields__  # in declaration order
_FIELD_AT = {name: at for at, name in enumerate(_FIELD_NAMES)}
_ALL_FIELDS = attrgetter(*_FIELD_NAMES)
_LIST_AT = tuple(_FIELD_AT[name] for name in _CONTACT_LISTS)


def _notes_to_plain(notes: list[Note]) -> list[dict]:
    return [note.to_dict() for note in notes]


def _to_plain(name: str):
    """How to_dict writes a field: times as ISO text, lists copied, the rest as they are (None)."""
    if name in CONTACT_DATETIMES:
        return to_iso
    if name in _CONTACT_DATES:
        return date_to_iso
    if name == "notes":
        return _notes_to_plain
    if name in _CONTACT_LISTS:
        return list
    return None


_TO_PLAIN = tuple(_to_plain(name) for name in _FIELD_NAMES)
# merge_contacts fills these one by one; the lists are merged apart.
_MERGED_ONE_BY_ONE = tuple(name for name in _FIELD_NAMES if name not in _CONTACT_LISTS and name != "id")


_SLUG_RE = re.compile(r"^/(?:[a-z]{2}(?:-[a-z]{2})?/)?(in|pub)/([^/?#]+)((?:/[0-9a-z]{1,3}){3})?", re.IGNORECASE)


# The form nearly every export uses; anything else (a locale path, a port, an old /pub/ URL,
# a query, odd characters) goes through urlsplit below, which is ten times slower.
_PLAIN_PROFILE_RE = re.compile(r"(?:https?://)?(?:[\w-]+\.)*linkedin\.com/in/([^/?#\s]+)/?", re.IGNORECASE)


def normalize_linkedin_url(url: str) -> str:
    """The one canonical form of a profile URL, or "" when it is not a profile URL.

    LinkedIn writes the same profile as http or https, with or without www or a
    country subdomain, with a locale path, a query string or a trailing slash.
    """
    url = (url or "").strip()
    if not url:
        return ""
    plain = _PLAIN_PROFILE_RE.fullmatch(url)
    if plain:
        slug = unquote(plain.group(1)).strip().lower()
        return f"https://www.linkedin.com/in/{slug}/" if slug else ""
    return _normalize_url_by_parts(url)


def _normalize_url_by_parts(url: str) -> str:
    if "://" not in url:
        url = "https://" + url
    try:
        parts = urlsplit(url)
    except ValueError:  # "http://[…" is text in an address book, not a profile
        return ""
    host = (parts.hostname or "").lower()
    if not (host == "linkedin.com" or host.endswith(".linkedin.com")):
        return ""
    match = _SLUG_RE.match(parts.path)
    if not match:
        return ""
    slug = unquote(match.group(2)).strip().lower()
    if not slug:
        return ""
    if match.group(1).lower() == "pub":
        # Old public URLs (/pub/john-smith/12/345/678) name a person only with their id
        # segments; without them every John Smith would be one person.
        if not match.group(3):
            return ""
        return f"https://www.linkedin.com/pub/{slug}{match.group(3).lower()}/"
    return f"https://www.linkedin.com/in/{slug}/"


_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def normalize_email(email: str) -> str:
    """Case-folded email, or "" when the text is not an email (LinkedIn puts urn:li:member:… there)."""
    email = (email or "").strip()
    if email.lower().startswith("mailto:"):
        email = email[7:]
    if not _EMAIL_RE.match(email):
        return ""
    return email.casefold()


def normalize_name(text: str) -> str:
    """Lower-case, accent-free, single-spaced: for comparing names, never for showing them."""
    text = text or ""
    if text.isascii():  # most names: nothing to decompose, and casefold is lower-casing
        return " ".join(text.lower().split())
    text = "".join(filterfalse(unicodedata.combining, unicodedata.normalize("NFKD", text)))
    return " ".join(text.casefold().split())


def clean_text(text: str | None) -> str:
    """Collapse the stray spaces, tabs and newlines that exports leave inside one-line fields."""
    return " ".join((text or "").split())


def merge_contacts(keep: Contact, other: Contact) -> Contact:
    """One contact holding everything both records knew: no email, tag, source or note is dropped.

    *keep* wins where both hold a different single value; empty fields are filled from *other*.
    """
    merged = keep.copy()
    for name in ("emails", "phones", "tags", "sources", "mutual"):
        values = getattr(merged, name)
        seen = {v.casefold() for v in values}
        for value in getattr(other, name):
            if value.casefold() not in seen:
                values.append(value)
                seen.add(value.casefold())
    have = {(n.at, n.text) for n in merged.notes}
    merged.notes.extend(n for n in other.notes if (n.at, n.text) not in have)
    merged.notes.sort(key=lambda n: n.at)
    for name in _MERGED_ONE_BY_ONE:
        mine, theirs = getattr(merged, name), getattr(other, name)
        if name == "connected":
            merged.connected = mine or theirs
        elif name in ("not_on_linkedin", "opt_in_commercial"):
            setattr(merged, name, mine or theirs)
        elif name == "last_interaction":
            if theirs and (not mine or theirs > mine):
                merged.last_interaction = theirs
        elif name == "added_at":
            if theirs and (not mine or theirs < mine):
                merged.added_at = theirs
        elif mine in (None, "") and theirs not in (None, ""):
            setattr(merged, name, theirs)
    return merged


def split_full_name(text: str) -> tuple[str, str]:
    """"Ana Maria Silva" -> ("Ana", "Maria Silva"): the first word is what a note greets."""
    words = clean_text(text).split(" ")
    if not words or not words[0]:
        return "", ""
    return words[0], " ".join(words[1:])
