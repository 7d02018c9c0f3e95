"""Thinning automatic backups (pure, synthetic timestamps)."""

from __future__ import annotations

import datetime as dt

from villagebook.domain.safety.retention import thin

NOW = dt.datetime(2026, 11, 22, 18, 0)


def test_thin_keeps_everything_of_the_last_two_days() -> None:
    stamps = [NOW - dt.timedelta(hours=h) for h in range(0, 48, 3)]
    assert thin(stamps, NOW) == set(stamps)


def test_thin_keeps_one_a_day_for_two_weeks_one_a_week_then_one_a_month() -> None:
    # Every 6 hours for 400 days.
    stamps = [NOW - dt.timedelta(hours=6 * i) for i in range(400 * 4)]
    kept = thin(stamps, NOW)
    recent = [s for s in kept if NOW - s <= dt.timedelta(days=2)]
    daily = [s for s in kept if dt.timedelta(days=2) < NOW - s <= dt.timedelta(days=14)]
    weekly = [s for s in kept if dt.timedelta(days=14) < NOW - s <= dt.timedelta(days=92)]
    monthly = [s for s in kept if NOW - s > dt.timedelta(days=92)]
    assert len(recent) == 9  # 48 h every 6 h, both ends
    assert len({s.date() for s in daily}) == len(daily)
    assert 11 <= len(daily) <= 13
    assert len({s.isocalendar()[:2] for s in weekly}) == len(weekly)
    assert 10 <= len(weekly) <= 12
    assert len({(s.year, s.month) for s in monthly}) == len(monthly)
    assert 9 <= len(monthly) <= 11
    assert max(stamps) in kept


def test_thin_always_keeps_the_newest_even_if_old() -> None:
    old = NOW - dt.timedelta(days=500)
    assert thin([old, old - dt.timedelta(days=1)], NOW) == {old}
