"""The branch's development roster (发展党员工作台账): every open case by stage.

The standard 台账 columns on a landscape page: name, gender, birth, education, the dates of
the application, of becoming an activist, a development target and a probationary member,
the cultivation contacts and the introducers, the next step and its due date; signed off
by 填表人 and 审核人 (the secretary).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from villagebook.domain.common.calendar import cn_date
from villagebook.reports.base import (
    WIDE_CONTENT_WIDTH,
    Target,
    build_pdf,
    closing,
    compact,
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
    gender: str = ""
    birth: str = ""
    education: str = ""
    applied: str = ""
    activist: str = ""
    target: str = ""
    probationary: str = ""
    contacts: str = ""
    introducers: str = ""


@dataclass(frozen=True)
class DevelopmentRoster:
    branch_name: str
    as_of: dt.date
    stages: list[tuple[str, list[RosterLine]]]


HEADER = [
    "序号",
    "姓名",
    "性别",
    "出生年月",
    "文化程度",
    "申请入党",
    "确定积极分子",
    "确定发展对象",
    "接收预备党员",
    "培养联系人",
    "入党介绍人",
    "下一步骤",
    "到期日期",
    "提示",
]
WIDTHS = [9, 16, 9, 17, 14, 18, 18, 18, 18, 22, 22, 0, 18, 16]


def _row(i: int, x: RosterLine) -> list[str | Flowable]:
    return [
        str(i),
        x.name,
        x.gender,
        x.birth,
        x.education,
        x.applied,
        x.activist,
        x.target,
        x.probationary,
        x.contacts,
        x.introducers,
        x.next_step,
        x.due,
        x.state,
    ]


def render(report: DevelopmentRoster, out: Target) -> int:
    st = styles()
    small = compact(st, 8)
    widths = list(WIDTHS)
    widths[11] = WIDE_CONTENT_WIDTH / mm - sum(widths)

    def story() -> list[Flowable]:
        total = sum(len(lines) for _, lines in report.stages)
        flow: list[Flowable] = [
            para(f"{report.branch_name}发展党员工作台账", st.title),
            para(
                f"统计日期：{cn_date(report.as_of)}　进行中的发展党员档案共{total}份", st.subtitle
            ),
        ]
        end = closing(
            ["填表人", "审核人（书记）"], st, note=printed_on(), width=WIDE_CONTENT_WIDTH * 0.7
        )
        for number, (title, lines) in enumerate(report.stages, 1):
            flow.append(para(f"{title}（{len(lines)}人）", st.heading))
            rows: list[list[str | Flowable]] = [list(HEADER)]
            rows += [_row(i, x) for i, x in enumerate(lines, 1)]
            if not lines:
                rows.append(["", "无", *[""] * (len(HEADER) - 2)])
            flow.append(
                grid_table(
                    rows,
                    [w * mm for w in widths],
                    st=small,
                    whole_columns=(0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 13),
                    closing=end if number == len(report.stages) else None,
                )
            )
        return flow

    return build_pdf(
        out,
        story,
        title=f"{report.branch_name}发展党员工作台账",
        footer=f"{report.branch_name} · 发展党员工作台账",
        wide=True,
    )
