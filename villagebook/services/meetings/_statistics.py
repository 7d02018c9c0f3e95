"""What the meetings' statistics printouts gather: compliance, attendance, plans, talks.

- :func:`activities` and :func:`compliance`: required against held for a period, and the
  check results about it (the quarterly volume's summary; the ledgers read these too);
- :func:`gather_attendance`: 党员参加组织生活情况统计表;
- :func:`gather_plan`: the quarter's plan as filed (计划报备);
- :func:`gather_talks`: the 谈心谈话 records of a period on the talk form.
"""  # i18n: data (official forms, printed in Chinese)

from __future__ import annotations

import datetime as dt
import uuid

from sqlmodel import Session

from villagebook.domain.common.calendar import (
    Period,
    months_between,
    quarter_period,
    quarters_between,
    years_between,
)
from villagebook.domain.common.findings import Finding
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.meetings.absence import CODE as ABSENT_CODE
from villagebook.domain.meetings.tally import (
    CADENCES,
    ActivityRow,
    AttendanceLine,
    member_attendance,
    tally,
)
from villagebook.domain.meetings.values import KIND_LABELS, MeetingKind, Presence
from villagebook.reports.attendance import AttendanceReport, RateLine
from villagebook.reports.meeting_plan import MeetingPlanReport, PlanLine, PlanNeed
from villagebook.reports.parts import FindingLine
from villagebook.services.meetings import queries
from villagebook.services.roster import queries as roster_queries
from villagebook.storage.models import Branch
from villagebook.storage.models.meetings import MeetingPlanItem


def activities(
    session: Session,
    branch: Branch,
    start: dt.date,
    end: dt.date,
    as_of: dt.date,
    rules: RuleSet | None = None,
) -> list[ActivityRow]:
    """Required against held for ``[start, end]`` as of ``as_of``."""
    groups = [(str(g.id), g.name) for g in roster_queries.list_groups(session, branch.id)]
    first = queries.first_meeting_date(session, branch.id)
    return tally(
        start,
        end,
        as_of=as_of,
        since=first or start,
        has_committee=branch.has_committee,
        groups=groups,
        meetings=queries.held_meetings(session, branch.id, start, end),
        rules=rules,
    )


def _labels(period: Period) -> set[str]:
    """The period labels checks use for the months, quarters and year inside ``period``."""
    labels = set()
    for periods in (months_between, quarters_between, years_between):
        for p in periods(period.start, period.end):
            if period.start <= p.start and p.end <= period.end:
                labels.add(p.label)
    return labels


def compliance(
    session: Session,
    branch: Branch,
    period: Period,
    today: dt.date,
    rules: RuleSet | None = None,
) -> tuple[list[ActivityRow], list[Finding]]:
    """The period's activities and the MTG-* findings about it.

    Cadence and record findings are today's (a record finalised late since shows as such);
    MTG-ABSENT-6M as it stood at the period's end."""
    from villagebook.services import finding_notes
    from villagebook.services.checks import CheckContext
    from villagebook.services.meetings._absence import absence_checks
    from villagebook.services.meetings.checks import meeting_checks

    rules = rules or RuleSet()
    as_of = min(today, period.end)
    rows = activities(session, branch, period.start, period.end, as_of, rules)
    ids = {str(m.id) for m in queries.list_meetings(session, branch.id, period.start, period.end)}
    labels = _labels(period)
    found = [
        f
        for f in meeting_checks(session, CheckContext(branch, today, rules))
        if (f.period in labels) or (f.subject_id in ids)
    ]
    for finding in absence_checks(session, CheckContext(branch, as_of, rules)):
        if finding.due is None or finding.due <= period.end + dt.timedelta(days=30):
            found.append(finding)
    notes = finding_notes.notes_of(session, [branch.id])
    return rows, finding_notes.attach(found, notes)


# --- 党员参加组织生活情况统计表 -----------------------------------------------------------


def _rate(label: str, lines: list[AttendanceLine]) -> RateLine:
    expected = [x for x in lines if x.expected]
    present = sum(1 for x in expected if x.presence is Presence.PRESENT)
    return RateLine(label, present, len(expected))


