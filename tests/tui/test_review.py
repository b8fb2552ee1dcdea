"""The review session driven like a user would: keys, a note, and what the store recorded."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import TextArea

from warmintro.tui.screens.review import ReviewScreen, SessionSummary
from warmintro.tui.widgets.card import PersonCard
from warmintro.tui.widgets.dialogs import Ask, Confirm, EditContact
from warmintro.tui.widgets.note_editor import NoteEditor

SIZE = (120, 40)


def screen(app) -> ReviewScreen:
    assert isinstance(app.screen, ReviewScreen), app.screen
    return app.screen


def current(app):
    return screen(app).entry.contact


async def test_start_shows_a_person_a_prefilled_note_and_the_gauge(review_app):
    async with review_app.run_test(size=SIZE) as pilot:
        entry = screen(review_app).entry
        assert entry is not None and entry.recent_event  # quick-added from a recent event comes first
        editor = review_app.screen.query_one(NoteEditor)
        assert entry.contact.first_name in editor.text
        card = str(review_app.screen.query_one(PersonCard).render())
        assert "Recognition risk" in card and "Common ground" in card
        assert "lifetime" in str(review_app.screen.query_one("#gauge").render())
