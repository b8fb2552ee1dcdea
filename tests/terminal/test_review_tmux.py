"""The real `warmintro review` in a real terminal (tmux): type a note, send, quit, and check the record."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from warmintro.demo import create_demo_db
from warmintro.model.timeutil import local_now

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

SRC = str(Path(__file__).resolve().parents[2] / "src")


# A server of our own: another tmux user on the machine (or their kill-server) never touches the test's session.
SOCKET = f"warmintro-test-{uuid.uuid4().hex[:8]}"


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True, check=True).stdout


def wait_for(session: str, text: str, timeout: float = 20.0) -> str:
    """Poll the pane until *text* shows: the app's start-up time varies with the machine."""
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-t", session)
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")


def cli(db: Path, *args: str) -> str:
    env = {**os.environ, "PYTHONPATH": SRC}
    return subprocess.run([sys.executable, "-m", "warmintro", "--db", str(db), *args], capture_output=True,
                          text=True, check=True, env=env).stdout


def test_review_in_a_real_terminal_records_the_typed_note(tmp_path):
    db = create_demo_db(local_now(), tmp_path)
    before = json.loads(cli(db, "status", "--json"))
    session = f"warmintro-test-{uuid.uuid4().hex[:8]}"
    command = f"env PYTHONPATH={SRC} BROWSER=true {sys.executable} -m warmintro --db {db} review"
    tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", command)
    try:
        # Without a client tmux sizes the window from default-size; pin it so the layout is the one tested.
        tmux("set-option", "-t", session, "window-size", "manual")
        tmux("resize-window", "-t", session, "-x", "120", "-y", "40")
        wait_for(session, "Send")
        screen = wait_for(session, "Note for ")
        assert "Recognition risk" in screen
        tmux("send-keys", "-t", session, "w")
        # As a person does, type once the note is open: Textual hands keys that arrive in the
        # same burst as `w` to the card, which still has the focus while `w` is on its way.
        wait_for(session, "Done writing")
        tmux("send-keys", "-t", session, "-l", " Typed in tmux.")
        wait_for(session, "in tmux.")
        tmux("send-keys", "-t", session, "Escape")
        # A key right after Escape reads as Alt+key in a real terminal: wait for the card's keys first.
        wait_for(session, "k Skip")
        tmux("send-keys", "-t", session, "s")
        wait_for(session, "Sent")
        tmux("send-keys", "-t", session, "q")
        wait_for(session, "Session summary")
        tmux("send-keys", "-t", session, "Escape")
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and subprocess.run(["tmux", "-L", SOCKET, "has-session", "-t", session],
                                                              capture_output=True).returncode == 0:
            time.sleep(0.2)  # the app exits, and the session with it
    finally:
        subprocess.run(["tmux", "-L", SOCKET, "kill-server"], capture_output=True)
    after = json.loads(cli(db, "status", "--json"))
    assert after["today"]["used"] == before["today"]["used"] + 1
    invites = json.loads(cli(db, "export", "invites", "--format", "json"))
    assert any(i["message"].endswith("Typed in tmux.") for i in invites)
