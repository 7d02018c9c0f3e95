"""The decision record of one deliberation (四议两公开工作记录): every step as it happened.

Each step shows its date, place, attendance with the basis the counts refer to, the votes,
the verdict under the rules, and the text as it stood when that step decided it.  The data
comes from ``services/deliberations/printouts.py``; this module lays it out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from reportlab.platypus import Flowable, KeepTogether

from villagebook.domain.common.calendar import cn_date
from villagebook.reports.base import (
    CONTENT_WIDTH,
    Styles,
    Target,
    build_pdf,
    field_table,
    gap,
    grid_table,
    para,
    printed_on,
    sign_off,
    styles,
)


@dataclass(frozen=True)
class StepRecord:
    """One of the six steps as the record prints it (``done`` False: not yet taken)."""

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
    """The whole record of one round of a deliberation."""

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


TITLE = "“四议两公开”工作记录"


def _header(report: DecisionRecord, st: Styles) -> list[Flowable]:
    round_text = f"第{report.round_no}轮" + (
        f"（上一轮 {report.previous_round}）" if report.previous_round else ""
    )
    status = report.status + (f"：{report.status_reason}" if report.status_reason else "")
    return [
        para(TITLE, st.title),
        para(f"{report.township} {report.village}　{report.branch_name}", st.subtitle),
        field_table(
            [
                ("事项名称", report.title),
                ("事项类别", report.category),
                ("涉及金额", report.amount),
                ("办理轮次", round_text),
                ("办理程序", report.workflow),
                ("办理状态", status),
            ],
            st,
        ),
    ]


def _findings(report: DecisionRecord, st: Styles) -> list[Flowable]:
    parts = [para("规则检查", st.heading)]
    if report.findings:
        return parts + [para(f"• {line}", st.body) for line in report.findings]
    clean = f"截至{cn_date(report.as_of)}，未发现不符合程序规定的情况。"
    return [*parts, para(clean, st.body)]


def render(report: DecisionRecord, out: Target) -> int:
    st = styles()

    def story() -> list[Flowable]:
        parts = _header(report, st)
        for step in report.steps:
            parts += _step_flowables(step)
        tail = [*_findings(report, st), gap(2), para(printed_on(), st.small)]
        return [*parts, sign_off(tail, ["书记", "记录人"], st)]

    return build_pdf(
        out,
        story,
        title=f"{TITLE}：{report.title}",
        footer=f"{report.branch_name} · 四议两公开工作记录 · {report.title}",
    )
