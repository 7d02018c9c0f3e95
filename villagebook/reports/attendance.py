"""党员参加组织生活情况统计表: each member's attendance over a period, and who is flagged.

Per member: activities expected at, attended, on leave, absent, and the rate; then the
rate by kind of activity and by month, and the members flagged under MTG-ABSENT-6M (no
organisational life for six months without a valid reason, 党章 art. 9), with the
branch's note where it marked the finding handled.  Signed off by 填报人 and 审核人.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from villagebook.domain.common.calendar import cn_date
from villagebook.domain.meetings.tally import MemberAttendance, rate_text
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
from villagebook.reports.parts import FindingLine, attendance_table, findings_table


@dataclass(frozen=True)
class RateLine:
    label: str
    present: int
    expected: int

    @property
    def rate(self) -> float | None:
        return self.present / self.expected if self.expected else None


@dataclass
class AttendanceReport:
    branch_name: str
    period_label: str
    start: dt.date
    end: dt.date
    members: list[MemberAttendance]
    by_kind: list[RateLine]
    by_month: list[RateLine]
    absences: list[FindingLine] = field(default_factory=list)
    as_of: dt.date | None = None

    @property
    def overall(self) -> RateLine:
        return RateLine(
            "合计",
            sum(m.present for m in self.members),
            sum(m.expected for m in self.members),
        )


def rate_table(lines: list[RateLine], first: str, st: Styles) -> Flowable:
    body: list[list[str | Flowable]] = [[first, "应参加人次", "参加人次", "参加率"]]
    body += [[x.label, str(x.expected), str(x.present), rate_text(x.rate)] for x in lines]
    widths = [0, 34, 34, 30]
    widths[0] = CONTENT_WIDTH / mm - sum(widths)
    return grid_table(
        body,
        [w * mm for w in widths],
        st=st,
        whole_columns=(0, 1, 2, 3),
        align={1: "CENTER", 2: "CENTER", 3: "CENTER"},
    )


def render(report: AttendanceReport, out: Target) -> int:
    st = styles()

    def story() -> list[Flowable]:
        total = report.overall
        summary = (
            f"统计期间：{cn_date(report.start)}至{cn_date(report.end)}　"
            f"党员{len(report.members)}名，应参加{total.expected}人次，"
            f"参加{total.present}人次，参加率{rate_text(total.rate)}。"
        )
        flow: list[Flowable] = [
            para(report.branch_name, st.subtitle),
            para(f"党员参加组织生活情况统计表（{report.period_label}）", st.title),
            para(summary, st.body),
            para("一、党员个人参加情况", st.heading),
            attendance_table(report.members, st),
            para("二、按活动类型", st.heading),
            rate_table(report.by_kind, "活动类型", st),
            para("三、按月份", st.heading),
            rate_table(report.by_month, "月份", st),
            para("四、连续六个月未参加组织生活的党员（党章第九条）", st.heading),
        ]
        if report.absences:
            flow.append(findings_table(report.absences, st))
        else:
            flow.append(para("无。请假并说明理由的，视为有正当理由。", st.body))
        flow += [
            sign_off(
                [para(printed_on(report.as_of), st.small)], ["填报人", "审核人"], st, dated=True
            ),
        ]
        return flow

    return build_pdf(
        out,
        story,
        title=f"{report.branch_name}党员参加组织生活情况统计表（{report.period_label}）",
        footer=f"{report.branch_name} · 党员参加组织生活情况统计表 · {report.period_label}",
    )
