"""Parts several reports print the same way: required-against-held, findings, attendance.

The quarterly volume's compliance summary, the quarterly ledger, the annual report and the
self-check report all show these tables; each is laid out once here from plain values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, TableStyle

from villagebook.domain.common.calendar import display_period
from villagebook.domain.common.findings import Finding, Severity
from villagebook.domain.meetings.tally import ActivityRow, MemberAttendance, rate_text
from villagebook.reports.base import (
    CONTENT_WIDTH,
    Styles,
    grid_table,
    para,
)

WARN_BG = "#FDECEA"
DUE_BG = "#E8F1FB"


@dataclass(frozen=True)
class FindingLine:
    """A check result as printed: rule, severity word, subject, message, and the branch's
    note when it was marked handled (已处理)."""

    code: str
    severity: str
    subject: str
    message: str
    handled: str = ""
    handled_on: dt.date | None = None
    handled_by: str = ""
    error: bool = False

    @classmethod
    def of(cls, finding: Finding) -> FindingLine:
        note = finding.handled
        return cls(
            code=finding.code,
            severity=finding.severity.label,
            subject=finding.subject,
            message=finding.message,
            handled=note.note if note else "",
            handled_on=note.handled_on if note else None,
            handled_by=note.handled_by if note else "",
            error=finding.severity is Severity.ERROR,
        )


def _dates(days: Sequence[dt.date], limit: int = 12) -> str:
    shown = [f"{d.month}月{d.day}日" for d in days[:limit]]
    more = f"等{len(days)}次" if len(days) > limit else ""
    return "、".join(shown) + more if shown else "—"


def activity_table(
    rows: Sequence[ActivityRow],
    st: Styles,
    width: float = CONTENT_WIDTH,
    *,
    rates: Sequence[float | None] | None = None,
    dates: bool = True,
) -> Flowable:
    """Kind by kind: cadence, required, held (with dates), short periods, late records, and
    the attendance rate when ``rates`` are given."""
    header = ["活动类型", "要求", "应开", "实开", "召开日期", "未达要求", "逾期定稿"]
    if not dates:
        del header[4]
    if rates is not None:
        header.append("参加率")
    body: list[list[str | Flowable]] = [list(header)]
    short = []
    for i, row in enumerate(rows, 1):
        missing = "、".join(display_period(p) for p in row.missing) or "无"
        if row.pending:
            missing += "；进行中：" + "、".join(display_period(p) for p in row.pending)
        line: list[str | Flowable] = [
            row.label,
            row.cadence,
            str(row.required),
            str(row.held),
            _dates(row.dates),
            missing,
            str(row.late),
        ]
        if not dates:
            del line[4]
        if rates is not None:
            line.append(rate_text(rates[i - 1]))
        body.append(line)
        if row.missing:
            short.append(i)
    fixed = [36, 20, 11, 11, 0, 32, 15] + ([16] if rates is not None else [])
    if dates:
        fixed[4] = width / mm - sum(fixed)
        keep = (0, 1, 2, 3, 6, 7)
    else:
        del fixed[4]
        fixed[4] = 0
        fixed[4] = width / mm - sum(fixed)
        keep = (0, 1, 2, 3, 5, 6)
    table = grid_table(body, [w * mm for w in fixed], st=st, whole_columns=keep)
    table.setStyle(TableStyle([("BACKGROUND", (0, r), (-1, r), WARN_BG) for r in short]))
    return table


def findings_table(
    lines: Sequence[FindingLine], st: Styles, width: float = CONTENT_WIDTH, *, notes: bool = True
) -> Flowable:
    """Rule, severity, subject and message; the handling note (已处理) where there is one."""
    header = (
        ["规则", "类别", "对象", "情况", "处理情况"] if notes else ["规则", "类别", "对象", "情况"]
    )
    body: list[list[str | Flowable]] = [header]
    marked = []
    for i, line in enumerate(lines, 1):
        row: list[str | Flowable] = [line.code, line.severity, line.subject, line.message]
        if notes:
            if line.handled:
                when = line.handled_on.isoformat() if line.handled_on else ""
                row.append(f"已处理：{line.handled}（{line.handled_by} {when}）")
            else:
                row.append("未处理")
        body.append(row)
        if line.error and not line.handled:
            marked.append(i)
    fixed = [30, 14, 28, 0, 40] if notes else [30, 14, 30, 0]
    fixed[3] = width / mm - sum(fixed)
    table = grid_table(body, [w * mm for w in fixed], st=st, whole_columns=(0, 1))
    table.setStyle(TableStyle([("BACKGROUND", (0, r), (-1, r), WARN_BG) for r in marked]))
    return table


def no_findings(st: Styles, what: str) -> Flowable:
    return para(f"{what}未发现问题。", st.body)


def attendance_table(
    members: Sequence[MemberAttendance], st: Styles, width: float = CONTENT_WIDTH
) -> Flowable:
    """Per member: expected, attended, on leave, absent, attendance rate."""
    body: list[list[str | Flowable]] = [
        ["序号", "姓名", "应参加", "参加", "请假", "缺席", "参加率"]
    ]
    for i, m in enumerate(members, 1):
        body.append(
            [
                str(i),
                m.name,
                str(m.expected),
                str(m.present),
                str(m.leave),
                str(m.absent),
                rate_text(m.rate),
            ]
        )
    fixed = [12, 0, 22, 22, 22, 22, 24]
    fixed[1] = width / mm - sum(fixed)
    return grid_table(
        body,
        [w * mm for w in fixed],
        st=st,
        whole_columns=(0, 1, 2, 3, 4, 5, 6),
        align={2: "CENTER", 3: "CENTER", 4: "CENTER", 5: "CENTER", 6: "CENTER"},
    )
