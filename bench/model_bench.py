"""What the review computes from the whole network before its first card, at 1k to 100k people.

    python bench/model_bench.py [--quick | --sizes 1000,30000] [--repeat 5]

Each is pure model code over the people and invitations the other benchmarks generate:
- the review queue (build_queue: everyone eligible, in review order);
- the common-ground network (Network.build) and one card's common ground from it;
- the "same text" counter over every sent note (sent_counter);
- one lint of a note.
Baseline: one pass over the same contacts reading one attribute each (the least any of these can
cost). Median and p95 over repeated runs; the queue, network and counter should grow linearly,
one card's ground and one lint should stay flat. Never part of pass/fail.
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import (add_size_arguments, emit, growth, invites_for, make_contacts, make_invites,  # noqa: E402
                      print_growth, print_table, ratio, sizes_from, summary)

from warmintro.gcpause import no_cyclic_gc  # noqa: E402
from warmintro.model.common import Network, _key, common_ground  # noqa: E402
from warmintro.model.notes import lint, sent_counter  # noqa: E402
from warmintro.model.queue import build_queue, group_invites  # noqa: E402
from warmintro.model.settings import Settings  # noqa: E402
from warmintro.model.timeutil import local_now  # noqa: E402


def timed_runs(fn, repeat: int) -> list[float]:
    """As the review runs them: with the cyclic collector paused (gcpause.no_cyclic_gc)."""
    times = []
    for _ in range(repeat):
        with no_cyclic_gc():
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
    return times


def run_size(n: int, repeat: int) -> dict:
    rng = random.Random(11)
    now = local_now()
    people = make_contacts(rng, n, now)
    contacts = {c.id: c for c in people}
    invites = make_invites(rng, people, invites_for(n), now)
    by_contact = group_invites(invites)
    settings = Settings()
    messages = [i.message for i in invites]
    gc.collect()
    gc.freeze()  # the store freezes what it loads: the collector never walks the people again
    network = Network.build(people)
    person = next(c for c in people if not c.connected)
    counter = sent_counter(messages)
    note = f"Hi {person.first_name}, we met at the spring meetup and talked about data pipelines. Sam"
    figures = {
        "baseline_one_pass": summary(timed_runs(lambda: [c.connected for c in people], repeat)),
        "queue": summary(timed_runs(lambda: build_queue(contacts, by_contact, settings, now), repeat)),
        "network": summary(timed_runs(lambda: (_key.cache_clear(), Network.build(people)), repeat)),  # cold, as at a start
        "sent_counter": summary(timed_runs(lambda: sent_counter(messages), repeat)),
        "one_card_ground": summary(timed_runs(lambda: common_ground(person, network), repeat * 20)),
        "one_lint": summary(timed_runs(lambda: lint(note, person, limit=300, sent_messages_counter=counter),
                                       repeat * 20)),
    }
    print_table(f"\nmodel bench: {n} contacts, {len(invites)} invitations", [(k, v) for k, v in figures.items()])
    base = figures["baseline_one_pass"]
    print("over one pass: " + "  ".join(f"{k} x{ratio(figures[k], base)}" for k in ("queue", "network", "sent_counter")))
    return {"contacts": n, **figures}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_size_arguments(parser)
    parser.add_argument("--repeat", type=int, default=None, help="runs per figure (default 5; 3 quick)")
    args = parser.parse_args(argv)
    repeat = args.repeat or (3 if args.quick else 5)
    results = {n: run_size(n, repeat) for n in sizes_from(args)}
    if len(results) > 1:
        print()
        for key, expect in (("queue", "linear"), ("network", "linear"), ("sent_counter", "linear"),
                            ("one_card_ground", "flat"), ("one_lint", "flat")):
            print_growth(key, {n: r[key]["median_ms"] for n, r in results.items()}, expect)
    emit({"bench": "model", "sizes": {str(n): r for n, r in results.items()},
          "growth": {key: growth({n: r[key]["median_ms"] for n, r in results.items()})
                     for key in ("queue", "network", "sent_counter", "one_card_ground", "one_lint")}})


if __name__ == "__main__":
    main()
