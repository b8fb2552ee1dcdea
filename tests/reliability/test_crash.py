"""Real SIGKILLs at random instants: every acknowledged action survives, nothing is half-applied.

Default: a quick run for CI. WARMINTRO_LONG=1 runs hundreds of kills.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from warmintro.model.contact import Contact
from warmintro.store import Store

WRITER = Path(__file__).with_name("crash_writer.py")
SRC = Path(__file__).resolve().parents[2] / "src"
LONG = os.environ.get("WARMINTRO_LONG") == "1"


def start_writer(db: Path, run: int, actions: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    return subprocess.Popen([sys.executable, str(WRITER), str(db), str(run), str(1000 + run), str(actions)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)


class Expectations:
    """What the acknowledgements promise, accumulated over every run on one database."""

    def __init__(self) -> None:
        self.present: dict[str, dict] = {}  # contact id -> fields that must hold
        self.absent: set[str] = set()
        self.invites: dict[str, str | None] = {}  # invite id -> status that must hold (None: any)
        self.notes: list[tuple[str, str]] = []
        self.batches: list[list[str]] = []  # announced imports: whole or not at all
        self.withdrawals: list[list[str]] = []  # announced withdrawals: all or none
        self.acknowledged = 0

    def take(self, line: dict) -> None:
        op = line["op"]
        if op in ("ready", "done", "compacting"):
            return
        if op == "intent":
            self.batches.append(line["ids"])
            return
        if op == "intent-withdraw":
            self.withdrawals.append(line["ids"])
            for iid in line["ids"]:
                self.invites[iid] = None  # in flight: pending or withdrawn until acknowledged
            return
        if op == "intent-outcome":
            self.invites[line["id"]] = None
            return
        if op == "undoing":
            self.present.pop(line["id"], None)  # done or not: either is right until it is acknowledged
            return
        self.acknowledged += 1
        if op == "add":
            self.present[line["id"]] = {}
        elif op == "import":
            for cid in line["ids"]:
                self.present[cid] = {}
        elif op == "undo":
            self.absent.add(line["id"])
        elif op == "send":
            self.invites[line["id"]] = "pending"
        elif op == "outcome":
            self.invites[line["id"]] = line["status"]
        elif op == "withdraw":
            for iid in line["ids"]:
                self.invites[iid] = "withdrawn"
        elif op == "skip":
            self.present.setdefault(line["id"], {})["skipped"] = True
        elif op == "snooze":
            self.present.setdefault(line["id"], {})["snoozed_until"] = line["until"]
        elif op == "edit":
            self.present.setdefault(line["id"], {})["how_we_met"] = line["how_we_met"]
        elif op == "note":
            self.notes.append((line["id"], line["text"]))

    def losses(self, store) -> list[str]:
        contacts, invites = store.contacts, store.invites
        lost = []
        for cid, fields in self.present.items():
            contact = contacts.get(cid)
            if contact is None:
                lost.append(f"contact {cid} is gone")
                continue
            if fields.get("skipped") and contact.skipped_at is None:
                lost.append(f"skip of {cid}")
            if "snoozed_until" in fields and contact.snoozed_until != datetime.fromisoformat(fields["snoozed_until"]):
                lost.append(f"snooze of {cid}")
            if "how_we_met" in fields and contact.how_we_met != fields["how_we_met"]:
                lost.append(f"edit of {cid}")
        for cid in self.absent:
            if cid in contacts:
                lost.append(f"undone contact {cid} is back")
        for cid, text in self.notes:
            if cid in contacts and text not in [n.text for n in contacts[cid].notes]:
                lost.append(f"note {text!r}")
        for iid, status in self.invites.items():
            if iid not in invites:
                lost.append(f"invitation {iid} is gone")
            elif status is not None and invites[iid].status.value != status:
                lost.append(f"invitation {iid} is {invites[iid].status.value}, not {status}")
        for ids in self.batches:
            found = sum(1 for cid in ids if cid in contacts)
            if found not in (0, len(ids)):
                lost.append(f"import half-applied: {found} of {len(ids)}")
        for ids in self.withdrawals:
            found = sum(1 for iid in ids if iid in invites and invites[iid].status.value == "withdrawn")
            if found not in (0, len(ids)):
                lost.append(f"withdrawal half-applied: {found} of {len(ids)}")
        return lost


def read_acks(output: bytes) -> list[dict]:
    lines = []
    for raw in output.splitlines():
        try:
            lines.append(json.loads(raw))
        except ValueError:
            pass  # a line cut by the kill was never an acknowledgement
    return lines


@pytest.mark.slow
def test_sigkill_at_random_instants_loses_no_acknowledged_action(tmp_path, capsys):
    db = tmp_path / "crash.json"
    kills = 300 if LONG else 40
    rng = random.Random(20261123)
    expect = Expectations()
    killed = finished = 0
    for run in range(kills):
        writer = start_writer(db, run, actions=400)
        first = writer.stdout.readline()
        assert json.loads(first)["op"] == "ready", writer.stderr.read().decode()
        time.sleep(rng.uniform(0, 0.25))  # the kill instant, not a timing assertion
        writer.send_signal(signal.SIGKILL)
        out, err = writer.communicate()
        acks = read_acks(out)
        if acks and acks[-1]["op"] == "done":
            finished += 1
        else:
            killed += 1
        assert b"Traceback" not in err, err.decode()
        for line in acks:
            expect.take(line)
        with Store.open(db) as store:  # opens after every kill: never a file that will not open
            lost = expect.losses(store)
        assert lost == [], f"run {run}: {lost[:5]}"
    with capsys.disabled():
        print(f"\ncrash harness: {killed} kills, {finished} runs finished before the kill, "
              f"{expect.acknowledged} acknowledged actions checked, losses 0")
    assert killed >= kills // 2  # most runs really were killed mid-way


def wait_for_temp_file(directory: Path, limit: float = 2.0) -> None:
    """Return as soon as a fold's temp file exists (or after *limit* seconds): not a timing assertion."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and not any(p.name.endswith(".tmp") for p in directory.iterdir()):
        pass


