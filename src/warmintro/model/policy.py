"""The friending policy: who the user wants in their network, written down once and applied by the queue.

A short text the user sees on every card, plus rules. Include lists, when not empty, admit only
people who match one entry; exclude lists turn away anyone who matches one. Matching ignores case;
companies and locations match on a part ("acme" matches "Acme Corp").
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from warmintro.model.contact import Contact

LIST_RULES = ("include_tags", "exclude_tags", "include_segments", "exclude_segments",
              "include_companies", "exclude_companies", "include_locations", "exclude_locations")
FLAG_RULES = ("met_in_person_only", "require_how_we_met", "require_mutual")


@dataclass(frozen=True)
class Policy:
    text: str = ""
    include_tags: tuple[str, ...] = ()
    exclude_tags: tuple[str, ...] = ()
    include_segments: tuple[str, ...] = ()
    exclude_segments: tuple[str, ...] = ()
    include_companies: tuple[str, ...] = ()
    exclude_companies: tuple[str, ...] = ()
    include_locations: tuple[str, ...] = ()
    exclude_locations: tuple[str, ...] = ()
    met_in_person_only: bool = False
    require_how_we_met: bool = False
    require_mutual: bool = False

    @property
    def has_rules(self) -> bool:
        return any(getattr(self, name) for name in LIST_RULES + FLAG_RULES)

    def to_dict(self) -> dict:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}

    @classmethod
    def from_dict(cls, raw: dict | None) -> "Policy":
        if not raw:
            return cls()
        known = {f.name for f in fields(cls)}
        data = {}
        for key, value in raw.items():
            if key not in known:
                continue
            if key in LIST_RULES:
                # A hand-edited file may hold one string or anything else: never fail to open over it.
                items = value if isinstance(value, (list, tuple)) else parse_list(value) if isinstance(value, str) else ()
                data[key] = tuple(dict.fromkeys(str(v).strip() for v in items if str(v).strip()))
            elif key in FLAG_RULES:
                data[key] = bool(value)
            else:
                data[key] = str(value or "")
        return cls(**data)

    def rules(self) -> list[str]:
        """Each rule in words, for `status` and the editor."""
        out = []
        for name in LIST_RULES:
            values = getattr(self, name)
            if values:
                verb, what = name.split("_", 1)
                out.append(f"{verb} {what}: {', '.join(values)}")
        words = {"met_in_person_only": "met in person only",
                 "require_how_we_met": "must have a note about how we know each other",
                 "require_mutual": "must have at least one mutual connection"}
        out.extend(words[name] for name in FLAG_RULES if getattr(self, name))
        return out


def _folded(values) -> set[str]:
    return {v.casefold() for v in values}


def _part_of(needles: tuple[str, ...], haystack: str) -> str | None:
    hay = haystack.casefold()
    return next((n for n in needles if hay and n.casefold() in hay), None)


def met_in_person(contact: Contact) -> bool:
    return contact.met_on is not None or bool(contact.event) or "quick-add" in contact.sources


def exclusion_reason(contact: Contact, segment: str, policy: Policy) -> str | None:
    """Why the policy keeps this person out of the queue, or None when it lets them in."""
    tags = _folded(contact.tags)
    if policy.exclude_tags and (hit := tags & _folded(policy.exclude_tags)):
        return f"tag {sorted(hit)[0]} is excluded"
    if policy.include_tags and not tags & _folded(policy.include_tags):
        return "no included tag"
    if policy.exclude_segments and segment.casefold() in _folded(policy.exclude_segments):
        return f"segment {segment} is excluded"
    if policy.include_segments and segment.casefold() not in _folded(policy.include_segments):
        return f"segment {segment} is not included"
    if policy.exclude_companies and (hit := _part_of(policy.exclude_companies, contact.company)):
        return f"company {hit} is excluded"
    if policy.include_companies and not _part_of(policy.include_companies, contact.company):
        return "company not included"
    if policy.exclude_locations and (hit := _part_of(policy.exclude_locations, contact.location)):
        return f"location {hit} is excluded"
    if policy.include_locations and not _part_of(policy.include_locations, contact.location):
        return "location not included"
    if policy.met_in_person_only and not met_in_person(contact):
        return "not met in person"
    if policy.require_how_we_met and not (contact.how_we_met.strip() or contact.notes):
        return "no note about how you know each other"
    if policy.require_mutual and not (contact.mutual or contact.introduced_by):
        return "no mutual connection"
    return None


def parse_list(text: str) -> tuple[str, ...]:
    """A comma-separated field as the editor shows it."""
    return tuple(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))

