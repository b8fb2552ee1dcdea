"""A full disk in the middle of a review: a clear notification, the same person stays, nothing lost."""

from __future__ import annotations

from warmintro.model.contact import Contact
from warmintro.model.settings import Settings
from warmintro.store import Store
from warmintro.tui.app import make_app


async def test_a_full_disk_refuses_the_action_visibly_and_the_review_goes_on(tmp_path, monkeypatch, failing_journal):
    db = tmp_path / "full.json"
    with Store.open(db) as store:
        store.set_settings(Settings(my_name="Sam"))
        for name in ("Ana", "Ben"):
            store.add_contact(Contact(id=name.lower(), first_name=name, met_on=store.now().date(), event="PyCon"))
        app = make_app(store)
        async with app.run_test(size=(120, 40)) as pilot:
            first = app.screen.entry.contact.id
            failing_journal(store)
            await pilot.press("k")
            await pilot.pause()
            errors = [n for n in app._notifications if n.severity == "error"]
            assert errors and "the disk is full" in errors[-1].message
            assert app.screen.entry.contact.id == first  # not moved on: the skip did not happen
            assert store.contacts[first].skipped_at is None
            monkeypatch.undo()
            await pilot.press("k")
            await pilot.pause()
            assert app.screen.entry.contact.id != first
    with Store.open(db) as store:
        assert store.contacts[first].skipped_at is not None
