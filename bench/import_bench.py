"""How fast an import reads, de-duplicates and lands, against an existing database of the same size.

    python bench/import_bench.py [--quick | --sizes 1000,30000] [--repeat 3] [--companies spread|ten]

For each size N: a LinkedIn Connections.csv of N rows and a vCard file of N cards, imported into a
database of N people of whom a third share a profile URL, a third an email address and a third are
strangers. Timed: reading + planning (de-duplication) + one durable import transaction, as
`warmintro import` does it; baseline: csv.DictReader over the same CSV file (and over the same
number of vCard lines split by hand, for scale). Growth should be linear. Never part of pass/fail.
"""

from __future__ import annotations

import argparse
import csv
import gc
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import (COMPANIES, FIRST, LAST, POSITIONS, Store, add_size_arguments, emit, growth,  # noqa: E402
                      print_growth, print_table, sizes_from, summary)

from warmintro.importers import read_file  # noqa: E402
from warmintro.gcpause import no_cyclic_gc  # noqa: E402
from warmintro.model.contact import Contact  # noqa: E402
from warmintro.model.identity import plan_import  # noqa: E402


# Where the people work. "spread": a long tail like a real network (a few employers with hundreds of
# people, most with a handful); "ten": everyone at ten companies, the worst case for the rule that
# compares a row with every name at its company.
SPREADS = {
    "spread": [f"{name} {n}" for n in range(300) for name in COMPANIES],
    "ten": list(COMPANIES),
}
_spread = "spread"
# Zipf-like weights 1/(rank + 5): the biggest employer holds about 3% of the network, half hold a handful.
_CUM = list(__import__("itertools").accumulate(1 / (rank + 5) for rank in range(len(SPREADS["spread"]))))


def company(rng: random.Random) -> str:
    names = SPREADS[_spread]
    if _spread == "ten":
        return rng.choice(names)
    return rng.choices(names, cum_weights=_CUM)[0]


def person(i: int, rng: random.Random) -> tuple[str, str, str, str, str]:
    return rng.choice(FIRST), f"{rng.choice(LAST)}{i}", company(rng), rng.choice(POSITIONS), f"p{i}"


def write_files(directory: Path, n: int) -> tuple[Path, Path]:
    rng = random.Random(n)
    rows = [person(i, rng) for i in range(n)]
    csv_path = directory / "Connections.csv"
    with csv_path.open("w", encoding="utf-8", newline="") as out:
        out.write("Notes:\n\"When exporting your connection data, you may notice...\"\n\n")
        writer = csv.writer(out)
        writer.writerow(["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"])
        for first, last, company, position, slug in rows:
            email = f"{slug}@example.com" if int(slug[1:]) % 4 == 0 else ""
            writer.writerow([first, last, f"https://www.linkedin.com/in/{slug}", email, company, position,
                             "09 Sep 2022"])
    vcf_path = directory / "contacts.vcf"
    with vcf_path.open("w", encoding="utf-8", newline="") as out:
        for first, last, company, position, slug in rows:
            out.write(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{first} {last}\r\nN:{last};{first};;;\r\n"
                      f"EMAIL;TYPE=INTERNET:{slug}@example.com\r\nORG:{company}\r\nTITLE:{position}\r\n"
                      f"TEL;TYPE=CELL:+351 91 {int(slug[1:]):07d}\r\nEND:VCARD\r\n")
    return csv_path, vcf_path


def existing_people(n: int) -> list[Contact]:
    """A third known by profile URL, a third by email address, a third strangers at the same companies."""
    rng = random.Random(n + 1)
    out = []
    for i in range(n):
        first, last, company, position, slug = person(i, rng)
        if i % 3 == 0:
            out.append(Contact(id=f"e{i}", first_name=first, last_name=last, linkedin_url=f"linkedin.com/in/{slug}"))
        elif i % 3 == 1:
            out.append(Contact(id=f"e{i}", first_name=first, last_name=last, emails=[f"{slug}@example.com"]))
        else:
            out.append(Contact(id=f"e{i}", first_name=f"Stranger{i}", last_name="Else", company=company))
    return out


