"""What a damaged, replaced or full disk does to the store: a clear message, nothing lost, nothing overwritten."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from warmintro.model.contact import Contact
from warmintro.store import Store, StoreCorrupt, StoreError
from warmintro.store import files as files_mod

SRC = Path(__file__).resolve().parents[2] / "src"


@pytest.fixture
def db(tmp_path):
    return tmp_path / "warmintro.json"


def history(db: Path, sessions: int = 2) -> None:
    """A database with a few sessions behind it, hence backups."""
    for n in range(sessions):
        with Store.open(db) as s:
            s.add_contact(Contact(id=f"c{n}", first_name=f"Person {n}"))


def abandon(store) -> None:
    store._journal.close()
    store._lock.close()
    store._journal = store._lock = None


def test_an_empty_new_file_is_an_empty_database(db):
    db.write_bytes(b"")
    with Store.open(db) as s:
        assert len(s.contacts) == 0
        s.add_contact(Contact(id="a"))
    with Store.open(db) as s:
        assert "a" in s.contacts


def test_an_emptied_file_with_history_is_refused_and_left_alone(db):
    history(db)
    db.write_bytes(b"")
    with pytest.raises(StoreCorrupt, match="is empty although the database has history") as err:
        Store.open(db)
    assert ".bak1" in str(err.value)
    assert db.read_bytes() == b""


def test_a_deleted_file_with_history_is_refused_not_started_afresh(db):
    history(db)
    db.unlink()
    with pytest.raises(StoreCorrupt, match="is missing") as err:
        Store.open(db)
    assert ".bak1" in str(err.value)
    assert not db.exists()


def test_an_older_copy_put_back_over_the_database_is_refused(db, tmp_path):
    history(db, sessions=1)
    old = db.read_bytes()
    s = Store.open(db)
    s.add_contact(Contact(id="later"))
    s.compact()
    s.add_contact(Contact(id="after-compaction"))
    abandon(s)
    db.write_bytes(old)  # a restore from an old copy while the journal goes on from the new one
    with pytest.raises(StoreCorrupt, match="older copy"):
        Store.open(db)
    assert db.read_bytes() == old


def test_a_hand_edited_snapshot_names_the_file_and_the_backup_and_stays_as_it_was(db):
    history(db, sessions=3)
    edited = db.read_bytes().replace(b'"contacts"', b'"contacts": [1, 2], "x"', 1)
    db.write_bytes(edited)
    with pytest.raises(StoreCorrupt) as err:
        Store.open(db)
    message = str(err.value)
    assert str(db) in message and "cp " in message and ".bak" in message
    assert db.read_bytes() == edited


def test_a_long_lived_store_follows_two_compactions_made_by_another(db):
    history(db, sessions=1)
    watcher = Store.open(db)
    with Store.open(db) as other:
        other.add_contact(Contact(id="x1"))
        other.compact()
        other.add_contact(Contact(id="x2"))
        other.compact()  # the watcher's journal file was replaced twice: only the snapshot has x1
        other.add_contact(Contact(id="x3"))
    assert watcher.refresh()
    assert {"x1", "x2", "x3"} <= set(watcher.contacts)
    watcher.skip("x1")  # and it can still write on top
    watcher.close()
    with Store.open(db) as again:
        assert again.contacts["x1"].skipped_at is not None


def test_a_torn_line_left_by_a_killed_writer_is_cut_even_after_another_store_reloaded(db):
    history(db, sessions=1)
    reader = Store.open(db)
    killed = Store.open(db)
    killed.add_contact(Contact(id="acked"))
    abandon(killed)
    with open(db.with_name(db.name + ".journal"), "ab") as journal:
        journal.write(b'0badc0de {"seq": 99, "op": "add", "cha')  # the write a kill cut short
    assert reader.refresh() and "acked" in reader.contacts
    with Store.open(db) as third:
        third.add_contact(Contact(id="next"))
        third.compact()
    assert reader.refresh()
    assert {"acked", "next"} <= set(reader.contacts)
    reader.add_contact(Contact(id="mine"))
    reader.close()
    with Store.open(db) as check:
        assert {"acked", "next", "mine"} <= set(check.contacts)


@pytest.mark.parametrize("code,said", [(errno.ENOSPC, "the disk is full"), (errno.EROFS, "read-only"),
                                       (errno.EACCES, "permission denied")])
def test_a_failing_disk_is_a_clear_error_then_the_store_goes_on(db, monkeypatch, failing_journal, code, said):
    with Store.open(db) as s:
        s.add_contact(Contact(id="before"))
        failing_journal(s, code)
        with pytest.raises(StoreError, match=said):
            s.add_contact(Contact(id="refused"))
        monkeypatch.undo()  # space came back
        s.add_contact(Contact(id="after"))
    with Store.open(db) as s:
        assert set(s.contacts) == {"before", "after"}


def test_a_full_disk_while_folding_keeps_the_action_and_warns(db, monkeypatch):
    with Store.open(db) as s:
        s.add_contact(Contact(id="before"))
        real = files_mod.os.write

        def no_room_for_a_new_snapshot(fd, data):
            if fd != s._journal._fd:  # the journal line fits; the new snapshot does not
                raise OSError(errno.ENOSPC, "No space left on device")
            return real(fd, data)

        monkeypatch.setattr(files_mod.os, "write", no_room_for_a_new_snapshot)
        monkeypatch.setattr(type(s), "COMPACT_RECORDS", 0)
        s.add_contact(Contact(id="acked"))
        assert any("disk is full" in w for w in s.warnings)
        monkeypatch.undo()
    with Store.open(db) as s:
        assert {"before", "acked"} <= set(s.contacts)
    assert not [p for p in db.parent.iterdir() if p.name.endswith(".tmp")]


def test_the_cli_on_a_damaged_database_says_one_line_and_exits_1(db):
    history(db)
    db.write_bytes(db.read_bytes()[:-30])
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    for args in (["status"], ["add", "Ana Silva"], ["export", "contacts"]):
        run = subprocess.run([sys.executable, "-m", "warmintro", "--db", str(db), *args], env=env,
                             capture_output=True, text=True, timeout=60)
        assert run.returncode == 1, (args, run.stderr)
        assert "Traceback" not in run.stderr
        lines = run.stderr.strip().splitlines()
        assert len(lines) == 1 and str(db) in lines[0] and ".bak" in lines[0], run.stderr


def test_a_whole_last_line_that_does_not_check_out_is_damage_not_a_torn_write(db):
    s = Store.open(db)
    s.add_contact(Contact(id="one"))
    s.add_contact(Contact(id="two"))
    abandon(s)
    journal = db.with_name(db.name + ".journal")
    raw = bytearray(journal.read_bytes())
    last = raw.rstrip(b"\n").rfind(b"\n") + 1
    raw[last + 20] ^= 0x01  # one bit of the acknowledged "two", newline intact
    journal.write_bytes(bytes(raw))
    with pytest.raises(StoreCorrupt, match="is damaged"):
        Store.open(db)
    assert journal.read_bytes() == bytes(raw)  # the evidence stays


@pytest.fixture
def full_disk(monkeypatch):
    """Every write fails with ENOSPC, the journal's and the snapshot's alike."""
    def no_space(fd, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files_mod.os, "write", no_space)


def test_a_new_database_on_a_full_disk_is_one_clear_error(db, full_disk):
    with pytest.raises(StoreError, match="the disk is full"):
        Store.open(db)


def test_a_database_on_a_full_disk_still_opens_to_be_read(db, monkeypatch):
    history(db, sessions=1)
    s = Store.open(db)
    for n in range(5):
        s.add_contact(Contact(id=f"late{n}"))
    abandon(s)  # a quit whose fold failed left the journal unfolded
    monkeypatch.setattr(type(s), "COMPACT_RECORDS", 1)  # so opening wants to fold it

    def no_space(fd, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files_mod.os, "write", no_space)
    reader = Store.open(db)
    assert {f"late{n}" for n in range(5)} <= set(reader.contacts)
    assert any("the disk is full" in w for w in reader.warnings)
    abandon(reader)


def test_the_cli_on_a_full_disk_says_one_line_and_exits_1(db, full_disk, capsys):
    from warmintro.cli import main

    assert main(["--db", str(db), "add", "Ana Silva"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "the disk is full" in err[0]


def test_a_long_lived_store_counts_only_the_journal_it_now_reads(db):
    history(db, sessions=1)
    watcher = Store.open(db)
    with Store.open(db) as other:
        for n in range(30):
            other.add_contact(Contact(id=f"a{n}"))
        other.compact()
        for n in range(5):
            other.add_contact(Contact(id=f"b{n}"))
        abandon(other)
    watcher.refresh()
    assert watcher._records_in_journal <= 6  # the new file's base line and five actions, not 35
    watcher.close()


def write_snapshot(db: Path, contacts: dict, invites: dict | None = None) -> None:
    """A snapshot as another writer left it: plain JSON in TinyDB's layout."""
    import json

    db.write_text(json.dumps({"contacts": contacts, "invites": invites or {}, "followups": {}, "templates": {},
                              "meta": {}}))


