"""Invitation notes: the shipped templates, placeholder filling, and the lint shown while typing."""

from __future__ import annotations

import re
import string
from collections import Counter
from dataclasses import dataclass
from typing import Mapping

from warmintro.model.contact import Contact
from warmintro.model.icebreak import COMPLIMENT, DIRECT
from warmintro.model.segments import CHAMBER, CLIENTS, COLLEAGUES, EVENT, NOT_ON_LINKEDIN, ON_LINKEDIN

# Short and human: a greeting, how we know each other, why connect. Each fits 200 characters once filled.
DEFAULT_TEMPLATES: dict[str, str] = {
    CLIENTS: "Hi {first_name}, it has been good working with you and the {company} team. "
             "I'd be glad to stay in touch here. {my_name}",
    CHAMBER: "Hi {first_name}, good to see you at {event} ({how_we_met}). "
             "As fellow members, I'd be glad to keep in touch. {my_name}",
    EVENT: "Hi {first_name}, great to meet you at {event} ({how_we_met}). "
           "I'd like to stay in touch. {my_name}",
    COLLEAGUES: "Hi {first_name}, it's been a while since we worked together. "
                "Good to see you at {company}; let's stay in touch. {my_name}",
    ON_LINKEDIN: "Hi {first_name}, {common}. I'd like to connect and keep in touch. {my_name}",
    NOT_ON_LINKEDIN: "Hi {first_name}, good to see you've joined LinkedIn! "
                     "Let's connect here too. {my_name}",
}

PLACEHOLDERS = ("first_name", "last_name", "company", "position", "event", "how_we_met",
                "common", "mutual", "my_name", "admire", "why_connect")


@dataclass(frozen=True, slots=True)
class NoteContext:
    """What a note can say beyond the contact itself."""
    my_name: str = ""
    common: str = ""  # the best common-ground phrase
    mutual: str = ""  # a mutual connection's name


def placeholder_values(contact: Contact, context: NoteContext) -> dict[str, str]:
    return {
        "first_name": contact.first_name, "last_name": contact.last_name,
        "company": contact.company, "position": contact.position,
        "event": contact.event, "how_we_met": contact.how_we_met,
        "common": context.common, "mutual": context.mutual or (contact.mutual[0] if contact.mutual else ""),
        "my_name": context.my_name,
        "admire": contact.admire, "why_connect": contact.why_connect,
    }


_FIELD_RE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def render(template: str, contact: Contact, context: NoteContext = NoteContext()) -> str:
    """Fill the known placeholders that have a value; leave the rest visible so the lint catches them.

    A regex substitution, not str.format: braces in user text must never raise or be eaten.
    """
    values = placeholder_values(contact, context)

    def fill(match: re.Match) -> str:
        value = values.get(match.group(1), "")
        return value if value else match.group(0)

    return _FIELD_RE.sub(fill, template)


def unfilled_placeholders(text: str) -> list[str]:
    return [m.group(0) for m in _FIELD_RE.finditer(text)]


@dataclass(frozen=True, slots=True)
class LintIssue:
    rule: str
    level: str  # "block" or "warn"
    message: str


LINKEDIN_DEFAULTS = (
    "I'd like to add you to my professional network on LinkedIn.",
    "I'd like to join your LinkedIn network.",
    "I'd like to add you to my network.",
    "I'd like to connect with you on LinkedIn.",
    "I want to add you to my professional network on LinkedIn.",
    "Please accept my invitation to connect on LinkedIn.",
)
_DEFAULT_SIMILARITY = 85  # rapidfuzz ratio out of 100; "I'd like to add you to my network" still trips it

_CONTEXT_WORDS = (
    "met", "meet", "meeting", "worked", "work with", "working", "together", "colleague", "client",
    "member", "conference", "event", "talk", "mutual", "introduced", "recommend", "both", "our ",
    "school", "university", "team", "project", "chamber", "group", "club", "enjoyed", "your post",
    "your article", "panel", "workshop", "dinner", "coffee", "call", "we spoke", "spoke", "chat",
)
_PITCH_RE = re.compile(
    r"\b(discount|offer|free trial|demo|buy|purchase|pricing|price|our (?:product|service|solution)s?|"
    r"book a call|schedule a call|sales|deal|limited time|roi|leads?|grow your business|quote|"
    r"hop on a call|15 minutes|services)\b", re.IGNORECASE)
_MANY_SAME = 5  # the same text sent to this many people reads as a mail merge


# A regex deletes these faster than str.translate, which looks every character up in a table:
# the "same text" counter normalises every note ever sent.
_PUNCTUATION = re.compile("[" + re.escape(string.punctuation.replace("'", "")) + "]+")


def _normalise(text: str) -> str:
    text = text.casefold().replace("’", "'")
    text = _PUNCTUATION.sub("", text)
    return " ".join(text.split())


_CONTRACTIONS = tuple((re.compile(pattern), repl) for pattern, repl in (
    (r"\bi would\b", "i'd"), (r"\bi want to\b", "i'd like to"), (r"\bid like\b", "i'd like"),
    (r"\bi'd love to\b", "i'd like to"), (r"\bon linkedin\b", ""), (r"\blinkedin\b", "")))
_GREETING = re.compile(r"^(hi|hello|hey|dear)( \w+)?\s*")


def _core(text: str) -> str:
    core = _normalise(text)
    for pattern, repl in _CONTRACTIONS:
        core = pattern.sub(repl, core)
    return " ".join(core.split())


