"""One of several processes writing one database at once.

    python concurrent_writer.py DB add PREFIX COUNT     quick-add COUNT people
    python concurrent_writer.py DB invite COUNT         invite the seeded people inv0..inv{COUNT-1}

Compaction is made frequent so the writers fold the journal under each other's feet.
"""

from __future__ import annotations

import sys

from warmintro.model.contact import Contact
from warmintro.store import Store
from warmintro.store.store import JournalledStore


def main(db: str, mode: str, *args: str) -> None:
    JournalledStore.COMPACT_RECORDS = 50
    with Store.open(db) as store:
        if mode == "add":
            prefix, count = args[0], int(args[1])
            for n in range(count):
                store.add_contact(Contact(id=f"{prefix}{n}", first_name=f"Person {prefix}{n}",
                                          event="Lisbon Meetup", sources=["quick-add"]))
        else:
            for n in range(int(args[0])):
                store.send_invite(f"inv{n}", f"Hi, we met at the Lisbon Meetup ({n}).")
    print("done", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
