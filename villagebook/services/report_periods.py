"""The period a report request covers: a quarter, a year, or any range of days.

The report centre and ``villagebook report KIND --year/--quarter/--from/--to`` fill a
:class:`~villagebook.services.printing.ReportRequest`; a report reads its period here, so
every kind understands the same fields the same way:

- ``start``/``end`` given: that range (one may be missing: the year's start or end);
- ``year`` and ``quarter``: the quarter; ``year`` alone: the year;
- nothing: the current quarter or year (by the Book's today).
"""

from __future__ import annotations

import datetime as dt

from villagebook.domain.common.calendar import quarter_of, quarter_period, year_period
from villagebook.domain.common.errors import InputError
from villagebook.domain.common.i18n import _
from villagebook.services.printing import ReportRequest


def _refuse_reversed(request: ReportRequest) -> None:
    """Every reading of a request refuses a range that ends before it starts."""
    if request.start is not None and request.end is not None and request.end < request.start:
        raise InputError.single("end", _("截止日期"), _("不能早于开始日期"))


def quarter_of_request(request: ReportRequest) -> tuple[int, int]:
    """(year, quarter): the one asked for, else the quarter of ``start``, else today's."""
    _refuse_reversed(request)
    day = request.start or request.end or request.day
    return request.year or day.year, request.quarter or quarter_of(day)


def year_of_request(request: ReportRequest) -> int:
    _refuse_reversed(request)
    if request.year is not None:
        return request.year
    return (request.start or request.end or request.day).year


def range_of_request(request: ReportRequest) -> tuple[dt.date, dt.date]:
    """(start, end), both inclusive (refused when the end comes before the start)."""
    _refuse_reversed(request)
    if request.start is not None or request.end is not None:
        year = (request.start or request.end or request.day).year
        start = request.start or dt.date(year, 1, 1)
        end = request.end or dt.date(year, 12, 31)
    elif request.year is not None and request.quarter is not None:
        period = quarter_period(request.year, request.quarter)
        start, end = period.start, period.end
    elif request.year is not None:
        period = year_period(request.year)
        start, end = period.start, period.end
    else:
        period = quarter_period(request.day.year, quarter_of(request.day))
        start, end = period.start, period.end
    if end < start:
        raise InputError.single("end", _("截止日期"), _("不能早于开始日期"))
    return start, end


def range_label(start: dt.date, end: dt.date) -> str:
    """A range as printed: 2026年第3季度, 2026年, 2026年3月, or 2026-03-05至2026-04-10."""
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return f"{start.year}年"  # i18n: printed
    if start.year == end.year and start.day == 1 and (start.month - 1) % 3 == 0:
        quarter = quarter_of(start)
        if quarter_period(start.year, quarter).end == end:
            return f"{start.year}年第{quarter}季度"  # i18n: printed
    last_day = (end + dt.timedelta(days=1)).day == 1
    if start.day == 1 and last_day and (start.year, start.month) == (end.year, end.month):
        return f"{start.year}年{start.month}月"  # i18n: printed
    return f"{start.isoformat()}至{end.isoformat()}"  # i18n: printed


def day_of_request(request: ReportRequest) -> dt.date:
    """The day a report of a state shows (a roster): ``as_of``, else the last day of the
    period asked for (never after today), else today."""
    if request.as_of is not None:
        return request.as_of
    if any(v is not None for v in (request.year, request.quarter, request.start, request.end)):
        return min(range_of_request(request)[1], request.day)
    return request.day
