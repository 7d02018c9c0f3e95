"""The quarterly bound volume (一季度一合订): every record of a quarter, with contents.

The contents page lists each record's title, date and first page; the pages are found
in the first of :func:`build_pdf`'s two passes by a marker at the top of each record.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak

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
from villagebook.reports.minutes import MinutesData, minutes_story


@dataclass
class VolumeData:
    """Every record of a quarter (gathered by ``services/meetings/printouts``)."""

    branch_name: str
    year: int
    quarter: int
    records: list[MinutesData]

    @property
    def label(self) -> str:
        return f"{self.year}年第{self.quarter}季度"


class PageMark(Flowable):  # type: ignore[misc]
    """Zero-size marker that remembers the page it lands on."""

    def __init__(self, key: int, pages: dict[int, int]) -> None:
        super().__init__()
        self.key = key
        self.pages = pages

    def wrap(self, *_args: Any) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.pages[self.key] = int(self.canv.getPageNumber())


def render(data: VolumeData, out: Target) -> int:
    st = styles()
    pages: dict[int, int] = {}

    def story() -> list[Flowable]:
        rows: list[list[str | Flowable]] = [["序号", "日期", "类型", "标题 / 议题", "页码"]]
        for i, record in enumerate(data.records, 1):
            title = record.title or "；".join(record.topics)
            rows.append(
                [
                    str(i),
                    record.held_on.isoformat(),
                    record.heading.removesuffix("记录"),
                    title,
                    str(pages.get(i, "")),
                ]
            )
        widths = [12, 24, 40, 0, 14]
        widths[3] = CONTENT_WIDTH / mm - sum(widths)
        flow: list[Flowable] = [
            para(data.branch_name, st.subtitle),
            para(f"三会一课记录合订本　{data.label}", st.title),
            para(f"共{len(data.records)}份记录　{printed_on()}", st.subtitle),
            para("目录", st.heading),
        ]
        if data.records:
            flow.append(grid_table(rows, [w * mm for w in widths], st=st))
        else:
            flow.append(para("本季度没有会议记录。", st.body))
        for i, record in enumerate(data.records, 1):
            flow += [PageBreak(), PageMark(i, pages), *minutes_story(record, st)]
        flow += [gap(), para("（合订本完）", st.small)]
        return flow

    return build_pdf(
        out,
        story,
        title=f"{data.branch_name}三会一课记录合订本{data.label}",
        footer=f"{data.branch_name} · 三会一课记录合订本 · {data.label}",
    )
