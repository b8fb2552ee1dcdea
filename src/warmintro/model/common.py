"""Common ground between the user's network and one person: who they likely both know, and what they share.

`Network.build` indexes the connected contacts once (by name, company, school, event, tag);
each lookup then touches only the matching buckets, so a review of 30,000 contacts stays instant.
"""

from __future__ import annotations

from functools import lru_cache

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from warmintro.model.contact import Contact, normalize_name

_MAX_PER_KIND = 3  # a card shows reasons, not a directory


@dataclass(frozen=True, slots=True)
class Ground:
    kind: str  # "mutual", "introducer", "company", "school", "event", "tag"
    name: str  # the person or the shared thing
    reason: str
    phrase: str  # how a note can say it


# What Network.build reads from a contact: a change to anything else leaves the network as it was.
NETWORK_FIELDS = ("first_name", "last_name", "connected", "company", "school", "event", "tags")


@lru_cache(maxsize=1 << 17)
def _key(text: str) -> str:
    # The same names and companies are normalised again on every rebuild; 30,000 people cost 200 ms uncached.
    return normalize_name(text)


@dataclass(slots=True)
class Network:
    by_name: dict[str, Contact]
    by_company: dict[str, list[tuple[str, Contact]]]  # (normalised name, contact)
    by_school: dict[str, list[tuple[str, Contact]]]
    by_event: dict[str, list[Contact]]  # everyone met at an event, connected or not
    by_tag: dict[str, int]

    @classmethod
    def build(cls, contacts: Iterable[Contact]) -> "Network":
        by_name: dict[str, Contact] = {}
        by_company: dict[str, list[tuple[str, Contact]]] = defaultdict(list)
        by_school: dict[str, list[tuple[str, Contact]]] = defaultdict(list)
        by_event: dict[str, list[Contact]] = defaultdict(list)
        by_tag: dict[str, int] = defaultdict(int)
        for c in contacts:
            if c.event:
                by_event[_key(c.event)].append(c)
            if not c.connected:
                continue
            name_key = _key(c.full_name)
            if name_key:
                by_name.setdefault(name_key, c)
            if c.company:
                by_company[_key(c.company)].append((name_key, c))
            if c.school:
                by_school[_key(c.school)].append((name_key, c))
            for tag in c.tags:
                by_tag[_key(tag)] += 1
        return cls(dict(by_name), dict(by_company), dict(by_school), dict(by_event), dict(by_tag))

    def connection(self, name: str) -> Contact | None:
        return self.by_name.get(_key(name))


def common_ground(person: Contact, network: Network) -> list[Ground]:
    """Strongest first: someone who introduced you, mutual connections, then shared places and tags."""
    found: list[Ground] = []
    if person.introduced_by:
        found.append(Ground("introducer", person.introduced_by, f"{person.introduced_by} introduced you",
                            f"{person.introduced_by} introduced us"))
    for name in person.mutual[:_MAX_PER_KIND]:
        found.append(Ground("mutual", name, f"mutual connection: {name}", f"we both know {name}"))
    seen = {_key(g.name) for g in found} | {_key(person.full_name)}

    def others(bucket: list[tuple[str, Contact]]) -> list[Contact]:
        # Stop at the first few: a school bucket may hold thousands, and the card shows three.
        out: list[Contact] = []
        for name_key, c in bucket:
            if c.id != person.id and name_key not in seen:
                out.append(c)
                if len(out) == _MAX_PER_KIND:
                    break
        return out

    if person.company:
        for c in others(network.by_company.get(_key(person.company), [])):
            seen.add(_key(c.full_name))
            found.append(Ground("company", c.full_name, f"{c.full_name} (your connection) works at {person.company}",
                                f"you work with {c.first_name or c.full_name} at {person.company}"))
    if person.school:
        for c in others(network.by_school.get(_key(person.school), [])):
            seen.add(_key(c.full_name))
            found.append(Ground("school", c.full_name, f"{c.full_name} (your connection) studied at {person.school}",
                                f"we both know people from {person.school}"))
    if person.event:
        met_there = [c for c in network.by_event.get(_key(person.event), [])[:_MAX_PER_KIND + 1]
                     if c.id != person.id][:_MAX_PER_KIND]
        if met_there:
            names = ", ".join(c.full_name for c in met_there[:_MAX_PER_KIND])
            found.append(Ground("event", person.event, f"also met at {person.event}: {names}",
                                f"we met at {person.event}"))
        else:
            found.append(Ground("event", person.event, f"you met at {person.event}", f"we met at {person.event}"))
    for tag in person.tags:
        count = network.by_tag.get(_key(tag), 0)
        if count:
            found.append(Ground("tag", tag, f"tag “{tag}” shared with {count} of your connections",
                                f"we're both part of the {tag} crowd"))
    return found


def best_phrase(ground: list[Ground]) -> str:
    """What `{common}` becomes: the strongest reason, or "" so the lint flags the placeholder."""
    return ground[0].phrase if ground else ""


def best_mutual(ground: list[Ground]) -> str:
    for g in ground:
        if g.kind in ("introducer", "mutual", "company", "school"):
            return g.name
    return ""
