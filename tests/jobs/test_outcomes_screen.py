"""Recording outcomes: accepted queues a thank-you, I don't know is a strike, strikes are settable."""

from __future__ import annotations

from warmintro.model.invite import InviteStatus
from warmintro.tui.app import make_app
from warmintro.tui.screens.outcomes import OutcomesScreen
from warmintro.tui.widgets.dialogs import Ask

from .conftest import add_pending


async def test_record_outcomes_and_thank(store):
    add_pending(store, "Ana Silva", 10)
    add_pending(store, "Rui Costa", 8)
    add_pending(store, "Eva Lima", 5)
    app = make_app(store, start="outcomes")
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, OutcomesScreen)
        await pilot.press("c")  # Ana accepted
        assert store.invites["i-c-ana-silva"].status is InviteStatus.ACCEPTED
        assert store.contacts["c-ana-silva"].connected
        followups = app.screen.query_one("#followup-table")
        assert followups.row_count == 1
        await pilot.press("x")  # cursor stays at row 0, now Rui: a strike
        assert store.invites["i-c-rui-costa"].status is InviteStatus.IDK
        await pilot.press("i")
        assert store.invites["i-c-eva-lima"].status is InviteStatus.IGNORED
        assert app.screen.query_one("#outcome-table").row_count == 1  # ignored still listed
        followups.focus()
        await pilot.press("d")
        assert followups.row_count == 0
        assert all(doc["done_at"] for doc in store.followups.values())
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, Ask)
        app.screen.query_one("#answer").value = "3"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        assert store.gauge().strikes.used == 3
        await pilot.press("u")
        assert store.gauge().strikes.used == 1
