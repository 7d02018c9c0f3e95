"""Reports across the capabilities: the quarterly ledger (季度台账), the annual work report
(年度工作报告) and the self-check report (自查报告).

They read each capability through its ``queries`` module (as one capability reads another)
and the check results through the check providers the registry hands to
:func:`report_kinds`, so this module imports no registry and no capability's checks.
"""  # i18n: data (official forms, printed in Chinese)

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlmodel import Session

from villagebook.domain.common.calendar import quarter_period, year_period
from villagebook.domain.common.findings import Finding
from villagebook.domain.common.i18n import N_
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.deliberations.amounts import yuan_digits
from villagebook.domain.deliberations.values import DeliberationDetail, StepKind
from villagebook.domain.development.workflow import DEFAULT
from villagebook.domain.meetings.absence import CODE as ABSENT_CODE
from villagebook.domain.meetings.tally import (
    member_attendance,
)
from villagebook.reports import annual, ledger, self_check
from villagebook.reports.ledger import DueLine, MatterEvent, QuarterLedger, StepLine
from villagebook.reports.parts import FindingLine
from villagebook.reports.self_check import SelfCheckReport
from villagebook.services import annual_report
from villagebook.services.checks import CheckProvider
from villagebook.services.deliberations import queries as deliberations
from villagebook.services.development import queries as development
from villagebook.services.ledger_facts import activities_of, findings_on
from villagebook.services.meetings import queries as meetings
from villagebook.services.printing import RecordSelection, ReportKind, ReportRequest
from villagebook.services.report_periods import (
    quarter_of_request,
    range_label,
    range_of_request,
    year_of_request,
)
from villagebook.services.roster import queries as roster

# --- what the PDFs embed ---------------------------------------------------------------------


def _period_records(
    session: Session, branch_id: uuid.UUID, start: dt.date, end: dt.date
) -> RecordSelection:
    """The period's meeting records and quarterly plans; the development cases, the
    四议两公开 matters and the notes on findings whole (the figures on them reach back
    before the period, and they are few).  Ten years of records stay out of one year's PDF."""
    held, plans = meetings.ids_between(session, branch_id, start, end)
    return RecordSelection(
        {
            "meetings": held,
            "meeting_plans": plans,
            "development_cases": None,
            "deliberations": None,
            "finding_notes": None,
        }
    )


def _quarter_records(session: Session, request: ReportRequest, _data: object) -> RecordSelection:
    assert request.branch_id is not None
    period = quarter_period(*quarter_of_request(request))
    return _period_records(session, request.branch_id, period.start, period.end)


def _year_records(session: Session, request: ReportRequest, _data: object) -> RecordSelection:
    assert request.branch_id is not None
    period = year_period(year_of_request(request))
    return _period_records(session, request.branch_id, period.start, period.end)


def _range_records(session: Session, request: ReportRequest, _data: object) -> RecordSelection:
    assert request.branch_id is not None
    start, end = range_of_request(request)
    return _period_records(session, request.branch_id, start, end)


# --- 季度台账 ------------------------------------------------------------------------------


def _due_lines(
    session: Session, branch_id: uuid.UUID, as_of: dt.date, rules: RuleSet
) -> list[DueLine]:
    states = {"overdue": "已逾期", "soon": "30日内到期"}
    lines = []
    for card in development.board(session, branch_id, as_of, rules):
        if card.next.step is None:
            continue
        stage = DEFAULT.stage(card.stage)
        lines.append(
            DueLine(
                card.name,
                f"第{stage.number}阶段 {stage.name}",
                f"第{card.next.step}步 {card.next.name}",
                card.due.isoformat() if card.due else "",
                states.get(card.urgency.value, ""),
            )
        )
    return lines


def _matter(detail: DeliberationDetail, start: dt.date, end: dt.date) -> MatterEvent:
    record = detail.deliberation
    events = []
    for step in detail.steps:
        day = step.posted_from or step.held_on
        if day is not None and start <= day <= end:
            events.append(f"{step.kind.chinese} {day.isoformat()}")
    return MatterEvent(
        title=record.title + (f"（第{record.round_no}轮）" if record.round_no > 1 else ""),
        category=record.category.chinese,
        amount=yuan_digits(record.amount_fen) if record.amount_fen is not None else "—",
        events="；".join(events),
        status=record.status.chinese,
    )


def _in(detail: DeliberationDetail, kinds: set[StepKind], start: dt.date, end: dt.date) -> bool:
    for step in detail.steps:
        day = step.posted_from or step.held_on
        if step.kind in kinds and day is not None and start <= day <= end:
            return True
    return False


