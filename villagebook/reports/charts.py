"""Charts drawn with ReportLab's own graphics: vector, small, in the embedded font.

- :func:`heatmap`: months × kinds of activity, each cell held (green, darker for more),
  missed (red, where a requirement fell short), not required, or not yet due;
- :func:`rate_bars`: a rate per month (attendance), with the values printed;
- :func:`funnel`: the development funnel, applicants → full members;
- :func:`category_bars`: decisions by category with the money involved.

Every string names the embedded font (a chart's default would reference Helvetica).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from villagebook.reports.base import CONTENT_WIDTH, FONT, register_font

INK = colors.HexColor("#333333")
FAINT = colors.HexColor("#BBBBBB")
HELD = (colors.HexColor("#C8E6C9"), colors.HexColor("#81C784"), colors.HexColor("#388E3C"))
MISSED = colors.HexColor("#E57373")
NOT_DUE = colors.HexColor("#FFFFFF")
NONE = colors.HexColor("#F2F2F2")
BAR = colors.HexColor("#B71C1C")
BAR_LIGHT = colors.HexColor("#EF9A9A")


def _text(
    x: float, y: float, text: str, size: float = 7.5, anchor: str = "start", **kw: object
) -> String:
    return String(
        x, y, text, fontName=FONT, fontSize=size, fillColor=kw.pop("color", INK), textAnchor=anchor
    )


class Cell(Enum):
    HELD = "held"
    MISSED = "missed"
    NONE = "none"  # nothing required, nothing held
    NOT_DUE = "not_due"  # in the future, or before the branch's records begin


@dataclass(frozen=True)
class HeatRow:
    label: str
    cells: Sequence[tuple[Cell, int]]  # 12 months: state and how many were held


def heatmap(rows: Sequence[HeatRow], width: float = CONTENT_WIDTH) -> Drawing:
    register_font()
    label_w = 38 * mm
    cell_w = (width - label_w) / 12
    cell_h = 6.2 * mm
    top = 8 * mm
    legend_h = 8 * mm
    height = top + cell_h * len(rows) + legend_h
    d = Drawing(width, height, initialFontName=FONT)
    y0 = height - top
    for month in range(12):
        d.add(
            _text(
                label_w + (month + 0.5) * cell_w, y0 + 2.2 * mm, f"{month + 1}月", anchor="middle"
            )
        )
    for r, row in enumerate(rows):
        y = y0 - (r + 1) * cell_h
        d.add(_text(0, y + cell_h / 2 - 2.5, row.label))
        for month, (state, count) in enumerate(row.cells):
            x = label_w + month * cell_w
            fill = {
                Cell.HELD: HELD[min(count, 3) - 1] if count else HELD[0],
                Cell.MISSED: MISSED,
                Cell.NONE: NONE,
                Cell.NOT_DUE: NOT_DUE,
            }[state]
            d.add(
                Rect(
                    x + 0.6,
                    y + 0.6,
                    cell_w - 1.2,
                    cell_h - 1.2,
                    fillColor=fill,
                    strokeColor=FAINT,
                    strokeWidth=0.3,
                )
            )
            if count:
                color = colors.white if count >= 2 and state is Cell.HELD else INK
                d.add(
                    _text(
                        x + cell_w / 2,
                        y + cell_h / 2 - 2.5,
                        str(count),
                        anchor="middle",
                        color=color,
                    )
                )
            elif state is Cell.MISSED:
                d.add(
                    _text(
                        x + cell_w / 2,
                        y + cell_h / 2 - 2.5,
                        "缺",
                        anchor="middle",
                        color=colors.white,
                    )
                )
    x = label_w
    for fill, text in (
        (HELD[1], "已开展（数字为次数）"),
        (MISSED, "应开未开"),
        (NONE, "本月无要求"),
        (NOT_DUE, "未到期"),
    ):
        d.add(Rect(x, 1.5 * mm, 4 * mm, 3 * mm, fillColor=fill, strokeColor=FAINT, strokeWidth=0.3))
        d.add(_text(x + 5 * mm, 2 * mm, text, 7))
        x += 6 * mm + stringWidth(text, FONT, 7) + 6 * mm
    return d


def rate_bars(
    labels: Sequence[str],
    values: Sequence[float | None],
    width: float = CONTENT_WIDTH,
    height: float = 55 * mm,
) -> Drawing:
    """One bar per label with its percentage (None: nothing to count, no bar)."""
    register_font()
    d = Drawing(width, height, initialFontName=FONT)
    left, bottom, top = 12 * mm, 8 * mm, 6 * mm
    plot_h = height - bottom - top
    slot = (width - left) / max(len(labels), 1)
    for tick in (0, 25, 50, 75, 100):
        y = bottom + plot_h * tick / 100
        d.add(Line(left, y, width, y, strokeColor=FAINT, strokeWidth=0.3))
        d.add(_text(left - 1.5 * mm, y - 2.5, f"{tick}%", 7, anchor="end"))
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        x = left + i * slot
        d.add(_text(x + slot / 2, bottom - 5 * mm, label, 7, anchor="middle"))
        if value is None:
            d.add(_text(x + slot / 2, bottom + 1.5 * mm, "—", 7, anchor="middle"))
            continue
        h = plot_h * value
        d.add(Rect(x + slot * 0.2, bottom, slot * 0.6, h, fillColor=BAR, strokeColor=None))
        d.add(_text(x + slot / 2, bottom + h + 1.2 * mm, f"{value * 100:.0f}%", 7, anchor="middle"))
    return d


def funnel(stages: Sequence[tuple[str, int]], width: float = CONTENT_WIDTH) -> Drawing:
    """Centred bars, widest for the first stage, each with its count."""
    register_font()
    bar_h = 7 * mm
    gap = 2 * mm
    label_w = 30 * mm
    height = len(stages) * (bar_h + gap) + gap
    d = Drawing(width, height, initialFontName=FONT)
    biggest = max((n for _s, n in stages), default=0) or 1
    plot_w = width - label_w - 20 * mm
    centre = label_w + plot_w / 2
    for i, (label, count) in enumerate(stages):
        y = height - (i + 1) * (bar_h + gap)
        w = max(plot_w * count / biggest, 1.5 * mm if count else 0)
        d.add(_text(0, y + bar_h / 2 - 2.8, label, 8.5))
        if w:
            shade = BAR if i % 2 == 0 else BAR_LIGHT
            d.add(Rect(centre - w / 2, y, w, bar_h, fillColor=shade, strokeColor=None))
        d.add(_text(centre + max(w, 0) / 2 + 2 * mm, y + bar_h / 2 - 2.8, f"{count}人", 8.5))
    return d


def category_bars(rows: Sequence[tuple[str, int, str]], width: float = CONTENT_WIDTH) -> Drawing:
    """Per category: a bar of how many matters were decided, with the money at its end."""
    register_font()
    bar_h = 6 * mm
    gap = 2.5 * mm
    label_w = 58 * mm
    height = max(len(rows), 1) * (bar_h + gap) + gap
    d = Drawing(width, height, initialFontName=FONT)
    biggest = max((n for _c, n, _a in rows), default=0) or 1
    plot_w = width - label_w - 45 * mm
    for i, (category, count, amount) in enumerate(rows):
        y = height - (i + 1) * (bar_h + gap)
        w = plot_w * count / biggest
        d.add(_text(0, y + bar_h / 2 - 2.8, category, 8))
        d.add(Rect(label_w, y, max(w, 0.5), bar_h, fillColor=BAR, strokeColor=None))
        d.add(_text(label_w + w + 2 * mm, y + bar_h / 2 - 2.8, f"{count}项　{amount}", 8))
    if not rows:
        d.add(_text(0, gap, "本年没有经村民会议或村民代表会议决议的事项", 8))
    return d
