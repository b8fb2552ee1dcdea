"""Breaking the ice three ways from the review, and the friending policy edited in the app."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Static, Switch, TextArea

from warmintro.model.contact import Contact
from warmintro.model.policy import Policy
from warmintro.tui.screens.policy import PolicyScreen
from warmintro.tui.screens.review import ReviewScreen
from warmintro.tui.widgets.card import PersonCard
from warmintro.tui.widgets.dialogs import EditContact
from warmintro.tui.widgets.note_editor import NoteEditor

SIZE = (120, 40)


def heading(app) -> str:
    return str(app.screen.query_one("#heading").render())


def rules(app) -> set[str]:
    return {i.rule for i in app.screen.query_one(NoteEditor).issues}


async def test_ctrl_b_cycles_the_approach_and_the_note_follows(store, opened_urls):
    from warmintro.tui.app import make_app
    store.add_contact(Contact(id="vera", first_name="Vera", event="PyCon", met_on=store.now().date(),
                              how_we_met="the packaging sprint", admire="your talk on wheels",
                              why_connect="I'm hiring a packaging engineer."))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        note = app.screen.query_one(NoteEditor)
        assert "what we have in common" in heading(app)
        assert "packaging sprint" in note.text
        await pilot.press("ctrl+b")
        assert "an honest compliment" in heading(app)
        assert "your talk on wheels" in note.text
        await pilot.press("w", "ctrl+b")  # the same key works while writing
        assert "why I want to connect" in heading(app)
        assert "I'm hiring a packaging engineer." in note.text
        assert not note.blocked
        await pilot.press("ctrl+s")
        await pilot.pause()
        [invite] = store.invites_for("vera")
        assert invite.approach == "direct" and "hiring" in invite.message


async def test_each_approach_lints_what_it_needs(store, opened_urls):
    from warmintro.tui.app import make_app
    store.add_contact(Contact(id="nils", first_name="Nils", event="PyCon", met_on=store.now().date()))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+b")  # compliment, with nothing on the card to admire
        assert "vague_compliment" in rules(app)
        await pilot.press("ctrl+b")  # direct, with no reason on the card
        assert "direct_no_reason" in rules(app)
        await pilot.press("s")
        await pilot.pause()
        assert store.invites_for("nils") == []
        await pilot.press("e")  # fill the reason in from the card
        await pilot.pause()
        assert isinstance(app.screen, EditContact)
        app.screen.query_one("#why_connect", Input).value = "I run the Porto Python meetup and want you as a speaker."
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert "why I want to connect" in heading(app)  # editing the card keeps the approach
        assert "direct_no_reason" not in rules(app)
        assert "Porto Python meetup" in app.screen.query_one(NoteEditor).text


async def test_the_policy_editor_changes_the_queue_and_the_card_shows_it(store, opened_urls):
    from warmintro.tui.app import make_app
    store.add_contact(Contact(id="rex", first_name="Rex", last_name="Recruiter", tags=["recruiter"],
                              met_on=store.now().date(), event="Job fair"))
    store.add_contact(Contact(id="ana", first_name="Ana", met_on=store.now().date(), event="PyCon"))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PolicyScreen)
        app.screen.query_one("#policy-text", TextArea).load_text("Builders I would gladly help.")
        app.screen.query_one("#rule-exclude_tags", Input).value = "recruiter"
        await pilot.pause()
        effect = str(app.screen.query_one("#policy-effect", Static).render())
        assert "1 offered, 1 not offered" in effect and "tag recruiter is excluded" in effect
        assert store.policy == Policy()  # nothing saved before ctrl+s
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.policy.exclude_tags == ("recruiter",)
        await pilot.press("escape")
        await pilot.pause()
        card = str(app.screen.query_one(PersonCard).render())
        assert "Your policy: Builders I would gladly help." in card
        assert "1 not offered by your policy" in card
        assert app.screen.entry.contact.id == "ana"
        await pilot.press("k")  # skip Ana: Rex is still never offered
        await pilot.pause()
        assert app.screen.entry is None
        await pilot.press("u")  # and the policy change is an action like any other: undoable
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        assert store.policy == Policy()


async def test_switches_require_meeting_in_person(store, opened_urls):
    from warmintro.tui.app import make_app
    store.add_contact(Contact(id="far", first_name="Far", how_we_met="an old email thread"))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        assert app.screen.entry.contact.id == "far"
        app.action_open_screen("policy")
        await pilot.pause()
        app.screen.query_one("#rule-met_in_person_only", Switch).value = True
        await pilot.pause()
        await pilot.press("ctrl+s", "escape")
        await pilot.pause()
        assert app.screen.entry is None
        assert "1 not offered by your policy" in str(app.screen.query_one(PersonCard).render())



POLICY_RULES = [
    ("exclude_tags", "recruiter"), ("include_tags", "python, client"), ("exclude_segments", "clients"),
    ("include_segments", "clients"), ("exclude_companies", "acme"), ("include_companies", "acme"),
    ("exclude_locations", "london"), ("include_locations", "lisbon"),
    ("met_in_person_only", True), ("require_how_we_met", True), ("require_mutual", True),
]


@pytest.mark.parametrize("rule,value", POLICY_RULES, ids=[r[0] for r in POLICY_RULES])
async def test_each_policy_rule_set_in_the_editor_changes_who_the_review_offers(store, opened_urls, rule, value):
    from policy_people import PEOPLE, expected_offer
    from warmintro.tui.app import make_app

    for person in PEOPLE.values():
        store.add_contact(person)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        app.action_open_screen("policy")
        await pilot.pause()
        if isinstance(value, bool):
            app.screen.query_one(f"#rule-{rule}", Switch).value = value
        else:
            app.screen.query_one(f"#rule-{rule}", Input).value = value
        await pilot.pause()
        await pilot.press("ctrl+s", "escape")
        await pilot.pause()
        offered, kept_out = expected_offer(store.policy)
        assert kept_out  # every rule here keeps somebody out
        assert f"{len(kept_out)} not offered by your policy" in str(app.screen.query_one(PersonCard).render())
        seen = set()
        while app.screen.entry is not None:  # skip through the whole queue: only the offered come up
            seen.add(app.screen.entry.contact.id)
            await pilot.press("k")
            await pilot.pause()
        assert seen == offered
