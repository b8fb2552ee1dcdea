"""Likely duplicates of a new person among those already known: same email or URL, or a near-same
name at the same company. Pure: the quick-add form shows these before saving, with a merge offer."""

from __future__ import annotations

from typing import Iterable

from rapidfuzz import fuzz

from warmintro.model.contact import Contact, normalize_email, normalize_linkedin_url, normalize_name

# token_sort_ratio of 88 catches "Ana Silva" vs "Ana  Sílva" or "Silva Ana" but not "Ana Sousa".
NAME_SIMILARITY = 88


def likely_duplicates(new: Contact, known: Iterable[Contact]) -> list[tuple[Contact, str]]:
    """Each known contact that is probably *new*, with the reason, strongest reasons first."""
    emails = {normalize_email(e) for e in new.emails} - {""}
    url = normalize_linkedin_url(new.linkedin_url)
    name = normalize_name(new.full_name)
    company = normalize_name(new.company)
    found: list[tuple[int, Contact, str]] = []
    for other in known:
        if other.id == new.id:
            continue
        if emails and emails & {normalize_email(e) for e in other.emails}:
            found.append((0, other, "same email"))
        elif url and url == normalize_linkedin_url(other.linkedin_url):
            found.append((0, other, "same LinkedIn profile"))
        elif (company and company == normalize_name(other.company) and name
              and fuzz.token_sort_ratio(name, normalize_name(other.full_name)) >= NAME_SIMILARITY):
            found.append((1, other, "similar name at the same company"))
    found.sort(key=lambda item: item[0])
    return [(contact, reason) for _, contact, reason in found]
