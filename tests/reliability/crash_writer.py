"""A writer for the crash harness: a seeded mix of actions, one acknowledgement line per action.

    python crash_writer.py DB RUN SEED ACTIONS

An acknowledgement is printed (and flushed) only after the store call returned, i.e. once the
action is durable; the parent kills this process with SIGKILL at a random instant and then
checks every acknowledged action against the reopened database. Before an import or a
withdrawal the ids of the whole batch are announced, so the parent can check that a batch killed mid-way landed
whole or not at all. Compaction is made frequent so kills also land inside it.
"""

from __future__ import annotations

import json
import random
import sys
from datetime import timedelta

from warmintro.model.contact import Contact
from warmintro.model.settings import Settings
from warmintro.store import Store
from warmintro.store.store import JournalledStore


def say(**fields) -> None:
    sys.stdout.write(json.dumps(fields) + "\n")
    sys.stdout.flush()


def main(db: str, run: int, seed: int, actions: int) -> None:
    JournalledStore.COMPACT_RECORDS = 20  # fold often, so kills land inside compactions too
    rng = random.Random(seed)
    store = Store.open(db)
    if store.settings.weekly_cap < 10**6:
        store.set_settings(Settings(lifetime_cap=10**7, weekly_cap=10**6, daily_batch=10**6,
                                    pending_soft_cap=10**7, strike_threshold=10**6, my_name="Crash"))
    say(op="ready")
    people: list[str] = []
    pending: list[str] = []
    for n in range(actions):
        tag = f"r{run}n{n}"
        kind = rng.choice(("add", "add", "send", "send", "skip", "snooze", "note", "edit", "outcome",
                           "withdraw", "import", "undo", "compact"))
        if kind in ("skip", "snooze", "note", "edit", "send") and not people:
            kind = "add"
        if kind in ("outcome", "withdraw") and not pending:
            kind = "add"
        if kind == "add":
            store.add_contact(Contact(id=tag, first_name=f"Ann {tag}", company="Initech"))
            people.append(tag)
            say(op="add", id=tag, n=n)
        elif kind == "send":
            cid = people.pop(rng.randrange(len(people)))
            invite = store.send_invite(cid, f"Hi, we met at PyCon ({tag}).")
            pending.append(invite.id)
            say(op="send", id=invite.id, contact=cid, n=n)
        elif kind == "skip":
            cid = people.pop(rng.randrange(len(people)))  # a later send would clear the skip
            store.skip(cid)
            say(op="skip", id=cid, n=n)
        elif kind == "snooze":
            # Each snooze and edit takes a person of its own: an unacknowledged later one could
            # otherwise overwrite what the parent expects, and that would not be a loss.
            cid = people.pop(rng.randrange(len(people)))
            until = store.now() + timedelta(days=rng.randint(1, 60))
            store.snooze(cid, until)
            say(op="snooze", id=cid, until=until.isoformat(), n=n)
        elif kind == "note":
            cid = rng.choice(people)
            store.add_note(cid, f"note {tag}")
            say(op="note", id=cid, text=f"note {tag}", n=n)
        elif kind == "edit":
            cid = people.pop(rng.randrange(len(people)))
            store.update_contact(cid, how_we_met=f"met {tag}")
            say(op="edit", id=cid, how_we_met=f"met {tag}", n=n)
        elif kind == "outcome":
            iid = pending.pop(rng.randrange(len(pending)))
            status = rng.choice(("accepted", "ignored"))
            say(op="intent-outcome", id=iid, n=n)
            store.record_outcome(iid, status)
            say(op="outcome", id=iid, status=status, n=n)
        elif kind == "withdraw":
            batch = [pending.pop() for _ in range(min(len(pending), rng.randint(1, 3)))]
            say(op="intent-withdraw", ids=batch, n=n)
            store.withdraw(batch)
            say(op="withdraw", ids=batch, n=n)
        elif kind == "import":
            ids = [f"{tag}i{k}" for k in range(rng.randint(2, 8))]
            say(op="intent", ids=ids, n=n)
            store.import_batch([Contact(id=i, first_name=f"Imp {i}") for i in ids], [], f"import {tag}")
            say(op="import", ids=ids, n=n)
        elif kind == "undo":
            # Undo only an add just made, so the parent knows exactly what must be gone.
            store.add_contact(Contact(id=tag, first_name=f"Gone {tag}"))
            say(op="add", id=tag, n=n)
            say(op="undoing", id=tag, n=n)
            store.undo()
            say(op="undo", id=tag, n=n)
        elif kind == "compact":
            say(op="compacting", n=n)
            store.compact()
    store.close()
    say(op="done")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
