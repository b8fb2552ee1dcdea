"""The TinyDB JSON file: read once at open, rewritten whole only when the journal is folded in.

TinyDB's own JSONStorage rewrites the file on every change and truncates it in
place, so a crash mid-write leaves a file that will not open. This storage keeps
TinyDB's file format but writes through temp file + fsync + atomic rename, and
only when asked to flush.

Contacts and invitations are decoded straight into model objects by msgspec, which
builds them in C as it parses: at 30,000 people that is a third of the time of parsing
to dicts and building the objects in Python, and no second copy of every record stays
in memory. Snapshots are written with every field present, because msgspec fills an
absent field with its default far more slowly than it reads a present one.
"""

from __future__ import annotations

from datetime import timezone
from itertools import chain
from operator import attrgetter
from pathlib import Path
from typing import Any

import msgspec
from tinydb import TinyDB
from tinydb.storages import Storage

from warmintro.model.contact import CONTACT_DATETIMES, Contact
from warmintro.model.invite import Invite
from warmintro.store.files import atomic_write

# Each table's documents carry their own key, so the file reads naturally with plain TinyDB too.
KEY_FIELDS = {"contacts": "id", "invites": "id", "followups": "id", "templates": "segment", "meta": "key"}
TABLES = tuple(KEY_FIELDS)
# Held as model objects in memory; the other tables are small and stay plain documents.
TYPED = ("contacts", "invites")


class _File(msgspec.Struct):
    """The file as TinyDB lays it out: each table a JSON object of numbered documents."""

    contacts: dict[str, Contact] = {}
    invites: dict[str, Invite] = {}
    followups: dict[str, dict[str, Any]] = {}
    templates: dict[str, dict[str, Any]] = {}
    meta: dict[str, dict[str, Any]] = {}


_DECODER = msgspec.json.Decoder(_File)
_ENCODER = msgspec.json.Encoder()


class SnapshotStorage(Storage):
    """A TinyDB storage that holds data in memory and writes the file atomically on flush()."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._data: dict[str, dict[str, Any]] | None = None
        self._loaded = False

    def read(self) -> dict[str, dict[str, Any]] | None:
        if not self._loaded:
            self._loaded = True
            raw = _read_bytes(self.path)
            self._data = msgspec.json.decode(raw) if raw.strip() else None
            if self._data is not None and not isinstance(self._data, dict):
                raise ValueError("the top level is not a JSON object")
        return self._data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self._data = data
        self._loaded = True

    def flush(self) -> None:
        # Encoded into a buffer the size of the file it replaces: growing the output by doubling
        # held up to twice the snapshot in memory at the peak of every fold.
        try:
            hint = self.path.stat().st_size + (1 << 16)
        except OSError:
            hint = 0
        buffer = bytearray(hint)
        _ENCODER.encode_into(self._data or {}, buffer)
        atomic_write(self.path, buffer)

    def close(self) -> None:
        pass


class SnapshotShapeError(ValueError):
    """The file is JSON but not a warmintro database."""


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return b""


def load_tables(path: Path) -> dict[str, dict[str, Any]] | None:
    """Every table as {key: record}, contacts and invitations as model objects; None for an
    empty file. Raises ValueError (naming the table and field) on a file that is not a database.

    Reads the TinyDB file but not through TinyDB's tables: wrapping 40,000 documents
    as TinyDB Documents only to copy them again costs more than parsing.
    """
    raw = _read_bytes(path)
    if not raw.strip():
        return None
    try:
        decoded = _DECODER.decode(raw)
    except msgspec.ValidationError as exc:
        raise SnapshotShapeError(str(exc).replace("$.", "", 1)) from None
    tables: dict[str, dict[str, Any]] = {}
    for name in TABLES:
        key = KEY_FIELDS[name]
        records = getattr(decoded, name)
        if name in TYPED:
            tables[name] = {record.id: record for record in records.values()}
            continue
        docs: dict[str, dict] = {}
        for doc_id, doc in records.items():
            if key not in doc:
                raise SnapshotShapeError(f"table {name!r}, document {doc_id}: no {key!r}")
            docs[doc[key]] = doc
        tables[name] = docs
    _make_aware(tables["contacts"].values(), tables["invites"].values())
    return tables


def _make_aware(contacts, invites) -> None:
    """A time written without a zone (by hand, say) is UTC, as Contact.from_dict reads it:
    the model compares aware times only. The check walks every time in the file, so it runs
    as a chain of C-level iterators; only a file that has a naive time takes the slow path."""
    contacts, invites = list(contacts), list(invites)
    times = chain(chain.from_iterable(map(_CONTACT_TIMES, contacts)),
                  map(_AT, chain.from_iterable(map(_NOTES, contacts))),
                  chain.from_iterable(map(_INVITE_TIMES, invites)))
    if None not in set(map(_TZINFO, filter(None, times))):
        return
    utc = timezone.utc
    for contact in contacts:
        for name in CONTACT_DATETIMES:
            value = getattr(contact, name)
            if value is not None and value.tzinfo is None:
                setattr(contact, name, value.replace(tzinfo=utc))
        for note in contact.notes:
            if note.at.tzinfo is None:
                note.at = note.at.replace(tzinfo=utc)
    for invite in invites:
        if invite.sent_at.tzinfo is None:
            invite.sent_at = invite.sent_at.replace(tzinfo=utc)
        if invite.status_at is not None and invite.status_at.tzinfo is None:
            invite.status_at = invite.status_at.replace(tzinfo=utc)


_CONTACT_TIMES = attrgetter(*CONTACT_DATETIMES)
_INVITE_TIMES = attrgetter("sent_at", "status_at")
_NOTES, _AT, _TZINFO = attrgetter("notes"), attrgetter("at"), attrgetter("tzinfo")


def save_tables(path: Path, tables: dict[str, dict[str, Any]]) -> None:
    """Write every table in TinyDB's format, atomically: model objects with every field, documents as they are."""
    db = TinyDB(path, storage=SnapshotStorage)
    storage: SnapshotStorage = db.storage  # type: ignore[assignment]
    storage._loaded = True
    storage._data = {
        name: {str(i): record for i, record in enumerate(tables.get(name, {}).values(), 1)}
        for name in TABLES
    }
    storage.flush()
    db.close()
