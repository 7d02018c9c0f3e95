"""“四议两公开”年度台账: every matter of a year on one landscape table.

Each matter (each round) dealt with in the year: category, amount, the date of each of the
six steps, its status, and the rule findings on the day printed; then the totals by
category with the money involved.  Signed off by 填报人 and 审核人.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from villagebook.domain.common.calendar import cn_date
from villagebook.reports.base import (
    WIDE_CONTENT_WIDTH,
    Target,
    build_pdf,
    compact,
    grid_table,
    para,
    printed_on,
    sign_off,
    styles,
)


@dataclass(frozen=True)
class MatterLine:
    title: str
    category: str
    amount: str
    dates: tuple[str, ...]  # the six steps' dates ("" where not done)
    status: str
    findings: str


@dataclass(frozen=True)
class CategoryTotal:
    category: str
    matters: int
    decided: int
    amount: str


@dataclass
class DeliberationLedger:
    branch_name: str
    year: int
    as_of: dt.date
    lines: list[MatterLine] = field(default_factory=list)
    totals: list[CategoryTotal] = field(default_factory=list)
    total_amount: str = ""


STEPS = ("提议", "两委商议", "党员大会\n审议", "村民（代表）\n会议决议", "决议公开", "结果公开")


def render(report: DeliberationLedger, out: Target) -> int:
    st = styles()
    small = compact(st, 8)

    def story() -> list[Flowable]:
        header = ["序号", "事项", "类别", "金额\n（元）", *STEPS, "状态", "检查发现"]
        body: list[list[str | Flowable]] = [header]
        for i, line in enumerate(report.lines, 1):
            body.append(
                [
                    str(i),
                    line.title,
                    line.category,
                    line.amount,
                    *line.dates,
                    line.status,
                    line.findings,
                ]
            )
        if not report.lines:
            body.append(["", "本年没有四议两公开事项", *[""] * (len(header) - 2)])
        widths = [9, 0, 32, 22, 18, 18, 18, 20, 18, 18, 15, 44]
        widths[1] = WIDE_CONTENT_WIDTH / mm - sum(widths)
        totals: list[list[str | Flowable]] = [["类别", "事项数", "已决议", "涉及金额（元）"]]
        totals += [[t.category, str(t.matters), str(t.decided), t.amount] for t in report.totals]
        totals.append(
            [
                "合计",
                str(sum(t.matters for t in report.totals)),
                str(sum(t.decided for t in report.totals)),
                report.total_amount,
            ]
        )
        return [
            para(f"{report.branch_name}“四议两公开”年度台账（{report.year}年）", st.title),
            para(f"统计日期：{cn_date(report.as_of)}　共{len(report.lines)}个事项", st.subtitle),
            grid_table(
                body,
                [w * mm for w in widths],
                st=small,
                whole_columns=(0, 2, 3, 4, 5, 6, 7, 8, 9, 10),
            ),
            sign_off(
                [
                    para("分类汇总", st.heading),
                    grid_table(
                        totals,
                        [60 * mm, 30 * mm, 30 * mm, 50 * mm],
                        st=st,
                        whole_columns=(0, 1, 2, 3),
                    ),
                    para(printed_on(report.as_of), st.small),
                ],
                ["填报人", "审核人"],
                st,
                dated=True,
                width=WIDE_CONTENT_WIDTH * 0.7,
            ),
        ]

    return build_pdf(
        out,
        story,
        title=f"{report.branch_name}“四议两公开”年度台账（{report.year}年）",
        footer=f"{report.branch_name} · 四议两公开年度台账 · {report.year}年",
        wide=True,
    )
