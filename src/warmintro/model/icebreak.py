"""Three ways to break the ice when a person has no strong shared history.

1. common ground: a person, group, employer, event or interest you share (the segment templates);
2. an honest compliment about something specific they made or did (the contact's "admire" field);
3. a direct statement of what you want or can offer (the contact's "why_connect" field).

Each approach has its own template per segment. The segment templates of notes.py are the
common-ground ones, so a database written before approaches existed keeps its templates.
"""

from __future__ import annotations

from warmintro.model.contact import Contact
from warmintro.model.segments import CHAMBER, CLIENTS, COLLEAGUES, EVENT, NOT_ON_LINKEDIN, ON_LINKEDIN

COMMON = "common"
COMPLIMENT = "compliment"
DIRECT = "direct"
APPROACHES = (COMMON, COMPLIMENT, DIRECT)
LABELS = {COMMON: "what we have in common", COMPLIMENT: "an honest compliment", DIRECT: "why I want to connect"}

_COMPLIMENT = "Hi {first_name}, I really appreciated {admire}. I'd be glad to connect. {my_name}"
_DIRECT = "Hi {first_name}, {why_connect} Would you be open to connecting? {my_name}"

# Compliment and direct notes read much the same across segments; the few that differ say how we know them.
DEFAULT_APPROACH_TEMPLATES: dict[str, dict[str, str]] = {
    COMPLIMENT: {
        CLIENTS: "Hi {first_name}, I really appreciated {admire}. It has been good working with the {company} "
                 "team; I'd be glad to connect. {my_name}",
        CHAMBER: "Hi {first_name}, I really appreciated {admire}. As fellow members of {event}, "
                 "I'd be glad to connect. {my_name}",
        EVENT: "Hi {first_name}, I really appreciated {admire} at {event}. I'd be glad to connect. {my_name}",
        COLLEAGUES: "Hi {first_name}, I really appreciated {admire}. Good to see you at {company}; "
                    "let's stay in touch. {my_name}",
        ON_LINKEDIN: "Hi {first_name}, I really appreciated {admire}. I'd be glad to connect. {my_name}",
        NOT_ON_LINKEDIN: "Hi {first_name}, good to see you've joined LinkedIn! I really appreciated {admire}. "
                         "{my_name}",
    },
    DIRECT: {
        CLIENTS: "Hi {first_name}, {why_connect} Since we worked together with {company}, "
                 "would you be open to connecting? {my_name}",
        CHAMBER: "Hi {first_name}, {why_connect} As fellow members, would you be open to connecting? {my_name}",
        EVENT: "Hi {first_name}, good to meet you at {event}. {why_connect} Would you be open to connecting? "
               "{my_name}",
        COLLEAGUES: "Hi {first_name}, {why_connect} It's been a while since we worked together; "
                    "would you be open to connecting? {my_name}",
        ON_LINKEDIN: _DIRECT,
        NOT_ON_LINKEDIN: "Hi {first_name}, good to see you've joined LinkedIn! {why_connect} {my_name}",
    },
}


def template_key(approach: str, segment: str) -> str:
    """Where the store keeps a template: plain segment names are the common-ground ones."""
    return segment if approach in ("", COMMON) else f"{approach}:{segment}"


def default_template(approach: str, segment: str, common_defaults: dict[str, str]) -> str:
    if approach in ("", COMMON):
        return common_defaults.get(segment, "Hi {first_name}, ")
    return DEFAULT_APPROACH_TEMPLATES[approach].get(segment, _DIRECT if approach == DIRECT else _COMPLIMENT)


def next_approach(approach: str) -> str:
    index = APPROACHES.index(approach) if approach in APPROACHES else -1
    return APPROACHES[(index + 1) % len(APPROACHES)]


def suggested_approach(contact: Contact, has_common_ground: bool) -> str:
    """Common ground when there is some; else whichever field the user filled in for this person."""
    if has_common_ground or contact.how_we_met or contact.event:
        return COMMON
    if contact.admire.strip():
        return COMPLIMENT
    if contact.why_connect.strip():
        return DIRECT
    return COMMON
