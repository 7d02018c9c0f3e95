"""The branch's development roster (发展党员工作台账): open cases by stage, next due step."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from villagebook.domain.common.calendar import cn_date
from villagebook.reports.base import (
    CONTENT_WIDTH,
    Target,
    build_pdf,
    gap,
    grid_table,
    para,
    printed_on,
    styles,
)


@dataclass(frozen=True)
class RosterLine:
    name: str
    next_step: str
    due: str
    state: str


@dataclass(frozen=True)
class DevelopmentRoster:
    branch_name: str
    as_of: dt.date
    stages: list[tuple[str, list[RosterLine]]]


def render(report: DevelopmentRoster, out: Target) -> int:
    st = styles()

    def story() -> list[Flowable]:
        total = sum(len(lines) for _, lines in report.stages)
        flow: list[Flowable] = [
            para(f"{report.branch_name}发展党员工作台账", st.title),
            para(
                f"统计日期：{cn_date(report.as_of)}　进行中的发展党员档案共{total}份", st.subtitle
            ),
        ]
        widths = [10 * mm, 26 * mm, 0.0, 30 * mm, 24 * mm]
        widths[2] = CONTENT_WIDTH - sum(widths)
        for title, lines in report.stages:
            flow.append(para(f"{title}（{len(lines)}人）", st.heading))
            rows: list[list[str | Flowable]] = [["序号", "姓名", "下一步骤", "到期日期", "提示"]]
            rows += [[str(i), x.name, x.next_step, x.due, x.state] for i, x in enumerate(lines, 1)]
            if not lines:
                rows.append(["", "无", "", "", ""])
            flow.append(grid_table(rows, widths, st=st))
        flow += [gap(), para(printed_on(), st.small)]
        return flow

    return build_pdf(
        out,
        story,
        title=f"{report.branch_name}发展党员工作台账",
        footer=f"{report.branch_name} · 发展党员工作台账",
    )
