from collections import Counter

import pytest
from hypothesis import given, settings, strategies as st

from warmintro.model.contact import Contact
from warmintro.model.notes import (DEFAULT_TEMPLATES, NoteContext, is_linkedin_default, lint, render,
                                   sent_counter)
from warmintro.model.segments import SEGMENTS, segment_of

ANA = Contact(id="c1", first_name="Ana", last_name="Silva", company="Acme", position="CTO", event="PyCon Lisbon",
              how_we_met="your talk on data contracts", mutual=["Bo Chen"])
CTX = NoteContext(my_name="Alex", common="we both know Bo Chen")


def rules(text, contact=ANA, limit=300, counter=None):
    return {(i.rule, i.level) for i in lint(text, contact, limit=limit, sent_messages_counter=counter)}


def test_every_segment_has_a_default_that_fits_a_free_note_when_filled():
    assert set(DEFAULT_TEMPLATES) == set(SEGMENTS)
    for template in DEFAULT_TEMPLATES.values():
        note = render(template, ANA, CTX)
        assert "{" not in note
        assert len(note) <= 200, note
        assert rules(note) <= {("no_context", "warn")}


def test_render_fills_every_placeholder():
    text = "{first_name} {last_name} {company} {position} {event} {how_we_met} {common} {mutual} {my_name}"
    assert render(text, ANA, CTX) == ("Ana Silva Acme CTO PyCon Lisbon your talk on data contracts "
                                      "we both know Bo Chen Bo Chen Alex")


def test_unknown_or_empty_placeholders_stay_visible_for_the_lint():
    assert render("Hi {nickname}, {school}", ANA) == "Hi {nickname}, {school}"
    assert render("Hi {first_name} from {company}", Contact(id="x", first_name="Bo")) == "Hi Bo from {company}"


@given(st.text())
def test_render_never_crashes_on_braces_in_user_text(text):
    assert isinstance(render(text, ANA, CTX), str)
    assert isinstance(render("{first_name}", Contact(id="x", first_name=text)), str)


@given(st.text(max_size=400))
def test_lint_never_crashes(text):
    for issue in lint(text, ANA, limit=200, sent_messages_counter=Counter()):
        assert issue.level in ("block", "warn")


def test_over_limit_blocks():
    assert ("over_limit", "block") in rules("Hi Ana, we met at PyCon. " + "x" * 300)
    assert ("over_limit", "block") not in rules("Hi Ana, we met at PyCon.", limit=200)


def test_unfilled_placeholder_blocks():
    assert ("placeholder", "block") in rules("Hi Ana, we met at {event}.")


@pytest.mark.parametrize("text", [
    "I'd like to add you to my professional network on LinkedIn.",
    "Hi Ana, I'd like to add you to my professional network on LinkedIn.",
    "I would like to add you to my professional network",
    "Hi Ana, I'd like to join your LinkedIn network.",
    "i’d like to add you to my professional network on linkedin",
    "Hello Ana! I'd love to connect with you on LinkedIn.",
])
def test_linkedin_default_and_close_variants_block(text):
    assert is_linkedin_default(text)
    assert ("default_note", "block") in rules(text)


def test_a_real_note_is_not_the_default():
    assert not is_linkedin_default("Hi Ana, great to meet you at PyCon Lisbon; I enjoyed your talk on data contracts.")


def test_no_first_name_warns():
    assert ("no_first_name", "warn") in rules("Hello, we met at PyCon Lisbon.")
    assert ("no_first_name", "warn") not in rules("Hello Ana, we met at PyCon Lisbon.")


def test_no_context_warns():
    assert ("no_context", "warn") in rules("Hi Ana, hope all is well. Alex")
    assert ("no_context", "warn") not in rules("Hi Ana, we met at PyCon. Alex")
    assert ("no_context", "warn") not in rules("Hi Ana, Bo Chen suggested I reach out. Alex")


def test_sales_pitch_warns():
    assert ("sales_pitch", "warn") in rules("Hi Ana, we met at PyCon. Can I book a call about our product?")
    assert ("sales_pitch", "warn") not in rules("Hi Ana, we met at PyCon.")


def test_same_text_to_many_people_warns_whatever_the_name():
    sent = [f"Hi {n}, we met at PyCon. Alex" for n in ("Bo", "Cy", "Di", "Ed", "Flo")]
    counter = sent_counter(sent)
    assert ("same_text", "warn") in rules("Hi Ana, we met at PyCon. Alex", counter=counter)
    assert ("same_text", "warn") not in rules("Hi Ana, we met at PyCon. Alex", counter=sent_counter(sent[:2]))


def test_empty_note_is_not_linted():
    assert lint("   ", ANA, limit=200) == []


