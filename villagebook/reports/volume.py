"""The quarterly bound volume (一季度一合订): every record of a quarter, with contents.

The first pages carry the compliance summary an inspector looks for first: each kind of
activity required against held, the months or quarters that fell short, records finalised
late, and every check result about the quarter (with the branch's note where one was
marked handled).  Then the contents, each record's title, date and first page (found in
the first of two layout passes), and the records, each starting on a new page; a record's
further pages carry its heading and date with （续）.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak

from villagebook.domain.common.calendar import cn_date
from villagebook.domain.meetings.tally import ActivityRow
from villagebook.reports.base import (
    CONTENT_WIDTH,
    PageMark,
    Styles,
    Target,
    build_pdf,
    gap,
    grid_table,
    para,
    printed_on,
    styles,
)
from villagebook.reports.minutes import MinutesData, minutes_story, title_of
from villagebook.reports.parts import FindingLine, activity_table, findings_table


@dataclass
class VolumeData:
    """Every record of a quarter (gathered by ``services/meetings/printouts``)."""

    branch_name: str
    year: int
    quarter: int
    records: list[MinutesData]
    activities: list[ActivityRow] = field(default_factory=list)
    findings: list[FindingLine] = field(default_factory=list)
    as_of: dt.date | None = None

    @property
    def label(self) -> str:
        return f"{self.year}年第{self.quarter}季度"


def _summary(data: VolumeData, st: Styles) -> list[Flowable]:
    short = sum(len(a.missing) for a in data.activities)
    late = sum(a.late for a in data.activities)
    open_findings = sum(1 for f in data.findings if not f.handled)
    when = f"（截至{cn_date(data.as_of)}）" if data.as_of else ""
    verdict = (
        f"本季度应开未开{short}项次，逾期定稿记录{late}份，检查发现问题{len(data.findings)}条"
        f"（其中未处理{open_findings}条）{when}。"
    )
    flow: list[Flowable] = [
        para("合规情况", st.heading),
        para(verdict, st.body),
        activity_table(data.activities, st),
    ]
    if data.findings:
        flow += [gap(2), para("规则检查结果", st.heading), findings_table(data.findings, st)]
    return flow


def _contents(data: VolumeData, pages: dict[int, int], st: Styles) -> Flowable:
    rows: list[list[str | Flowable]] = [["序号", "日期", "类型", "标题 / 议题", "页码"]]
    for i, record in enumerate(data.records, 1):
        title = record.title or "；".join(record.topics)
        rows.append(
            [
                str(i),
                record.held_on.isoformat(),
                title_of(record).removesuffix("记录").removesuffix("记录表"),
                title,
                str(pages.get(i, "")),
            ]
        )
    widths = [12, 24, 44, 0, 14]
    widths[3] = CONTENT_WIDTH / mm - sum(widths)
    return grid_table(rows, [w * mm for w in widths], st=st, whole_columns=(0, 1, 2, 4))


def render(data: VolumeData, out: Target) -> int:
    st = styles()
    pages: dict[int, int] = {}

    def story() -> list[Flowable]:
        flow: list[Flowable] = [
            para(data.branch_name, st.subtitle),
            para(f"三会一课记录合订本　{data.label}", st.title),
            para(f"共{len(data.records)}份记录　{printed_on()}", st.subtitle),
            *_summary(data, st),
            para("目录", st.heading),
        ]
        if data.records:
            flow.append(_contents(data, pages, st))
        else:
            flow.append(para("本季度没有会议记录。", st.body))
        for i, record in enumerate(data.records, 1):
            flow += [PageBreak(), PageMark(i, pages), *minutes_story(record, st)]
        flow += [gap(), para("（合订本完）", st.small)]
        return flow

    return build_pdf(
        out,
        story,
        title=f"{data.branch_name}三会一课记录合订本{data.label}",
        footer=f"{data.branch_name} · 三会一课记录合订本 · {data.label}",
        passes=2,
    )
