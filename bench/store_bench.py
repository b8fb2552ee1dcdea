"""How fast the store acknowledges one action and opens, at the scale DESIGN.md targets.

    python bench/store_bench.py [--quick | --sizes 1000,30000 | --contacts 30000] [--actions 200] [--tinydb]

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
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import (COMPANIES, Store, add_size_arguments, build, emit, growth, invites_for,  # noqa: E402
                      print_growth, print_table, ratio, sentence, sizes_from, summary, timed)

def bench_actions(path: Path, actions: int, rng: random.Random) -> dict:
    results: dict[str, list[float]] = {"send_invite": [], "skip": [], "add_note": [], "update_contact": []}
    store = Store.open(path)
    try:
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
    finally:
        # Closing folds the journal into a new snapshot (encode, write, fsync, rename): the wait at quit.
        fold = [timed(store.close)]
    return {name: summary(v) for name, v in results.items()}, line_bytes, summary(fold)


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
    """Each open in a fresh process, as the app opens it: a process that has just built or used a
    big database opens the next one slower (its heap is full and scattered), and that is not what
    a user starting warmintro waits for."""
    store_times, json_times = [], []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, __file__, "--child-open", str(path)], capture_output=True, text=True,
                             check=True).stdout
        figures = json.loads(out.strip().splitlines()[-1])
        json_times.append(figures["json"])
        store_times.append(figures["open"])
    return summary(store_times), summary(json_times)


def child_open(path: Path) -> None:
    # The floor: read the file and parse it with the json module, with the cyclic collector off
    # as Store.open has it; with it on, json.loads alone takes four times as long.
    gc.disable()
    json_s = timed(lambda: json.loads(path.read_bytes()))
    gc.enable()
    gc.collect()
    start = time.perf_counter()
    store = Store.open(path)
    open_s = time.perf_counter() - start
    store._records_in_journal = 0  # close without folding: measure opening only
    store.close()
    print(json.dumps({"json": json_s, "open": open_s}))


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


def run_size(contacts: int, invites: int, actions: int, tinydb: bool, where: Path | None) -> dict:
    directory = Path(tempfile.mkdtemp(prefix="warmintro-bench-", dir=where))
    try:
        path = directory / "warmintro.json"
        t0 = time.perf_counter()
        build(path, contacts, invites)
        build_s = time.perf_counter() - t0
        size = path.stat().st_size
        store_open, json_open = bench_open(path, 5)
        action_figures, line_bytes, fold = bench_actions(path, actions, random.Random(11))
        baseline = bench_baseline_append(directory, line_bytes, actions)
        store_open_after, _ = bench_open(path, 3)
        tiny_update = tiny_read = None
        if tinydb:
            tiny_update, tiny_read = bench_tinydb(path, directory, 5)
    finally:
        shutil.rmtree(directory, ignore_errors=True)

    rows = [("baseline: append+fsync one line", baseline)]
    rows += [(f"store.{name}", fig) for name, fig in action_figures.items()]
    rows += [("close: fold the journal into the snapshot", fold),
             ("baseline: read + json.loads(snapshot), gc off", json_open), ("Store.open (journal folded)", store_open),
             ("Store.open (after the actions)", store_open_after)]
    if tiny_update:
        rows += [("stock TinyDB JSONStorage update", tiny_update), ("stock TinyDB JSONStorage read", tiny_read)]
    print_table(f"\nwarmintro store bench: {contacts} contacts, {invites} invitations, "
                f"snapshot {size / 1e6:.1f} MB, built in {build_s:.1f} s", rows)
    worst = max(fig["p95_ms"] for fig in action_figures.values())
    print(f"worst action p95 {worst:.2f} ms (target < 5 ms at 30k); open / json floor "
          f"x{ratio(store_open, json_open)} (target < 1.5); open median {store_open['median_ms']:.0f} ms "
          "(issue 2 target < 500 ms at 30k)")
    return {"contacts": contacts, "invites": invites, "snapshot_bytes": size, "line_bytes": line_bytes,
            "baseline_append_fsync": baseline, **{f"action_{k}": v for k, v in action_figures.items()},
            "worst_action_p95_ms": worst, "fold_on_close": fold, "baseline_json_loads": json_open, "open": store_open,
            "open_over_json": ratio(store_open, json_open), "open_after_actions": store_open_after,
            "tinydb_update": tiny_update, "tinydb_read": tiny_read}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=None, help="one size only (default: every size)")
    parser.add_argument("--invites", type=int, default=None, help="default: a third of the contacts")
    add_size_arguments(parser)
    parser.add_argument("--actions", type=int, default=None, help="timed actions of each kind (default 200; 50 quick)")
    parser.add_argument("--dir", type=Path, default=None, help="where to build the database (default: a temp dir)")
    parser.add_argument("--tinydb", action="store_true", help="also time stock TinyDB (slow) for contrast")
    parser.add_argument("--child-open", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_open:
        child_open(args.child_open)
        return
    sizes = (args.contacts,) if args.contacts else sizes_from(args)
    actions = args.actions or (50 if args.quick else 200)
    results = {}
    for contacts in sizes:
        results[contacts] = run_size(contacts, args.invites or invites_for(contacts), actions, args.tinydb, args.dir)
    if len(sizes) > 1:
        print()
        print_growth("worst action p95", {n: r["worst_action_p95_ms"] for n, r in results.items()}, "should stay flat")
        print_growth("open median", {n: r["open"]["median_ms"] for n, r in results.items()}, "should grow linearly")
    emit({"bench": "store", "sizes": {str(n): r for n, r in results.items()},
          "growth": {"worst_action_p95": growth({n: r["worst_action_p95_ms"] for n, r in results.items()}),
                     "open": growth({n: r["open"]["median_ms"] for n, r in results.items()})}})


if __name__ == "__main__":
    main()
