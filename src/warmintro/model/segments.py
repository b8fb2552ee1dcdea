"""Which note template serves a person: their segment, explicit or inferred from tags and sources."""

from __future__ import annotations

from warmintro.model.contact import Contact

CLIENTS = "clients"
CHAMBER = "chamber"  # members of a group, club or chamber of commerce
EVENT = "event"
COLLEAGUES = "former-colleagues"
ON_LINKEDIN = "on-linkedin"
NOT_ON_LINKEDIN = "not-on-linkedin"

SEGMENTS = (CLIENTS, CHAMBER, EVENT, COLLEAGUES, ON_LINKEDIN, NOT_ON_LINKEDIN)
LABELS = {
    CLIENTS: "clients",
    CHAMBER: "group or chamber members",
    EVENT: "people met at an event",
    COLLEAGUES: "former colleagues",
    ON_LINKEDIN: "people already on LinkedIn",
    NOT_ON_LINKEDIN: "people not yet on LinkedIn",
}

# Tag spellings people actually use, mapped to the segment they mean.
_TAG_SEGMENTS = {
    "client": CLIENTS, "clients": CLIENTS, "customer": CLIENTS, "customers": CLIENTS,
    "chamber": CHAMBER, "group": CHAMBER, "club": CHAMBER, "association": CHAMBER, "member": CHAMBER,
    "event": EVENT, "conference": EVENT, "meetup": EVENT,
    "former-colleagues": COLLEAGUES, "former-colleague": COLLEAGUES, "colleague": COLLEAGUES,
    "colleagues": COLLEAGUES, "alumni": COLLEAGUES,
}


def segment_of(contact: Contact) -> str:
    """The explicit segment if set, else the first that tags, then sources, imply.

    Order matters: a client met at an event is still written to as a client.
    """
    if contact.segment:
        return contact.segment
    for tag in contact.tags:
        found = _TAG_SEGMENTS.get(tag.strip().casefold())
        if found:
            return found
    if contact.event:
        return EVENT
    if contact.not_on_linkedin:
        return NOT_ON_LINKEDIN
    from_linkedin = False
    for source in contact.sources:
        if source.startswith("event:"):
            return EVENT
        if "chamber" in source or "group" in source:
            return CHAMBER
        from_linkedin = from_linkedin or source.startswith("linkedin")
    if contact.linkedin_url or from_linkedin or not contact.sources:
        return ON_LINKEDIN
    # An address-book entry with no profile URL: we don't know they are on LinkedIn.
    return NOT_ON_LINKEDIN
