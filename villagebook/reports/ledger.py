"""季度台账: what a branch did in a quarter, as the township scores it.

A cover page (branch, period, contents with page numbers, sign-off), then:

1. organisational life: each kind required against held with the dates, attendance rate
   and records finalised late;
2. each member's attendance in the quarter, and who has been away six months (MTG-ABSENT-6M);
3. Party member development: the steps recorded in the quarter and what is due next;
4. 四议两公开: matters opened, decided and published in the quarter;
5. every check finding open at the end of the quarter, and those marked handled with the
   branch's notes;

and the 填报人/审核人 sign-off.  Every page carries the branch's name and page numbers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak

from villagebook.domain.common.calendar import cn_date
from villagebook.domain.meetings.tally import ActivityRow, MemberAttendance, rate_text
from villagebook.reports.base import (
    CONTENT_WIDTH,
    PageMark,
    Styles,
    Target,
    build_pdf,
    field_table,
    gap,
    grid_table,
    para,
    sign_off,
    style,
    styles,
)
from villagebook.reports.parts import (
    FindingLine,
    activity_table,
    attendance_table,
    findings_table,
)


@dataclass(frozen=True)
class StepLine:
    """A development step recorded in the period."""

    name: str
    step: str
    on: dt.date


@dataclass(frozen=True)
class DueLine:
    """What is due next in an open development case."""

    name: str
    stage: str
    next_step: str
    due: str
    state: str


@dataclass(frozen=True)
class MatterEvent:
    """What happened to a 四议两公开 matter in the period."""

    title: str
    category: str
    amount: str
    events: str  # e.g. "提议 2026-07-05；决议 2026-07-19"
    status: str


@dataclass
class QuarterLedger:
    branch_name: str
    township: str
    village: str
    year: int
    quarter: int
    as_of: dt.date
    activities: list[ActivityRow] = field(default_factory=list)
    rates: list[float | None] = field(default_factory=list)
    overall: tuple[int, int] = (0, 0)
    members: list[MemberAttendance] = field(default_factory=list)
    absences: list[FindingLine] = field(default_factory=list)
    steps: list[StepLine] = field(default_factory=list)
    due: list[DueLine] = field(default_factory=list)
    matters: list[MatterEvent] = field(default_factory=list)
    open_findings: list[FindingLine] = field(default_factory=list)
    handled: list[FindingLine] = field(default_factory=list)
    opened: int = 0
    decided: int = 0
    published: int = 0

    @property
    def label(self) -> str:
        return f"{self.year}年第{self.quarter}季度"


SECTIONS = (
    "一、组织生活开展情况",
    "二、党员参加组织生活情况",
    "三、发展党员工作",
    "四、“四议两公开”落实情况",
    "五、问题及整改情况",
)


def _cover(report: QuarterLedger, pages: dict[int, int], st: Styles) -> list[Flowable]:
    big = style("cover", 24, alignment=TA_CENTER, spaceAfter=6 * mm, leading=34)
    rows: list[list[str | Flowable]] = [["序号", "内容", "页码"]]
    rows += [[str(i), title, str(pages.get(i, ""))] for i, title in enumerate(SECTIONS, 1)]
    contents = grid_table(
        rows, [14 * mm, CONTENT_WIDTH - 34 * mm, 20 * mm], st=st, whole_columns=(0, 2)
    )
    present, expected = report.overall
    held = sum(a.held for a in report.activities)
    short = sum(len(a.missing) for a in report.activities)
    return [
        gap(24),
        para(report.branch_name, st.subtitle),
        para("党支部工作季度台账", big),
        para(report.label, st.title),
        gap(10),
        field_table(
            [
                ("所属乡镇", report.township),
                ("村", report.village),
                ("统计期间", report.label),
                ("截至日期", cn_date(report.as_of)),
                ("组织生活", f"开展{held}次，应开未开{short}项次"),
                ("参加率", rate_text(present / expected if expected else None)),
                ("发展党员", f"本季度办理{len(report.steps)}个步骤"),
                ("四议两公开", f"提议{report.opened}项，决议{report.decided}项"),
                ("未处理问题", f"{len(report.open_findings)}条"),
                ("已处理问题", f"{len(report.handled)}条"),
            ],
            st,
        ),
        para("目录", st.heading),
        contents,
        gap(8),
        sign_off([], ["填报人", "审核人"], st, dated=True),
    ]


def _meetings(report: QuarterLedger, st: Styles) -> list[Flowable]:
    return [
        activity_table(report.activities, st, rates=report.rates),
        gap(2),
        para(
            "说明：应开为本季度已结束的月份、季度按规定应开的次数；逾期定稿指会后"
            "超过规定工作日才定稿（或至今未定稿）的记录。",
            st.small,
        ),
    ]


def _members(report: QuarterLedger, st: Styles) -> list[Flowable]:
    flow: list[Flowable] = [attendance_table(report.members, st)]
    flow.append(para("连续六个月未参加组织生活的党员（党章第九条）", st.subheading))
    if report.absences:
        flow.append(findings_table(report.absences, st))
    else:
        flow.append(para("无。", st.body))
    return flow


def _development(report: QuarterLedger, st: Styles) -> list[Flowable]:
    rows: list[list[str | Flowable]] = [["序号", "姓名", "办理步骤", "日期"]]
    rows += [[str(i), s.name, s.step, s.on.isoformat()] for i, s in enumerate(report.steps, 1)]
    if not report.steps:
        rows.append(["", "本季度没有办理发展党员步骤", "", ""])
    widths = [12, 26, 0, 26]
    widths[2] = CONTENT_WIDTH / mm - sum(widths)
    moved = grid_table(rows, [w * mm for w in widths], st=st, whole_columns=(0, 1, 3))
    due: list[list[str | Flowable]] = [["序号", "姓名", "所处阶段", "下一步骤", "到期日期", "提示"]]
    due += [
        [str(i), d.name, d.stage, d.next_step, d.due, d.state] for i, d in enumerate(report.due, 1)
    ]
    if not report.due:
        due.append(["", "无", "", "", "", ""])
    widths = [12, 22, 40, 0, 24, 22]
    widths[3] = CONTENT_WIDTH / mm - sum(widths)
    return [
        para("（一）本季度办理的步骤", st.subheading),
        moved,
        para("（二）下一步工作及到期时间", st.subheading),
        grid_table(due, [w * mm for w in widths], st=st, whole_columns=(0, 1, 4, 5)),
    ]


def _matters(report: QuarterLedger, st: Styles) -> list[Flowable]:
    summary = (
        f"本季度提议{report.opened}项，经村民会议或村民代表会议决议{report.decided}项，"
        f"公开（决议或实施结果）{report.published}项。"
    )
    rows: list[list[str | Flowable]] = [
        ["序号", "事项", "类别", "金额（元）", "本季度办理", "状态"]
    ]
    rows += [
        [str(i), m.title, m.category, m.amount, m.events, m.status]
        for i, m in enumerate(report.matters, 1)
    ]
    if not report.matters:
        rows.append(["", "本季度没有办理事项", "", "", "", ""])
    widths = [12, 0, 38, 22, 54, 16]
    widths[1] = CONTENT_WIDTH / mm - sum(widths)
    table = grid_table(rows, [w * mm for w in widths], st=st, whole_columns=(0, 2, 3, 5))
    return [para(summary, st.body), table]


def _findings(report: QuarterLedger, st: Styles) -> list[Flowable]:
    flow: list[Flowable] = [
        para(f"（一）季度末尚未处理的问题（{len(report.open_findings)}条）", st.subheading)
    ]
    if report.open_findings:
        flow.append(findings_table(report.open_findings, st, notes=False))
    else:
        flow.append(para("无。", st.body))
    flow.append(para(f"（二）已处理的问题及处理情况（{len(report.handled)}条）", st.subheading))
    if report.handled:
        flow.append(findings_table(report.handled, st))
    else:
        flow.append(para("无。", st.body))
    return flow


def render(report: QuarterLedger, out: Target) -> int:
    st = styles()
    pages: dict[int, int] = {}
    parts = (_meetings, _members, _development, _matters, _findings)

    def story() -> list[Flowable]:
        flow = [*_cover(report, pages, st), PageBreak()]
        for number, (title, part) in enumerate(zip(SECTIONS, parts, strict=True), 1):
            body = [PageMark(number, pages), para(title, st.heading), *part(report, st)]
            if number < len(SECTIONS):
                flow += body
                continue
            tail = [*body, para(f"填报日期：{cn_date(report.as_of)}", st.small)]
            flow.append(sign_off(tail, ["填报人", "审核人"], st, dated=True))
        return flow

    return build_pdf(
        out,
        story,
        title=f"{report.branch_name}党支部工作季度台账（{report.label}）",
        footer=f"{report.branch_name} · 季度台账 · {report.label}",
        passes=2,
    )
