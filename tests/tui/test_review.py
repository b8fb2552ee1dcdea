"""The review session driven like a user would: keys, a note, and what the store recorded."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from rich.text import Text
from textual.widgets import TextArea

from warmintro.tui.screens.review import ReviewScreen, SessionSummary
from warmintro.tui.widgets.card import PersonCard
from warmintro.tui.widgets.dialogs import Ask, Confirm, EditContact
from warmintro.tui.widgets.lines import TextLines
from warmintro.tui.widgets.note_editor import NoteEditor

SIZE = (120, 40)
FIXED_NOW = datetime(2026, 11, 18, 9, 30, tzinfo=timezone.utc)


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


async def test_send_records_copies_and_opens_the_profile(review_app, demo_store, opened_urls):
    async with review_app.run_test(size=SIZE) as pilot:
        person = current(review_app)
        note = review_app.screen.query_one(NoteEditor).text
        await pilot.press("s")
        await pilot.pause()
        invites = demo_store.invites_for(person.id)
        assert [i.message for i in invites] == [note.strip()]
        assert review_app.clipboard == note.strip()
        assert opened_urls == [person.linkedin_url]
        assert current(review_app).id != person.id
        await pilot.press("u")
        await pilot.pause()
        assert demo_store.invites_for(person.id) == []
        assert current(review_app).id == person.id


async def test_a_blocked_note_is_not_sent(review_app, demo_store):
    async with review_app.run_test(size=SIZE) as pilot:
        person = current(review_app)
        await pilot.press("w")
        review_app.screen.query_one(TextArea).load_text("I'd like to add you to my professional network on LinkedIn.")
        await pilot.pause()
        assert "default note" in str(review_app.screen.query_one("#lint").render())
        await pilot.press("escape", "s")
        await pilot.pause()
        assert demo_store.invites_for(person.id) == []


async def test_skip_moves_on_and_persists(review_app, demo_store):
    async with review_app.run_test(size=SIZE) as pilot:
        person = current(review_app)
        await pilot.press("k")
        await pilot.pause()
        assert demo_store.contacts[person.id].skipped_at is not None
        assert current(review_app).id != person.id
        await pilot.press("u")
        await pilot.pause()
        assert demo_store.contacts[person.id].skipped_at is None


async def skip_people(app, pilot, count: int) -> list[str]:
    """Skip *count* people one at a time; returns who they were, in order."""
    skipped = []
    for _ in range(count):
        skipped.append(current(app).id)
        await pilot.press("k")
        await pilot.pause()
    return skipped


async def test_undoing_a_skip_brings_back_that_person_not_one_skipped_before(review_app):
    # The demo's first person met the user at an event, so the queue ranks them first even once
    # skipped today; an undo of a later skip must still show the person it gave back.
    async with review_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        skipped = await skip_people(review_app, pilot, 4)
        await pilot.press("u")
        await pilot.pause()
        assert current(review_app).id == skipped[-1]
        await pilot.press("k")
        await pilot.pause()
        assert current(review_app).id not in skipped  # nobody skipped in this session comes round again


async def test_snooze_until_a_typed_date(review_app, demo_store):
    async with review_app.run_test(size=SIZE) as pilot:
        person = current(review_app)
        await pilot.press("z")
        await pilot.pause()
        assert isinstance(review_app.screen, Ask)
        await pilot.press("3", "d", "enter")
        await pilot.pause()
        until = demo_store.contacts[person.id].snoozed_until
        assert until is not None and (until - demo_store.now()).days == 3
        assert current(review_app).id != person.id


async def test_never_with_a_reason(review_app, demo_store):
    async with review_app.run_test(size=SIZE) as pilot:
        person = current(review_app)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"recruiter", "enter")
        await pilot.pause()
        assert demo_store.contacts[person.id].never_reason == "recruiter"


async def test_edit_how_we_met_tags_and_add_a_note(review_app, demo_store):
    async with review_app.run_test(size=SIZE) as pilot:
        person = current(review_app)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(review_app.screen, EditContact)
        review_app.screen.query_one("#how_we_met").value = "coffee at the sprint"
        review_app.screen.query_one("#tags").value = "python, sprint"
        review_app.screen.query_one("#note").value = "wants the slides"
        await pilot.press("enter")
        await pilot.pause()
        saved = demo_store.contacts[person.id]
        assert saved.how_we_met == "coffee at the sprint"
        assert saved.tags == ["python", "sprint"]
        assert saved.notes[-1].text == "wants the slides"


async def test_not_on_linkedin(review_app, demo_store):
    async with review_app.run_test(size=SIZE) as pilot:
        person = current(review_app)
        await pilot.press("o")
        await pilot.pause()
        assert demo_store.contacts[person.id].not_on_linkedin


async def test_help_lists_the_keys(review_app):
    async with review_app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        from textual.widgets import HelpPanel
        assert review_app.screen.query(HelpPanel)
        await pilot.press("question_mark")
        await pilot.pause()
        assert not review_app.screen.query(HelpPanel)


async def test_quit_shows_the_summary_then_leaves(review_app):
    async with review_app.run_test(size=SIZE) as pilot:
        await pilot.press("k", "q")
        await pilot.pause()
        assert isinstance(review_app.screen, SessionSummary)
        assert "skipped 1" in str(review_app.screen.body)
        await pilot.press("escape")
        await pilot.pause()
    assert review_app.return_code in (0, None)


async def test_target_met_shows_the_summary_and_going_on_needs_confirmation(review_app, demo_store):
    from warmintro.model.settings import Settings
    demo_store.set_settings(Settings(**{**demo_store.settings.to_dict(), "daily_batch": 1}))
    async with review_app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(review_app.screen, SessionSummary)
        await pilot.press("escape")
        await pilot.pause()
        person = current(review_app)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(review_app.screen, Confirm)  # past the target only deliberately
        await pilot.press("escape")
        await pilot.pause()
        assert demo_store.invites_for(person.id) == []


async def test_send_at_the_weekly_cap_is_refused_naming_the_limit(review_app, demo_store):
    from warmintro.model.settings import Settings
    used = demo_store.gauge().week.used
    demo_store.set_settings(Settings(**{**demo_store.settings.to_dict(), "weekly_cap": used, "daily_batch": used}))
    async with review_app.run_test(size=SIZE) as pilot:
        person = current(review_app)
        await pilot.press("s")
        await pilot.pause()
        assert demo_store.invites_for(person.id) == []
        messages = [n.message for n in review_app._notifications]
        assert any("Weekly cap reached" in m and "frees up" in m for m in messages)


def add_a_stranger(store) -> None:
    from warmintro.model.contact import Contact
    store.add_contact(Contact(id="old", first_name="Olga", sources=["vcard:2014.vcf"]))


async def try_inviting_a_stranger(app, pilot) -> None:
    """Olga, from an old address book: high risk. Write her a note and press send."""
    assert screen(app).risk.level == "high"
    await pilot.press("w")
    app.screen.query_one(TextArea).load_text("Hi Olga, we worked together at Acme years ago. Alex")
    await pilot.press("escape", "s")
    await pilot.pause()


async def test_high_risk_needs_a_deliberate_confirmation(store, opened_urls):
    from warmintro.model.contact import Contact
    from warmintro.tui.app import make_app
    add_a_stranger(store)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await try_inviting_a_stranger(app, pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await pilot.pause()
        assert len(store.invites_for("old")) == 1


def free_account_with_notes_spent(store):
    """A free account that sent its five notes this month, and one person who would need a note."""
    from datetime import timedelta
    from warmintro.model.contact import Contact
    from warmintro.model.settings import Settings
    from warmintro.tui.app import make_app
    store.set_settings(Settings(account="free", my_name="Alex"))
    for i in range(5):
        store.add_contact(Contact(id=f"p{i}", first_name=f"P{i}"))
        store.send_invite(f"p{i}", f"Hi P{i}, we met at PyCon.")
    store.add_contact(Contact(id="far", first_name="Far", how_we_met="a call",
                              last_interaction=store.now() - timedelta(days=900)))
    return make_app(store)


async def test_free_account_with_no_notes_left_offers_only_honest_choices(store, opened_urls):
    app = free_account_with_notes_spent(store)
    async with app.run_test(size=SIZE) as pilot:
        assert "notes this month 5/5" in str(app.screen.query_one("#gauge").render())
        assert "personal notes are used" in str(app.screen.query_one("#notice").render())
        assert app.screen.query_one(NoteEditor).text == ""
        await pilot.press("s")
        await pilot.pause()
        assert store.invites_for("far") == []


async def test_names_with_markup_ansi_and_bidi_render_as_text(store):
    from warmintro.model.contact import Contact
    from warmintro.tui.app import make_app
    store.add_contact(Contact(id="evil", first_name="[bold red]x[/]", last_name="\x1b[31mred\u202eevil",
                              company="[link=http://a]co[/link]", met_on=store.now().date(), event="Meetup"))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        card = app.screen.query_one(PersonCard).render()
        plain = card.plain if isinstance(card, Text) else str(card)
        assert "[bold red]x[/]" in plain
        assert "\x1b" not in plain and "\u202e" not in plain
        assert "\\u001b[31mred\\u202eevil" in plain
        assert "[link=http://a]co[/link]" in plain


LINT_CASES = [
    ("over_limit", "Hi Bruno, we met at PyCon. " + "x" * 300, "over the limit"),
    ("placeholder", "Hi Bruno, we met at {event}.", "Unfilled placeholder"),
    ("default_note", "I'd like to add you to my professional network on LinkedIn.", "default note"),
    ("no_first_name", "Hello, we met at PyCon.", "first name"),
    ("no_context", "Hi Bruno, hope all is well.", "how you know each other"),
    ("sales_pitch", "Hi Bruno, we met at PyCon; can we book a call about our product?", "sales pitch"),
]


@pytest.mark.parametrize("rule,text,shown", LINT_CASES, ids=[c[0] for c in LINT_CASES])
async def test_each_lint_rule_shows_while_typing(review_app, rule, text, shown):
    async with review_app.run_test(size=SIZE) as pilot:
        contact = current(review_app)
        text = text.replace("Bruno", contact.first_name)
        await pilot.press("w")
        review_app.screen.query_one(TextArea).load_text(text)
        await pilot.pause()
        editor = review_app.screen.query_one(NoteEditor)
        assert rule in {i.rule for i in editor.issues}
        assert shown in str(review_app.screen.query_one("#lint").render())


async def test_same_text_sent_to_many_warns_while_typing(store):
    from warmintro.model.contact import Contact
    from warmintro.tui.app import make_app
    for i in range(5):
        store.add_contact(Contact(id=f"p{i}", first_name=f"P{i}", connected=False))
        store.send_invite(f"p{i}", f"Hi P{i}, we met at PyCon.")
    store.add_contact(Contact(id="ana", first_name="Ana", met_on=store.now().date(), event="PyCon"))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w")
        app.screen.query_one(TextArea).load_text("Hi Ana, we met at PyCon.")
        await pilot.pause()
        assert "same_text" in {i.rule for i in app.screen.query_one(NoteEditor).issues}


async def test_typing_into_the_note_does_not_trigger_actions(review_app, demo_store):
    async with review_app.run_test(size=SIZE) as pilot:
        person = current(review_app)
        await pilot.press("w", *" See you soon", "escape")
        await pilot.pause()
        assert review_app.screen.query_one(NoteEditor).text.endswith("See you soon")
        assert demo_store.invites_for(person.id) == [] and current(review_app).id == person.id


async def test_edit_the_segment_template_and_the_note_follows(review_app, demo_store):
    async with review_app.run_test(size=SIZE) as pilot:
        segment = screen(review_app).entry.segment
        await pilot.press("t")
        await pilot.pause()
        from warmintro.tui.widgets.dialogs import EditTemplate
        assert isinstance(review_app.screen, EditTemplate)
        review_app.screen.query_one(TextArea).load_text("Hey {first_name}, PyCon was fun. {my_name}")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert demo_store.templates[segment] == "Hey {first_name}, PyCon was fun. {my_name}"
        first = current(review_app).first_name
        assert review_app.screen.query_one(NoteEditor).text == f"Hey {first}, PyCon was fun. Alex Morgan"


async def test_high_risk_pending_may_not_exceed_the_strike_headroom(store, opened_urls):
    from warmintro.model.contact import Contact
    from warmintro.tui.app import make_app
    headroom = store.gauge().strike_headroom
    for i in range(headroom):
        store.add_contact(Contact(id=f"h{i}", first_name=f"H{i}", sources=["vcard:2014.vcf"]))
        store.send_invite(f"h{i}", f"Hi H{i}, we worked together at Acme.")
    add_a_stranger(store)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await try_inviting_a_stranger(app, pilot)
        assert store.invites_for("old") == []
        assert any("strike headroom" in n.message for n in app._notifications)


async def test_snooze_defaults_to_next_month_when_free_notes_are_spent(store, opened_urls):
    app = free_account_with_notes_spent(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("z")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert store.contacts["far"].snoozed_until.day == 1


async def test_a_fresh_database_asks_for_the_name_that_signs_the_notes(db_path, opened_urls):
    from warmintro.model.contact import Contact
    from warmintro.store import Store
    from warmintro.tui.app import make_app
    with Store.open(db_path, clock=lambda: FIXED_NOW) as fresh:
        fresh.add_contact(Contact(id="ana", first_name="Ana", met_on=FIXED_NOW.date(), event="PyCon",
                                  how_we_met="talked about parsers"))
        app = make_app(fresh)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, Ask)
            await pilot.press(*"Sam Rivera", "enter")
            await pilot.pause()
            assert fresh.settings.my_name == "Sam Rivera"
            note = screen(app).query_one(NoteEditor)
            assert note.text.endswith("Sam Rivera")
            assert not note.blocked


async def test_declining_the_name_question_says_where_to_set_it(db_path, opened_urls):
    from warmintro.model.contact import Contact
    from warmintro.store import Store
    from warmintro.tui.app import make_app
    with Store.open(db_path, clock=lambda: FIXED_NOW) as fresh:
        fresh.add_contact(Contact(id="ana", first_name="Ana", met_on=FIXED_NOW.date(), event="PyCon"))
        app = make_app(fresh)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            assert fresh.settings.my_name == ""
            assert "set your name in settings" in str(screen(app).query_one("#lint").render())


def screen_lines(app) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def card_lines(app) -> list[str]:
    """The card's box as the screen shows it."""
    box = app.screen.query_one(PersonCard).region
    return [line[box.x:box.right] for line in screen_lines(app)[box.y:box.bottom]]


