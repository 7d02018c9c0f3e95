"""年度工作报告: the branch's year in numbers and pictures, for the secretary's 述职.

The year at a glance (members, activities, attendance, development, decisions), then a
months × kinds heatmap of activities held and missed, the monthly attendance rate, the
development funnel (applicants → activists → targets → probationary → full members),
decisions by category with the money involved, the problems still open at the year's end
and room for next year's plans; signed by the secretary.  The charts are ReportLab vector
drawings (:mod:`villagebook.reports.charts`): the PDF stays small and sharp in print.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether

from villagebook.domain.common.calendar import cn_date
from villagebook.domain.meetings.tally import ActivityRow
from villagebook.reports import charts
from villagebook.reports.base import (
    CONTENT_WIDTH,
    Styles,
    Target,
    build_pdf,
    gap,
    grid_table,
    para,
    sign_off,
    styles,
)
from villagebook.reports.charts import HeatRow
from villagebook.reports.parts import FindingLine, activity_table, findings_table


@dataclass
class AnnualReport:
    branch_name: str
    township: str
    village: str
    year: int
    as_of: dt.date
    figures: list[tuple[str, str]] = field(default_factory=list)
    heat: list[HeatRow] = field(default_factory=list)
    activities: list[ActivityRow] = field(default_factory=list)
    monthly: list[float | None] = field(default_factory=list)
    rates: list[float | None] = field(default_factory=list)
    funnel: list[tuple[str, int]] = field(default_factory=list)
    categories: list[tuple[str, int, str]] = field(default_factory=list)
    absences: list[FindingLine] = field(default_factory=list)
    open_findings: list[FindingLine] = field(default_factory=list)


def _figures(report: AnnualReport, st: Styles) -> Flowable:
    pairs = report.figures
    rows: list[list[str | Flowable]] = []
    for i in range(0, len(pairs), 2):
        row: list[str | Flowable] = []
        for label, value in pairs[i : i + 2]:
            row += [label, value]
        rows.append(row + [""] * (4 - len(row)))
    half = CONTENT_WIDTH / 2
    return grid_table(
        rows, [half - 40 * mm, 40 * mm] * 2, header_rows=0, st=st, whole_columns=(0, 1, 2, 3)
    )


def _chart(
    title: str, drawing: Flowable, st: Styles, note: str = "", heading: str = ""
) -> Flowable:
    """A chart kept with its title (and the section heading before it, if given)."""
    parts: list[Flowable] = [para(heading, st.heading)] if heading else []
    parts += [para(title, st.subheading), drawing]
    if note:
        parts.append(para(note, st.small))
    return KeepTogether(parts)


def render(report: AnnualReport, out: Target) -> int:
    st = styles()

    def story() -> list[Flowable]:
        months = [f"{m}月" for m in range(1, 13)]
        flow: list[Flowable] = [
            para(report.branch_name, st.subtitle),
            para(f"{report.year}年度党支部工作报告", st.title),
            para(f"（党支部书记述职用　截至{cn_date(report.as_of)}）", st.subtitle),
            para("一、全年工作概况", st.heading),
            _figures(report, st),
            _chart(
                "（一）各月开展情况",
                charts.heatmap(report.heat),
                st,
                heading="二、组织生活开展情况",
            ),
            para("（二）按规定应开与实开", st.subheading),
            activity_table(report.activities, st, rates=report.rates, dates=False),
            _chart(
                "（一）各月参加率",
                charts.rate_bars(months, report.monthly),
                st,
                heading="三、党员参加组织生活情况",
            ),
            para("（二）连续六个月未参加组织生活的党员", st.subheading),
        ]
        if report.absences:
            flow.append(findings_table(report.absences, st))
        else:
            flow.append(para("无。", st.body))
        flow += [
            _chart(
                f"{report.year}年发展党员各环节人数",
                charts.funnel(report.funnel),
                st,
                "按本年内办理该环节（递交申请、确定积极分子、确定发展对象、支部大会接收、"
                "支部大会讨论转正）的日期统计。",
                heading="四、发展党员工作",
            ),
            _chart(
                "经村民会议或村民代表会议决议的事项（按类别）",
                charts.category_bars(report.categories),
                st,
                heading="五、“四议两公开”落实情况",
            ),
            para("六、存在的问题", st.heading),
        ]
        if report.open_findings:
            flow.append(findings_table(report.open_findings, st, notes=False))
        else:
            flow.append(para("年末检查未发现尚未处理的问题。", st.body))
        plans = grid_table([["下一步打算"], [""]], [CONTENT_WIDTH], st=st, heights=[None, 40 * mm])
        flow += [
            gap(2),
            sign_off(
                [para("七、下一年度工作打算", st.heading), plans],
                ["报告人（党支部书记）"],
                st,
                dated=True,
                width=CONTENT_WIDTH * 0.6,
            ),
        ]
        return flow

    return build_pdf(
        out,
        story,
        title=f"{report.branch_name}{report.year}年度党支部工作报告",
        footer=f"{report.branch_name} · {report.year}年度工作报告",
    )
