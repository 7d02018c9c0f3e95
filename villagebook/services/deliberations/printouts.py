"""四议两公开 printouts: the decision record of a deliberation and its publicity sheet.

Both are official Chinese forms: step, category and status names print in Chinese whatever
the interface language (``.chinese``, not ``.label``).
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlmodel import Session

from villagebook.domain.common.calendar import cn_date
from villagebook.domain.common.errors import InputError
from villagebook.domain.common.i18n import N_, _
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.deliberations.amounts import yuan_digits
from villagebook.domain.deliberations.values import (
    Counts,
    DeliberationDetail,
    DeliberationStepRecord,
    DeliberationVerdict,
    StepKind,
)
from villagebook.domain.deliberations.workflow import workflow
from villagebook.reports import deliberation, publicity
from villagebook.reports.deliberation import DecisionRecord, StepRecord
from villagebook.reports.publicity import PublicitySheet
from villagebook.services.deliberations import queries
from villagebook.services.printing import ReportKind, ReportRequest
from villagebook.services.roster import queries as roster_queries

PUBLICITY_STEPS = {
    "resolution": StepKind.RESOLUTION_PUBLICITY,
    "result": StepKind.RESULT_PUBLICITY,
}


def _amount(fen: int | None) -> str:
    return f"{yuan_digits(fen)}元" if fen is not None else ""


def _counts_text(counts: Counts | None) -> tuple[str, str]:
    if counts is None or counts.expected is None:
        return "", ""
    attendance = f"应到{counts.expected}、实到{counts.present or 0}（口径：{counts.basis.chinese}）"
    if counts.yes is None:
        return attendance, ""
    votes = f"赞成{counts.yes}、反对{counts.no or 0}、弃权{counts.abstain or 0}"
    return attendance, votes


def _form(step: DeliberationStepRecord) -> str:
    if step.kind is not StepKind.VILLAGER_DECISION or step.counts is None:
        return ""
    return "村民会议" if step.counts.basis.is_assembly else "村民代表会议"


def _posting(step: DeliberationStepRecord) -> str:
    if step.posted_from is None:
        return ""
    channels = "、".join(c.chinese for c in step.channels)
    until = cn_date(step.posted_until) if step.posted_until else "至今（仍在公开）"
    return f"{channels}；{cn_date(step.posted_from)}至{until}"


def _verdict(step: DeliberationStepRecord) -> str:
    verdict = step.verdict.chinese if step.verdict is not DeliberationVerdict.RECORDED else "已完成"
    return verdict + ("（与上一步合并召开）" if step.held_with_previous else "")


def _step_record(number: int, kind: StepKind, detail: DeliberationDetail) -> StepRecord:
    step = detail.step(kind)
    if step is None:
        return StepRecord(number, kind.chinese, done=False)
    attendance, votes = _counts_text(step.effective_counts)
    text = detail.text(step.text_id)
    linked = "（关联支部党员大会记录）" if step.meeting_id else ""
    return StepRecord(
        number,
        kind.chinese,
        done=True,
        date=cn_date(step.date) + linked,
        place=step.place,
        counts=attendance,
        votes=votes,
        verdict=_verdict(step),
        notice=cn_date(step.notice_on),
        posting=_posting(step),
        photos=step.photos,
        text_label=f"第{text.version}稿" if text else "",
        text=text.body if text else "",
        note=step.note,
        form=_form(step),
    )


def decision_record(
    session: Session, deliberation_id: uuid.UUID, as_of: dt.date, rules: RuleSet | None = None
) -> DecisionRecord:
    """四议两公开工作记录: every step of one round, with the rule findings on ``as_of``."""
    detail = queries.detail(session, deliberation_id, as_of, rules)
    record = detail.deliberation
    branch = roster_queries.get_branch(session, record.branch_id)
    flow = workflow(record.workflow)
    previous = detail.previous
    return DecisionRecord(
        branch_name=branch.name,
        village=branch.village,
        township=branch.township,
        title=record.title,
        category=record.category.chinese,
        amount=_amount(record.amount_fen) or "不涉及",
        round_no=record.round_no,
        previous_round=(
            f"第{previous.round_no}轮：{previous.status.chinese}（{previous.status_reason}）"
            if previous
            else ""
        ),
        workflow=flow.name,
        status=record.status.chinese,
        status_reason=record.status_reason,
        steps=[_step_record(i, s.kind, detail) for i, s in enumerate(flow.steps, 1)],
        findings=[f"{f.code}　{f.message}" for f in detail.findings],
        as_of=as_of,
    )


def _decided(decision: DeliberationStepRecord) -> str:
    counts = decision.effective_counts
    meeting = "村民会议" if counts and counts.basis.is_assembly else "村民代表会议"
    decided = f"经{cn_date(decision.held_on)}{meeting}表决"
    if counts is not None and counts.expected is not None:
        decided += (
            f"（应到{counts.expected}、实到{counts.present}，赞成{counts.yes}、"
            f"反对{counts.no or 0}、弃权{counts.abstain or 0}），{decision.verdict.chinese}"
        )
    return decided


def _period(step: DeliberationStepRecord | None) -> str:
    if step is None or step.posted_from is None:
        return "____年__月__日至____年__月__日"
    until = cn_date(step.posted_until) if step.posted_until else "____年__月__日"
    return f"{cn_date(step.posted_from)}至{until}"


def publicity_sheet(
    session: Session, deliberation_id: uuid.UUID, kind: StepKind | None = None
) -> PublicitySheet:
    """The sheet for the resolution or the result publication (default: the latest)."""
    detail = queries.detail(session, deliberation_id, dt.date.today(), with_findings=False)
    decision = detail.step(StepKind.VILLAGER_DECISION)
    if decision is None:
        raise InputError.single(
            "deliberation", _("事项"), _("尚未经村民会议或村民代表会议决议，不能公开")
        )
    if kind is None:
        published = detail.step(StepKind.RESULT_PUBLICITY) is not None
        kind = StepKind.RESULT_PUBLICITY if published else StepKind.RESOLUTION_PUBLICITY
    step = detail.step(kind)
    text = detail.text(step.text_id if step is not None else decision.text_id)
    record = detail.deliberation
    branch = roster_queries.get_branch(session, record.branch_id)
    return PublicitySheet(
        village=branch.village,
        committee=f"{branch.village}村民委员会",
        heading=kind.chinese,
        title=record.title,
        category=record.category.chinese,
        amount=_amount(record.amount_fen),
        decided=_decided(decision),
        text=text.body if text else "",
        period=_period(step),
    )


def _record(session: Session, request: ReportRequest) -> DecisionRecord:
    assert request.subject_id is not None
    return decision_record(session, request.subject_id, request.as_of or dt.date.today())


def _sheet(session: Session, request: ReportRequest) -> PublicitySheet:
    assert request.subject_id is not None
    step = request.options.get("step")
    return publicity_sheet(session, request.subject_id, PUBLICITY_STEPS.get(str(step)))


REPORTS = [
    ReportKind(
        "deliberation",
        N_("四议两公开工作记录"),
        _record,
        deliberation.render,
        subject="deliberation",
        file_name=lambda data: f"{data.branch_name}-四议两公开工作记录-{data.title}",
    ),
    ReportKind(
        "publicity",
        N_("村务公开栏"),
        _sheet,
        publicity.render,
        subject="deliberation",
        file_name=lambda data: f"{data.village}-村务公开-{data.heading}-{data.title}",
    ),
]