def timed_import(db_template: Path, path: Path, work: Path) -> float:
    db = work / "import.json"
    for suffix in ("", ".journal"):
        source = Path(str(db_template) + suffix)
        if source.exists():
            shutil.copyfile(source, Path(str(db) + suffix))
    gc.collect()
    start = time.perf_counter()
    with no_cyclic_gc():  # as `warmintro import` runs
        parsed = read_file(path)
        with Store.open(db) as store:
            plan = plan_import([parsed], dict(store.contacts), dict(store.invites), now=store.now())
            store.import_batch(plan.contacts, plan.invites, "bench import")
            elapsed = time.perf_counter() - start
            store._records_in_journal = 0  # close without folding: only the import is timed
    for suffix in ("", ".journal", ".lock"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    return elapsed


def baseline_dictreader(path: Path) -> float:
    gc.collect()
    start = time.perf_counter()
    with path.open(encoding="utf-8", newline="") as handle:
        for _ in range(3):  # the preamble LinkedIn puts before the header
            handle.readline()
        rows = list(csv.DictReader(handle))
    assert rows
    return time.perf_counter() - start


def run_size(n: int, repeat: int) -> dict:
    work = Path(tempfile.mkdtemp(prefix="warmintro-import-bench-"))
    try:
        csv_path, vcf_path = write_files(work, n)
        db_template = work / "existing.json"
        with Store.open(db_template) as store:
            store.import_batch(existing_people(n), [], "existing")
        base = summary([baseline_dictreader(csv_path) for _ in range(repeat)])
        csv_fig = summary([timed_import(db_template, csv_path, work) for _ in range(repeat)])
        vcf_fig = summary([timed_import(db_template, vcf_path, work) for _ in range(repeat)])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print_table(f"\nwarmintro import bench: {n} rows into a database of {n} people", [
        ("baseline: csv.DictReader over Connections.csv", base),
        ("import Connections.csv (read, de-dupe, write)", csv_fig),
        ("import contacts.vcf (read, de-dupe, write)", vcf_fig),
    ])
    csv_ratio = round(csv_fig["median_ms"] / base["median_ms"], 1)
    vcf_ratio = round(vcf_fig["median_ms"] / base["median_ms"], 1)
    print(f"Connections import x{csv_ratio} the DictReader baseline; vCard import x{vcf_ratio}")
    return {"rows": n, "baseline_dictreader": base, "connections_csv": csv_fig, "vcard": vcf_fig,
            "connections_over_baseline": csv_ratio, "vcard_over_baseline": vcf_ratio}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_size_arguments(parser)
    parser.add_argument("--repeat", type=int, default=None, help="timed imports per size (default 3; 1 quick)")
    parser.add_argument("--companies", choices=sorted(SPREADS), default="spread",
                        help="spread: a long tail of 3,000 employers (default); ten: everyone at ten")
    args = parser.parse_args(argv)
    global _spread
    _spread = args.companies
    repeat = args.repeat or (1 if args.quick else 3)
    results = {n: run_size(n, repeat) for n in sizes_from(args)}
    if len(results) > 1:
        print()
        print_growth("Connections import", {n: r["connections_csv"]["median_ms"] for n, r in results.items()},
                     "should grow linearly")
        print_growth("vCard import", {n: r["vcard"]["median_ms"] for n, r in results.items()}, "should grow linearly")
    emit({"bench": "import", "companies": args.companies, "sizes": {str(n): r for n, r in results.items()},
          "growth": {"connections": growth({n: r["connections_csv"]["median_ms"] for n, r in results.items()}),
                     "vcard": growth({n: r["vcard"]["median_ms"] for n, r in results.items()})}})


if __name__ == "__main__":
    main()
