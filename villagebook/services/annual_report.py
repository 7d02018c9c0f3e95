"""What the annual work report (年度工作报告) gathers: the year's figures and chart data.

Read through each capability's ``queries`` and the check providers handed in by
:mod:`villagebook.services.ledgers`.
"""  # i18n: data (official forms, printed in Chinese)

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlmodel import Session

from villagebook.domain.common.calendar import month_period
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.deliberations.amounts import yuan_digits
from villagebook.domain.development.statistics import funnel
from villagebook.domain.meetings.absence import CODE as ABSENT_CODE
from villagebook.domain.meetings.tally import CADENCES, ActivityRow, monthly_rates
from villagebook.domain.roster.values import PartyStatus
from villagebook.reports.annual import AnnualReport
from villagebook.reports.charts import Cell, HeatRow
from villagebook.reports.parts import FindingLine
from villagebook.services.checks import CheckProvider
from villagebook.services.deliberations import queries as deliberations
from villagebook.services.development import queries as development
from villagebook.services.ledger_facts import activities_of, findings_on
from villagebook.services.meetings import queries as meetings
from villagebook.services.roster import queries as roster


def heat_row(row: ActivityRow, year: int, as_of: dt.date, since: dt.date) -> HeatRow:
    """The 12 months of one activity row: held (how often), missed, none, or not yet due."""
    _param, periods_of = CADENCES[row.kind]
    missed_months = {
        p.end.month
        for p in periods_of(dt.date(year, 1, 1), dt.date(year, 12, 31))
        if p.label in row.missing
    }
    cells = []
    for month in range(1, 13):
        period = month_period(year, month)
        count = sum(1 for d in row.dates if period.contains(d))
        if count:
            cells.append((Cell.HELD, count))
        elif month in missed_months:
            cells.append((Cell.MISSED, 0))
        elif period.end > as_of or period.end < since:
            cells.append((Cell.NOT_DUE, 0))
        else:
            cells.append((Cell.NONE, 0))
    return HeatRow(row.label, cells)


def _categories(session: Session, branch_id: uuid.UUID, year: int) -> list[tuple[str, int, int]]:
    """(category, matters decided in the year, money in fen)."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    totals: dict[str, list[int]] = {}
    for record, _day in deliberations.decisions_between(session, branch_id, start, end):
        row = totals.setdefault(record.category.chinese, [0, 0])
        row[0] += 1
        row[1] += record.amount_fen or 0
    return [(k, n, fen) for k, (n, fen) in totals.items()]


def _members(
    session: Session, branch_id: uuid.UUID, days: tuple[dt.date, dt.date]
) -> list[tuple[int, int]]:
    """(full, probationary) members on each of ``days`` (one reading of the histories)."""
    book = roster.StatusBook(session, roster.person_ids(session, branch_id))
    counts = []
    for day in days:
        statuses = [book.status_on(person, day) for person in book.history]
        full = sum(1 for s in statuses if s is PartyStatus.FULL)
        counts.append((full, sum(1 for s in statuses if s is PartyStatus.PROBATIONARY)))
    return counts


def gather(
    session: Session,
    providers: Sequence[CheckProvider],
    branch_id: uuid.UUID,
    year: int,
    *,
    today: dt.date,
    rules: RuleSet,
) -> AnnualReport:
    branch = roster.get_branch(session, branch_id)
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    as_of = min(today, end)
    rows, rates, (present, expected), lines = activities_of(
        session, branch, start, end, as_of, rules
    )
    since = meetings.first_meeting_date(session, branch_id) or start
    found = [
        f
        for f in findings_on(session, providers, branch_id, today, rules)
        if f.due is None or start <= f.due <= end
    ]
    stages = funnel(development.milestone_dates(session, branch_id), start, end)
    categories = _categories(session, branch_id, year)
    (full_start, probation_start), (full_end, probation_end) = _members(
        session, branch_id, (start, as_of)
    )
    counts = dict(stages)
    money = sum(fen for _c, _n, fen in categories)
    figures = [
        ("年初党员", f"{full_start + probation_start}名（预备党员{probation_start}名）"),
        ("年末党员", f"{full_end + probation_end}名（预备党员{probation_end}名）"),
        ("开展组织生活", f"{sum(r.held for r in rows)}次"),
        ("应开未开", f"{sum(len(r.missing) for r in rows)}项次"),
        ("全年参加率", f"{present / expected * 100:.1f}%" if expected else "—"),
        ("逾期定稿记录", f"{sum(r.late for r in rows)}份"),
        ("递交入党申请", f"{counts.get('入党申请人', 0)}人"),
        ("接收预备党员", f"{counts.get('预备党员', 0)}人"),
        ("预备党员转正", f"{counts.get('正式党员', 0)}人"),
        ("四议两公开决议", f"{sum(n for _c, n, _a in categories)}项"),
        ("涉及金额", f"{yuan_digits(money)}元"),
        ("年末未处理问题", f"{sum(1 for f in found if f.handled is None)}条"),
    ]
    monthly = [p / e if e else None for p, e in monthly_rates(lines, year)]
    return AnnualReport(
        branch_name=branch.name,
        township=branch.township,
        village=branch.village,
        year=year,
        as_of=as_of,
        figures=figures,
        heat=[heat_row(r, year, as_of, since) for r in rows],
        activities=rows,
        monthly=monthly,
        rates=rates,
        funnel=stages,
        categories=[(c, n, f"{yuan_digits(fen)}元") for c, n, fen in categories],
        absences=[FindingLine.of(f) for f in found if f.code == ABSENT_CODE],
        open_findings=[FindingLine.of(f) for f in found if f.handled is None],
    )