def test_a_snapshot_of_the_earlier_slim_format_opens_with_every_default_filled_in(db):
    # Before msgspec, snapshots left out fields at their default: such files must keep opening.
    write_snapshot(db, {"1": {"id": "a", "first_name": "Ana", "tags": ["client"]}},
                   {"1": {"id": "i", "contact_id": "a", "sent_at": "2026-11-02T09:00:00+00:00"}})
    with Store.open(db) as s:
        ana = s.contact("a")
        assert (ana.first_name, ana.tags, ana.emails, ana.connected) == ("Ana", ["client"], [], False)
        assert s.invites_for("a")[0].status.value == "pending"
        s.add_note("a", "met again")
    with Store.open(db) as s:  # and what it wrote back opens too
        assert [n.text for n in s.contact("a").notes] == ["met again"]
        assert s.contact("a").emails is not s.contact("a").phones


def test_a_time_written_without_a_zone_reads_as_utc_as_everywhere_else(db):
    from datetime import timezone

    write_snapshot(db, {"1": {"id": "a", "snoozed_until": "2026-12-24T08:00:00",
                              "notes": [{"at": "2026-01-02T03:04:05", "text": "hi"}]}},
                   {"1": {"id": "i", "contact_id": "a", "sent_at": "2026-11-02T09:00:00",
                          "status": "withdrawn", "status_at": "2026-11-20T10:00:00"}})
    with Store.open(db) as s:
        a, invite = s.contact("a"), s.invites_for("a")[0]
        for value in (a.snoozed_until, a.notes[0].at, invite.sent_at, invite.status_at):
            assert value.tzinfo is timezone.utc
        assert a.snoozed_until.hour == 8 and invite.status_at.day == 20
        s.gauge()  # compares times: a naive one would raise here


@pytest.mark.parametrize("doc, said", [
    ({"id": "a", "emails": "ana@example.com"}, "Expected `array`, got `str` - at `contacts[...].emails`"),
    ({"id": 7}, "Expected `str`, got `int` - at `contacts[...].id`"),
    ({"first_name": "Ana"}, "missing required field `id`"),
    ({"id": "a", "added_at": "yesterday"}, "contacts[...].added_at"),
])
def test_a_hand_edited_field_of_the_wrong_kind_is_refused_naming_table_and_field(db, doc, said):
    write_snapshot(db, {"1": doc})
    before = db.read_bytes()
    with pytest.raises(StoreCorrupt) as err:
        Store.open(db)
    assert said in str(err.value) and str(db) in str(err.value)
    assert db.read_bytes() == before
