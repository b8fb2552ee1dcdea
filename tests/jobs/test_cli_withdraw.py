"""`warmintro withdraw --older-than … --yes` and `--export FILE` through a real subprocess."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from warmintro.model.contact import Contact
from warmintro.model.invite import Invite
from warmintro.model.timeutil import local_now
from warmintro.store import Store

SRC = str(Path(__file__).resolve().parents[2] / "src")


def run(*args: str, db: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": SRC}
    return subprocess.run([sys.executable, "-m", "warmintro", "--db", str(db), *args],
                          capture_output=True, text=True, env=env, timeout=60)


@pytest.fixture
def db(tmp_path) -> Path:
    """Real clock here: the subprocess uses it. Ages 40, 25 and 3 days."""
    path = tmp_path / "db.json"
    now = local_now()
    with Store.open(path) as store:
        people = [("old", "Ana Silva", 40, "https://www.linkedin.com/in/ana/"),
                  ("mid", "Rui =Costa", 25, ""), ("new", "Eva Lima", 3, "https://www.linkedin.com/in/eva/")]
        store.import_batch([Contact(id=c, first_name=n.split()[0], last_name=n.split()[1], linkedin_url=u)
                            for c, n, _, u in people],
                           [Invite(id=f"i-{c}", contact_id=c, sent_at=now - timedelta(days=d)) for c, _, d, _ in people],
                           "seed")
    return path


def statuses(db: Path) -> dict[str, str]:
    out = run("export", "invites", "--format", "json", db=db)
    assert out.returncode == 0, out.stderr
    return {row["id"]: row["status"] for row in json.loads(out.stdout)}


def test_older_than_yes_withdraws_only_the_old(db):
    out = run("withdraw", "--older-than", "3w", "--yes", db=db)
    assert out.returncode == 0, out.stderr
    assert "withdrew 2 invitations older than 21 days" in out.stdout
    assert statuses(db) == {"i-old": "withdrawn", "i-mid": "withdrawn", "i-new": "pending"}


def test_export_writes_a_private_checklist_and_withdraws_nothing(db, tmp_path):
    target = tmp_path / "list.csv"
    out = run("withdraw", "--older-than", "30d", "--export", str(target), db=db)
    assert out.returncode == 0, out.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    lines = target.read_text().splitlines()
    assert lines[0] == "name,linkedin_url,sent_at,age"
    assert len(lines) == 2 and lines[1].startswith("Ana Silva,https://www.linkedin.com/in/ana/,")
    assert statuses(db)["i-old"] == "pending"


def test_export_and_yes_markdown_and_formula_safe(db, tmp_path):
    target = tmp_path / "list.md"
    out = run("withdraw", "--older-than", "3w", "--export", str(target), "--yes", db=db)
    assert out.returncode == 0, out.stderr
    text = target.read_text()
    assert "- [ ] Ana Silva — https://www.linkedin.com/in/ana/" in text
    assert "Rui =Costa — (no profile URL: search by name)" in text
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert statuses(db)["i-mid"] == "withdrawn"


def test_bad_duration_is_a_usage_error(db):
    out = run("withdraw", "--older-than", "soon", "--yes", db=db)
    assert out.returncode == 2
    assert "--older-than" in out.stderr
