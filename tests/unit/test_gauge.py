from datetime import datetime, timedelta, timezone

from hypothesis import given, strategies as st

from warmintro.model.gauge import Meter, check_send, compute_gauge
from warmintro.model.invite import Invite, InviteStatus
from warmintro.model.settings import Settings

NOW = datetime(2026, 11, 18, 9, 30, tzinfo=timezone.utc)  # Wednesday


def sent(days_ago: float, status=InviteStatus.PENDING, message="Hi, we met at PyCon", n=[0]):
    n[0] += 1
    return Invite(id=f"i{n[0]}", contact_id=f"c{n[0]}", sent_at=NOW - timedelta(days=days_ago), message=message,
                  status=status)


def test_lifetime_counts_every_invitation_whatever_happened_to_it():
    invites = [sent(1), sent(400, InviteStatus.ACCEPTED), sent(30, InviteStatus.WITHDRAWN), sent(60, InviteStatus.IDK)]
    gauge = compute_gauge(invites, Settings(), NOW)
    assert gauge.lifetime == Meter(4, 3000)
    assert gauge.counts["sent"] == 4


def test_week_is_a_rolling_seven_days():
    invites = [sent(0.1), sent(6.9), sent(7.1), sent(30)]
    assert compute_gauge(invites, Settings(), NOW).week.used == 2


def test_iso_week_counts_from_monday():
    invites = [sent(1), sent(2.3), sent(2.5)]  # Tue, Monday 02:18, Sunday 21:30
    assert compute_gauge(invites, Settings(week_mode="iso"), NOW).week.used == 2


def test_today_counts_since_midnight_in_the_clock_zone():
    invites = [sent(0.1), sent(0.39), sent(0.41)]  # 09:30 now: 0.41 days ago is yesterday
    assert compute_gauge(invites, Settings(), NOW).today.used == 2


def test_strikes_are_idk_outcomes_plus_unattributed_ones():
    invites = [sent(10, InviteStatus.IDK), sent(20, InviteStatus.IDK), sent(3)]
    gauge = compute_gauge(invites, Settings(), NOW, recorded_strikes_extra=1)
    assert gauge.strikes == Meter(3, 5)
    assert gauge.strike_headroom == 1


def test_stale_is_open_and_older_than_the_setting():
    invites = [sent(22), sent(20), sent(30, InviteStatus.IGNORED), sent(30, InviteStatus.ACCEPTED)]
    gauge = compute_gauge(invites, Settings(stale_after_days=21), NOW)
    assert gauge.stale == 2
    assert gauge.pending.used == 3


def test_target_is_the_daily_batch_but_never_more_than_the_week_allows():
    settings = Settings(weekly_cap=12, daily_batch=10)
    invites = [sent(3) for _ in range(8)]
    gauge = compute_gauge(invites, settings, NOW)
    assert gauge.today.cap == 4


def test_target_stops_when_no_strike_can_be_afforded():
    invites = [sent(9, InviteStatus.IDK) for _ in range(4)]
    assert compute_gauge(invites, Settings(strike_threshold=5), NOW).today.cap == 0


def test_free_account_counts_notes_this_month_only():
    invites = [sent(1), sent(2), sent(3, message=""), sent(20)]  # 20 days ago is October
    gauge = compute_gauge(invites, Settings(account="free"), NOW)
    assert gauge.notes_month == Meter(2, 5)
    assert compute_gauge(invites, Settings(), NOW).notes_month.cap is None


def test_weekly_cap_refusal_says_when_it_frees():
    settings = Settings(weekly_cap=3, daily_batch=3)
    invites = [sent(5), sent(2), sent(1)]
    gauge = compute_gauge(invites, settings, NOW)
    refusal = check_send(gauge, NOW, with_note=True, settings=settings)
    assert refusal.limit == "week"
    assert "Fri 20 Nov 09:30" in refusal.message  # the one sent 5 days ago leaves the window then


def test_lifetime_refusal():
    settings = Settings(lifetime_cap=2, daily_batch=1, weekly_cap=1)
    gauge = compute_gauge([sent(100), sent(200)], settings, NOW)
    assert check_send(gauge, NOW, with_note=False, settings=settings).limit == "lifetime"


def test_free_notes_refusal_points_to_next_month():
    settings = Settings(account="free")
    gauge = compute_gauge([sent(1) for _ in range(5)], settings, NOW)
    refusal = check_send(gauge, NOW, with_note=True, settings=settings)
    assert refusal.limit == "notes" and "01 Dec" in refusal.message
    assert check_send(gauge, NOW, with_note=False, settings=settings) is None


def test_levels_change_colour_as_a_limit_nears():
    assert Meter(79, 100).level() == "ok"
    assert Meter(80, 100).level() == "warning"
    assert Meter(95, 100).level() == "error"


ages = st.lists(st.floats(min_value=0, max_value=800, allow_nan=False), max_size=60)
statuses = st.sampled_from(list(InviteStatus))


@given(st.lists(st.tuples(st.floats(min_value=0, max_value=800, allow_nan=False), statuses), max_size=80),
       st.integers(min_value=1, max_value=50), st.integers(min_value=1, max_value=200))
def test_gauge_invariants(rows, daily, weekly):
    settings = Settings(daily_batch=min(daily, weekly), weekly_cap=weekly)
    invites = [sent(age, status) for age, status in rows]
    gauge = compute_gauge(invites, settings, NOW)
    assert gauge.lifetime.used == len(invites) == sum(v for k, v in gauge.counts.items() if k != "sent")
    assert gauge.today.used <= gauge.week.used <= gauge.lifetime.used
    assert gauge.stale <= gauge.pending.used
    assert gauge.today.cap <= settings.daily_batch
    # Never a target that would push the week past its cap.
    assert gauge.today.cap - gauge.today.used <= max(settings.weekly_cap - gauge.week.used, 0)


def test_today_this_month_and_the_iso_week_start_at_local_midnight_whatever_zone_invites_are_stored_in():
    # Invitations are stored in UTC; the day, the month and the ISO week are the user's own.
    honolulu = timezone(timedelta(hours=-10))
    now = datetime(2026, 12, 1, 0, 30, tzinfo=honolulu)  # a Tuesday, just after local midnight
    def at(local: datetime) -> Invite:
        return Invite(id=f"z{local:%d%H%M}", contact_id=f"z{local:%d%H%M}", sent_at=local.astimezone(timezone.utc),
                      message="Hi, we met at PyCon")
    invites = [at(datetime(2026, 11, 30, 23, 50, tzinfo=honolulu)),  # yesterday, last month, this ISO week
               at(datetime(2026, 12, 1, 0, 10, tzinfo=honolulu)),  # today
               at(datetime(2026, 11, 29, 23, 0, tzinfo=honolulu))]  # the Sunday before: last ISO week
    gauge = compute_gauge(invites, Settings(week_mode="iso"), now)
    assert gauge.today.used == 1
    assert gauge.notes_month.used == 1
    assert gauge.week.used == 2
