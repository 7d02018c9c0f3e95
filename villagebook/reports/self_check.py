"""自查报告: the branch's own check of a period, as a form it signs and sends up.

The header (branch, period, date, rule set), the results counted by kind and severity, every
finding with the branch's note where it was handled, a conclusion, blank lines for the
remedies still to take, the 自查人 / 支部书记 sign-off and a box for the township's opinion.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
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
    sign_off,
    styles,
    whole,
)
from villagebook.reports.parts import FindingLine, findings_table

#: Rule code prefix → the area it checks.
AREAS = (
    ("MTG", "组织生活（三会一课）"),
    ("DEV", "发展党员"),
    ("DLB", "四议两公开"),
    ("ORG", "组织设置"),
)


@dataclass
class SelfCheckReport:
    branch_name: str
    township: str
    period_label: str
    start: dt.date
    end: dt.date
    as_of: dt.date
    rules: str
    findings: list[FindingLine] = field(default_factory=list)

    @property
    def handled(self) -> int:
        return sum(1 for f in self.findings if f.handled)


def area_of(code: str) -> str:
    prefix = code.split("-", 1)[0]
    return next((name for key, name in AREAS if key == prefix), "其他")


def _counts(report: SelfCheckReport) -> Flowable:
    st = styles()
    severities = ("违规", "提醒", "即将到期", "信息")
    counts = Counter((area_of(f.code), f.severity) for f in report.findings)
    areas = [name for _key, name in AREAS] + ["其他"]
    rows: list[list[str | Flowable]] = [["检查内容", *severities, "合计", "已处理"]]
    for area in areas:
        mine = [f for f in report.findings if area_of(f.code) == area]
        if not mine and area == "其他":
            continue
        rows.append(
            [
                area,
                *[str(counts[(area, s)]) for s in severities],
                str(len(mine)),
                str(sum(1 for f in mine if f.handled)),
            ]
        )
    widths = [0, 20, 20, 22, 20, 20, 20]
    widths[0] = CONTENT_WIDTH / mm - sum(widths)
    return grid_table(rows, [w * mm for w in widths], st=st, whole_columns=range(7))


def _box(title: str, height: float) -> Table:
    st = styles()
    right = ParagraphStyle("right", parent=st.body, alignment=2)
    box = Table(
        [[whole(title, st.body)], [para("（盖章）______年____月____日", right)]],
        colWidths=[CONTENT_WIDTH],
        rowHeights=[height, 10 * mm],
    )
    box.setStyle(
        TableStyle(
            [FONT_COMMAND, ("BOX", (0, 0), (-1, -1), 0.5, GRID), ("VALIGN", (0, 0), (-1, 0), "TOP")]
        )
    )
    return box


def conclusion(report: SelfCheckReport) -> str:
    total = len(report.findings)
    if not total:
        return f"经按现行规则自查，{report.period_label}未发现问题。"
    errors = sum(1 for f in report.findings if f.error)
    return (
        f"经按现行规则自查，{report.period_label}共发现问题{total}条，其中违反规定{errors}条；"
        f"已处理{report.handled}条，尚未处理{total - report.handled}条，"
        "须在下表列明整改措施和时限。"
    )


def render(report: SelfCheckReport, out: Target) -> int:
    st = styles()

    def story() -> list[Flowable]:
        flow: list[Flowable] = [
            para(report.branch_name, st.subtitle),
            para(f"党支部工作自查报告（{report.period_label}）", st.title),
            field_table(
                [
                    ("自查期间", f"{cn_date(report.start)}至{cn_date(report.end)}"),
                    ("自查日期", cn_date(report.as_of)),
                    ("所属乡镇", report.township),
                    ("检查规则", report.rules),
                ],
                st,
            ),
            para("一、自查结果汇总", st.heading),
            _counts(report),
            para("二、发现的问题及处理情况", st.heading),
        ]
        if report.findings:
            flow.append(findings_table(report.findings, st))
        else:
            flow.append(para("未发现问题。", st.body))
        flow += [
            para("三、自查结论", st.heading),
            para(conclusion(report), st.body),
            sign_off(
                [
                    para("四、整改措施及时限", st.heading),
                    grid_table(
                        [
                            ["问题", "整改措施", "责任人", "完成时限"],
                            ["", "", "", ""],
                            ["", "", "", ""],
                        ],
                        [60 * mm, CONTENT_WIDTH - 120 * mm, 28 * mm, 32 * mm],
                        st=st,
                        heights=[None, 14 * mm, 14 * mm],
                    ),
                ],
                ["自查人", "支部书记"],
                st,
                dated=True,
            ),
            gap(4),
            _box("乡镇党委审核意见：", 22 * mm),
        ]
        return flow

    return build_pdf(
        out,
        story,
        title=f"{report.branch_name}党支部工作自查报告（{report.period_label}）",
        footer=f"{report.branch_name} · 自查报告 · {report.period_label}",
    )
