"""The branch roster PDF (党员花名册): members by group, ID and phone masked by default."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

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


@dataclass(frozen=True)
class RosterReport:
    branch_name: str
    village: str
    township: str
    as_of: dt.date
    rows: list[RosterRow]
    counts: dict[str, int]


def render(report: RosterReport, out: Target) -> int:
    st = styles()
    # 11 columns on A4 portrait: a smaller cell font keeps dates and ID numbers on one line.
    compact = replace(
        st, cell=ParagraphStyle("cell_compact", parent=st.cell, fontSize=8.5, leading=12)
    )

    def story() -> list[Flowable]:
        header = [
            "序号",
            "姓名",
            "性别",
            "民族",
            "年龄",
            "文化程度",
            "类别",
            "入党日期",
            "党小组",
            "身份证号",
            "联系电话",
        ]
        body: list[list[str | Flowable]] = [list(header)]
        for i, r in enumerate(report.rows, 1):
            body.append(
                [
                    str(i),
                    r.name,
                    r.gender,
                    r.ethnicity,
                    r.age,
                    r.education,
                    r.status,
                    r.joined,
                    r.group,
                    r.id_number,
                    r.phone,
                ]
            )
        widths = [8, 14, 8, 12, 8, 13, 16, 19, 18, 33, 0]
        widths[-1] = CONTENT_WIDTH / mm - sum(widths[:-1])
        summary = "，".join(f"{k}{v}名" for k, v in report.counts.items())
        return [
            para(f"{report.branch_name}党员花名册", st.title),
            para(
                f"{report.township} {report.village}　统计日期：{report.as_of.isoformat()}"
                f"　共{len(report.rows)}名（{summary}）",
                st.subtitle,
            ),
            grid_table(body, [w * mm for w in widths], st=compact),
            gap(),
            para(printed_on(), st.small),
        ]

    return build_pdf(
        out,
        story,
        title=f"{report.branch_name}党员花名册",
        footer=f"{report.branch_name} · 党员花名册",
    )
