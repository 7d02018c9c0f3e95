"""The decision record of one matter (四议两公开工作记录): every step as it happened.

Each step shows its date, place, attendance with the basis the counts refer to, the votes,
the verdict under the rules, and the text as it stood when that step decided it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from reportlab.platypus import Flowable, KeepTogether
from sqlmodel import Session

from villagebook.domain.common.calendar import cn_date
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.deliberations.values import (
    Channel,
    StepKind,
    Verdict,
    format_amount,
)
from villagebook.reports.base import (
    CONTENT_WIDTH,
    Target,
    build_pdf,
    field_table,
    gap,
    grid_table,
    para,
    printed_on,
    signature_lines,
    styles,
)
from villagebook.services.deliberations import matters as dlb
from villagebook.services.roster import queries as roster_queries
from villagebook.storage.models.deliberations import (
    Deliberation,
    DeliberationStep,
    DeliberationText,
)


@dataclass(frozen=True)
class StepRecord:
    number: int
    label: str
    done: bool
    date: str = ""
    place: str = ""
    counts: str = ""
    votes: str = ""
    verdict: str = ""
    notice: str = ""
    posting: str = ""
    photos: int = 0
    text_label: str = ""
    text: str = ""
    form: str = ""
    note: str = ""


@dataclass(frozen=True)
class DecisionRecord:
    branch_name: str
    village: str
    township: str
    title: str
    category: str
    amount: str
    round_no: int
    previous_round: str
    workflow: str
    status: str
    status_reason: str
    steps: list[StepRecord] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    as_of: dt.date = dt.date(2000, 1, 1)


def _counts_text(session: Session, step: DeliberationStep) -> tuple[str, str]:
    counts = dlb.step_counts(session, step)
    if counts is None or counts.expected is None:
        return "", ""
    attendance = f"应到{counts.expected}、实到{counts.present or 0}（口径：{counts.basis.label}）"
    if counts.yes is None:
        return attendance, ""
    votes = f"赞成{counts.yes}、反对{counts.no or 0}、弃权{counts.abstain or 0}"
    return attendance, votes


def _step_record(
    session: Session, number: int, kind: StepKind, step: DeliberationStep | None
) -> StepRecord:
    if step is None:
        return StepRecord(number, kind.label, done=False)
    attendance, votes = _counts_text(session, step)
    text = session.get(DeliberationText, step.text_id) if step.text_id else None
    channels = "、".join(Channel(c).label for c in step.channels.split(",") if c)
    posting = ""
    if step.posted_from is not None:
        until = cn_date(step.posted_until) if step.posted_until else "至今（仍在公开）"
        posting = f"{channels}；{cn_date(step.posted_from)}至{until}"
    verdict = step.verdict.label if step.verdict is not Verdict.RECORDED else "已完成"
    if step.held_with_previous:
        verdict += "（与上一步合并召开）"
    linked = "（关联支部党员大会记录）" if step.meeting_id else ""
    return StepRecord(
        number,
        kind.label,
        done=True,
        date=cn_date(dlb.step_date(session, step)) + linked,
        place=step.place,
        counts=attendance,
        votes=votes,
        verdict=verdict,
        notice=cn_date(step.notice_on),
        posting=posting,
        photos=len(dlb.photos_of(session, step.id)),
        text_label=f"第{text.version}稿" if text else "",
        text=text.body if text else "",
        note=step.note,
        form=_form(kind, step),
    )


def _form(kind: StepKind, step: DeliberationStep) -> str:
    if kind is not StepKind.VILLAGER_DECISION or step.basis is None:
        return ""
    return "村民会议" if step.basis.is_assembly else "村民代表会议"


def gather(
    session: Session, matter_id: uuid.UUID, as_of: dt.date, rules: RuleSet | None = None
) -> DecisionRecord:
    matter = dlb.get_matter(session, matter_id)
    branch = roster_queries.get_branch(session, matter.branch_id)
    steps = {s.kind: s for s in dlb.steps_of(session, matter.id)}
    flow = dlb.workflow_of(matter)
    records = [
        _step_record(session, i, s.kind, steps.get(s.kind)) for i, s in enumerate(flow.steps, 1)
    ]
    previous = session.get(Deliberation, matter.previous_id) if matter.previous_id else None
    findings = [f"{f.code}　{f.message}" for f in dlb.findings_of(session, matter, as_of, rules)]
    return DecisionRecord(
        branch_name=branch.name,
        village=branch.village,
        township=branch.township,
        title=matter.title,
        category=matter.category.label,
        amount=format_amount(matter.amount_fen) or "不涉及",
        round_no=matter.round_no,
        previous_round=(
            f"第{previous.round_no}轮：{previous.status.label}（{previous.status_reason}）"
            if previous
            else ""
        ),
        workflow=flow.name,
        status=matter.status.label,
        status_reason=matter.status_reason,
        steps=records,
        findings=findings,
        as_of=as_of,
    )


def _step_flowables(step: StepRecord) -> list[Flowable]:
    st = styles()
    heading = para(f"{step.number}. {step.label}", st.heading)
    if not step.done:
        return [heading, para("尚未办理。", st.body)]
    pairs: list[tuple[str, str]] = []
    if step.posting:
        pairs += [("公开方式与时间", step.posting), ("公开照片", f"{step.photos}张")]
    else:
        pairs += [("日期", step.date), ("地点", step.place)]
    if step.form:
        pairs.append(("会议形式", step.form))
    if step.counts:
        pairs.append(("到会情况", step.counts))
    if step.votes:
        pairs.append(("表决结果", step.votes))
    if step.notice:
        pairs.append(("会议通知日期", step.notice))
    pairs.append(("结论", step.verdict))
    if step.note:
        pairs.append(("备注", step.note))
    text_title = "公开内容" if step.posting else "议定内容"
    rows: list[list[str | Flowable]] = [
        [f"{text_title}（{step.text_label}）"],
        [para(step.text, st.body)],
    ]
    text_table = grid_table(rows, [CONTENT_WIDTH], header_rows=1, st=st)
    return [KeepTogether([heading, field_table(pairs, st)]), gap(1.5), text_table]


def render(report: DecisionRecord, out: Target) -> int:
    st = styles()
    title = "“四议两公开”工作记录"

    def story() -> list[Flowable]:
        round_text = f"第{report.round_no}轮" + (
            f"（上一轮 {report.previous_round}）" if report.previous_round else ""
        )
        parts: list[Flowable] = [
            para(title, st.title),
            para(f"{report.township} {report.village}　{report.branch_name}", st.subtitle),
            field_table(
                [
                    ("事项名称", report.title),
                    ("事项类别", report.category),
                    ("涉及金额", report.amount),
                    ("办理轮次", round_text),
                    ("办理程序", report.workflow),
                    (
                        "办理状态",
                        report.status
                        + (f"：{report.status_reason}" if report.status_reason else ""),
                    ),
                ],
                st,
            ),
        ]
        for step in report.steps:
            parts += _step_flowables(step)
        parts.append(para("规则检查", st.heading))
        if report.findings:
            parts += [para(f"• {line}", st.body) for line in report.findings]
        else:
            parts.append(
                para(f"截至{cn_date(report.as_of)}，未发现不符合程序规定的情况。", st.body)
            )
        parts += [
            gap(4),
            signature_lines(["书记", "记录人"], st),
            gap(2),
            para(printed_on(), st.small),
        ]
        return parts

    return build_pdf(
        out,
        story,
        title=f"{title}：{report.title}",
        footer=f"{report.branch_name} · 四议两公开工作记录 · {report.title}",
    )
