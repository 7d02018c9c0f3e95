"""发展党员全程纪实表: one person's development file, every step with its date, people
and result, the rule checks' verdicts, page numbers; the ID number masked by default.

The data is gathered by ``services/development/printouts.py``; this module lays it out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, TableStyle

from villagebook.reports.base import (
    CONTENT_WIDTH,
    HEADER_BG,
    Target,
    build_pdf,
    field_table,
    gap,
    grid_table,
    para,
    printed_on,
    sign_off,
    styles,
)


@dataclass(frozen=True)
class StepRow:
    number: int
    stage: str
    name: str
    date: str
    people: str
    detail: str


@dataclass(frozen=True)
class Verdict:
    code: str
    severity: str
    message: str


@dataclass(frozen=True)
class Dossier:
    branch_name: str
    as_of: dt.date
    person: list[tuple[str, str]]
    case: list[tuple[str, str]]
    steps: list[StepRow]
    assessments: list[str]
    verdicts: list[Verdict]


def render(report: Dossier, out: Target) -> int:
    st = styles()
    name = report.person[0][1]

    def story() -> list[Flowable]:
        header: list[str | Flowable] = ["序号", "步骤", "日期", "有关人员", "情况与材料"]
        body: list[list[str | Flowable]] = [header]
        spans = []
        stage = ""
        for row in report.steps:
            if row.stage != stage:
                stage = row.stage
                spans.append(len(body))
                body.append([para(stage, st.cell_bold), "", "", "", ""])
            body.append([str(row.number), row.name, row.date or "—", row.people, row.detail])
        widths = [10 * mm, 36 * mm, 27 * mm, 38 * mm, 0.0]
        widths[-1] = CONTENT_WIDTH - sum(widths[:-1])
        steps = grid_table(body, widths, st=st, whole_columns=(0, 2))
        steps.setStyle(
            TableStyle(
                [
                    c
                    for r in spans
                    for c in (("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), HEADER_BG))
                ]
            )
        )
        verdict_rows: list[list[str | Flowable]] = [["规则", "结果", "说明"]]
        verdict_rows += [[v.code, v.severity, v.message] for v in report.verdicts]
        if not report.verdicts:
            verdict_rows.append(["—", "未发现问题", "按现行规则检查，各步骤未发现问题"])
        verdicts = grid_table(
            verdict_rows, [42 * mm, 20 * mm, CONTENT_WIDTH - 62 * mm], st=st, whole_columns=(0, 1)
        )
        assessments = "、".join(report.assessments) or "无"
        return [
            para("发展党员全程纪实表", st.title),
            para(report.branch_name, st.subtitle),
            field_table(report.person, st),
            gap(2),
            field_table(report.case, st),
            para("发展程序（五个阶段二十五个步骤）", st.heading),
            steps,
            gap(2),
            para(f"积极分子培养考察：{assessments}", st.body),
            sign_off(
                [para("规则检查结果", st.heading), verdicts, gap(2), para(printed_on(), st.small)],
                ["书记", "经办人"],
                st,
                dated=True,
            ),
        ]

    return build_pdf(
        out,
        story,
        title=f"{name}发展党员全程纪实表",
        footer=f"{report.branch_name} · {name}发展党员全程纪实表",
    )
