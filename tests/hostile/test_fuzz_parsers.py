"""Hypothesis against every parser a user types into or hands a file to: no uncaught exception,
and every rejection a one-line message that names the field (and the file, for files).

WARMINTRO_LONG=1 runs thousands of examples each instead of a couple of hundred.
"""

from __future__ import annotations

import os
import string
from dataclasses import fields
from datetime import datetime, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warmintro.model.contact import Contact, normalize_linkedin_url
from warmintro.model.durations import DurationError, parse_day, parse_duration, parse_when
from warmintro.model.icebreak import APPROACHES
from warmintro.model.notes import NoteContext, lint, render
from warmintro.model.policy import Policy
from warmintro.model.settings import Settings, SettingsError
from warmintro.tui.themes import ThemeFileError, load_theme_file, theme_from_dict

NOW = datetime(2026, 11, 18, 9, 30, tzinfo=timezone.utc)
EXAMPLES = 3000 if os.environ.get("WARMINTRO_LONG") == "1" else 200
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

DURATION_WORDS = ["3", "21", "d", "w", "weeks", "day", "months", "next", "monday", "tomorrow", "today", " ",
                  "2026-12-01", "-", "+", "1e9", "99999999999", "\x00", "٣", "ⅷ", "yesterday", "in", "ago"]
duration_text = st.one_of(st.text(max_size=40), st.lists(st.sampled_from(DURATION_WORDS), max_size=6).map("".join))


def one_line(message: str) -> None:
    assert message and "\n" not in message and "\r" not in message


@FUZZ
@given(text=duration_text)
def test_durations_dates_and_days_parse_or_say_why_in_one_line(text):
    for parse in (parse_duration, lambda t: parse_when(t, NOW), lambda t: parse_day(t, NOW)):
        try:
            parse(text)
        except DurationError as exc:
            one_line(str(exc))


SETTING_NAMES = [f.name for f in fields(Settings)]


@FUZZ
@given(name=st.sampled_from(SETTING_NAMES), text=st.one_of(st.text(max_size=20), st.integers().map(str)))
def test_settings_accept_a_value_or_name_the_field(name, text):
    try:
        Settings().with_value(name, text)
    except SettingsError as exc:
        one_line(str(exc))
        assert str(exc).split(":")[0] in SETTING_NAMES


names = st.text(alphabet=string.ascii_letters + string.punctuation + " {}[]\x1b\u202eé😀", max_size=30)


@FUZZ
@given(template=st.text(alphabet=string.ascii_letters + "{}_ [],.!\n", max_size=120), first=names, company=names,
       approach=st.sampled_from(("", *APPROACHES)))
def test_templates_render_and_lint_whatever_braces_they_hold(template, first, company, approach):
    contact = Contact(id="x", first_name=first, company=company, admire=company, why_connect=first)
    note = render(template, contact, NoteContext(my_name="Sam", common="we both know Bo"))
    for issue in lint(note, contact, limit=300, approach=approach):
        one_line(issue.message)


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                                        max_size=3), max_leaves=8)


@FUZZ
@given(raw=st.dictionaries(st.sampled_from(["text", "exclude_tags", "include_companies", "met_in_person_only",
                                            "require_mutual", "unknown"]), json_values, max_size=5))
def test_a_hand_edited_policy_loads_as_some_policy(raw):
    policy = Policy.from_dict(raw)
    assert isinstance(policy, Policy)
    policy.rules()


THEME_KEYS = ["name", "primary", "secondary", "accent", "background", "dark", "luminosity_spread", "variables",
              "bogus"]


@FUZZ
@given(raw=st.dictionaries(st.sampled_from(THEME_KEYS), json_values, max_size=6))
def test_theme_tables_load_or_name_file_and_field(raw):
    try:
        theme_from_dict(raw, "mine.toml")
    except ThemeFileError as exc:
        one_line(str(exc))
        assert str(exc).startswith("mine.toml: ")


@FUZZ
@given(body=st.one_of(st.binary(max_size=300), st.lists(st.sampled_from(
    ['name = "x"\n', 'primary = "#ff0000"\n', 'primary = "nope"\n', "dark = 3\n", "[variables]\n",
     'gauge-ok = ""\n', "= =\n", '"\n', "\xff", "luminosity_spread = 2\n"]), max_size=8).map(
    lambda parts: "".join(parts).encode("utf-8", "surrogatepass"))))
def test_theme_files_load_or_name_file_and_field(tmp_path, body):
    path = tmp_path / "user-theme.toml"
    path.write_bytes(body)
    try:
        load_theme_file(path)
    except ThemeFileError as exc:
        one_line(str(exc))
        assert str(exc).startswith("user-theme.toml: ")


_URL_PARTS = st.tuples(
    st.sampled_from(["", "http://", "https://", "HTTPS://", "ftp://", "https://user@", "//"]),
    st.sampled_from(["", "www.", "uk.", "Www.", "evil", ".", "a_b.", "ü.", "x.y."]),
    st.sampled_from(["linkedin.com", "LinkedIn.COM", "linkedin.com.evil.com", "linkedin.co", "linkedin.com:443"]),
    st.sampled_from(["/in/", "/IN/", "/pub/", "/fr/in/", "/in//", "/company/", "/in/ "]),
    st.text(alphabet=string.ascii_letters + string.digits + "-_%20éü/?#. \t\n\\", max_size=20),
    st.sampled_from(["", "/", "//", "/details", "?trk=x", "#top", " ", "/12/345/678"]),
)


@settings(max_examples=EXAMPLES, deadline=None)
@given(_URL_PARTS)
def test_the_fast_path_for_profile_urls_agrees_with_the_full_parse(parts):
    # normalize_linkedin_url takes a regex shortcut for the common form; the slow path is the reference.
    from warmintro.model.contact import _normalize_url_by_parts

    url = "".join(parts).strip()
    expected = _normalize_url_by_parts(url) if url else ""
    assert normalize_linkedin_url(url) == expected
