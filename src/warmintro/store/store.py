"""The database: TinyDB's file as the snapshot, a journal for every action, a lock for two terminals.

Reads are served from memory. Every action is one named transaction: under the
exclusive lock the store first catches up with what other processes wrote, then
builds its change from that fresh state, appends it to the journal and fsyncs,
and only then applies it in memory and returns. Now and then the journal is
folded into a new snapshot (temp file, fsync, rename) and the old one is kept
as a backup.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
from collections import Counter
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import Any, Callable, Iterator, Mapping

from warmintro.gcpause import no_cyclic_gc
from warmintro.model.common import NETWORK_FIELDS
from warmintro.model.contact import Contact
from warmintro.model.gauge import Gauge
from warmintro.model.invite import Invite
from warmintro.model.notes import note_key, sent_counter
from warmintro.model.settings import Settings, SettingsError
from warmintro.model.timeutil import local_now
from warmintro.store.errors import OperationRefused, StoreCorrupt, StoreError
from warmintro.store.files import FileLock, describe_os_error
from warmintro.store.index import InviteIndex, slim
from warmintro.store.journal import Journal
from warmintro.store.note_counts import NOTE_COUNTS_KEY, counts_doc, counts_from
from warmintro.store.snapshot import KEY_FIELDS, TABLES, TYPED, SnapshotShapeError, load_tables, save_tables

Clock = Callable[[], datetime]

BACKUPS = 3
GAUGE_FRESH = timedelta(seconds=1)
_FROZEN = False
SEQ_KEY = "_journal_seq"


def _build(table: str, doc: dict) -> Any:
    if table == "contacts":
        return Contact.from_dict(doc)
    if table == "invites":
        return Invite.from_dict(doc)
    return doc


class Transaction:
    """The changes of one action, each with its before-image so the action can be undone."""

    def __init__(self, store: "JournalledStore", op: str, label: str):
        self.store = store
        self.op = op
        self.label = label
        # A preference such as the theme is not an action on the user's network: `u` must not undo it.
        self.undoable = True
        self.changes: dict[tuple[str, str], tuple[dict | None, dict | None]] = {}

    def _before(self, table: str, key: str) -> dict | None:
        if (table, key) in self.changes:
            return self.changes[(table, key)][0]
        return self.store._doc(table, key)

    def put(self, table: str, doc: dict) -> None:
        key = doc[KEY_FIELDS[table]]
        self.changes[(table, key)] = (self._before(table, key), doc)

    def delete(self, table: str, key: str) -> None:
        self.changes[(table, key)] = (self._before(table, key), None)

    def put_contact(self, contact: Contact) -> Contact:
        self.put("contacts", slim(contact.to_dict(), "contacts"))
        return contact

    def put_invite(self, invite: Invite) -> Invite:
        self.put("invites", slim(invite.to_dict(), "invites"))
        return invite

    def put_meta(self, key: str, value: Any) -> None:
        self.put("meta", {"key": key, "value": value})

    def record(self, seq: int, at: datetime) -> dict:
        return {
            "seq": seq,
            "op": self.op,
            "label": self.label,
            "at": at.isoformat(),
            "pid": os.getpid(),
            "changes": [[t, k, after] for (t, k), (_, after) in self.changes.items()],
            "before": [[t, k, before] for (t, k), (before, _) in self.changes.items()],
        }


class JournalledStore:
    # Fold the journal into the snapshot when it grows past this many bytes or records.
    COMPACT_BYTES = 8 * 1024 * 1024
    COMPACT_RECORDS = 5000

    def __init__(self, path: Path, clock: Clock | None = None):
        self.path = Path(path)
        self.journal_path = self.path.with_name(self.path.name + ".journal")
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.clock: Clock = clock or local_now
        # Contacts and invitations live as model objects only (their documents are made when a
        # change needs a before-image); the small tables live as documents, mirrored in _objs.
        self._docs: dict[str, dict[str, dict]] = {t: {} for t in TABLES if t not in TYPED}
        self._objs: dict[str, dict[str, Any]] = {t: {} for t in TABLES}
        self._seq = 0
        self._records_in_journal = 0
        self._undo: list[dict] = []
        self._index = InviteIndex()
        self._settings: Settings | None = None
        self._loading = False
        self._gauge: tuple[int, datetime, Gauge] | None = None
        self._sent_notes: Counter | None = None  # built on first use, then kept up to date
        self.version = 0
        # Bumped only when a contact changes in a way the common-ground network reads: a skip or a
        # send does not, so the review need not rebuild the network of 30,000 people after each.
        self.network_version = 0
        # Bumped only when what the gauge counts can change (invitations, settings, strikes): after
        # a skip the review redraws the gauge from the one it has.
        self.gauge_version = 0
        self.warnings: list[str] = []
        self._lock: FileLock | None = None
        self._journal: Journal | None = None

    # ----- opening and closing -------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, clock: Clock | None = None) -> "JournalledStore":
        store = cls(Path(path), clock)
        store._open()
        return store

    def _open(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(describe_os_error(exc, self.path.parent)) from exc
        try:
            self._lock = FileLock(self.lock_path)
        except OSError as exc:
            raise StoreError(describe_os_error(exc, self.lock_path)) from exc
        try:
            with self._lock.exclusive():
                self._load()
                try:
                    self._journal.cut_torn_tail()
                    if not self.path.exists():
                        self._compact()
                except OSError as exc:
                    raise StoreError(describe_os_error(exc, self.path)) from exc
                if self._journal_is_large():
                    try:
                        self._compact()
                    except OSError as exc:
                        # Everything is in the journal still: a full disk must not lock the user out of reading it.
                        self.warnings.append(describe_os_error(exc, self.path))
        except BaseException:
            self.close()
            raise

    def _load(self) -> None:
        with no_cyclic_gc():
            try:
                self._load_unguarded()
            finally:
                # The loaded records live as long as the store: keep them out of every later
                # collection, which would otherwise walk all of them again (a third of the open time).
                # Only on a process's first load: freezing again later (a reload in a long review)
                # would also freeze whatever cyclic garbage the UI holds at that moment, for good.
                global _FROZEN
                if not _FROZEN:
                    gc.freeze()
                    _FROZEN = True

    def _load_unguarded(self) -> None:
        if not self.path.exists() and (self.newest_good_backup() is not None or self._journal_has_records()):
            raise StoreCorrupt(self._corrupt_message("is missing although its journal or backups are there"))
        try:
            tables = load_tables(self.path)
        except (ValueError, UnicodeDecodeError, KeyError, TypeError, SnapshotShapeError) as exc:
            raise StoreCorrupt(self._corrupt_message(f"is not a readable warmintro database ({exc})")) from None
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot read: {exc.strerror}") from exc
        if tables is None:  # an empty file
            if self.newest_good_backup() is not None or self._journal_has_records():
                raise StoreCorrupt(self._corrupt_message("is empty although the database has history"))
            tables = {t: {} for t in TABLES}
        seq_doc = tables["meta"].pop(SEQ_KEY, None)
        counts = tables["meta"].pop(NOTE_COUNTS_KEY, None)
        try:
            self._seq = int(seq_doc["value"]) if seq_doc else 0
        except (ValueError, KeyError, TypeError) as exc:
            raise StoreCorrupt(self._corrupt_message(f"holds a record that does not parse ({exc})")) from None
        objs = {t: (records if t in TYPED else dict(records)) for t, records in tables.items()}
        self._objs = objs
        self._docs = {t: records for t, records in tables.items() if t not in TYPED}
        self.network_version += 1
        self.gauge_version += 1
        self._index = InviteIndex(objs["invites"].values())
        self._sent_notes = counts_from(counts, objs["invites"].values())
        self._settings = None
        if self._journal is not None:
            self._journal.close()
            self._journal = None
        try:
            self._journal = Journal(self.journal_path)
        except OSError as exc:
            raise StoreError(f"{self.journal_path}: cannot open: {exc.strerror}") from exc
        self._records_in_journal = 0
        self._loading = True
        try:
            self._catch_up()
        finally:
            self._loading = False
        self.version += 1

    def _journal_has_records(self) -> bool:
        try:
            return self.journal_path.stat().st_size > 0
        except OSError:
            return False

    def _corrupt_message(self, what: str) -> str:
        backup = self.newest_good_backup()
        hint = (f" Newest good backup: {backup} (to restore: cp '{backup}' '{self.path}')"
                if backup else " No good backup was found.")
        return f"{self.path} {what}. It was left untouched.{hint}"

    def _journal_corrupt(self, what: str) -> StoreCorrupt:
        backup = self.newest_good_backup()
        hint = (f" The newest good backup of the database is {backup}; restoring it loses the actions "
                "recorded since it was made." if backup else " No good backup was found.")
        return StoreCorrupt(f"{self.journal_path}: {what}. Nothing was changed.{hint}")

    def backups(self) -> list[Path]:
        return [self.path.with_name(f"{self.path.name}.bak{i}") for i in range(1, BACKUPS + 1)]

    def newest_good_backup(self) -> Path | None:
        for candidate in self.backups():
            try:
                data = json.loads(candidate.read_bytes())
            except (OSError, ValueError):
                continue
            if isinstance(data, dict) and all(isinstance(data.get(t, {}), dict) for t in TABLES):
                return candidate
        return None

    def close(self) -> None:
        """Fold the journal in so the next start is fast; a failure here loses nothing."""
        if self._journal is not None and self._lock is not None and self._records_in_journal:
            try:
                with self._lock.exclusive():
                    self._catch_up(exclusive=True)
                    self._compact()
            except (OSError, StoreError) as exc:
                self.warnings.append(f"the journal was kept unfolded: {exc}")
        if self._journal is not None:
            self._journal.close()
            self._journal = None
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def __enter__(self) -> "JournalledStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ----- keeping up with other processes -------------------------------------------------

    def _catch_up(self, exclusive: bool = False) -> bool:
        assert self._journal is not None
        changed = False
        try:
            records = self._journal.read_new()
        except StoreCorrupt as exc:
            raise self._journal_corrupt(str(exc).split(": ", 1)[-1]) from None
        for record in records:
            seq = record.get("seq", 0)
            if record.get("op") == "_base" or seq > self._seq + 1:
                if seq <= self._seq:
                    continue
                if self._loading:
                    # The journal goes on from a state the database file does not hold.
                    raise StoreCorrupt(self._corrupt_message(
                        f"holds actions up to #{self._seq} but {self.journal_path.name} continues from "
                        f"#{seq - (record.get('op') != '_base')} (was the file replaced by an older copy?)"))
                # Another process compacted more than once since we last looked: the
                # records in between live only in the snapshot now.
                self._load()
                changed = True
                break
            if seq <= self._seq:
                continue
            self._apply(record)
            changed = True
        # Counted by the journal file itself: after another process compacted, only the new file's lines.
        self._records_in_journal = self._journal.records_in_file
        if exclusive:
            self._journal.cut_torn_tail()
        return changed

    def refresh(self) -> bool:
        """Take in what another terminal wrote since; True when anything changed."""
        if self._journal is None:
            raise StoreError(f"{self.path}: the database is closed")
        with self._lock.shared():
            return self._catch_up()

    def _doc(self, table: str, key: str) -> dict | None:
        """The record as its journal line holds it: for contacts and invitations, made from the object."""
        if table in TYPED:
            obj = self._objs[table].get(key)
            return None if obj is None else slim(obj.to_dict(), table)
        return self._docs[table].get(key)

    def _apply(self, record: dict) -> None:
        for table, key, doc in record["changes"]:
            old = self._objs[table].get(key)
            if doc is None:
                if table not in TYPED:
                    self._docs[table].pop(key, None)
                self._objs[table].pop(key, None)
                new = None
            else:
                if table not in TYPED:
                    self._docs[table][key] = doc
                new = self._objs[table][key] = _build(table, doc)
            if table == "contacts" and (old is None or new is None or any(
                    getattr(old, f) != getattr(new, f) for f in NETWORK_FIELDS)):
                self.network_version += 1
            if table in ("invites", "meta"):
                self.gauge_version += 1
            if table == "invites":
                if old is not None:
                    self._index.remove(old)
                if new is not None:
                    self._index.add(new)
                if self._sent_notes is not None and (old is None or new is None or old.message != new.message):
                    self._count_note(old, -1)
                    self._count_note(new, 1)
            elif table == "meta" and key == "settings":
                self._settings = None
        self._seq = record["seq"]
        self.version += 1

    # ----- writing -------------------------------------------------------------------------

    @contextmanager
    def transaction(self, op: str, label: str = "") -> Iterator[Transaction]:
        """Run the body against fresh state under the lock; commit durably if it changed anything.

        An exception in the body (OperationRefused, say) writes nothing.
        """
        if self._journal is None:
            raise StoreError(f"{self.path}: the database is closed")
        with self._lock.exclusive():
            self._catch_up(exclusive=True)
            txn = Transaction(self, op, label or op)
            yield txn
            if txn.changes:
                self._commit(txn)

    def _commit(self, txn: Transaction) -> None:
        record = txn.record(self._seq + 1, self.now())
        try:
            self._journal.append(record)
        except OSError as exc:
            raise StoreError(describe_os_error(exc, self.journal_path)) from exc
        self._records_in_journal = self._journal.records_in_file
        self._apply(record)
        if txn.op != "undo" and txn.undoable:
            self._undo.append(record)
        if self._journal_is_large():
            try:
                self._compact()
            except OSError as exc:
                # The action itself is already durable in the journal; folding can wait.
                self.warnings.append(describe_os_error(exc, self.path))

    def _journal_is_large(self) -> bool:
        return (self._journal.count_bytes() > self.COMPACT_BYTES
                or self._records_in_journal > self.COMPACT_RECORDS)

    def _compact(self) -> None:
        """Fold the journal into a new snapshot. Call under the exclusive lock, caught up."""
        self._rotate_backups()
        tables = {t: self._objs[t] if t in TYPED else dict(self._docs[t]) for t in TABLES}
        tables["meta"][SEQ_KEY] = {"key": SEQ_KEY, "value": self._seq}
        if self._sent_notes is not None:  # not counted in this session: the next one counts it
            tables["meta"][NOTE_COUNTS_KEY] = counts_doc(self._sent_notes, tables["invites"].values())
        save_tables(self.path, tables)
        # The new journal is born holding its _base line, so a reader never meets an empty one.
        self._journal.reset({"seq": self._seq, "op": "_base"})
        self._records_in_journal = 0

    def _rotate_backups(self) -> None:
        if not self.path.exists():
            return
        backups = self.backups()
        for older, newer in zip(reversed(backups[1:]), reversed(backups[:-1])):
            if newer.exists():
                os.replace(newer, older)
        try:
            os.link(self.path, backups[0])
        except OSError:
            shutil.copy2(self.path, backups[0])
            os.chmod(backups[0], 0o600)

    def compact(self) -> None:
        if self._journal is None:
            raise StoreError(f"{self.path}: the database is closed")
        with self._lock.exclusive():
            self._catch_up(exclusive=True)
            self._compact()

    # ----- undo ----------------------------------------------------------------------------

    @property
    def undo_label(self) -> str | None:
        return self._undo[-1]["label"] if self._undo else None

    def undo(self) -> str | None:
        """Undo this session's last action, as an action of its own. Returns what was undone."""
        if not self._undo:
            return None
        with self.transaction("undo") as txn:
            record = self._undo[-1]
            for table, key, after in record["changes"]:
                if self._doc(table, key) != after:
                    raise OperationRefused(f"cannot undo {record['label']!r}: it was changed since "
                                           "(in another window?)")
            txn.label = f"undo {record['label']}"
            for table, key, before in record["before"]:
                if before is None:
                    txn.delete(table, key)
                else:
                    txn.put(table, before)
        self._undo.pop()
        return record["label"]

    # ----- reading -------------------------------------------------------------------------

    def now(self) -> datetime:
        return self.clock()

    @property
    def contacts(self) -> Mapping[str, Contact]:
        """Read-only: change contacts through the store's actions, never in place."""
        return MappingProxyType(self._objs["contacts"])

    @property
    def invites(self) -> Mapping[str, Invite]:
        return MappingProxyType(self._objs["invites"])

    @property
    def followups(self) -> Mapping[str, dict]:
        return MappingProxyType(self._objs["followups"])

    @property
    def templates(self) -> dict[str, str]:
        return {seg: doc["text"] for seg, doc in self._docs["templates"].items()}

    def meta(self, key: str, default: Any = None) -> Any:
        doc = self._docs["meta"].get(key)
        return default if doc is None else doc["value"]

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            try:
                self._settings = Settings.from_dict(self.meta("settings", {}) or {})
            except (SettingsError, TypeError) as exc:
                self.warnings.append(f"{self.path}: settings ignored: {exc}")
                self._settings = Settings()
        return self._settings

    @property
    def strikes_extra(self) -> int:
        return int(self.meta("strikes_extra", 0) or 0)

    def invites_for(self, contact_id: str) -> list[Invite]:
        invites = self._objs["invites"]
        found = [invites[i] for i in self._index.by_contact.get(contact_id, ())]
        return sorted(found, key=lambda inv: (inv.sent_at, inv.id))

    def gauge(self, now: datetime | None = None) -> Gauge:
        cached = self._gauge
        if now is None:
            now = self.now()
            # One screen update asks for the gauge half a dozen times within microseconds; only a
            # change to the data, or time moving on, can change the answer.
            if cached and cached[0] == self.gauge_version and timedelta(0) <= now - cached[1] < GAUGE_FRESH:
                return cached[2]
        elif cached and cached[0] == self.gauge_version and cached[1] == now:
            return cached[2]
        gauge = self._index.gauge(self._objs["invites"], self.settings, now, self.strikes_extra)
        self._gauge = (self.gauge_version, now, gauge)
        return gauge

    def sent_notes(self) -> Mapping[str, int]:
        """How often each note text was sent, for the lint's "same text" rule. Counting 10,000
        notes takes tens of milliseconds, so it is done once and then follows each change."""
        if self._sent_notes is None:
            with no_cyclic_gc():
                self._sent_notes = sent_counter(i.message for i in self._objs["invites"].values())
        return self._sent_notes

    def _count_note(self, invite: Invite | None, sign: int) -> None:
        key = None if invite is None else note_key(invite.message)
        if key is not None:
            self._sent_notes[key] += sign
            if self._sent_notes[key] <= 0:
                del self._sent_notes[key]

    def count_invites(self, status: str) -> int:
        return self._index.counts[status]

    def contact(self, contact_id: str) -> Contact:
        try:
            return self._objs["contacts"][contact_id]
        except KeyError:
            raise OperationRefused(f"no contact with id {contact_id!r}") from None

    def invite(self, invite_id: str) -> Invite:
        try:
            return self._objs["invites"][invite_id]
        except KeyError:
            raise OperationRefused(f"no invitation with id {invite_id!r}") from None
