"""The branch roster PDF (党员花名册): members by group, ID and phone masked by default.

A landscape page with the standard columns, 入党日期 and 转正日期, 职务 (the committee
role) and the Party group.  Printed with full ID and phone numbers (``unmasked``) it is a
different document: titled 党员花名册（内部资料）, marked 内部资料 on every page, with a
note that it must not be passed on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

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
class RosterRow:
    name: str
    gender: str
    ethnicity: str
    age: str
    education: str
    status: str
    joined: str
    group: str
    id_number: str
    phone: str
    full_on: str = ""
    role: str = ""


@dataclass(frozen=True)
class RosterReport:
    branch_name: str
    village: str
    township: str
    as_of: dt.date
    rows: list[RosterRow]
    counts: dict[str, int]
    unmasked: bool = False

    @property
    def title(self) -> str:
        return "党员花名册（内部资料）" if self.unmasked else "党员花名册"


HEADER = [
    "序号",
    "姓名",
    "性别",
    "民族",
    "年龄",
    "文化程度",
    "类别",
    "入党日期",
    "转正日期",
    "职务",
    "党小组",
    "身份证号",
    "联系电话",
]
WIDTHS = [9, 16, 9, 12, 9, 15, 17, 20, 20, 17, 22, 38, 0]


def _row(i: int, r: RosterRow) -> list[str | Flowable]:
    return [
        str(i),
        r.name,
        r.gender,
        r.ethnicity,
        r.age,
        r.education,
        r.status,
        r.joined,
        r.full_on,
        r.role,
        r.group,
        r.id_number,
        r.phone,
    ]


def render(report: RosterReport, out: Target) -> int:
    st = styles()
    cells = compact(st, 8.5)
    widths = list(WIDTHS)
    widths[-1] = WIDE_CONTENT_WIDTH / mm - sum(widths[:-1])

    def story() -> list[Flowable]:
        body: list[list[str | Flowable]] = [list(HEADER)]
        body += [_row(i, r) for i, r in enumerate(report.rows, 1)]
        summary = "，".join(f"{k}{v}名" for k, v in report.counts.items())
        flow: list[Flowable] = [
            para(f"{report.branch_name}{report.title}", st.title),
            para(
                f"{report.township} {report.village}　统计日期：{report.as_of.isoformat()}"
                f"　共{len(report.rows)}名（{summary}）",
                st.subtitle,
            ),
        ]
        if report.unmasked:
            flow.append(
                para(
                    "本表含完整身份证号和联系电话，属内部资料，仅供党组织工作使用，不得外传、复制或公开张贴。",
                    st.body,
                )
            )
        end = closing(["填表人", "审核人"], st, note=printed_on(), width=WIDE_CONTENT_WIDTH * 0.7)
        flow.append(
            grid_table(
                body,
                [w * mm for w in widths],
                st=cells,
                whole_columns=range(len(HEADER)),
                closing=end,
            )
        )
        return flow

    return build_pdf(
        out,
        story,
        title=f"{report.branch_name}{report.title}",
        footer=f"{report.branch_name} · {report.title}",
        wide=True,
        marking="内部资料" if report.unmasked else "",
    )