@pytest.mark.parametrize("ahead", [False, True], ids=["drawn-on-the-key", "drawn-ahead"])
async def test_each_next_card_drawn_in_place_is_what_a_full_redraw_shows(store, monkeypatch, ahead):
    # The card and the note's heading, preview and counter are updated without a layout pass,
    # from lines drawn and framed ahead while the user read the card before: the screen after
    # each skip must be exactly the screen a full layout and redraw give.
    from warmintro.model.contact import Contact, Note
    from warmintro.tui.app import make_app
    from warmintro.tui.screens import review

    monkeypatch.setattr(review, "AHEAD_DELAY", 3600)  # only this test draws ahead, when it says so

    notes = [Note(at=FIXED_NOW, text=f"note {n}: " + "we talked about the conference " * 4) for n in range(3)]
    people = [Contact(id="long", first_name="Long", last_name="Aaa", notes=notes, how_we_met="at the meetup",
                      tags=[f"tag-{n}" for n in range(40)], last_interaction=FIXED_NOW),
              Contact(id="short", first_name="Short", last_name="Bbb", last_interaction=FIXED_NOW),
              Contact(id="mid", first_name="Mid", last_name="Ccc", company="Acme", position="CTO",
                      how_we_met="a long story " * 8, last_interaction=FIXED_NOW)]
    for person in people:
        store.add_contact(person)
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for _ in range(len(people)):
            in_place = [strip.text for strip in app.screen._compositor.render_strips()]
            box = app.screen.query_one(PersonCard).region
            card = [line[box.x:box.right] for line in in_place[box.y:box.bottom]]
            assert any(current(app).display_name in line for line in card)
            redraw_afresh(app)
            app.screen.refresh(layout=True)
            await pilot.pause()
            assert [strip.text for strip in app.screen._compositor.render_strips()] == in_place
            if ahead:
                app.screen.draw_next_card_ahead()
            await pilot.press("k")
            await pilot.pause()


