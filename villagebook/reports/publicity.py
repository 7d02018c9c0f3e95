"""The village affairs publicity sheet (村务公开栏) of one matter, to print and post.

A large title, what was decided (or how it was carried out), how it was decided, the
posting period, the village committee's name, and a blank for the seal and the date.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle
from sqlmodel import Session

from villagebook.domain.common.calendar import cn_date
from villagebook.domain.common.errors import InputError
from villagebook.domain.deliberations.values import StepKind, format_amount
from villagebook.reports.base import CONTENT_WIDTH, Target, build_pdf, escape, gap, register_font
from villagebook.services.deliberations import matters as dlb
from villagebook.services.roster import queries as roster_queries
from villagebook.storage.models.deliberations import DeliberationText


@dataclass(frozen=True)
class PublicitySheet:
    village: str
    committee: str
    heading: str  # 决议公开 / 实施结果公开
    title: str
    category: str
    amount: str
    decided: str  # how it was decided
    text: str
    period: str


def gather(session: Session, matter_id: uuid.UUID, kind: StepKind | None = None) -> PublicitySheet:
    """The sheet for the resolution (default) or the result publication."""
    matter = dlb.get_matter(session, matter_id)
    branch = roster_queries.get_branch(session, matter.branch_id)
    steps = {s.kind: s for s in dlb.steps_of(session, matter.id)}
    decision = steps.get(StepKind.VILLAGER_DECISION)
    if decision is None:
        raise InputError.single("matter", "事项", "尚未经村民会议或村民代表会议决议，不能公开")
    if kind is None:
        kind = (
            StepKind.RESULT_PUBLICITY
            if StepKind.RESULT_PUBLICITY in steps
            else StepKind.RESOLUTION_PUBLICITY
        )
    step = steps.get(kind)
    text_id = step.text_id if step is not None else decision.text_id
    text = session.get(DeliberationText, text_id) if text_id else None
    counts = dlb.step_counts(session, decision)
    meeting = "村民会议" if counts and counts.basis.is_assembly else "村民代表会议"
    decided = f"经{cn_date(decision.held_on)}{meeting}表决"
    if counts is not None and counts.expected is not None:
        decided += (
            f"（应到{counts.expected}、实到{counts.present}，赞成{counts.yes}、"
            f"反对{counts.no or 0}、弃权{counts.abstain or 0}），{decision.verdict.label}"
        )
    if step is not None and step.posted_from is not None:
        until = cn_date(step.posted_until) if step.posted_until else "____年__月__日"
        period = f"{cn_date(step.posted_from)}至{until}"
    else:
        period = "____年__月__日至____年__月__日"
    return PublicitySheet(
        village=branch.village,
        committee=f"{branch.village}村民委员会",
        heading=kind.label,
        title=matter.title,
        category=matter.category.label,
        amount=format_amount(matter.amount_fen),
        decided=decided,
        text=text.body if text else "",
        period=period,
    )


def _style(name: str, size: float, **kw: object) -> ParagraphStyle:
    return ParagraphStyle(
        name, fontName=register_font(), fontSize=size, leading=size * 1.5, wordWrap="CJK", **kw
    )


def render(sheet: PublicitySheet, out: Target) -> int:
    from reportlab.platypus import Paragraph

    big = _style("big", 30, alignment=TA_CENTER, spaceAfter=4 * mm)
    sub = _style("sub", 16, alignment=TA_CENTER, spaceAfter=6 * mm)
    body = _style("body", 13.5, firstLineIndent=27, spaceAfter=3 * mm)
    plain = _style("plain", 12.5, spaceAfter=2 * mm)
    right = _style("right", 13.5, alignment=TA_RIGHT)

    def p(text: str, style: ParagraphStyle) -> Paragraph:
        return Paragraph(escape(text), style)

    def story() -> list[Flowable]:
        parts: list[Flowable] = [
            p("村务公开栏", big),
            p(f"关于“{sheet.title}”的{sheet.heading}", sub),
        ]
        parts += [p(line, body) for line in sheet.text.splitlines() if line.strip()]
        parts.append(gap(3))
        facts = [f"事项类别：{sheet.category}"]
        if sheet.amount:
            facts.append(f"涉及金额：{sheet.amount}")
        facts += [f"决议情况：{sheet.decided}", f"公开时间：{sheet.period}"]
        parts += [p(line, plain) for line in facts]
        parts.append(p("公开期间，村民如有意见建议，可向村务监督委员会或村“两委”反映。", plain))
        parts.append(gap(12))
        seal = Table(
            [
                [p(sheet.committee, right)],
                [p("（盖章）", right)],
                [p("____年____月____日", right)],
            ],
            colWidths=[CONTENT_WIDTH],
            rowHeights=[10 * mm, 16 * mm, 10 * mm],
        )
        seal.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
        parts.append(seal)
        return parts

    return build_pdf(
        out,
        story,
        title=f"村务公开：{sheet.title}",
        footer=f"{sheet.committee} · 村务公开",
    )