def gather_ledger(
    session: Session,
    providers: Sequence[CheckProvider],
    branch_id: uuid.UUID,
    year: int,
    quarter: int,
    *,
    today: dt.date,
    rules: RuleSet,
) -> QuarterLedger:
    """The quarter as of its end (or today, while it runs)."""
    branch = roster.get_branch(session, branch_id)
    period = quarter_period(year, quarter)
    as_of = min(today, period.end)
    rows, rates, overall, lines = activities_of(
        session, branch, period.start, period.end, as_of, rules
    )
    # Today's check results (a check run "in the past" would see later records as errors),
    # as far as they had arisen by the quarter's end.
    found = [
        f
        for f in findings_on(session, providers, branch_id, today, rules)
        if f.due is None or f.due <= period.end
    ]
    details = deliberations.details_between(
        session, branch_id, period.start, period.end, as_of, rules
    )
    published = {StepKind.RESOLUTION_PUBLICITY, StepKind.RESULT_PUBLICITY}
    return QuarterLedger(
        branch_name=branch.name,
        township=branch.township,
        village=branch.village,
        year=year,
        quarter=quarter,
        as_of=as_of,
        activities=rows,
        rates=rates,
        overall=overall,
        members=member_attendance(lines),
        absences=[FindingLine.of(f) for f in found if f.code == ABSENT_CODE],
        steps=[
            StepLine(name, f"第{number}步 {step}", day)
            for name, number, step, day in development.steps_between(
                session, branch_id, period.start, period.end
            )
        ],
        due=_due_lines(session, branch_id, today, rules),
        matters=[_matter(d, period.start, period.end) for d in details],
        open_findings=[FindingLine.of(f) for f in found if f.handled is None],
        handled=[FindingLine.of(f) for f in found if f.handled is not None],
        opened=sum(_in(d, {StepKind.PROPOSAL}, period.start, period.end) for d in details),
        decided=sum(
            _in(d, {StepKind.VILLAGER_DECISION}, period.start, period.end) for d in details
        ),
        published=sum(_in(d, published, period.start, period.end) for d in details),
    )


# --- 自查报告 -------------------------------------------------------------------------------


def in_period(finding: Finding, start: dt.date, end: dt.date) -> bool:
    """A finding belongs to a period when it fell due within it (or has no due date)."""
    return finding.due is None or start <= finding.due <= end


def gather_self_check(
    session: Session,
    providers: Sequence[CheckProvider],
    branch_id: uuid.UUID,
    start: dt.date,
    end: dt.date,
    *,
    today: dt.date,
    rules: RuleSet,
) -> SelfCheckReport:
    branch = roster.get_branch(session, branch_id)
    as_of = min(today, end)
    found = [
        f
        for f in findings_on(session, providers, branch_id, today, rules)
        if in_period(f, start, end)
    ]
    return SelfCheckReport(
        branch_name=branch.name,
        township=branch.township,
        period_label=range_label(start, end),
        start=start,
        end=end,
        as_of=as_of,
        rules=f"{rules.name}（{rules.version}）",
        findings=[FindingLine.of(f) for f in found],
    )


# --- the report kinds ---------------------------------------------------------------------


def report_kinds(providers: Sequence[CheckProvider]) -> list[ReportKind]:
    """The cross-capability reports, reading check results through ``providers``."""

    def quarterly(session: Session, request: ReportRequest) -> QuarterLedger:
        assert request.branch_id is not None
        year, quarter = quarter_of_request(request)
        return gather_ledger(
            session,
            providers,
            request.branch_id,
            year,
            quarter,
            today=request.day,
            rules=request.rule_set,
        )

    def yearly(session: Session, request: ReportRequest) -> annual.AnnualReport:
        assert request.branch_id is not None
        return annual_report.gather(
            session,
            providers,
            request.branch_id,
            year_of_request(request),
            today=request.day,
            rules=request.rule_set,
        )

    def self_checked(session: Session, request: ReportRequest) -> SelfCheckReport:
        assert request.branch_id is not None
        start, end = range_of_request(request)
        return gather_self_check(
            session,
            providers,
            request.branch_id,
            start,
            end,
            today=request.day,
            rules=request.rule_set,
        )

    return [
        ReportKind(
            "ledger",
            N_("季度台账"),
            quarterly,
            ledger.render,
            span="quarter",
            period=lambda data: data.label,
            records=_quarter_records,
            file_name=lambda data: f"{data.branch_name}-季度台账-{data.label}",
        ),
        ReportKind(
            "annual",
            N_("年度工作报告"),
            yearly,
            annual.render,
            span="year",
            period=lambda data: f"{data.year}年",
            records=_year_records,
            file_name=lambda data: f"{data.branch_name}-{data.year}年度工作报告",
        ),
        ReportKind(
            "self-check",
            N_("自查报告"),
            self_checked,
            self_check.render,
            span="period",
            summary=lambda data: f"{len(data.findings)} 条",
            period=lambda data: data.period_label,
            records=_range_records,
            file_name=lambda data: f"{data.branch_name}-自查报告-{data.period_label}",
        ),
    ]
