"""The village affairs publicity sheet (村务公开栏) of one deliberation, to print and post.

A large title, what was decided (or how it was carried out), how it was decided, the
posting period, the village committee's name, and a blank for the seal and the date.  The
data comes from ``services/deliberations/printouts.py``; this module lays it out.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from villagebook.reports.base import (
    CONTENT_WIDTH,
    FONT_COMMAND,
    Target,
    build_pdf,
    escape,
    gap,
    register_font,
)
from villagebook.reports.typeset import CJKParagraph


@dataclass(frozen=True)
class PublicitySheet:
    """What the sheet of one publication says."""

    village: str
    committee: str
    heading: str  # 决议公开 / 实施结果公开
    title: str
    category: str
    amount: str
    decided: str  # how it was decided
    text: str
    period: str


def _style(name: str, size: float, **kw: object) -> ParagraphStyle:
    return ParagraphStyle(
        name, fontName=register_font(), fontSize=size, leading=size * 1.5, wordWrap="CJK", **kw
    )


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return CJKParagraph(escape(text), style)


def _facts(sheet: PublicitySheet) -> list[str]:
    facts = [f"事项类别：{sheet.category}"]
    if sheet.amount:
        facts.append(f"涉及金额：{sheet.amount}")
    return [*facts, f"决议情况：{sheet.decided}", f"公开时间：{sheet.period}"]


def _seal(sheet: PublicitySheet) -> Table:
    right = _style("right", 13.5, alignment=TA_RIGHT)
    seal = Table(
        [
            [_p(sheet.committee, right)],
            [_p("（盖章）", right)],
            [_p("____年____月____日", right)],
        ],
        colWidths=[CONTENT_WIDTH],
        rowHeights=[10 * mm, 16 * mm, 10 * mm],
    )
    seal.setStyle(TableStyle([FONT_COMMAND, ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return seal


def render(sheet: PublicitySheet, out: Target) -> int:
    big = _style("big", 30, alignment=TA_CENTER, spaceAfter=4 * mm)
    sub = _style("sub", 16, alignment=TA_CENTER, spaceAfter=6 * mm)
    body = _style("body", 13.5, firstLineIndent=27, spaceAfter=3 * mm)
    plain = _style("plain", 12.5, spaceAfter=2 * mm)

    def story() -> list[Flowable]:
        parts: list[Flowable] = [
            _p("村务公开栏", big),
            _p(f"关于“{sheet.title}”的{sheet.heading}", sub),
        ]
        parts += [_p(line, body) for line in sheet.text.splitlines() if line.strip()]
        parts.append(gap(3))
        parts += [_p(line, plain) for line in _facts(sheet)]
        parts.append(_p("公开期间，村民如有意见建议，可向村务监督委员会或村“两委”反映。", plain))
        parts += [gap(12), _seal(sheet)]
        return parts

    return build_pdf(
        out,
        story,
        title=f"村务公开：{sheet.title}",
        footer=f"{sheet.committee} · 村务公开",
    )
