"""Dates: working days on the official holiday calendar, month arithmetic, periods.

Working days follow the State Council holiday schedule including make-up working days
(调休), as published in ``chinese-calendar``.  For a year the library does not know yet,
we fall back to Monday-Friday and say so through :func:`calendar_known`.
"""

from __future__ import annotations

import calendar as _stdcal
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from villagebook.domain.common.i18n import _


@lru_cache(maxsize=4096)
def calendar_known(day: dt.date) -> bool:
    """True when the official holiday calendar covers ``day``'s year."""
    import chinese_calendar

    try:
        chinese_calendar.is_workday(day)
    except NotImplementedError:
        return False
    return True


@lru_cache(maxsize=65536)
def is_working_day(day: dt.date) -> bool:
    import chinese_calendar

    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        return day.weekday() < 5


def add_working_days(start: dt.date, count: int) -> dt.date:
    """The date ``count`` working days after ``start`` (``start`` itself not counted)."""
    day = start
    remaining = count
    while remaining > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 if end <= start)."""
    count = 0
    day = start
    while day < end:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count


def working_days_inclusive(start: dt.date, end: dt.date) -> int:
    """Working days from ``start`` to ``end``, both included (a posting period)."""
    if end < start:
        return 0
    return working_days_between(start - dt.timedelta(days=1), end)


def add_months(day: dt.date, months: int) -> dt.date:
    """Calendar months later, clamped to the month's end: 31 Jan + 1 month = 28/29 Feb."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = _stdcal.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))


def add_years(day: dt.date, years: int) -> dt.date:
    return add_months(day, 12 * years)


def age_on(birth: dt.date, day: dt.date) -> int:
    """Full years of age on ``day`` (a 29 Feb birthday counts from 1 March in common years)."""
    years = day.year - birth.year
    if (day.month, day.day) < (birth.month, birth.day):
        years -= 1
    return years


@dataclass(frozen=True, order=True)
class Period:
    """A calendar period: a month, a quarter or a year.

    ``label`` is the Chinese name (2026年第3季度): it is also the period's key, stored with
    findings and notes whatever the interface language; :attr:`title` is for display.
    """

    start: dt.date
    end: dt.date  # inclusive
    label: str

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    @property
    def title(self) -> str:
        return display_period(self.label)


#: How the Chinese period labels are written (a pattern, not a message).
_PERIOD_LABEL = re.compile(r"^(\d{4})年(?:第([1-4])季度|(\d{1,2})月)?$")  # i18n: pattern


def display_period(label: str) -> str:
    """A period label (2026年第3季度, 2026年3月, 2026年) in the interface language."""
    match = _PERIOD_LABEL.match(label)
    if match is None:
        return label
    year, quarter, month = match.groups()
    if quarter:
        return _("{year}年第{quarter}季度", year=int(year), quarter=int(quarter))
    if month:
        return _("{year}年{month}月", year=int(year), month=int(month))
    return _("{year}年", year=int(year))


def month_period(year: int, month: int) -> Period:
    last = _stdcal.monthrange(year, month)[1]
    name = f"{year}年{month}月"  # i18n: stored (a period's key; shown with display_period)
    return Period(dt.date(year, month, 1), dt.date(year, month, last), name)


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def quarter_period(year: int, quarter: int) -> Period:
    first = 3 * (quarter - 1) + 1
    last_month = first + 2
    end = dt.date(year, last_month, _stdcal.monthrange(year, last_month)[1])
    return Period(
        dt.date(year, first, 1),
        end,
        f"{year}年第{quarter}季度",  # i18n: stored (key)
    )


def year_period(year: int) -> Period:
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), f"{year}年")  # i18n: stored (key)


def months_between(start: dt.date, end: dt.date) -> list[Period]:
    """Every month period overlapping [start, end], in order."""
    periods = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        periods.append(month_period(year, month))
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return periods


def quarters_between(start: dt.date, end: dt.date) -> list[Period]:
    periods = []
    year, quarter = start.year, quarter_of(start)
    while (year, quarter) <= (end.year, quarter_of(end)):
        periods.append(quarter_period(year, quarter))
        quarter += 1
        if quarter == 5:
            year, quarter = year + 1, 1
    return periods


def years_between(start: dt.date, end: dt.date) -> list[Period]:
    return [year_period(y) for y in range(start.year, end.year + 1)]


def cn_date(day: dt.date | None) -> str:
    """A date as written on Chinese forms: 2026年3月5日 (empty for None); English: 5 Mar 2026."""
    if not day:
        return ""
    return _("{year}年{month}月{day}日", year=day.year, month=day.month, day=day.day)
