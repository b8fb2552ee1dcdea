"""Quick-add as a session: the event stays, each Enter is saved at once, duplicates offer a merge."""

from __future__ import annotations

from warmintro.model.contact import Contact
from warmintro.store import Store
from warmintro.tui.app import make_app
from warmintro.tui.screens.quick_add import DuplicateChoice, QuickAddScreen
from warmintro.tui.widgets.dialogs import Confirm

from .conftest import FIXED


async def type_person(pilot, name, company="", reach="", how=""):
    screen = pilot.app.screen
    for key, value in (("name", name), ("company", company), ("reach", reach), ("how", how)):
        screen.query_one(f"#{key}").value = value
    screen.query_one("#name").focus()
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_a_batch_after_an_event(store, tmp_path):
    app = make_app(store, start="add")
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, QuickAddScreen)
        await pilot.press(*"Web Summit", "enter", *"yesterday", "enter")
        assert app.focused.id == "name"
        await type_person(pilot, "Ana Silva", "Acme", "linkedin.com/in/anasilva", "talked about Rust")
        await type_person(pilot, "Rui Costa", "Globex", "rui@globex.com")
        screen = app.screen
        assert len(screen.batch) == 2
        assert screen.query_one("#name").value == ""
        assert screen.query_one("#event").value == "Web Summit"
    # Durable: a fresh open of the file holds both, with the event.
    with Store.open(tmp_path / "db.json", clock=lambda: FIXED) as again:
        ana = next(c for c in again.contacts.values() if c.first_name == "Ana")
        assert ana.event == "Web Summit" and ana.segment == "event"
        assert ana.sources == ["quick-add", "event:Web Summit"]
        assert ana.met_on.isoformat() == "2026-11-19"
        assert ana.linkedin_url == "https://www.linkedin.com/in/anasilva/"
        assert ana.notes[0].text == "talked about Rust"


async def test_bad_fields_get_one_line_messages_and_nothing_is_saved(store):
    app = make_app(store, start="add")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        screen.query_one("#met_on").value = "the blue moon"
        await type_person(pilot, "", reach="https://example.com/ana")
        assert "required" in str(screen.query_one("#name-error").content)
        assert "LinkedIn profile URL" in str(screen.query_one("#reach-error").content)
        assert "cannot read" in str(screen.query_one("#met_on-error").content)
        assert not store.contacts


async def test_duplicate_merge_and_remove(store):
    store.add_contact(Contact(id="old", first_name="Ana", last_name="Silva", company="Acme",
                              emails=["ana@acme.pt"]))
    app = make_app(store, start="add")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        screen.query_one("#name").value = "Ana Sílva"
        screen.query_one("#company").value = "ACME"
        screen.query_one("#tags").value = "rust"
        screen.query_one("#name").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DuplicateChoice)
        await pilot.press("m")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(store.contacts) == 1 and store.contacts["old"].tags == ["rust"]
        assert screen.batch == ["old"]
        await type_person(pilot, "Eva Lima")
        assert len(store.contacts) == 2
        screen.query_one("#batch-table").move_cursor(row=1)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(store.contacts) == 1 and screen.batch == ["old"]


async def test_edit_a_batch_entry(store):
    app = make_app(store, start="add")
    async with app.run_test(size=(120, 40)) as pilot:
        await type_person(pilot, "Ana Silv", "Acme")
        await pilot.press("f2")
        screen = app.screen
        assert screen.query_one("#name").value == "Ana Silv"
        screen.query_one("#name").value = "Ana Silva"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        (ana,) = store.contacts.values()
        assert ana.last_name == "Silva" and ana.company == "Acme"
        assert store.undo_label == "edit Ana Silv"  # labelled with the name it had