@pytest.mark.slow
def test_sigkill_while_folding_the_journal_in_loses_nothing(tmp_path, capsys):
    """Kill the moment the writer announces a compaction: the kill lands inside or just after it."""
    db = tmp_path / "fold.json"
    runs = 100 if LONG else 8
    expect = Expectations()
    killed_in_fold = caught_mid_fold = 0
    # Ten thousand people make each fold write several megabytes, so a kill can land inside it.
    with Store.open(db) as store:
        store.import_batch([Contact(id=f"seed{n}", first_name=f"Seed {n}", how_we_met="x" * 300)
                            for n in range(10000)], [], "seed")
    rng = random.Random(7)
    for run in range(runs):
        writer = start_writer(db, run, actions=400)
        lines = []
        for raw in writer.stdout:
            line = json.loads(raw)
            lines.append(line)
            if line["op"] == "compacting" and len(lines) > 30:
                if run % 2:
                    time.sleep(rng.uniform(0, 0.05))  # anywhere in the fold: backups, encoding, writing
                else:
                    wait_for_temp_file(tmp_path)  # inside the write itself, before the rename
                writer.send_signal(signal.SIGKILL)
                killed_in_fold += 1
                writer.wait()
                # A fold cut short leaves its temp file behind: proof the kill landed inside it.
                caught_mid_fold += any(p.name.endswith((".tmp", ".new")) for p in tmp_path.iterdir())
                break
        out, _err = writer.communicate()
        for line in lines + read_acks(out):
            expect.take(line)
        with Store.open(db) as store:
            lost = expect.losses(store)
        assert lost == [], f"run {run}: {lost[:5]}"
    with capsys.disabled():
        print(f"\nfold kills: {killed_in_fold} kills at a compaction ({caught_mid_fold} caught mid-write), "
              f"{expect.acknowledged} acknowledged actions checked, losses 0")
    assert killed_in_fold >= runs // 2
    assert caught_mid_fold >= 1  # at least one kill really landed inside a fold
