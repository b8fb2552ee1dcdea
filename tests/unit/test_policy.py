"""The friending policy: each rule changes who the queue offers, and says why the others are left out."""

from __future__ import annotations

import pytest
from policy_people import PEOPLE, expected_offer

from warmintro.model.policy import Policy, parse_list


def offered(policy: Policy) -> tuple[set[str], dict[str, str]]:
    return expected_offer(policy)


RULES = [
    (Policy(exclude_tags=("Recruiter",)), {"ana", "cli", "ned"}, {"rex": "tag recruiter is excluded"}),
    (Policy(include_tags=("python", "client")), {"ana", "cli"}, {"rex": "no included tag"}),
    (Policy(exclude_segments=("clients",)), {"ana", "rex", "ned"}, {"cli": "segment clients is excluded"}),
    (Policy(include_segments=("clients",)), {"cli"}, {"ana": "segment event is not included"}),
    (Policy(exclude_companies=("acme",)), {"rex", "cli"}, {"ana": "company acme is excluded"}),
    (Policy(include_companies=("acme",)), {"ana", "ned"}, {"rex": "company not included"}),
    (Policy(exclude_locations=("london",)), {"ana", "cli", "ned"}, {"rex": "location london is excluded"}),
    (Policy(include_locations=("Lisbon",)), {"ana", "ned"}, {"cli": "location not included"}),
    (Policy(met_in_person_only=True), {"ana"}, {"ned": "not met in person"}),
    (Policy(require_how_we_met=True), {"ana", "cli"}, {"rex": "no note about how you know each other"}),
    (Policy(require_mutual=True), {"ana", "ned"}, {"cli": "no mutual connection"}),
]


@pytest.mark.parametrize("policy,expected,some_reasons", RULES, ids=[r[0].rules()[0] for r in RULES])
def test_each_rule_changes_the_queue_and_names_why(policy, expected, some_reasons):
    ids, reasons = offered(policy)
    assert ids == expected
    assert set(reasons) == set(PEOPLE) - expected
    for cid, why in some_reasons.items():
        assert reasons[cid] == why


def test_no_rules_offers_everyone_and_a_text_alone_excludes_nobody():
    assert offered(Policy())[0] == set(PEOPLE)
    assert offered(Policy(text="Only people I would have coffee with"))[0] == set(PEOPLE)


def test_the_policy_round_trips_and_lists_its_rules_in_words():
    policy = Policy(text="Builders", exclude_tags=("recruiter",), require_mutual=True)
    assert Policy.from_dict(policy.to_dict()) == policy
    assert policy.rules() == ["exclude tags: recruiter", "must have at least one mutual connection"]
    assert Policy.from_dict(None) == Policy()
    assert Policy.from_dict({"exclude_tags": ["  ", "x"], "unknown": 1}) == Policy(exclude_tags=("x",))


def test_parse_list_splits_commas_and_drops_blanks_and_repeats():
    assert parse_list(" recruiter, sales ,, recruiter") == ("recruiter", "sales")
