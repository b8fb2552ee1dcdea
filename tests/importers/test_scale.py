"""LinkedIn caps a network at 30,000 connections: an import that size must work in one go."""

import random

from import_helpers import NOW
from warmintro.importers import read_file
from warmintro.model.contact import Contact
from warmintro.model.identity import plan_import

N = 30_000
COMPANIES = [f"Company {i}" for i in range(400)] + ["Google", "Microsoft", "Amazon"]


def test_thirty_thousand_connections_against_thirty_thousand_contacts(tmp_path):
    rng = random.Random(7)
    lines = ["First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    for i in range(N):
        company = rng.choice(COMPANIES)
        email = f"person{i}@example.com" if i % 10 == 0 else ""
        lines.append(f"First{i},Last{i},https://www.linkedin.com/in/person-{i},{email},{company},Engineer,09 Sep 2022")
        if i % 1000 == 0:
            lines.append(",,,,,,09 Sep 2022")
    path = tmp_path / "Connections.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    progress = []
    parsed = read_file(path, progress=lambda done, total: progress.append(done))
    assert len(parsed.contacts) == N and parsed.skipped == {"ghost rows (every field empty but the date)": 30}
    assert progress[-1] == N + 30

    # Existing address book: the first 10,000 known by profile URL, 10,000 more people by email
    # (only every tenth connection has one), and 10,000 strangers sharing the same companies.
    existing = {}
    for i in range(N):
        if i < 10_000:
            c = Contact(id=f"c{i}", first_name=f"First{i}", last_name=f"Last{i}",
                        linkedin_url=f"linkedin.com/in/person-{i}")
        elif i < 20_000:
            c = Contact(id=f"c{i}", first_name=f"Other{i}", last_name="Name", emails=[f"person{i}@example.com"])
        else:
            c = Contact(id=f"c{i}", first_name=f"Stranger{i}", last_name=f"Z{i}", company=rng.choice(COMPANIES))
        existing[c.id] = c

    plan = plan_import([parsed], existing, {}, now=NOW)
    by_email = len([i for i in range(10_000, 20_000) if i % 10 == 0])
    assert plan.merged == 10_000 + by_email
    assert plan.new == N - plan.merged
    assert len(plan.contacts) == N
    assert plan.skipped == parsed.skipped

    again = plan_import([parsed], {**existing, **{c.id: c for c in plan.contacts}}, {}, now=NOW)
    assert again.contacts == [] and again.unchanged == N
