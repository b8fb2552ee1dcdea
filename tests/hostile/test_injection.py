"""Names, notes and companies that try to be markup, terminal escapes or bidi tricks render as text
on every screen, and very long or wide values do not push the Footer or the gauge off the screen."""

from __future__ import annotations

from datetime import timedelta

import pytest

from warmintro.model.contact import Contact, Note
from warmintro.model.settings import Settings
from warmintro.store import Store
from warmintro.tui.app import WarmintroApp, make_app

MARKUP = "[red]Evil[/red]"
ANSI = "\x1b[31mRed\x1b[0m"
OSC_LINK = "\x1b]8;;http://evil.example\x07click\x1b]8;;\x07"
OSC_CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4=\x07"
BIDI = "Ann\u202egnp.exe"
LONG = "Initech " * 700  # 5,600 characters
WIDE = "王小明😀"
RAW_CONTROLS = ("\x1b", "\x07", "\u202e")

SCREENS = ("review", "add", "withdraw", "outcomes", "follow-ups", "updates", "insight", "templates", "policy")


@pytest.fixture
def hostile_store(db_path, monkeypatch):
    monkeypatch.setattr(WarmintroApp, "open_url", lambda self, url, new_tab=True: None)
    with Store.open(db_path) as store:
        now = store.now()
        store.set_settings(Settings(my_name=ANSI))
        people = [
            Contact(id="m", first_name=MARKUP, last_name=BIDI, company=LONG, position=OSC_LINK, location=WIDE,
                    event="PyCon", met_on=now.date(), how_we_met=OSC_CLIPBOARD, tags=[MARKUP],
                    notes=[Note(at=now, text=ANSI + MARKUP)], admire=MARKUP, why_connect=OSC_LINK),
            Contact(id="p", first_name=ANSI, last_name=WIDE, company=MARKUP, connected=False),
            Contact(id="c", first_name=OSC_CLIPBOARD, last_name=MARKUP, company=BIDI, connected=True,
                    last_interaction=now - timedelta(days=90)),
        ]
        for person in people:
            store.add_contact(person)
        pending = store.send_invite("p", "Hi, we met at PyCon. " + ANSI)
        store.record_outcome(pending.id, "accepted")
        store.add_contact(Contact(id="q", first_name=MARKUP, last_name=BIDI + LONG[:300]))
        store.send_invite("q", MARKUP + " we met at PyCon")
        yield store


@pytest.mark.parametrize("screen", SCREENS)
async def test_hostile_values_render_literally_on_every_screen(hostile_store, screen):
    app = make_app(hostile_store)
    async with app.run_test(size=(120, 40)) as pilot:
        if screen != "review":
            app.action_open_screen(screen)
        await pilot.pause()
        svg = app.export_screenshot()
        for control in RAW_CONTROLS:
            assert control not in svg, (screen, repr(control))
            assert f"&#{ord(control)};" not in svg
        if screen in ("review", "withdraw", "outcomes"):
            assert MARKUP in svg or MARKUP.replace("[", "&#91;") in svg, screen  # shown, not applied
        # However long a company name, the Footer still shows its keys.
        assert "palette" in svg, screen


async def test_the_note_made_from_a_hostile_name_carries_no_control_characters(hostile_store):
    from warmintro.tui.widgets.note_editor import NoteEditor

    app = make_app(hostile_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        note = app.screen.query_one(NoteEditor).text
        assert note and not any(control in note for control in RAW_CONTROLS)
        assert "\\u001b" in note  # the escape is visible in the note, for the user to fix


def _run_in_a_terminal(db, *args: str) -> bytes:
    """The CLI with its stdout on a pseudo-terminal, as a user at a shell would see it."""
    import os
    import pty
    import subprocess
    import sys
    from pathlib import Path

    src = str(Path(__file__).resolve().parents[2] / "src")
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "warmintro", "--db", str(db), *args], stdout=slave,
                            stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": src})
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        out += chunk
    proc.wait(timeout=60)
    os.close(master)
    assert proc.returncode == 0, proc.stderr.read()
    return out


@pytest.mark.parametrize("args", [("export", "contacts", "--format", "csv"), ("export", "contacts"),
                                  ("export", "invites", "--format", "csv"), ("status",)],
                         ids=["contacts-csv", "contacts-json", "invites-csv", "status"])
def test_the_cli_never_sends_a_contacts_escape_sequences_to_the_terminal(hostile_store, args):
    from warmintro.model.policy import Policy

    hostile_store.set_policy(Policy(text="Only " + OSC_CLIPBOARD + BIDI, exclude_tags=(MARKUP,)))
    out = _run_in_a_terminal(hostile_store.path, *args).decode("utf-8", "replace")
    for control in (*RAW_CONTROLS, "\x9b"):
        assert control not in out, repr(control)
    assert "\\u001b" in out  # shown, as text


def test_piped_exports_keep_the_data_exactly(hostile_store):
    import csv
    import io
    import subprocess
    import sys
    from pathlib import Path

    src = str(Path(__file__).resolve().parents[2] / "src")
    done = subprocess.run([sys.executable, "-m", "warmintro", "--db", str(hostile_store.path), "export", "contacts",
                           "--format", "csv"], capture_output=True, text=True, env={"PYTHONPATH": src, "HOME": "/tmp"})
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(done.stdout))}
    assert rows["p"]["first_name"] == ANSI  # a file or a pipe gets the data itself, not its display


def test_a_markdown_checklist_shows_names_as_names():
    from warmintro.exporting import withdraw_checklist

    text = withdraw_checklist([{"name": "[click](http://evil) **Ann**", "linkedin_url": "", "sent_at": "2026-10-01",
                                "age": "7 weeks"}], "markdown")
    assert "\\[click\\]\\(http://evil\\) \\*\\*Ann\\*\\*" in text


def test_a_formula_hidden_behind_a_space_or_a_fullwidth_sign_is_neutralised():
    from warmintro.exporting import spreadsheet_safe

    assert [spreadsheet_safe(v) for v in (" =1+1", "＝HYPERLINK(1)", "Ann-Marie")] == ["' =1+1", "'＝HYPERLINK(1)",
                                                                                      "Ann-Marie"]
