"""Shared PDF machinery: the embedded CJK font, page frame with page numbers, styles, tables.

Every VillageBook PDF embeds WenQuanYi Micro Hei (TrueType outlines), so an inspector's
viewer shows the Chinese text even without Chinese fonts installed.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Flowable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from villagebook import __version__, paths
from villagebook.domain.common.calendar import cn_date

FONT = "WenQuanYiMicroHei"
PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN


def register_font() -> str:
    """Register the bundled CJK font once; returns its ReportLab name."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(paths.font_path()), subfontIndex=0))
    return FONT


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle


def styles() -> Styles:
    font = register_font()

    def style(name: str, size: float, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(
            name, fontName=font, fontSize=size, leading=size * 1.45, wordWrap="CJK", **kw
        )

    return Styles(
        title=style("title", 18, alignment=TA_CENTER, spaceAfter=4 * mm),
        subtitle=style("subtitle", 11, alignment=TA_CENTER, spaceAfter=4 * mm),
        heading=style("heading", 12.5, spaceBefore=4 * mm, spaceAfter=2 * mm),
        body=style("body", 10.5, spaceAfter=1.5 * mm),
        small=style("small", 8.5, textColor=colors.HexColor("#444444")),
        cell=style("cell", 9.5),
        cell_bold=style("cell_bold", 9.5, textColor=colors.HexColor("#111111")),
    )


def escape(text: str) -> str:
    """Escape text for a ReportLab Paragraph and keep line breaks."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")
    )


#: Text longer than this is laid out as several paragraphs.  ReportLab wraps the rest of a
#: paragraph again on every page it is split across, so one long paragraph costs time
#: quadratic in its length (a 40,000-character resolution: 5.7 s, 1 MB: minutes); chunks of
#: bounded size keep the work linear.
CHUNK_CHARS = 4000
#: Where a chunk prefers to end when a line is longer than a chunk: after a sentence.
_SENTENCE_ENDS = "。！？；!?;…"


def para(text: str, style: ParagraphStyle) -> Flowable:
    """``text`` as one flowable: a Paragraph, or for long text a :class:`LongText`."""
    if len(text) <= CHUNK_CHARS:
        return Paragraph(escape(text), style)
    follow = ParagraphStyle(f"{style.name}-cont", parent=style, spaceBefore=0, spaceAfter=0)
    first = ParagraphStyle(f"{style.name}-first", parent=style, spaceAfter=0)
    last = ParagraphStyle(f"{style.name}-last", parent=style, spaceBefore=0)
    chunks = text_chunks(text)
    parts = [
        Paragraph(escape(chunk), first if i == 0 else last if i == len(chunks) - 1 else follow)
        for i, chunk in enumerate(chunks)
    ]
    return LongText(parts)


def text_chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters: at line breaks where it has
    them (a piece then ends where a line does), else after a sentence, else anywhere."""
    pieces: list[tuple[str, str]] = []  # (text, what joins it to the piece before)
    for number, line in enumerate(text.split("\n")):
        joiner = "\n" if number else ""
        while len(line) > size:
            ends = [line.rfind(mark, size // 2, size) for mark in _SENTENCE_ENDS]
            cut = max(ends) + 1 if max(ends) >= 0 else size
            pieces.append((line[:cut], joiner))
            line, joiner = line[cut:], ""
        pieces.append((line, joiner))
    chunks: list[str] = []
    current = ""
    for index, (piece, joiner) in enumerate(pieces):
        if index and len(current) + len(joiner) + len(piece) > size:
            chunks.append(current)
            current = piece
        else:
            current += joiner + piece if index else piece
    chunks.append(current)
    return chunks


class LongText(Flowable):  # type: ignore[misc]
    """Paragraphs that flow as one text.  Where they do not all fit, :meth:`split` hands
    the frame what fits on this page (one piece, cut at a line) and the rest one by one,
    so each character is laid out a bounded number of times."""

    def __init__(self, parts: Sequence[Paragraph]) -> None:
        super().__init__()
        self.parts = list(parts)
        self._sizes: dict[tuple[int, float], tuple[float, float]] = {}

    def _size(self, index: int, width: float, height: float) -> tuple[float, float]:
        key = (index, width)
        if key not in self._sizes:
            self._sizes[key] = self.parts[index].wrap(width, height)
        return self._sizes[key]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = sum(self._size(i, availWidth, availHeight)[1] for i in range(len(self.parts)))
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        used = 0.0
        head: list[Paragraph] = []
        tail: list[Paragraph] = []
        for index, part in enumerate(self.parts):
            height = self._size(index, availWidth, availHeight)[1]
            if used + height <= availHeight:
                head.append(part)
                used += height
                continue
            pieces = part.split(availWidth, availHeight - used)
            head += pieces[:1]
            tail = [*pieces[1:], *self.parts[index + 1 :]] if pieces else self.parts[index:]
            break
        if not head:
            return []  # not one line fits here: the frame goes on to the next page
        return [LongText(head), *tail]

    def getSpaceBefore(self) -> float:
        return float(self.parts[0].getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.parts[-1].getSpaceAfter())

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        top = y + self.height
        for index, part in enumerate(self.parts):
            top -= self._size(index, self.width, self.height)[1]
            part.drawOn(canvas, x, top, _sW)


GRID = colors.HexColor("#555555")
HEADER_BG = colors.HexColor("#EFE6E6")


def grid_table(
    rows: Sequence[Sequence[str | Flowable]],
    widths: Sequence[float],
    *,
    header_rows: int = 1,
    st: Styles | None = None,
) -> Table:
    """A ruled table whose text cells wrap; header rows repeat on every page."""
    st = st or styles()
    cells = [[para(c, st.cell) if isinstance(c, str) else c for c in row] for row in rows]
    table = Table(cells, colWidths=list(widths), repeatRows=header_rows, splitByRow=True)
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_BG))
    table.setStyle(TableStyle(commands))
    return table


def field_table(pairs: Sequence[tuple[str, str]], st: Styles | None = None) -> Table:
    """Label/value pairs, two pairs per row, like a paper form."""
    st = st or styles()
    rows: list[list[str | Flowable]] = []
    for i in range(0, len(pairs), 2):
        row: list[str | Flowable] = []
        for label, value in pairs[i : i + 2]:
            row += [para(label, st.cell_bold), para(value, st.cell)]
        while len(row) < 4:
            row.append("")
        rows.append(row)
    label_w = 24 * mm
    value_w = CONTENT_WIDTH / 2 - label_w
    table = grid_table(rows, [label_w, value_w, label_w, value_w], header_rows=0, st=st)
    table.setStyle(
        TableStyle(
            [("BACKGROUND", (0, 0), (0, -1), HEADER_BG), ("BACKGROUND", (2, 0), (2, -1), HEADER_BG)]
        )
    )
    return table


def signature_lines(labels: Sequence[str], st: Styles | None = None) -> Table:
    """Blank lines for handwritten signatures (主持人签字 ...)."""
    st = st or styles()
    row: list[str | Flowable] = []
    for label in labels:
        row += [para(f"{label}：", st.body), para("", st.body)]
    width = CONTENT_WIDTH / len(labels)
    table = Table([row], colWidths=[22 * mm, width - 22 * mm] * len(labels), rowHeights=[14 * mm])
    commands: list[tuple[Any, ...]] = [("VALIGN", (0, 0), (-1, -1), "BOTTOM")]
    for i in range(len(labels)):
        commands.append(("LINEBELOW", (2 * i + 1, 0), (2 * i + 1, 0), 0.6, colors.black))
    table.setStyle(TableStyle(commands))
    return table


class NumberedDoc(SimpleDocTemplate):  # type: ignore[misc]
    """A4 document whose every page carries the footer line and "第 n 页 共 m 页"."""

    def __init__(self, target: io.BytesIO, *, title: str, footer: str, **kw: Any) -> None:
        super().__init__(
            target,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN + 6 * mm,
            title=title,
            author="VillageBook 村务记事本",
            creator=f"VillageBook {__version__}",
            **kw,
        )
        self.footer = footer


def _footer(total: int | None) -> Any:
    def draw(canvas: Any, doc: NumberedDoc) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8.5)
        canvas.setFillColor(colors.HexColor("#444444"))
        y = MARGIN - 2 * mm
        canvas.drawString(MARGIN, y, doc.footer)
        page = canvas.getPageNumber()
        text = f"第 {page} 页 共 {total} 页" if total else f"第 {page} 页"
        canvas.drawRightString(PAGE_WIDTH - MARGIN, y, text)
        canvas.restoreState()

    return draw


