"""Templates: edit a segment's note with a live preview on one of its people and the lint."""

from __future__ import annotations

from textual.widgets import OptionList, Static, TextArea

from warmintro.model.notes import DEFAULT_TEMPLATES
from warmintro.model.segments import EVENT, SEGMENTS
from warmintro.tui.screens.templates import TemplatesScreen


async def open_templates(app, pilot) -> TemplatesScreen:
    app.action_open_screen("templates")
    await pilot.pause()
    assert isinstance(app.screen, TemplatesScreen)
    return app.screen


def shown(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def choose(pilot, screen, segment: str) -> None:
    screen.query_one("#segments", OptionList).highlighted = SEGMENTS.index(segment)
    await pilot.pause()


async def test_the_preview_fills_the_template_for_a_person_of_that_segment(app):
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_templates(app, pilot)
        await choose(pilot, screen, EVENT)
        assert screen.query_one("#template", TextArea).text == DEFAULT_TEMPLATES[EVENT]
        preview = shown(screen, "#preview")
        assert "{first_name}" not in preview and "{my_name}" not in preview
        assert app.store.settings.my_name in preview
        assert "Preview for" in shown(screen, "#preview-title")


async def test_the_lint_follows_the_template_as_it_is_typed(app):
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_templates(app, pilot)
        screen.query_one("#template", TextArea).load_text("I'd like to add you to my professional network on LinkedIn.")
        await pilot.pause()
        lint = shown(screen, "#preview-lint")
        assert "default note" in lint
        assert "unsaved changes" in shown(screen, "#template-state")


async def test_save_then_back_to_the_shipped_default(app):
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_templates(app, pilot)
        await choose(pilot, screen, EVENT)
        screen.query_one("#template", TextArea).load_text("Hi {first_name}, good to meet you at {event}. {my_name}")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.store.templates[EVENT] == "Hi {first_name}, good to meet you at {event}. {my_name}"
        assert "your own template" in shown(screen, "#template-state")
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert EVENT not in app.store.templates
        assert screen.query_one("#template", TextArea).text == DEFAULT_TEMPLATES[EVENT]


async def test_unsaved_edits_survive_moving_between_segments_and_escape_warns_first(app):
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_templates(app, pilot)
        await choose(pilot, screen, EVENT)
        screen.query_one("#template", TextArea).load_text("Draft for events {first_name}")
        await pilot.pause()
        await choose(pilot, screen, SEGMENTS[0])
        await choose(pilot, screen, EVENT)
        assert screen.query_one("#template", TextArea).text == "Draft for events {first_name}"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not screen
        assert EVENT not in app.store.templates


async def test_each_approach_has_its_own_template_for_the_segment(app):
    from warmintro.model.icebreak import DIRECT, default_template

    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_templates(app, pilot)
        await choose(pilot, screen, EVENT)
        await pilot.press("ctrl+b", "ctrl+b")  # common ground → compliment → direct
        assert "why I want to connect" in shown(screen, "#template-state")
        assert screen.query_one("#template", TextArea).text == default_template(DIRECT, EVENT, DEFAULT_TEMPLATES)
        assert "{why_connect}" not in shown(screen, "#preview")
        screen.query_one("#template", TextArea).load_text("Hi {first_name}, {why_connect} {my_name}")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.store.templates["direct:event"] == "Hi {first_name}, {why_connect} {my_name}"
        assert EVENT not in app.store.templates  # the common-ground template is untouched
