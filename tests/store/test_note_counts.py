"""The "same text" counter a fold writes is what the next start uses, only while it still counts
exactly the notes in the file; the journal after the fold moves it on."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from warmintro.model.contact import Contact
from warmintro.model.notes import sent_counter
from warmintro.model.settings import Settings
from warmintro.store import Store
from warmintro.store import store as store_module

NOW = datetime(2026, 3, 18, 15, 0, tzinfo=timezone.utc)
SAME = "Hi {}, we met at the Lisbon meetup and talked about pipelines. Sam"


def recount(store):
    return sent_counter(i.message for i in store.invites.values())


@pytest.fixture
def counted(monkeypatch):
    """How many times the store counted every note from scratch."""
    calls = []

    def counting(messages):
        calls.append(1)
        return sent_counter(messages)

    monkeypatch.setattr(store_module, "sent_counter", counting)
    return calls


def leave_without_folding(store):
    store._records_in_journal = 0  # as a kill would: the changes stay in the journal only
    store.close()


def test_a_start_takes_the_counter_the_fold_wrote_then_follows_the_journal(tmp_path, counted):
    db = tmp_path / "db.json"
    with Store.open(db, clock=lambda: NOW) as first:
        first.set_settings(Settings(my_name="Sam"))
        first.import_batch([Contact(id=f"c{i}", first_name=f"P{i}") for i in range(8)], [], "people")
        for i in range(4):
            first.send_invite(f"c{i}", SAME.format(f"P{i}"))
        assert max(first.sent_notes().values()) == 4
    assert counted == [1]

    second = Store.open(db, clock=lambda: NOW)
    assert second.sent_notes() == recount(second) and counted == [1]  # taken from the file
    second.send_invite("c4", SAME.format("P4"))
    second.undo()
    second.send_invite("c5", SAME.format("P5"))
    leave_without_folding(second)

    with Store.open(db, clock=lambda: NOW) as third:
        assert third.sent_notes() == recount(third) and max(third.sent_notes().values()) == 5
        assert counted == [1]


def test_a_file_whose_notes_changed_behind_the_fold_is_counted_again(tmp_path, counted):
    db = tmp_path / "db.json"
    with Store.open(db, clock=lambda: NOW) as first:
        first.import_batch([Contact(id=f"c{i}", first_name=f"P{i}") for i in range(4)], [], "people")
        for i in range(3):
            first.send_invite(f"c{i}", SAME.format(f"P{i}"))
        first.sent_notes()
    data = json.loads(db.read_text())
    edited = next(iter(data["invites"].values()))
    edited["message"] = "Hello there, a note edited by hand."
    db.write_text(json.dumps(data))
    with Store.open(db, clock=lambda: NOW) as again:
        assert again.sent_notes() == recount(again) and max(again.sent_notes().values()) == 2
        assert counted == [1, 1]
