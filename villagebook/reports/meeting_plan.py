"""季度组织生活计划报备表: the quarter's plan as filed with the township, and how it went.

Township practice asks for a plan filed by the 5th of the quarter's first month, one line
per activity.  The form shows when it was filed (and whether on time), each planned
activity with its date, kind, topic and Party group and, once held, the record's date;
then what the rules ask for in the quarter against what was planned; a box for the
township's opinion and the secretary's signature.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from villagebook.domain.common.calendar import cn_date
from villagebook.reports.base import (
    CONTENT_WIDTH,
    FONT_COMMAND,
    GRID,
    Target,
    build_pdf,
    field_table,
    gap,
    grid_table,
    para,
    printed_on,
    sign_off,
    styles,
    whole,
)


@dataclass(frozen=True)
class PlanLine:
    planned_on: dt.date
    kind: str
    topic: str
    group: str
    outcome: str  # 已召开（日期） / 未召开 / 待召开


@dataclass(frozen=True)
class PlanNeed:
    """What the rules ask for in the quarter, against what the plan holds."""

    label: str
    cadence: str
    required: int
    planned: int


@dataclass
class MeetingPlanReport:
    branch_name: str
    year: int
    quarter: int
    filed_on: dt.date | None
    deadline: dt.date
    note: str
    lines: list[PlanLine] = field(default_factory=list)
    needs: list[PlanNeed] = field(default_factory=list)
    as_of: dt.date | None = None

    @property
    def label(self) -> str:
        return f"{self.year}年第{self.quarter}季度"

    @property
    def filing(self) -> str:
        if self.filed_on is None:
            return "未报备"
        late = "（逾期报备）" if self.filed_on > self.deadline else "（按时报备）"
        return cn_date(self.filed_on) + late


def _lines(report: MeetingPlanReport) -> Flowable:
    st = styles()
    body: list[list[str | Flowable]] = [
        ["序号", "计划日期", "活动类型", "主题", "党小组", "落实情况"]
    ]
    for i, line in enumerate(report.lines, 1):
        body.append(
            [str(i), line.planned_on.isoformat(), line.kind, line.topic, line.group, line.outcome]
        )
    widths = [12, 24, 32, 0, 26, 36]
    widths[3] = CONTENT_WIDTH / mm - sum(widths)
    return grid_table(body, [w * mm for w in widths], st=st, whole_columns=(0, 1, 2, 4))


def _needs(report: MeetingPlanReport) -> Flowable:
    st = styles()
    body: list[list[str | Flowable]] = [["活动类型", "规定要求", "本季度应开", "计划安排", "对照"]]
    for need in report.needs:
        verdict = "符合" if need.planned >= need.required else f"少{need.required - need.planned}次"
        body.append([need.label, need.cadence, str(need.required), str(need.planned), verdict])
    widths = [0, 30, 26, 26, 26]
    widths[0] = CONTENT_WIDTH / mm - sum(widths)
    return grid_table(body, [w * mm for w in widths], st=st, whole_columns=(0, 1, 2, 3, 4))


def _opinion_box() -> Table:
    st = styles()
    box = Table(
        [
            [whole("乡镇党委审核意见：", st.body)],
            [
                para(
                    "（盖章）______年____月____日", ParagraphStyle("r", parent=st.body, alignment=2)
                )
            ],
        ],
        colWidths=[CONTENT_WIDTH],
        rowHeights=[24 * mm, 10 * mm],
    )
    box.setStyle(
        TableStyle(
            [
                FONT_COMMAND,
                ("BOX", (0, 0), (-1, -1), 0.5, GRID),
                ("VALIGN", (0, 0), (-1, 0), "TOP"),
            ]
        )
    )
    return box


def render(report: MeetingPlanReport, out: Target) -> int:
    st = styles()

    def story() -> list[Flowable]:
        flow: list[Flowable] = [
            para(report.branch_name, st.subtitle),
            para(f"{report.label}组织生活计划报备表", st.title),
            field_table(
                [
                    ("报备季度", report.label),
                    ("报备时限", cn_date(report.deadline) + "前"),
                    ("报备日期", report.filing),
                    ("计划活动", f"{len(report.lines)}项"),
                ],
                st,
            ),
            para("一、计划安排", st.heading),
        ]
        if report.lines:
            flow.append(_lines(report))
        else:
            flow.append(para("本季度没有报备计划。", st.body))
        if report.note:
            flow += [gap(2), para(f"说明：{report.note}", st.body)]
        flow += [para("二、对照规定要求", st.heading), _needs(report), gap(4), _opinion_box()]
        flow.append(
            sign_off(
                [para(printed_on(report.as_of), st.small)], ["支部书记", "报备人"], st, dated=True
            )
        )
        return flow

    return build_pdf(
        out,
        story,
        title=f"{report.branch_name}{report.label}组织生活计划报备表",
        footer=f"{report.branch_name} · 组织生活计划报备表 · {report.label}",
    )