#: Where a report is written: a stream (the Book's report pipeline) or a file path.
Target = Path | BinaryIO


def build_pdf(
    target: Target, make_story: Callable[[], list[Flowable]], *, title: str, footer: str
) -> int:
    """Build the PDF twice (first to count pages) so each page says "第 n 页 共 m 页".

    ``make_story`` is called once per pass because flowables keep layout state.  A path
    target is written beside the file and moved into place, so a failure leaves no half
    PDF.  Returns the page count.
    """
    register_font()
    scratch = io.BytesIO()
    counter = NumberedDoc(scratch, title=title, footer=footer)
    counter.build(make_story(), onFirstPage=_footer(None), onLaterPages=_footer(None))
    total = int(counter.page)
    out = io.BytesIO()
    doc = NumberedDoc(out, title=title, footer=footer)
    doc.build(make_story(), onFirstPage=_footer(total), onLaterPages=_footer(total))
    if isinstance(target, Path):
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".part")
        tmp.write_bytes(out.getvalue())
        tmp.replace(target)
    else:
        target.write(out.getvalue())
    return int(doc.page)


#: The day the report being built is generated (set by the report pipeline), so a report
#: rebuilt from the same data for the same day prints the same date.
_GENERATED_ON: ContextVar[dt.date | None] = ContextVar("villagebook_generated_on", default=None)


@contextmanager
def reproducible(day: dt.date) -> Iterator[None]:
    """Build reports generated on ``day``, byte for byte the same each time: ReportLab's
    invariant mode (fixed dates and document ID) and ``printed_on`` saying ``day``."""
    rl_config.invariant = 1
    token = _GENERATED_ON.set(day)
    try:
        yield
    finally:
        _GENERATED_ON.reset(token)


def printed_on(day: dt.date | None = None) -> str:
    day = day or _GENERATED_ON.get() or dt.date.today()
    return f"打印日期：{cn_date(day)}"


def gap(height_mm: float = 3) -> Spacer:
    return Spacer(1, height_mm * mm)
