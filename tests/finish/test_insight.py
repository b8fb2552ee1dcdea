"""Insight numbers: weeks with no invitations count as 0, acceptance leaves withdrawals out."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Static

from warmintro.model import insight
from warmintro.model.invite import Invite, InviteStatus
from warmintro.tui.screens.insight import InsightScreen


def invite(n, now, days_ago, status="pending", answered_after=None, segment="", template=""):
    sent = now - timedelta(days=days_ago)
    status_at = sent + timedelta(days=answered_after) if answered_after is not None else None
    return Invite(id=f"i{n}", contact_id=f"c{n}", sent_at=sent, status=InviteStatus(status), status_at=status_at,
                  segment=segment, template=template)


def test_sent_per_week_fills_empty_weeks(now):
    weeks = insight.sent_per_week([invite(1, now, 0), invite(2, now, 0), invite(3, now, 21)], now, weeks=4)  # 21 days ago: three ISO weeks back
    assert [w.count for w in weeks] == [1, 0, 0, 2]
    assert weeks[-1].week == "2026-W47"


def test_acceptance_by_segment_leaves_withdrawn_out(now):
    invites = [invite(1, now, 30, "accepted", 2, segment="clients"), invite(2, now, 30, "ignored", 9, segment="clients"),
               invite(3, now, 30, "withdrawn", 25, segment="clients"), invite(4, now, 5, segment="chamber")]
    rates = insight.acceptance_by(invites, lambda inv: inv.segment)
    assert [(r.group, r.accepted, r.sent) for r in rates] == [("clients", 1, 2), ("chamber", 0, 1)]


def test_median_days_to_acceptance_and_pending_ages(now):
    invites = [invite(1, now, 30, "accepted", 1), invite(2, now, 30, "accepted", 3), invite(3, now, 30, "accepted", 10),
               invite(4, now, 3), invite(5, now, 100, "ignored", 20), invite(6, now, 400)]
    assert insight.median_days(insight.days_to_acceptance(invites)) == 3
    assert dict(insight.pending_by_age(invites, now)) == {
        "under 1 week": 1, "1-3 weeks": 0, "3-8 weeks": 0, "2-6 months": 1, "over 6 months": 1}


def test_strikes_counted_in_the_week_they_were_recorded(now):
    weeks = insight.strikes_per_week([invite(1, now, 20, "idk", 13)], now, weeks=4)
    assert [w.count for w in weeks] == [0, 0, 1, 0]


async def test_insight_screen_shows_numbers_beside_the_charts(app):
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_open_screen("insight")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InsightScreen)
        assert "of 100" in str(screen.query_one("#sent-numbers", Static).content)
        assert "1 of 5 strikes" in str(screen.query_one("#strikes-numbers", Static).content)
        assert "median" in str(screen.query_one("#to-accept", Static).content)


async def test_insight_compares_acceptance_by_approach(app):
    store = app.store
    from warmintro.model.contact import Contact
    for n, (approach, outcome) in enumerate([("compliment", "accepted"), ("compliment", "accepted"),
                                             ("direct", "ignored")]):
        store.add_contact(Contact(id=f"ap{n}", first_name=f"Ap{n}"))
        invite = store.send_invite(f"ap{n}", f"Hi Ap{n}, a note.", approach=approach)
        store.record_outcome(invite.id, outcome)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_open_screen("insight")
        await pilot.pause()
        bars = str(app.screen.query_one("#by-approach", Static).content)
        assert "an honest compliment" in bars and "why I want to connect" in bars
        rate = {line[:22].strip(): int(line.split("%")[0].split()[-1]) for line in bars.splitlines()}
        assert rate["an honest compliment"] > rate["why I want to connect"]