def test_segment_explicit_then_tags_then_sources():
    assert segment_of(Contact(id="a", segment="clients", tags=["chamber"])) == "clients"
    assert segment_of(Contact(id="a", tags=["Chamber"])) == "chamber"
    assert segment_of(Contact(id="a", tags=["former-colleagues"])) == "former-colleagues"
    assert segment_of(Contact(id="a", event="PyCon", sources=["quick-add"])) == "event"
    assert segment_of(Contact(id="a", not_on_linkedin=True)) == "not-on-linkedin"
    assert segment_of(Contact(id="a", sources=["outlook:chamber-members.csv"])) == "chamber"
    assert segment_of(Contact(id="a", linkedin_url="https://www.linkedin.com/in/a/")) == "on-linkedin"
    assert segment_of(Contact(id="a", sources=["vcard:old.vcf"])) == "not-on-linkedin"


# ----- the three approaches ----------------------------------------------------------------------

from warmintro.model import icebreak  # noqa: E402


def test_a_compliment_without_what_i_admire_warns_of_flattery():
    vague = Contact(id="v", first_name="Vera")
    text = "Hi Vera, I really liked your work. I'd be glad to connect. Alex"
    rules = {i.rule: i.level for i in lint(text, vague, limit=300, approach=icebreak.COMPLIMENT)}
    assert rules.get("vague_compliment") == "warn"
    specific = Contact(id="s", first_name="Vera", admire="your PyCon talk on packaging")
    text = render(icebreak.default_template(icebreak.COMPLIMENT, "on-linkedin", {}), specific, CTX)
    rules = {i.rule for i in lint(text, specific, limit=300, approach=icebreak.COMPLIMENT)}
    assert "vague_compliment" not in rules and "no_context" not in rules
    assert "your PyCon talk on packaging" in text


def test_a_direct_note_without_a_reason_is_blocked():
    nobody = Contact(id="n", first_name="Nils")
    issues = lint("Hi Nils, would you be open to connecting? Alex", nobody, limit=300, approach=icebreak.DIRECT)
    assert ("direct_no_reason", "block") in {(i.rule, i.level) for i in issues}
    reason = Contact(id="r", first_name="Nils", why_connect="I'm hiring a data engineer in Porto and your "
                                                             "pipeline work fits.")
    text = render(icebreak.default_template(icebreak.DIRECT, "on-linkedin", {}), reason, CTX)
    assert {i.level for i in lint(text, reason, limit=300, approach=icebreak.DIRECT)} <= {"warn"}


def test_approaches_cycle_and_the_suggestion_follows_what_the_card_holds():
    assert [icebreak.next_approach(a) for a in icebreak.APPROACHES] == ["compliment", "direct", "common"]
    assert icebreak.suggested_approach(Contact(id="a", admire="your talk"), False) == icebreak.COMPLIMENT
    assert icebreak.suggested_approach(Contact(id="b", why_connect="hiring"), False) == icebreak.DIRECT
    assert icebreak.suggested_approach(Contact(id="c", admire="your talk"), True) == icebreak.COMMON
    assert icebreak.template_key(icebreak.COMMON, "clients") == "clients"
    assert icebreak.template_key(icebreak.DIRECT, "clients") == "direct:clients"


def _default_by_full_scan(text: str) -> bool:
    """is_linkedin_default as it was before its length bound: rapidfuzz against every default."""
    from rapidfuzz import fuzz
    from warmintro.model import notes

    core = notes._GREETING.sub("", notes._core(text))
    if not core:
        return False
    return any(fuzz.ratio(core, target) >= notes._DEFAULT_SIMILARITY
               or (len(core) > len(target) and fuzz.ratio(core[:len(target)], target) >= 90
                   and len(core) - len(target) <= 30)
               for target in notes._DEFAULT_CORES)


@st.composite
def near_defaults(draw):
    """LinkedIn's default notes with a greeting, a signature and a few edits: the lengths where the
    bound decides whether rapidfuzz is asked at all."""
    from warmintro.model.notes import LINKEDIN_DEFAULTS

    text = draw(st.sampled_from(LINKEDIN_DEFAULTS))
    for _ in range(draw(st.integers(0, 12))):
        at = draw(st.integers(0, len(text)))
        cut = draw(st.integers(0, 3))
        text = text[:at] + draw(st.text("abcdefgh ,.'", max_size=4)) + text[at + cut:]
    return draw(st.sampled_from(["", "Hi Ana, ", "Hello "])) + text + draw(
        st.sampled_from(["", " Sam", " Best, Sam Rivera", " — thanks so much for the talk yesterday!"]))


@settings(max_examples=400, deadline=None)
@given(st.one_of(near_defaults(), st.text(max_size=120)))
def test_the_length_bound_never_changes_what_counts_as_the_default_note(text):
    assert is_linkedin_default(text) == _default_by_full_scan(text)
