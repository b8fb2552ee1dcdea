"""What the benchmarks share: realistic generated people and invitations, a database built from
them, and the statistics every script prints (median and p95, next to a baseline)."""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from warmintro.model.contact import Contact, Note, new_id  # noqa: E402
from warmintro.model.invite import Invite, InviteStatus  # noqa: E402
from warmintro.model.settings import Settings  # noqa: E402
from warmintro.model.timeutil import local_now  # noqa: E402
from warmintro.store import Store  # noqa: E402

SIZES = (1000, 10000, 30000, 100000)
QUICK_SIZES = (1000, 10000)


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


def compile_bytecode() -> None:
    """Write warmintro's bytecode before timing fresh processes, as `pip install` does at install
    time. Without it, a checkout run with PYTHONDONTWRITEBYTECODE (set on some machines) compiles
    the app's modules again on every start, and only the app, since the hello-world baseline uses
    installed packages only: 30-60 ms of every start here."""
    import compileall

    compileall.compile_dir(str(Path(__file__).resolve().parents[1] / "src" / "warmintro"), quiet=1)


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




def invites_for(contacts: int) -> int:
    """Invitations in proportion: the DESIGN target is 10,000 for 30,000 people."""
    return contacts // 3


def sizes_from(args) -> tuple[int, ...]:
    if getattr(args, "sizes", None):
        return tuple(int(s) for s in args.sizes.split(","))
    return QUICK_SIZES if getattr(args, "quick", False) else SIZES


def add_size_arguments(parser) -> None:
    parser.add_argument("--sizes", default=None, help="comma-separated contact counts (default 1k,10k,30k,100k)")
    parser.add_argument("--quick", action="store_true", help="1k and 10k only, fewer repeats")


def print_table(title: str, rows: list[tuple[str, dict]]) -> None:
    print(title)
    print(f"{'measure':<44}{'median ms':>12}{'p95 ms':>12}")
    for name, fig in rows:
        print(f"{name:<44}{fig['median_ms']:>12.2f}{fig['p95_ms']:>12.2f}")


def ratio(a: dict, b: dict, key: str = "median_ms") -> float:
    return round(a[key] / b[key], 2) if b[key] else float("inf")


def label(n: int) -> str:
    return f"{n / 1000:g}k" if n >= 1000 else str(n)


def growth(per_size: dict[int, float]) -> dict[str, float]:
    """Each size's figure over the smallest size's, next to how many more people it holds."""
    sizes = sorted(per_size)
    base = per_size[sizes[0]] or 1e-9
    return {label(size): round(per_size[size] / base, 2) for size in sizes}


def print_growth(what: str, per_size: dict[int, float], expect: str) -> None:
    sizes = sorted(per_size)
    cells = "  ".join(f"{label(s)}: x{v}" for s, v in zip(sizes, growth(per_size).values()))
    people = "  ".join(f"{label(s)}: x{round(s / sizes[0], 1)}" for s in sizes)
    print(f"growth of {what} ({expect}): {cells}   [people {people}]")


def emit(figures: dict) -> None:
    print(json.dumps(figures, separators=(",", ":")))
