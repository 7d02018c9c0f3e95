"""The township summary PDF (乡镇党建工作汇总表): one row per branch, grouped by township with
subtotals when it covers several (a county roll-up)."""

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
class SummaryLine:
    name: str
    township: str
    activities: str
    short: int
    overdue: int
    deliberations_open: int
    findings_open: int
    findings_handled: int
    errors_open: int
    last_received: str
    conflicts: int


@dataclass(frozen=True)
class TownshipReport:
    name: str
    county: str
    year: int
    quarter: int
    as_of: dt.date
    lines: list[SummaryLine]
    county_rollup: bool = False

    @property
    def title(self) -> str:
        what = "县党建工作汇总表" if self.county_rollup else "乡镇党建工作汇总表"
        return f"{self.name}{what}"


HEADER = [
    "序号",
    "支部",
    "本季度会议活动（已开/应开）",
    "活动不足",
    "发展逾期",
    "四议两公开未结",
    "问题未处理",
    "已处理",
    "最近报送",
    "待处理冲突",
]
WIDTHS = [9, 36, 0, 11, 11, 13, 14, 11, 19, 12]


def _row(index: int, line: SummaryLine) -> list[str]:
    return [
        str(index),
        line.name,
        line.activities,
        str(line.short),
        str(line.overdue),
        str(line.deliberations_open),
        f"{line.findings_open}（违规{line.errors_open}）",
        str(line.findings_handled),
        line.last_received or "未报送",
        str(line.conflicts),
    ]


def _subtotal(township: str, lines: list[SummaryLine]) -> list[str]:
    return [
        "",
        f"{township} 小计（{len(lines)}个支部）",
        "",
        str(sum(x.short for x in lines)),
        str(sum(x.overdue for x in lines)),
        str(sum(x.deliberations_open for x in lines)),
        f"{sum(x.findings_open for x in lines)}（违规{sum(x.errors_open for x in lines)}）",
        str(sum(x.findings_handled for x in lines)),
        "",
        str(sum(x.conflicts for x in lines)),
    ]


def render(report: TownshipReport, out: Target) -> int:
    st = styles()
    compact = replace(
        st, cell=ParagraphStyle("cell_compact", parent=st.cell, fontSize=8.5, leading=12)
    )
    widths = list(WIDTHS)
    widths[2] = CONTENT_WIDTH / mm - sum(widths)

    def story() -> list[Flowable]:
        body: list[list[str | Flowable]] = [list(HEADER)]
        townships = sorted({x.township for x in report.lines})
        grouped = report.county_rollup or len(townships) > 1
        index = 0
        for township in townships if grouped else [None]:
            chosen = [x for x in report.lines if township is None or x.township == township]
            for line in chosen:
                index += 1
                body.append(_row(index, line))
            if grouped and township is not None:
                body.append(_subtotal(township or "（未填乡镇）", chosen))
        if grouped:
            body.append(_subtotal("合计", report.lines))
        total = len(report.lines)
        behind = sum(1 for x in report.lines if x.short)
        return [
            para(report.title, st.title),
            para(
                f"{report.county}　{report.year}年第{report.quarter}季度"
                f"　统计日期：{report.as_of.isoformat()}　共{total}个支部，"
                f"{behind}个支部本季度会议活动不足",
                st.subtitle,
            ),
            grid_table(body, [w * mm for w in widths], st=compact),
            gap(),
            para(
                "说明：各项数字由各支部报送的数据按支部自己的检查规则计算，与支部本机"
                "“检查”结果一致；“已开/应开”按本季度截至统计日期。",
                st.small,
            ),
            para(printed_on(), st.small),
        ]

    return build_pdf(out, story, title=report.title, footer=f"{report.name} · 党建工作汇总")
