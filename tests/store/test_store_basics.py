"""The store through its public API: actions, undo, replay, corruption, modes, disk errors."""

import os
import stat

import pytest

from warmintro.model.contact import Contact
from warmintro.store import OperationRefused, Store, StoreCorrupt, StoreError


@pytest.fixture
def db(tmp_path):
    return tmp_path / "warmintro.json"


def abandon(store):
    """Drop a store as a killed process would: no close(), no folding."""
    store._journal.close()
    store._lock.close()
    store._journal = store._lock = None


def test_actions_survive_a_process_that_never_closed(db):
    s = Store.open(db)
    s.add_contact(Contact(id="a", first_name="Ana"))
    s.add_contact(Contact(id="b", first_name="Ben"))
    inv = s.send_invite("a", "We met at PyCon")
    s.add_note("b", "met at the meetup")
    s.skip("b")
    abandon(s)
    with Store.open(db) as again:
        assert again.invites[inv.id].contact_id == "a"
        assert [n.text for n in again.contacts["b"].notes] == ["met at the meetup"]
        assert again.contacts["b"].skipped_at is not None


def test_undo_is_an_action_and_survives_reopen(db):
    with Store.open(db) as s:
        s.add_contact(Contact(id="a", first_name="Ana"))
        inv = s.send_invite("a", "hello")
        s.withdraw([inv.id])
        assert s.undo() == "withdraw 1 invitation"
        assert s.invites[inv.id].status == "pending"
    with Store.open(db) as s:
        assert s.invites[inv.id].status == "pending"


def test_refused_action_writes_nothing(db):
    with Store.open(db) as s:
        s.add_contact(Contact(id="a"))
        size = s.journal_path.stat().st_size
        with pytest.raises(OperationRefused):
            s.add_contact(Contact(id="a"))
        with pytest.raises(OperationRefused):
            s.skip("nobody")
        assert s.journal_path.stat().st_size == size


def test_corrupt_snapshot_names_file_and_backup_and_is_untouched(db):
    with Store.open(db) as s:
        s.add_contact(Contact(id="a"))
    with Store.open(db) as s:
        s.add_contact(Contact(id="b"))
    data = db.read_bytes()[:-40]
    db.write_bytes(data)
    with pytest.raises(StoreCorrupt) as err:
        Store.open(db)
    assert str(db) in str(err.value) and ".bak1" in str(err.value)
    assert db.read_bytes() == data


def test_damaged_middle_journal_line_refuses_and_torn_tail_is_dropped(db, tmp_path):
    s = Store.open(db)
    for cid in "abc":
        s.add_contact(Contact(id=cid))
    abandon(s)
    lines = (tmp_path / "warmintro.json.journal").read_bytes().split(b"\n")
    torn = b"\n".join(lines[:-2]) + b"\n" + lines[-2][:30]
    (tmp_path / "warmintro.json.journal").write_bytes(torn)
    with Store.open(db) as s:
        assert set(s.contacts) == {"a", "b"}
        s.add_contact(Contact(id="d"))
        abandon(s)
    raw = (tmp_path / "warmintro.json.journal").read_bytes().split(b"\n")
    raw[2] = raw[2].replace(b'"b"', b'"x"')
    (tmp_path / "warmintro.json.journal").write_bytes(b"\n".join(raw))
    with pytest.raises(StoreCorrupt, match="line 3"):
        Store.open(db)


def test_files_are_private_even_with_umask_zero(db):
    old = os.umask(0)
    try:
        with Store.open(db) as s:
            s.add_contact(Contact(id="a"))
    finally:
        os.umask(old)
    for path in db.parent.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_full_disk_during_append_is_a_clear_error_and_nothing_applies(db, monkeypatch, failing_journal):
    with Store.open(db) as s:
        s.add_contact(Contact(id="a"))
        failing_journal(s)
        with pytest.raises(StoreError, match="disk is full"):
            s.add_contact(Contact(id="b"))
        monkeypatch.undo()
        assert "b" not in s.contacts
    with Store.open(db) as s:
        assert set(s.contacts) == {"a"}


def test_two_store_objects_see_each_other(db):
    with Store.open(db) as one, Store.open(db) as two:
        one.add_contact(Contact(id="a"))
        assert two.refresh() and "a" in two.contacts
        two.add_contact(Contact(id="b"))
        one.skip("b")  # catches up before writing
        assert one.contacts["b"].skipped_at is not None
