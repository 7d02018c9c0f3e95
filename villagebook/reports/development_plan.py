"""发展党员年度计划及统计表: the year's development plan and what the year produced.

The plan (from the open cases on the day it is printed): development targets to admit,
activists who complete their year and may become targets, probationary members due for
conversion.  The statistics of the year: how many applied, became activists, targets,
probationary and full members (the funnel), and the make-up of those admitted by age,
gender and education.  Signed off by 填报人 and 审核人.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from villagebook.domain.development.statistics import Mix
from villagebook.reports.base import (
    CONTENT_WIDTH,
    Styles,
    Target,
    build_pdf,
    grid_table,
    para,
    printed_on,
    sign_off,
    styles,
)


@dataclass(frozen=True)
class PlanPerson:
    name: str
    since: str  # the date of the stage the person is in
    due: str  # when the next milestone is due or possible
    next_step: str


@dataclass
class DevelopmentPlanReport:
    branch_name: str
    year: int
    as_of: dt.date
    targets: list[PlanPerson] = field(default_factory=list)
    activists: list[PlanPerson] = field(default_factory=list)
    conversions: list[PlanPerson] = field(default_factory=list)
    funnel: list[tuple[str, int]] = field(default_factory=list)
    admitted: Mix | None = None


def _people(rows: list[PlanPerson], since: str, due: str, st: Styles) -> Flowable:
    body: list[list[str | Flowable]] = [["序号", "姓名", since, due, "下一步骤"]]
    body += [[str(i), p.name, p.since, p.due, p.next_step] for i, p in enumerate(rows, 1)]
    if not rows:
        body.append(["", "无", "", "", ""])
    widths = [12, 24, 30, 30, 0]
    widths[-1] = CONTENT_WIDTH / mm - sum(widths)
    return grid_table(body, [w * mm for w in widths], st=st, whole_columns=(0, 1, 2, 3))


def _counts(title: str, pairs: list[tuple[str, int]], st: Styles) -> Flowable:
    pairs = pairs or [("—", 0)]
    body: list[list[str | Flowable]] = [[title, *[k for k, _ in pairs]]]
    body.append(["人数", *[str(v) for _, v in pairs]])
    first = 30
    rest = (CONTENT_WIDTH / mm - first) / max(len(pairs), 1)
    widths = [first * mm] + [rest * mm] * max(len(pairs), 1)
    return grid_table(body, widths, st=st, whole_columns=range(len(pairs) + 1))


def render(report: DevelopmentPlanReport, out: Target) -> int:
    st = styles()

    def story() -> list[Flowable]:
        flow: list[Flowable] = [
            para(report.branch_name, st.subtitle),
            para(f"{report.year}年度发展党员计划及统计表", st.title),
            para("一、年度发展计划", st.heading),
            para(f"（一）拟接收为预备党员的发展对象（{len(report.targets)}人）", st.subheading),
            _people(report.targets, "确定发展对象", "计划完成", st),
            para(
                f"（二）年内培养满一年、可确定为发展对象的积极分子（{len(report.activists)}人）",
                st.subheading,
            ),
            _people(report.activists, "确定积极分子", "满一年", st),
            para(
                f"（三）年内预备期满、应讨论转正的预备党员（{len(report.conversions)}人）",
                st.subheading,
            ),
            _people(report.conversions, "接收预备党员", "预备期满", st),
            para(f"二、{report.year}年发展党员情况统计", st.heading),
            _counts("发展环节", report.funnel, st),
        ]
        mix = report.admitted
        if mix is not None and mix.total:
            flow += [
                para(f"本年接收预备党员{mix.total}名，其构成：", st.subheading),
                _counts("年龄", mix.ages, st),
                _counts("性别", mix.genders, st),
                _counts("文化程度", mix.educations, st),
            ]
        else:
            flow.append(para("本年没有接收预备党员。", st.body))
        flow.append(
            sign_off(
                [para(printed_on(report.as_of), st.small)], ["填报人", "审核人"], st, dated=True
            )
        )
        return flow

    return build_pdf(
        out,
        story,
        title=f"{report.branch_name}{report.year}年度发展党员计划及统计表",
        footer=f"{report.branch_name} · {report.year}年度发展党员计划及统计表",
    )
