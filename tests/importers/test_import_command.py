"""`warmintro import` end to end, as a user runs it: a subprocess against a real database file."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from import_helpers import fixture


def run(*args, check=True):
    result = subprocess.run([sys.executable, "-m", "warmintro", *args], capture_output=True, text=True,
                            env=dict(os.environ), timeout=120)
    if check and result.returncode != 0:
        raise AssertionError(f"exit {result.returncode}: {result.stderr}")
    return result


def exported(db, what):
    return json.loads(run("--db", str(db), "export", what, "--format", "json").stdout)


def test_import_writes_once_and_reimport_changes_nothing(tmp_path):
    db = tmp_path / "w.json"
    files = [str(fixture(n)) for n in ("Connections.csv", "contacts_google.csv", "iphone.vcf", "Invitations.csv")]
    first = run("--db", str(db), "import", *files, "--tag", "spring")
    # 6 connections; Google adds Bob and Priya (Zoë and Jonathon merge); the iPhone adds Carlos;
    # the invitations add Kenji.
    assert first.stdout.splitlines()[0] == "10 new, 3 merged, 0 updated, 0 unchanged"
    contacts = exported(db, "contacts")
    zoes = [c for c in contacts if c["last_name"] == "Müller"]
    assert len(zoes) == 1 and "spring" in zoes[0]["tags"]
    invites = exported(db, "invites")
    assert sorted(i["status"] for i in invites) == ["accepted", "pending", "pending"]

    again = run("--db", str(db), "import", *files, "--tag", "spring")
    assert again.stdout.splitlines()[0] == "0 new, 0 merged, 0 updated, 12 unchanged"  # 6 + 4 + 2 rows
    assert exported(db, "contacts") == contacts


def test_a_bad_file_is_one_line_a_non_zero_exit_and_nothing_written(tmp_path):
    db = tmp_path / "w.json"
    bad = tmp_path / "Connections.csv"
    bad.write_text(fixture("Connections.csv").read_text(encoding="utf-8").replace("30 Jun 2022", "31/31/22"),
                   encoding="utf-8")
    result = run("--db", str(db), "import", str(fixture("contacts_google.csv")), str(bad), check=False)
    assert result.returncode != 0
    assert result.stderr == "Connections.csv:12: Connected On: cannot read '31/31/22' as a date\n"
    assert exported(db, "contacts") == []


def test_dry_run_writes_nothing(tmp_path):
    db = tmp_path / "w.json"
    result = run("--db", str(db), "import", str(fixture("google_old.csv")), "--dry-run")
    assert result.stdout.splitlines()[0] == "3 new, 0 merged, 0 updated, 0 unchanged"
    assert "dry run: nothing written" in result.stdout
    assert exported(db, "contacts") == []


def test_format_override(tmp_path):
    db = tmp_path / "w.json"
    result = run("--db", str(db), "import", "--format", "vcard", str(fixture("google_old.csv")), check=False)
    assert result.returncode != 0 and result.stderr.startswith("google_old.csv:1: not a vCard file")
