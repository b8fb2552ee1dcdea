"""Several terminals on one database at once: every write lands, and each sees the others'."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from warmintro.model.contact import Contact
from warmintro.model.settings import Settings
from warmintro.store import Store

WRITER = Path(__file__).with_name("concurrent_writer.py")
SRC = Path(__file__).resolve().parents[2] / "src"
ENV = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
ADDERS, PER_ADDER, INVITES = 4, 200, 150


def seed(db: Path) -> None:
    with Store.open(db) as store:
        store.set_settings(Settings(weekly_cap=10**5, daily_batch=10**4, lifetime_cap=10**6,
                                    pending_soft_cap=10**6, my_name="Sam"))
        store.import_batch([Contact(id=f"inv{n}", first_name=f"Invitee {n}", met_on=store.now().date(),
                                    event="Lisbon Meetup") for n in range(INVITES)], [], "seed")


def test_four_adders_and_an_inviter_at_once_lose_nothing_and_a_long_lived_store_sees_it_all(tmp_path):
    db = tmp_path / "shared.json"
    seed(db)
    watcher = Store.open(db)  # a review left open in another terminal
    before = len(watcher.contacts)
    procs = [subprocess.Popen([sys.executable, str(WRITER), str(db), "add", f"p{k}-", str(PER_ADDER)],
                              env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for k in range(ADDERS)]
    procs.append(subprocess.Popen([sys.executable, str(WRITER), str(db), "invite", str(INVITES)],
                                  env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE))
    # Meanwhile the real CLI adds a few people from yet another terminal.
    for n in range(3):
        cli = subprocess.run([sys.executable, "-m", "warmintro", "--db", str(db), "add", f"Cli Person {n}",
                              "--event", "Lisbon Meetup"], env=ENV, capture_output=True, text=True, timeout=60)
        assert cli.returncode == 0, cli.stderr
    seen_midway = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode()
        watcher.refresh()
        seen_midway.append(len(watcher.contacts))
    assert seen_midway == sorted(seen_midway)
    assert len(watcher.contacts) == before + ADDERS * PER_ADDER + 3
    for k in range(ADDERS):
        assert all(f"p{k}-{n}" in watcher.contacts for n in range(PER_ADDER))
    invited = {i.contact_id for i in watcher.invites.values()}
    assert invited == {f"inv{n}" for n in range(INVITES)}
    watcher.close()
    with Store.open(db) as fresh:  # and from disk, not only in the watcher's memory
        assert len(fresh.contacts) == before + ADDERS * PER_ADDER + 3
        assert fresh.gauge().lifetime.used == INVITES


async def test_a_review_open_in_one_terminal_shows_people_quick_added_from_another(tmp_path):
    from warmintro.tui.app import make_app
    from warmintro.tui.widgets.card import PersonCard

    db = tmp_path / "review.json"
    with Store.open(db) as store:
        store.set_settings(Settings(my_name="Sam"))
    with Store.open(db) as store:
        app = make_app(store)
        async with app.run_test(size=(120, 40)) as pilot:
            assert app.screen.entry is None  # nobody to review yet
            cli = subprocess.run([sys.executable, "-m", "warmintro", "--db", str(db), "add", "Zoe Quickadd",
                                  "--event", "Lisbon Meetup", "--met-on", "today"],
                                 env=ENV, capture_output=True, text=True, timeout=60)
            assert cli.returncode == 0, cli.stderr
            app.pull_changes()  # what the app's refresh timer runs every two seconds
            await pilot.pause()
            assert app.screen.entry is not None
            assert "Zoe Quickadd" in str(app.screen.query_one(PersonCard).render())
