"""How fast the store acknowledges one action and opens, at the scale DESIGN.md targets.

    python bench/store_bench.py [--contacts 30000 --invites 10000] [--actions 200] [--dir DIR]

Prints a table and one JSON line of figures. Never part of pass/fail.
Targets: one acknowledged action < 5 ms at p95 (floor: append + fsync of one line);
opening the database < 0.5 s (floor: json.loads of the same snapshot bytes).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from warmintro.model.contact import Contact, Note, new_id  # noqa: E402
from warmintro.model.invite import Invite, InviteStatus  # noqa: E402
from warmintro.model.settings import Settings  # noqa: E402
from warmintro.model.timeutil import local_now  # noqa: E402
from warmintro.store import Store  # noqa: E402

FIRST = ["Ana", "Ben", "Chloé", "Dmitri", "Eve", "Farah", "Gus", "Hana", "Ivo", "Jun", "Kofi", "Lena", "Mateo", "Nora"]
LAST = ["Silva", "Okafor", "Müller", "Tanaka", "Smith", "Nguyen", "Rossi", "Kowalski", "García", "Haddad"]
COMPANIES = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne", "Tyrell", "Cyberdyne"]
POSITIONS = ["Engineer", "Product Manager", "Designer", "CTO", "Sales Lead", "Recruiter", "Founder", "Analyst"]
TAGS = ["client", "chamber", "alumni", "event", "meetup", "investor", "friend", "ex-colleague"]
WORDS = ("met at the spring meetup talked about data pipelines and hiring; follow up about the "
         "conference talk she gave on accessibility and the open source project we both use").split()


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def make_contacts(rng: random.Random, count: int, now) -> list[Contact]:
    out = []
    for i in range(count):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        added = now - timedelta(days=rng.randint(1, 900), minutes=rng.randint(0, 1440))
        notes = [Note(at=added + timedelta(days=d), text=sentence(rng, rng.randint(6, 25)))
                 for d in range(rng.choice((0, 1, 1, 2, 3)))]
        out.append(Contact(
            id=new_id(), first_name=first, last_name=f"{last}{i}",
            emails=[f"{first.lower()}.{last.lower()}{i}@example.com"] + (["alt%d@example.org" % i] if i % 3 == 0 else []),
            phones=["+1 555 %07d" % i] if i % 4 == 0 else [],
            linkedin_url=f"https://www.linkedin.com/in/{first.lower()}-{last.lower()}-{i}/",
            company=rng.choice(COMPANIES), position=rng.choice(POSITIONS), location="Lisbon, Portugal",
            school="Universidade de Lisboa" if i % 5 == 0 else "",
            tags=rng.sample(TAGS, rng.randint(0, 3)), segment=rng.choice(["client", "chamber", "", "alumni"]),
            sources=["linkedin-connections"] if i % 2 else ["google-contacts", "vcard"],
            connected=i % 3 == 0, how_we_met=sentence(rng, 5) if i % 7 == 0 else "",
            mutual=[f"m{rng.randint(0, 999)}" for _ in range(rng.randint(0, 4))],
            notes=notes, added_at=added,
            skipped_at=added + timedelta(days=3) if i % 11 == 0 else None,
        ))
    return out


def make_invites(rng: random.Random, contacts: list[Contact], count: int, now) -> list[Invite]:
    candidates = [c for c in contacts if not c.connected]
    rng.shuffle(candidates)
    out = []
    for i, contact in enumerate(candidates[:count]):
        # Most are old; the last few weeks carry a realistic pace of about 60 a week.
        days = rng.randint(30, 700) if i >= 250 else rng.uniform(0.5, 29)
        sent = now - timedelta(days=days)
        if days <= 21:
            status = InviteStatus.PENDING
        elif i in (300, 400):  # a realistic account has a strike or two, not thousands
            status = InviteStatus.IDK
        else:
            status = rng.choice([InviteStatus.ACCEPTED, InviteStatus.ACCEPTED, InviteStatus.WITHDRAWN,
                                 InviteStatus.IGNORED])
        out.append(Invite(id=new_id(), contact_id=contact.id, sent_at=sent, message=sentence(rng, 20),
                          status=status, status_at=None if status is InviteStatus.PENDING else sent + timedelta(days=3),
                          segment=contact.segment, source="app" if i % 2 else "linkedin-export"))
    return out


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def summary(values: list[float]) -> dict:
    return {"median_ms": round(statistics.median(values) * 1000, 3), "p95_ms": round(pct(values, 95) * 1000, 3),
            "n": len(values)}


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def build(path: Path, contacts: int, invites: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    now = local_now()
    people = make_contacts(rng, contacts, now)
    sent = make_invites(rng, people, invites, now)
    with Store.open(path) as store:
        store.set_settings(Settings(weekly_cap=100000, daily_batch=1000, lifetime_cap=10**7, pending_soft_cap=10**6))
        store.import_batch(people, sent, "bench import")


def bench_actions(path: Path, actions: int, rng: random.Random) -> dict:
    results: dict[str, list[float]] = {"send_invite": [], "skip": [], "add_note": [], "update_contact": []}
    with Store.open(path) as store:
        free = [cid for cid, c in store.contacts.items() if not c.connected and not store.invites_for(cid)]
        rng.shuffle(free)
        ids = list(store.contacts)
        for i in range(actions):
            results["send_invite"].append(timed(lambda: store.send_invite(free[i], "Hello " + sentence(rng, 12))))
            cid = rng.choice(ids)
            results["skip"].append(timed(lambda: store.skip(cid)))
            results["add_note"].append(timed(lambda: store.add_note(cid, sentence(rng, 10))))
            results["update_contact"].append(timed(lambda: store.update_contact(cid, company=rng.choice(COMPANIES))))
        line_bytes = len(json.dumps(store._undo[-1]).encode()) if store._undo else 1000
    return {name: summary(v) for name, v in results.items()}, line_bytes


def bench_baseline_append(directory: Path, line_bytes: int, count: int) -> dict:
    path = directory / "baseline.append"
    line = b"x" * (line_bytes - 1) + b"\n"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    times = []
    try:
        for _ in range(count):
            start = time.perf_counter()
            os.write(fd, line)
            os.fsync(fd)
            times.append(time.perf_counter() - start)
    finally:
        os.close(fd)
        path.unlink()
    return summary(times)


def bench_open(path: Path, repeat: int) -> tuple[dict, dict]:
    store_times, json_times = [], []
    for _ in range(repeat):
        # The floor: read the file and parse it with the json module, with the cyclic collector
        # off as Store.open has it; with it on, json.loads alone takes four times as long.
        gc.collect()
        gc.disable()
        try:
            json_times.append(timed(lambda: json.loads(path.read_bytes())))
        finally:
            gc.enable()
        start = time.perf_counter()
        store = Store.open(path)
        store_times.append(time.perf_counter() - start)
        store._records_in_journal = 0  # close without folding: measure opening only
        store.close()
    return summary(store_times), summary(json_times)


def bench_tinydb(path: Path, directory: Path, repeat: int) -> tuple[dict, dict]:
    from tinydb import TinyDB
    from tinydb.storages import JSONStorage

    copy = directory / "stock.json"
    shutil.copyfile(path, copy)
    updates, reads = [], []
    db = TinyDB(copy, storage=JSONStorage)
    try:
        table = db.table("contacts", cache_size=0)
        doc_ids = [1 + i * 97 for i in range(repeat)]
        for doc_id in doc_ids:
            updates.append(timed(lambda: table.update({"company": "Initech"}, doc_ids=[doc_id])))
            reads.append(timed(lambda: table.get(doc_id=doc_id)))
    finally:
        db.close()
        copy.unlink()
    return summary(updates), summary(reads)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=30000)
    parser.add_argument("--invites", type=int, default=10000)
    parser.add_argument("--actions", type=int, default=200, help="timed actions of each kind")
    parser.add_argument("--dir", type=Path, default=None, help="where to build the database (default: a temp dir)")
    parser.add_argument("--no-tinydb", action="store_true", help="skip the slow stock TinyDB contrast")
    args = parser.parse_args(argv)

    directory = Path(tempfile.mkdtemp(prefix="warmintro-bench-", dir=args.dir))
    try:
        path = directory / "warmintro.json"
        t0 = time.perf_counter()
        build(path, args.contacts, args.invites)
        build_s = time.perf_counter() - t0
        size = path.stat().st_size
        store_open, json_open = bench_open(path, 5)
        actions, line_bytes = bench_actions(path, args.actions, random.Random(11))
        baseline = bench_baseline_append(directory, line_bytes, args.actions)
        store_open_after, _ = bench_open(path, 3)
        tiny_update = tiny_read = None
        if not args.no_tinydb:
            tiny_update, tiny_read = bench_tinydb(path, directory, 5)
    finally:
        shutil.rmtree(directory, ignore_errors=True)

    print(f"warmintro store bench: {args.contacts} contacts, {args.invites} invitations, "
          f"snapshot {size / 1e6:.1f} MB, built in {build_s:.1f} s")
    print(f"{'measure':<34}{'median ms':>12}{'p95 ms':>12}")
    rows = [("baseline: append+fsync one line", baseline)]
    rows += [(f"store.{name}", fig) for name, fig in actions.items()]
    rows += [("baseline: json.loads(snapshot)", json_open), ("Store.open (journal folded)", store_open),
             ("Store.open (after the actions)", store_open_after)]
    if tiny_update:
        rows += [("stock TinyDB JSONStorage update", tiny_update), ("stock TinyDB JSONStorage read", tiny_read)]
    for name, fig in rows:
        print(f"{name:<34}{fig['median_ms']:>12.2f}{fig['p95_ms']:>12.2f}")
    figures = {"contacts": args.contacts, "invites": args.invites, "snapshot_bytes": size, "line_bytes": line_bytes,
               "baseline_append_fsync": baseline, **{f"action_{k}": v for k, v in actions.items()},
               "baseline_json_loads": json_open, "open": store_open, "open_after_actions": store_open_after,
               "tinydb_update": tiny_update, "tinydb_read": tiny_read}
    print(json.dumps(figures, separators=(",", ":")))


if __name__ == "__main__":
    main()
