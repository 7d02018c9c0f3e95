from __future__ import annotations

import datetime as dt

from villagebook.domain.common.calendar import (
    add_months,
    add_working_days,
    age_on,
    calendar_known,
    is_working_day,
    quarter_period,
    quarters_between,
    working_days_between,
    working_days_inclusive,
)

D = dt.date


def test_month_end_clamps() -> None:
    assert add_months(D(2025, 1, 31), 1) == D(2025, 2, 28)
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)  # leap year
    assert add_months(D(2024, 2, 29), 12) == D(2025, 2, 28)
    assert add_months(D(2025, 12, 15), 1) == D(2026, 1, 15)
    assert add_months(D(2025, 3, 31), -1) == D(2025, 2, 28)


def test_national_day_week_is_not_working_and_makeup_saturday_is() -> None:
    # 2025: 1-8 October off; Sunday 28 September and Saturday 11 October are make-up days.
    assert not is_working_day(D(2025, 10, 3))
    assert is_working_day(D(2025, 9, 28))
    assert is_working_day(D(2025, 10, 11))
    assert add_working_days(D(2025, 9, 30), 3) == D(2025, 10, 11)


def test_unknown_year_falls_back_to_weekdays() -> None:
    day = D(2099, 10, 1)  # a Thursday
    assert not calendar_known(day)
    assert is_working_day(day)
    assert not is_working_day(D(2099, 10, 3))  # Saturday


def test_working_day_counts() -> None:
    assert working_days_between(D(2025, 9, 29), D(2025, 10, 10)) == 3  # 30 Sep, 9, 10 Oct
    assert working_days_inclusive(D(2025, 6, 9), D(2025, 6, 13)) == 5
    assert working_days_between(D(2025, 6, 13), D(2025, 6, 13)) == 0


def test_quarters_and_age() -> None:
    assert quarter_period(2025, 4).end == D(2025, 12, 31)
    assert [p.label for p in quarters_between(D(2025, 11, 1), D(2026, 2, 1))] == [
        "2025年第4季度",
        "2026年第1季度",
    ]
    assert age_on(D(2008, 2, 29), D(2026, 2, 28)) == 17
    assert age_on(D(2008, 2, 29), D(2026, 3, 1)) == 18
