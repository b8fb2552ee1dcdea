"""The command line, driven as a user would: a real subprocess per command."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from warmintro.model.contact import Contact
from warmintro.model.invite import Invite
from warmintro.store import Store


def run(*args, env=None, check=True):
    result = subprocess.run([sys.executable, "-m", "warmintro", *args], capture_output=True, text=True,
                            env={**os.environ, **(env or {})}, timeout=60)
    if check and result.returncode != 0:
        raise AssertionError(f"exit {result.returncode}: {result.stderr}")
    return result


def status(db: Path) -> dict:
    return json.loads(run("--db", str(db), "status", "--json").stdout)


def test_add_prints_the_id_of_a_contact_that_is_on_disk(db_path):
    out = run("--db", str(db_path), "add", "Ana  Maria Silva", "--company", "Silva Design", "--position", "Owner",
              "--email", "Ana@Silva.example", "--url", "linkedin.com/in/ana-silva?trk=x", "--event", "Chamber breakfast",
              "--met-on", "2026-11-17", "--note", "wants a website review", "--tag", "chamber", "--tag", "design")
    new_id = out.stdout.strip()
    contacts = json.loads(run("--db", str(db_path), "export", "contacts", "--format", "json").stdout)
    assert [c["id"] for c in contacts] == [new_id]
    ana = contacts[0]
    assert (ana["first_name"], ana["last_name"], ana["full_name"]) == ("Ana", "Maria Silva", "Ana Maria Silva")
    assert ana["emails"] == ["ana@silva.example"]
    assert ana["linkedin_url"] == "https://www.linkedin.com/in/ana-silva/"
    assert ana["tags"] == ["chamber", "design"]
    assert "event:Chamber breakfast" in ana["sources"] and ana["connected"] is False
    assert "wants a website review" in ana["notes"]
    assert status(db_path)["queue"] == 1


@pytest.mark.parametrize("args, field", [
    (["--email", "not-an-email"], "--email"),
    (["--url", "https://example.com/ana"], "--url"),
    (["--event", "Fair", "--met-on", "the other day"], "--met-on"),
])
def test_bad_add_input_is_one_line_exit_2_and_nothing_written(db_path, args, field):
    result = run("--db", str(db_path), "add", "Ana", *args, check=False)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and field in lines[0]
    assert not db_path.exists()


def test_status_json_has_the_documented_shape_on_the_demo():
    data = json.loads(run("--demo", "status", "--json").stdout)
    assert set(data) >= {"contacts", "queue", "invites", "lifetime", "week", "today", "strikes"}
    assert set(data["invites"]) >= {"sent", "pending", "accepted", "withdrawn", "idk", "stale"}
    assert data["lifetime"]["used"] == data["invites"]["sent"] > 0
    assert data["lifetime"]["cap"] == 3000 and data["week"]["cap"] == 100
    assert set(data["today"]) == {"used", "target"} and set(data["strikes"]) == {"recorded", "threshold"}
    assert 40 <= data["contacts"] <= 70
    states = data["invites"]
    assert all(states[s] > 0 for s in ("pending", "accepted", "withdrawn", "idk", "stale"))


def test_status_table_has_bars():
    out = run("--demo", "status").stdout
    assert "lifetime" in out and "strikes" in out and "█" in out


def test_demo_never_touches_the_users_database(tmp_path):
    real = tmp_path / "mine.json"
    run("--db", str(real), "add", "Me Myself")
    before = real.read_bytes()
    run("--demo", "add", "Demo Person", env={"WARMINTRO_DB": str(real)})
    assert real.read_bytes() == before


def test_env_var_chooses_the_database(tmp_path):
    db = tmp_path / "env.json"
    run("add", "Env Person", env={"WARMINTRO_DB": str(db)})
    assert status(db)["contacts"] == 1


def test_default_database_lives_in_the_user_data_dir():
    run("add", "Default Person")
    default = Path(os.environ["XDG_DATA_HOME"]) / "warmintro" / "warmintro.json"
    assert default.exists()


def test_files_are_private(db_path):
    run("--db", str(db_path), "add", "Private Person")
    for path in db_path.parent.iterdir():
        if path.name.startswith(db_path.name):
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


def _db_with_invites(db_path: Path, ages_days: list[int]) -> list[str]:
    now = datetime.now(timezone.utc)
    contacts = [Contact(id=f"c{i}", first_name=f"=cmd|' /C calc'!A{i}", last_name="Person",
                        linkedin_url=f"https://www.linkedin.com/in/p{i}/") for i in range(len(ages_days))]
    invites = [Invite(id=f"i{i}", contact_id=f"c{i}", sent_at=now - timedelta(days=age), message="-hello")
               for i, age in enumerate(ages_days)]
    with Store.open(db_path) as store:
        store.import_batch(contacts, invites, "test data")
    return [i.id for i in invites]


def test_csv_export_never_starts_a_cell_with_a_formula(db_path):
    _db_with_invites(db_path, [3])
    for what in ("contacts", "invites"):
        rows = list(csv.reader(io.StringIO(run("--db", str(db_path), "export", what, "--format", "csv").stdout)))
        for row in rows[1:]:
            assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row), row
    contacts = run("--db", str(db_path), "export", "contacts", "--format", "csv").stdout
    assert "'=cmd" in contacts


def test_export_to_a_file(db_path, tmp_path):
    _db_with_invites(db_path, [3, 40])
    out = tmp_path / "invites.json"
    run("--db", str(db_path), "export", "invites", "-o", str(out))
    rows = json.loads(out.read_text())
    assert [r["status"] for r in rows] == ["pending", "pending"]
    assert set(rows[0]) >= {"id", "contact_id", "message", "sent_at", "status", "status_at"}
    datetime.fromisoformat(rows[0]["sent_at"])
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_withdraw_older_than_yes_withdraws_only_the_old_ones(db_path):
    _db_with_invites(db_path, [3, 25, 40])
    result = run("--db", str(db_path), "withdraw", "--older-than", "3w", "--yes")
    assert "withdrew 2 invitations" in result.stdout
    statuses = [r["status"] for r in json.loads(run("--db", str(db_path), "export", "invites").stdout)]
    assert statuses == ["withdrawn", "withdrawn", "pending"]
    assert status(db_path)["invites"]["withdrawn"] == 2


def test_withdraw_export_writes_a_checklist_and_withdraws_nothing_without_yes(db_path, tmp_path):
    _db_with_invites(db_path, [3, 40])
    checklist = tmp_path / "withdraw.md"
    run("--db", str(db_path), "withdraw", "--export", str(checklist))
    text = checklist.read_text()
    assert text.count("- [ ]") == 1 and "https://www.linkedin.com/in/p1/" in text
    assert status(db_path)["invites"]["withdrawn"] == 0


def test_bad_duration_is_a_usage_error(db_path):
    result = run("--db", str(db_path), "withdraw", "--older-than", "soonish", "--yes", check=False)
    assert result.returncode == 2 and "--older-than" in result.stderr


def test_a_corrupt_database_is_named_left_untouched_and_its_backup_offered(db_path):
    run("--db", str(db_path), "add", "First Person")
    run("--db", str(db_path), "add", "Second Person")  # the second close leaves a backup of the first
    db_path.write_bytes(db_path.read_bytes()[:-40])
    damaged = db_path.read_bytes()
    result = run("--db", str(db_path), "status", check=False)
    assert result.returncode == 1
    line, = result.stderr.strip().splitlines()
    assert str(db_path) in line and ".bak1" in line and "Traceback" not in result.stderr
    assert db_path.read_bytes() == damaged
    run("--db", str(db_path), "add", "Third Person", check=False)
    assert db_path.read_bytes() == damaged


def test_console_script_and_python_dash_m_are_the_same_program():
    import shutil

    script = shutil.which("warmintro")
    if script is None:
        pytest.skip("the console script is not installed in this environment")
    by_script = subprocess.run([script, "--version"], capture_output=True, text=True, check=True).stdout
    assert by_script == run("--version").stdout and by_script.startswith("warmintro ")


def test_status_shows_the_friending_policy_and_how_many_it_keeps_out(db_path):
    from warmintro.model.contact import Contact
    from warmintro.model.policy import Policy
    from warmintro.store import Store

    with Store.open(db_path) as store:
        store.add_contact(Contact(id="rex", first_name="Rex", tags=["recruiter"]))
        store.add_contact(Contact(id="ana", first_name="Ana"))
        store.set_policy(Policy(text="Builders only", exclude_tags=("recruiter",)))
    data = status(db_path)
    assert data["queue"] == 1
    assert data["policy"]["text"] == "Builders only"
    assert data["policy"]["rules"] == ["exclude tags: recruiter"]
    assert data["policy"]["excluded"] == 1
    table = run("--db", str(db_path), "status").stdout
    assert "policy: Builders only" in table and "tag recruiter is excluded" in table


def test_exports_carry_the_icebreaker_fields_and_the_approach(db_path):
    from warmintro.model.contact import Contact
    from warmintro.store import Store

    with Store.open(db_path) as store:
        store.add_contact(Contact(id="ana", first_name="Ana", admire="your talk", why_connect="=hiring"))
        store.send_invite("ana", "Hi Ana, I really appreciated your talk.", approach="compliment")
    [row] = json.loads(run("--db", str(db_path), "export", "invites").stdout)
    assert row["approach"] == "compliment"
    [person] = json.loads(run("--db", str(db_path), "export", "contacts").stdout)
    assert (person["admire"], person["why_connect"]) == ("your talk", "=hiring")
    csv_text = run("--db", str(db_path), "export", "contacts", "--format", "csv").stdout
    assert "'=hiring" in csv_text  # a formula character in the new column is neutralised too


def test_status_today_target_is_the_one_the_review_works_to():
    # The demo has one strike of five: the headroom, not the daily batch of 10, sets today's target.
    data = json.loads(run("--demo", "status", "--json").stdout)
    assert data["today"]["target"] == data["strikes"]["threshold"] - data["strikes"]["recorded"] - 1