# The lint runs on every keystroke: the defaults are reduced to their core once.
_DEFAULT_CORES = tuple(_core(default) for default in LINKEDIN_DEFAULTS)


def _may_reach(similarity: int, a: int, b: int) -> bool:
    """Whether texts of lengths a and b can reach this rapidfuzz ratio at all: the ratio is
    200 * (longest common subsequence) / (a + b), and the subsequence is at most min(a, b)."""
    return 200 * min(a, b) >= similarity * (a + b)


def is_linkedin_default(text: str) -> bool:
    """The default note or a close variant, once a greeting and the signature are ignored."""
    core = _GREETING.sub("", _core(text))
    if not core:
        return False
    fuzz = None  # imported only for a text whose length lets it be close: most notes are far longer
    for target in _DEFAULT_CORES:
        whole = _may_reach(_DEFAULT_SIMILARITY, len(core), len(target))
        # A name or signature appended to the default: compare the leading part only.
        leading = len(target) < len(core) <= len(target) + 30
        if not (whole or leading):
            continue
        if fuzz is None:
            from rapidfuzz import fuzz
        if whole and fuzz.ratio(core, target) >= _DEFAULT_SIMILARITY:
            return True
        if leading and fuzz.ratio(core[:len(target)], target) >= 90:
            return True
    return False


def lint(text: str, contact: Contact, *, limit: int,
         sent_messages_counter: Mapping[str, int] | None = None, approach: str = "") -> list[LintIssue]:
    """Every rule, blocking ones first. An empty note is not linted: sending without one is a choice.

    The approach (icebreak.py) adds its own rule: a direct note needs a reason, a compliment a subject.
    """
    issues: list[LintIssue] = []
    stripped = text.strip()
    if not stripped:
        return issues
    if len(stripped) > limit:
        issues.append(LintIssue("over_limit", "block",
                                f"{len(stripped)} characters: {len(stripped) - limit} over the limit of {limit}."))
    holes = unfilled_placeholders(stripped)
    if holes:
        hint = " (or set your name in settings)" if "{my_name}" in holes else ""
        issues.append(LintIssue("placeholder", "block",
                                f"Unfilled placeholder {', '.join(dict.fromkeys(holes))}: write it in by hand{hint}."))
    if approach == DIRECT and not contact.why_connect.strip():
        issues.append(LintIssue("direct_no_reason", "block",
                                "A direct note needs a reason: fill in why you want to connect (e on the card)."))
    if is_linkedin_default(stripped):
        issues.append(LintIssue("default_note", "block",
                                "This is LinkedIn's default note (or close to it): say how you know each other."))
    folded = stripped.casefold()
    first = contact.first_name.strip().casefold()
    if first and first not in folded:
        issues.append(LintIssue("no_first_name", "warn", f"The note does not use {contact.first_name}'s first name."))
    if approach == COMPLIMENT and not contact.admire.strip():
        issues.append(LintIssue("vague_compliment", "warn", "A vague compliment reads as flattery: say what you "
                                "admire, an article, a talk, a project (e on the card)."))
    # A specific compliment or a stated reason is the context these approaches give instead of shared history.
    says_why = (approach == COMPLIMENT and contact.admire.strip()) or (approach == DIRECT and contact.why_connect.strip())
    if not says_why and not any(word in folded for word in _CONTEXT_WORDS) and not _mentions_shared_fact(folded, contact):
        issues.append(LintIssue("no_context", "warn", "Nothing says how you know each other."))
    pitch = _PITCH_RE.search(stripped)
    if pitch:
        issues.append(LintIssue("sales_pitch", "warn",
                                f"“{pitch.group(0)}” reads like a sales pitch: an invitation is not the place."))
    if sent_messages_counter:
        times = same_text_count(stripped, sent_messages_counter)
        if times >= _MANY_SAME:
            issues.append(LintIssue("same_text", "warn", f"The same text already went to {times} people."))
    return issues


def _mentions_shared_fact(folded: str, contact: Contact) -> bool:
    facts = (contact.company, contact.event, contact.school, contact.introduced_by, *contact.mutual)
    return any(f and f.casefold() in folded for f in facts)


def message_key(text: str) -> str:
    """Notes differing only in the name or punctuation count as the same text."""
    return _normalise(text)


def note_key(message: str) -> str | None:
    """What the "same text" rule counts a sent note as: names blanked, so "Hi Ana, …" and
    "Hi Bo, …" are one text; None for an empty note."""
    if not message or not message.strip():
        return None
    return message_key(_strip_greeting_name(message))


def sent_counter(messages) -> Counter:
    """How often each (normalised) note was sent, for the "same text" rule."""
    counter: Counter = Counter()
    for message in messages:
        key = note_key(message)
        if key is not None:
            counter[key] += 1
    return counter


_GREETING_NAME = re.compile(r"^\s*(hi|hello|hey|dear)\s+[^\s,!.]+", re.IGNORECASE)


def _strip_greeting_name(text: str) -> str:
    text = text.strip()
    # match and slice: a third of the time of sub() with a group template, over every note sent
    found = _GREETING_NAME.match(text)
    return found.group(1) + text[found.end():] if found else text


def same_text_count(text: str, counter: Mapping[str, int]) -> int:
    key = note_key(text)
    return 0 if key is None else counter.get(key, 0)
