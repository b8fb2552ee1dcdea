"""Follow-ups, networking updates at most once an interval, and the commercial opt-in refusal."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import DataTable

from warmintro.model.contact import Contact
from warmintro.model.keep_in_touch import commercial_refusal, suggested_note, updates_due
from warmintro.model.settings import Settings
from warmintro.tui.screens.keep_in_touch import FollowUpsScreen, UpdatesScreen


def test_updates_due_skips_anyone_contacted_within_the_interval(now):
    recent = Contact(id="a", first_name="Ana", connected=True, last_interaction=now - timedelta(days=29))
    old = Contact(id="b", first_name="Bo", connected=True, last_interaction=now - timedelta(days=31))
    stranger = Contact(id="c", first_name="Cy", last_interaction=now - timedelta(days=90))
    due = updates_due([recent, old, stranger], Settings(update_interval_days=30), now)
    assert [d.contact.id for d in due] == ["b"]
    assert due[0].days_since == 31


def test_connected_on_counts_as_being_in_touch(now):
    fresh = Contact(id="a", first_name="Ana", connected=True, connected_on=(now - timedelta(days=3)).date())
    assert updates_due([fresh], Settings(), now) == []


def test_suggested_note_names_the_event_and_signs_with_first_name():
    contact = Contact(id="a", first_name="Ana", event="PyCon Lisbon")
    note = suggested_note(contact, "thanks", "Alex Morgan")
    assert note == "Thanks for connecting, Ana! It was good to meet you at PyCon Lisbon. — Alex"


def test_commercial_refusal_gives_the_reason():
    assert "has not opted in" in commercial_refusal(Contact(id="a", first_name="Ana"))
    assert commercial_refusal(Contact(id="a", first_name="Ana", opt_in_commercial=True)) is None


def accept_one(store) -> str:
    """Accept the newest pending demo invitation: the store queues a thank-you follow-up."""
    invite = store.invites["demo039i1"]
    store.record_outcome(invite.id, "accepted")
    return invite.contact_id


async def test_followup_marked_done_leaves_the_list(app):
    contact_id = accept_one(app.store)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_open_screen("follow-ups")
        await pilot.pause()
        assert isinstance(app.screen, FollowUpsScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 1
        name = app.store.contact(contact_id).first_name
        assert f"Thanks for connecting, {name}!" in str(app.screen.query_one("#kit-detail").content)
        await pilot.press("c")
        assert app.clipboard.startswith(f"Thanks for connecting, {name}!")
        await pilot.press("d")
        await pilot.pause()
        assert table.row_count == 0
        (followup,) = app.store.followups.values()
        assert followup["done_at"] is not None


async def test_update_marked_sent_is_not_due_again(app, now):
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_open_screen("updates")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, UpdatesScreen)
        table = screen.query_one(DataTable)
        before = table.row_count
        first = screen.current_key()
        await pilot.press("u")
        await pilot.pause()
        assert table.row_count == before - 1
        assert first not in table.rows
        assert app.store.contact(first).last_interaction == now


async def test_commercial_message_refused_without_opt_in_then_allowed(app, now):
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_open_screen("updates")
        await pilot.pause()
        screen = app.screen
        first = screen.current_key()
        name = app.store.contact(first).display_name
        await pilot.press("m")
        await pilot.pause()
        refusals = [n for n in app._notifications if n.title == "Not done"]
        assert refusals and refusals[-1].message.startswith(f"{name} has not opted in")
        assert app.store.contact(first).last_interaction != now
        await pilot.press("o")
        await pilot.pause()
        assert app.store.contact(first).opt_in_commercial is True
        await pilot.press("m")
        await pilot.pause()
        assert app.store.contact(first).last_interaction == now