def gather_attendance(
    session: Session,
    branch_id: uuid.UUID,
    start: dt.date,
    end: dt.date,
    label: str,
    *,
    today: dt.date,
    rules: RuleSet | None = None,
) -> AttendanceReport:
    from villagebook.services import finding_notes
    from villagebook.services.checks import CheckContext
    from villagebook.services.meetings._absence import absence_checks

    branch = roster_queries.get_branch(session, branch_id)
    lines = queries.attendance_lines(session, branch_id, start, end)
    by_kind = [
        _rate(KIND_LABELS[kind], [x for x in lines if x.kind is kind])
        for kind in MeetingKind
        if any(x.kind is kind and x.expected for x in lines)
    ]
    by_month = [
        _rate(f"{m.start.year}年{m.start.month}月", [x for x in lines if m.contains(x.held_on)])
        for m in months_between(start, end)
    ]
    as_of = min(today, end)
    absences = [
        FindingLine.of(f)
        for f in finding_notes.attach(
            list(absence_checks(session, CheckContext(branch, as_of, rules or RuleSet()))),
            finding_notes.notes_of(session, [branch_id]),
        )
        if f.code == ABSENT_CODE
    ]
    return AttendanceReport(
        branch_name=branch.name,
        period_label=label,
        start=start,
        end=end,
        members=member_attendance(lines),
        by_kind=by_kind,
        by_month=by_month,
        absences=absences,
        as_of=today,
    )


# --- 组织生活计划报备表 --------------------------------------------------------------------


def _outcome(
    session: Session, planned_on: dt.date, meeting_id: uuid.UUID | None, today: dt.date
) -> str:
    if meeting_id is not None:
        summary = queries.meeting_summary(session, meeting_id)
        if summary is not None:
            return f"已召开（{summary.held_on.isoformat()}）"
    return "待召开" if planned_on >= today else "未召开"


def gather_plan(
    session: Session,
    branch_id: uuid.UUID,
    year: int,
    quarter: int,
    *,
    today: dt.date,
    rules: RuleSet | None = None,
) -> MeetingPlanReport:
    rules = rules or RuleSet()
    branch = roster_queries.get_branch(session, branch_id)
    period = quarter_period(year, quarter)
    deadline = period.start.replace(day=rules.as_int("MTG-PLAN.day_of_quarter"))
    groups = {g.id: g.name for g in roster_queries.list_groups(session, branch_id)}
    row = queries.plan_for(session, branch_id, year, quarter)
    items = queries.plan_items(session, row.id) if row else []
    lines: list[PlanLine] = []
    if row is not None:
        lines = [
            PlanLine(
                i.planned_on,
                KIND_LABELS[i.kind],
                i.topic,
                groups.get(i.group_id, "") if i.group_id else "",
                _outcome(session, i.planned_on, i.meeting_id, today),
            )
            for i in items
        ]
    needs = []
    # the requirement over the whole quarter, whatever has been held so far
    for activity in tally(
        period.start,
        period.end,
        as_of=period.end,
        since=period.start,
        has_committee=branch.has_committee,
        groups=[(str(g), n) for g, n in groups.items()],
        meetings=[],
        rules=rules,
    ):
        planned = sum(
            1
            for item in items
            if item.kind is activity.kind
            and (activity.group_id is None or str(item.group_id) == activity.group_id)
        )
        if activity.required or planned:
            needs.append(PlanNeed(activity.label, activity.cadence, activity.required, planned))
    if quarter == 4:
        needs += _yearly_needs(session, branch_id, year, items, rules)
    return MeetingPlanReport(
        branch_name=branch.name,
        year=year,
        quarter=quarter,
        filed_on=row.filed_on if row else None,
        deadline=deadline,
        note=row.note if row else "",
        lines=lines,
        needs=needs,
        as_of=today,
    )


def _yearly_needs(
    session: Session,
    branch_id: uuid.UUID,
    year: int,
    items: list[MeetingPlanItem],
    rules: RuleSet,
) -> list[PlanNeed]:
    """In the fourth quarter: the yearly activities still owed this year (组织生活会, 民主评议,
    谈心谈话), against what the plan holds."""
    held = queries.held_meetings(session, branch_id, dt.date(year, 1, 1), dt.date(year, 9, 30))
    needs = []
    for kind in (MeetingKind.ORG_LIFE, MeetingKind.APPRAISAL, MeetingKind.TALKS):
        param, _periods = CADENCES[kind]
        owed = max(rules.as_int(param) - sum(1 for m in held if m.kind is kind), 0)
        planned = sum(1 for i in items if i.kind is kind)
        if owed or planned:
            needs.append(PlanNeed(KIND_LABELS[kind], f"每年{rules.as_int(param)}次", owed, planned))
    return needs


# --- 谈心谈话记录表 -------------------------------------------------------------------------


def talk_ids(
    session: Session, branch_id: uuid.UUID, start: dt.date, end: dt.date
) -> list[uuid.UUID]:
    """The 谈心谈话 records of a period, by date."""
    return [m.id for m in queries.list_meetings(session, branch_id, start, end, MeetingKind.TALKS)]
