"""谈心谈话记录表 of a period: every talk record on the talk form, or a blank form.

Each 谈心谈话 record prints on the talk record form (see :func:`minutes.talk_story`): one
part per person talked with, what was said, both signatures.  With no record in the
period the report is a blank form to fill in by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak

from villagebook.reports.base import (
    CONTENT_WIDTH,
    Target,
    build_pdf,
    field_table,
    grid_table,
    para,
    sign_off,
    styles,
)
from villagebook.reports.minutes import MinutesData, minutes_story


@dataclass
class TalksReport:
    branch_name: str
    period_label: str
    records: list[MinutesData] = field(default_factory=list)


def _blank(report: TalksReport) -> list[Flowable]:
    st = styles()
    fields = [("谈话对象", ""), ("谈话人", ""), ("谈话时间", ""), ("谈话地点", "")]
    body = grid_table([["谈话主要内容"], [""]], [CONTENT_WIDTH], st=st, heights=[None, 110 * mm])
    opinion = grid_table([["谈话对象意见"], [""]], [CONTENT_WIDTH], st=st, heights=[None, 30 * mm])
    return [
        para(report.branch_name, st.subtitle),
        para("谈心谈话记录表", st.title),
        field_table(fields, st),
        body,
        sign_off([opinion], ["谈话对象", "谈话人"], st, dated=True),
    ]


def render(report: TalksReport, out: Target) -> int:
    st = styles()

    def story() -> list[Flowable]:
        if not report.records:
            return _blank(report)
        flow: list[Flowable] = []
        for i, record in enumerate(report.records):
            if i:
                flow.append(PageBreak())
            flow += minutes_story(record, st)
        return flow

    return build_pdf(
        out,
        story,
        title=f"{report.branch_name}谈心谈话记录表（{report.period_label}）",
        footer=f"{report.branch_name} · 谈心谈话记录表 · {report.period_label}",
    )
