"""The withdraw screen as a session: stale pre-selected, toggles, one withdraw, checklist, undo."""

from __future__ import annotations

from warmintro.model.invite import InviteStatus
from warmintro.tui.app import make_app
from warmintro.tui.screens.withdraw import WithdrawScreen
from warmintro.tui.widgets.dialogs import Ask, Confirm

from .conftest import add_pending


def seed(store):
    add_pending(store, "Ana Silva", 40, "https://www.linkedin.com/in/ana/")
    add_pending(store, "[bold]Mallory[/bold] X", 30)
    add_pending(store, "Eva Lima", 10, "https://www.linkedin.com/in/eva/")


async def test_stale_preselected_toggle_and_withdraw(store, tmp_path):
    seed(store)
    app = make_app(store, start="withdraw")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, WithdrawScreen)
        assert screen.selected == {"i-c-ana-silva", "i-c-[bold]mallory[/bold]-x"}
        await pilot.press("n")
        assert screen.selected == set()
        await pilot.press("a")
        assert len(screen.selected) == 2
        await pilot.press("space")  # the cursor is on the oldest, Ana: unselect her
        assert "i-c-ana-silva" not in screen.selected
        await pilot.press("space")  # now on Mallory: toggle off too
        await pilot.press("a", "w")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, Ask)
        target = tmp_path / "out.md"
        app.screen.query_one("#answer").value = str(target)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert store.invites["i-c-ana-silva"].status is InviteStatus.WITHDRAWN
        assert store.invites["i-c-eva-lima"].status is InviteStatus.PENDING
        assert store.undo_label == "withdraw 2 invitations"
        assert app.clipboard == "https://www.linkedin.com/in/ana/"
        assert "\\[bold\\]Mallory\\[/bold\\] X" in target.read_text()  # escaped: rendered Markdown shows it as typed
        assert screen.invite_ids == ["i-c-eva-lima"]
        cooldown = screen.query_one("#cooldown-table")
        assert cooldown.row_count == 2
        assert str(cooldown.get_row("i-c-ana-silva")[2]) == "11 Dec 2026"  # 20 Nov + 21 days
        await pilot.press("u")
        await pilot.pause()
        assert store.invites["i-c-ana-silva"].status is InviteStatus.PENDING
        assert len(screen.invite_ids) == 3
        # The toasts name people: they must render as plain text, not crash.
        assert any("Undone: withdraw 2 invitations" in str(n.message) for n in app._notifications)
        await pilot.pause(0.2)


async def test_declining_the_confirmation_changes_nothing(store):
    seed(store)
    app = make_app(store, start="withdraw", older_than_days=35)
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.screen.selected == {"i-c-ana-silva"}
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("n")
        await app.workers.wait_for_complete()
        assert store.invites["i-c-ana-silva"].status is InviteStatus.PENDING
        assert store.undo_label == "seed Eva Lima"