def ana_and_bo(store, monkeypatch):
    """Two people, and a review that draws ahead only when the test says so."""
    from warmintro.model.contact import Contact
    from warmintro.tui.app import make_app
    from warmintro.tui.screens import review

    monkeypatch.setattr(review, "AHEAD_DELAY", 3600)
    store.add_contact(Contact(id="a", first_name="Ana", last_name="Aaa", last_interaction=FIXED_NOW))
    store.add_contact(Contact(id="b", first_name="Bo", last_name="Bbb", last_interaction=FIXED_NOW))
    return make_app(store)


def redraw_afresh(app) -> None:
    """Forget every line drawn ahead: the card's and the note's heading, preview and counter."""
    app.screen.query_one(PersonCard).redraw()
    for lines in app.screen.query(TextLines):
        lines.redraw()


async def test_a_card_framed_ahead_in_another_focus_is_framed_again_in_the_focus_it_has(store, monkeypatch):
    # The card's border is coloured by focus: framed ahead while the user wrote the note, then
    # shown after Escape gave the card the focus back, it must wear the focused border.
    app = ana_and_bo(store, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        app.screen.draw_next_card_ahead()  # Bo, framed as an unfocused card
        await pilot.press("escape", "k")
        await pilot.pause()
        assert current(app).id == "b"
        card = app.screen.query_one(PersonCard)
        assert card.has_focus
        box = card.region
        corner = app.screen._compositor.render_strips()[box.y]
        shown = [segment.style.color for segment in corner if segment.text.strip()]
        card.redraw()
        app.screen.refresh(layout=True)
        await pilot.pause()
        corner = app.screen._compositor.render_strips()[box.y]
        assert [segment.style.color for segment in corner if segment.text.strip()] == shown


async def test_a_card_drawn_ahead_is_not_shown_once_that_person_changed(store, monkeypatch):
    app = ana_and_bo(store, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert current(app).id == "a"
        app.screen.draw_next_card_ahead()  # Bo, as he was
        store.update_contact("b", first_name="Bob", how_we_met="at the bakery on Rua Augusta")
        await pilot.press("k")
        await pilot.pause()
        assert current(app).id == "b"
        shown = screen_lines(app)
        assert any("at the bakery on Rua Augusta" in line for line in shown)
        assert any("Note for Bob Bbb" in line for line in shown)  # the heading drawn ahead said Bo
        redraw_afresh(app)
        await pilot.pause()
        assert screen_lines(app) == shown


async def test_a_card_taller_than_the_screen_scrolls_and_the_next_one_starts_at_its_top(store):
    from warmintro.model.contact import Contact, Note
    from warmintro.tui.app import make_app

    notes = [Note(at=FIXED_NOW, text=f"note {n}: " + "we talked about the conference " * 3) for n in range(3)]
    store.add_contact(Contact(id="tall", first_name="Tall", last_name="Aaa", notes=notes, company="Acme",
                              position="CTO", location="Lisbon", how_we_met="at the meetup " * 6,
                              admire="her talk on accessibility " * 3, why_connect="we both hire " * 4,
                              tags=[f"tag-{n}" for n in range(30)], last_interaction=FIXED_NOW))
    store.add_contact(Contact(id="next", first_name="Next", last_name="Bbb", last_interaction=FIXED_NOW))
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert current(app).id == "tall"
        assert "Tall Aaa" in card_lines(app)[1]
        assert not any("Common ground" in line for line in card_lines(app))  # below the fold
        await pilot.press("end")
        await pilot.pause()
        assert any("Common ground" in line for line in card_lines(app))
        assert not any("Tall Aaa" in line for line in card_lines(app))  # scrolled past the name
        await pilot.press("k")
        await pilot.pause()
        assert current(app).id == "next"
        assert "Next Bbb" in card_lines(app)[1]


def footer_keys(app) -> list[tuple[str, bool]]:
    from textual.widgets._footer import FooterKey

    return [(key.description, not key.has_class("-disabled")) for key in app.screen.query(FooterKey)]


async def test_the_footer_follows_what_the_keys_do_and_is_rebuilt_only_when_that_changes(review_app, monkeypatch):
    from warmintro.tui.widgets.footer import Footer

    rebuilt = []
    original = Footer.recompose

    async def counted(self):
        rebuilt.append(footer_keys(review_app))
        return await original(self)

    monkeypatch.setattr(Footer, "recompose", counted)
    async with review_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        on_card = footer_keys(review_app)
        assert ("Skip", True) in on_card and not any(d == "Done writing" for d, _ in on_card)
        rebuilt.clear()
        for _ in range(3):  # skipping changes the card, not the keys
            await pilot.press("k")
            await pilot.pause()
        assert rebuilt == []
        await pilot.press("w")  # writing: the writing keys appear
        await pilot.pause()
        assert ("Done writing", True) in footer_keys(review_app)
        await pilot.press("escape")
        await pilot.pause()
        assert footer_keys(review_app) == on_card
        assert len(rebuilt) == 2  # once into the note, once back: not once per signal


async def test_the_review_screen_is_styled_as_its_stylesheet_says(review_app):
    # The review is the app's first screen, whose own CSS_PATH Textual never reads.
    async with review_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert review_app.screen.query_one("#right").styles.padding.left == 1
        # Two fixed lines (a long name is cut with an ellipsis), the second naming ctrl+b,
        # which the Footer has no room for.
        heading = review_app.screen.query_one("#heading")
        assert heading.region.height == 2
        assert "(ctrl+b: another way)" in screen_lines(review_app)[heading.region.y + 1]


async def test_a_theme_picked_during_the_review_redraws_the_screen_as_a_start_in_that_theme(demo_store, opened_urls):
    # The card keeps its lines between frames, and the note its colours: both must be drawn again
    # in the new theme's colours.
    from dataclasses import replace

    from warmintro.tui.app import make_app

    def card_segments(app):
        return [[(seg.text, seg.style) for seg in strip] for strip in app.screen._compositor.render_strips()]

    async def writing(pilot):  # the cursor on, steadily, so both screens show it alike
        pilot.app.screen.query_one(TextArea).cursor_blink = False
        await pilot.press("w")
        await pilot.pause()

    switched = make_app(demo_store)
    async with switched.run_test(size=SIZE) as pilot:
        await writing(pilot)
        before = card_segments(switched)
        switched.theme = "warmintro-light"
        await pilot.pause()
        after = card_segments(switched)
    demo_store.set_settings(replace(demo_store.settings, theme="warmintro-light"))
    fresh = make_app(demo_store)
    async with fresh.run_test(size=SIZE) as pilot:
        await writing(pilot)
        assert after == card_segments(fresh) != before


def note_box(app) -> list[str]:
    """The note's box as the screen shows it, whether the preview or the TextArea is in it."""
    box = app.screen.query_one("#preview").region or app.screen.query_one(TextArea).region
    return [line[box.x:box.right].rstrip() for line in screen_lines(app)[box.y:box.bottom]]


async def test_the_note_reads_the_same_in_the_preview_and_once_writing_starts(review_app):
    # While the user reads, a preview shows the note; the TextArea takes it only on `w`. Each
    # note must wrap alike in both, or the text would jump as writing starts.
    async with review_app.run_test(size=(100, 30)) as pilot:
        for _ in range(4):
            await pilot.pause()
            reading = note_box(review_app)
            assert review_app.screen.query_one(NoteEditor).text.split()[0] in reading[1]
            await pilot.press("w")
            await pilot.pause()
            review_app.screen.query_one(TextArea).cursor_blink = False
            assert review_app.screen.query_one(TextArea).has_focus
            assert note_box(review_app) == reading
            await pilot.press("escape", "k")


async def test_tab_or_a_click_on_the_note_starts_writing_and_edits_survive_leaving(review_app, demo_store):
    async with review_app.run_test(size=SIZE) as pilot:
        person = current(review_app)
        await pilot.press("tab")
        await pilot.pause()
        area = review_app.screen.query_one(TextArea)
        assert area.has_focus and area.display
        await pilot.press("end", *" Cheers", "escape")
        await pilot.pause()
        assert review_app.screen.query_one(PersonCard).has_focus and not area.display
        assert "Cheers" in "".join(note_box(review_app))
        await pilot.click("#preview")
        await pilot.pause()
        assert area.has_focus
        await pilot.press("ctrl+s")
        await pilot.pause()
        sent = demo_store.invites_for(person.id)
        assert len(sent) == 1 and sent[0].message.endswith("Cheers")
        # The next person's note came into the TextArea the user is still writing in.
        assert area.has_focus and area.text == review_app.screen.query_one(NoteEditor).text
        assert current(review_app).first_name in area.text


async def test_a_note_taller_than_its_box_wraps_in_the_preview_as_in_the_textarea(review_app):
    # Taller than the box, the TextArea gives columns to its scrollbar and wraps narrower.
    async with review_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        area = review_app.screen.query_one(TextArea)
        area.load_text("We met at the sprint and talked about packaging for a long while. " * 4)
        await pilot.pause()
        assert area.wrapped_document.height > area.scrollable_content_region.height
        rows = [row.rstrip() for line in area.wrapped_document.lines for row in line]
        await pilot.press("escape")
        await pilot.pause()
        shown = [line[2:-2].strip() for line in note_box(review_app)[1:-1]]
        assert shown == [row.strip() for row in rows[:len(shown)]]


async def test_skips_and_an_undo_offer_each_person_once_in_order(store):
    from warmintro.model.contact import Contact
    from warmintro.tui.app import make_app

    for n in range(8):
        store.add_contact(Contact(id=f"p{n}", first_name=f"P{n}", last_name="Zed", last_interaction=FIXED_NOW))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        seen = await skip_people(app, pilot, 5)
        assert len(set(seen)) == 5
        fifth = seen[-1]
        await pilot.press("u")
        await pilot.pause()
        assert current(app).id == fifth  # the undone skip's person is back on screen
        rest = []
        while screen(app).entry is not None and len(rest) < 10:
            rest.append(current(app).id)
            await pilot.press("k")
            await pilot.pause()
        # Then everyone not yet offered. The people skipped before the undo stay skipped for
        # this session, as a skip promises: they come back another day.
        assert rest == [fifth, "p5", "p6", "p7"]
        assert screen(app).entry is None


async def test_a_long_review_frees_the_lines_it_framed_ahead(store, monkeypatch):
    # Each card, heading, preview and counter is framed ahead for the next person. Textual keeps
    # every StylesCache that ever framed a line alive in an lru_cache of 1024, lines and all: a
    # fresh cache per framing grew a 30k review by 64 MB in 300 skips and made its collections
    # between keys take 0.5 s. What the framing made must be freed as the review moves on.
    import gc
    import weakref

    from warmintro.model.contact import Contact
    from warmintro.tui.app import make_app
    from warmintro.tui.screens import review
    from warmintro.tui.widgets import framing

    made: weakref.WeakSet = weakref.WeakSet()

    class CountedCache(framing.StylesCache):
        def __init__(self) -> None:
            super().__init__()
            made.add(self)

    monkeypatch.setattr(framing, "StylesCache", CountedCache)
    monkeypatch.setattr(review, "AHEAD_DELAY", 3600)  # drawn ahead when the test says so
    for n in range(30):
        store.add_contact(Contact(id=f"p{n:02}", first_name=f"P{n}", last_name="Zed", how_we_met=f"meetup {n}",
                                  last_interaction=FIXED_NOW))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        framing_widgets = [app.screen.query_one(PersonCard), *app.screen.query(TextLines)]
        shown = []
        for _ in range(25):
            app.screen.draw_next_card_ahead()
            shown.append(current(app).id)
            await pilot.press("k")
            await pilot.pause()
        gc.collect()
        assert len(set(shown)) == 25  # every key moved on to a person framed ahead
        assert 0 < len(made) <= 2 * len(framing_widgets)
