"""Shared PDF machinery: the embedded CJK font, the page frame, styles, tables, sign-offs.

Every VillageBook PDF embeds WenQuanYi Micro Hei (TrueType outlines) and references no
other font (ReportLab's canvas starts in Helvetica unless told otherwise; tables draw empty
cells in it), so an inspector's viewer shows the Chinese text even without Chinese fonts
installed and an "all fonts embedded" check passes.

The page frame: the branch's name and the report on every page's footer line with
"第 n 页 共 m 页"; below that line the bottom :data:`STAMP_ZONE` of every page stays empty
for the verification stamp that ``ReportsApi.finish`` adds; a record that runs over a page
carries "（续）" with its heading and date at the top of each further page
(:class:`RecordStart` / :class:`RecordEnd`).

Paragraphs and cells break lines by Chinese rules and never inside a name, a date, a number
or a status (:mod:`villagebook.reports.typeset`).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, TypeAlias

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from villagebook import __version__, paths
from villagebook.domain.common.calendar import cn_date
from villagebook.reports.typeset import CJKParagraph, keep_words

FONT = "WenQuanYiMicroHei"
PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
#: The width of the text on a landscape page.
WIDE_CONTENT_WIDTH = PAGE_HEIGHT - 2 * MARGIN
#: The bottom of every page kept free for the verification stamp (report ID, digest, QR).
STAMP_ZONE = 10 * mm
#: The footer line's baseline, above the stamp zone.
FOOTER_Y = STAMP_ZONE + 5 * mm

__all__ = ["keep_words"]


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
    #: A numbered part under a heading: （一）…
    subheading: ParagraphStyle


def style(name: str, size: float, **kw: Any) -> ParagraphStyle:
    """A paragraph style in the embedded font, wrapped by Chinese rules."""
    kw.setdefault("leading", size * 1.45)
    return ParagraphStyle(name, fontName=register_font(), fontSize=size, wordWrap="CJK", **kw)


def styles() -> Styles:
    return Styles(
        title=style("title", 18, alignment=TA_CENTER, spaceAfter=4 * mm),
        subtitle=style("subtitle", 11, alignment=TA_CENTER, spaceAfter=4 * mm),
        heading=style("heading", 12.5, spaceBefore=4 * mm, spaceAfter=2 * mm, keepRoom=30 * mm),
        body=style("body", 10.5, spaceAfter=1.5 * mm),
        small=style("small", 8.5, textColor=colors.HexColor("#444444")),
        cell=style("cell", 9.5),
        cell_bold=style("cell_bold", 9.5, textColor=colors.HexColor("#111111")),
        subheading=style(
            "subheading", 10.5, spaceBefore=3 * mm, spaceAfter=1.5 * mm, keepRoom=20 * mm
        ),
    )


def compact(st: Styles, size: float = 8.5) -> Styles:
    """The same styles with smaller table cells (wide tables)."""
    cell = ParagraphStyle(f"cell_{size}", parent=st.cell, fontSize=size, leading=size * 1.4)
    bold = ParagraphStyle(f"bold_{size}", parent=st.cell_bold, fontSize=size, leading=size * 1.4)
    return Styles(st.title, st.subtitle, st.heading, st.body, st.small, cell, bold, st.subheading)


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
    """``text`` as one flowable broken by Chinese rules: a paragraph, or for long text a
    :class:`LongText`."""
    if len(text) <= CHUNK_CHARS:
        return CJKParagraph(escape(text), style)
    follow = ParagraphStyle(f"{style.name}-cont", parent=style, spaceBefore=0, spaceAfter=0)
    first = ParagraphStyle(f"{style.name}-first", parent=style, spaceAfter=0)
    last = ParagraphStyle(f"{style.name}-last", parent=style, spaceBefore=0)
    chunks = text_chunks(text)
    parts = [
        CJKParagraph(escape(chunk), first if i == 0 else last if i == len(chunks) - 1 else follow)
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


def whole(text: str, style: ParagraphStyle) -> Paragraph:
    """Text that never breaks: it shrinks to fit its column instead (headers, codes)."""
    return CJKParagraph(f"<nobr>{escape(text)}</nobr>" if text else "", style)


def names(items: Iterable[str], empty: str = "无") -> str:
    """A list of names as printed: 甲、乙、丙 (or ``empty``)."""
    listed = [i for i in items if i]
    return "、".join(listed) if listed else empty


GRID = colors.HexColor("#555555")
HEADER_BG = colors.HexColor("#EFE6E6")
#: A table style line that keeps ReportLab from naming Helvetica for string cells.
FONT_COMMAND = ("FONTNAME", (0, 0), (-1, -1), FONT)

Cell: TypeAlias = "str | Flowable"


def grid_table(
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[float],
    *,
    header_rows: int = 1,
    st: Styles | None = None,
    whole_columns: Iterable[int] = (),
    align: dict[int, str] | None = None,
    heights: Sequence[float | None] | None = None,
    closing: Flowable | list[Flowable] | None = None,
) -> Table:
    """A ruled table whose header rows repeat on every page.

    Header cells and the cells of ``whole_columns`` never break (they shrink to fit); other
    text cells wrap by Chinese rules, never inside a name, date, number or status.
    ``closing`` (a sign-off) is added below the last row, unruled, and never parts from it.
    """
    st = st or styles()
    keep = set(whole_columns)
    register_font()
    if closing is not None:
        rows = [*rows, [closing, *[""] * (len(widths) - 1)]]
    cells = []
    for r, row in enumerate(rows):
        line: list[Cell] = []
        for c, value in enumerate(row):
            if not isinstance(value, str):
                line.append(value)
            elif r < header_rows:
                line.append(whole(value, st.cell_bold))
            elif c in keep:
                line.append(whole(value, st.cell))
            else:
                line.append(para(value, st.cell))
        cells.append(line)
    table = Table(
        cells,
        colWidths=list(widths),
        rowHeights=list(heights) if heights else None,
        repeatRows=header_rows,
        splitByRow=True,
    )
    commands: list[tuple[Any, ...]] = [
        FONT_COMMAND,
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_BG))
        commands.append(("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"))
    if closing is not None:
        last = len(cells) - 1
        commands[1] = ("GRID", (0, 0), (-1, last - 1), 0.5, GRID)
        commands += [
            ("SPAN", (0, last), (-1, last)),
            ("NOSPLIT", (0, last - 1), (-1, last)),
            ("TOPPADDING", (0, last), (-1, last), 4 * mm),
            ("LEFTPADDING", (0, last), (-1, last), 0),
        ]
    table.setStyle(TableStyle(commands))
    if align:
        for column, where in align.items():
            for line in cells[header_rows:]:
                cell = line[column]
                if isinstance(cell, Paragraph):
                    cell.style = ParagraphStyle(
                        f"{cell.style.name}-{where}",
                        parent=cell.style,
                        alignment={"CENTER": 1, "RIGHT": 2}.get(where, 0),
                    )
    return table


def field_table(
    pairs: Sequence[tuple[str, str]], st: Styles | None = None, width: float = CONTENT_WIDTH
) -> Table:
    """Label/value pairs, two pairs per row, like a paper form."""
    st = st or styles()
    rows: list[list[Cell]] = []
    for i in range(0, len(pairs), 2):
        row: list[Cell] = []
        for label, value in pairs[i : i + 2]:
            row += [whole(label, st.cell_bold), para(value, st.cell)]
        while len(row) < 4:
            row.append("")
        rows.append(row)
    label_w = 24 * mm
    value_w = width / 2 - label_w
    table = grid_table(rows, [label_w, value_w, label_w, value_w], header_rows=0, st=st)
    table.setStyle(
        TableStyle(
            [("BACKGROUND", (0, 0), (0, -1), HEADER_BG), ("BACKGROUND", (2, 0), (2, -1), HEADER_BG)]
        )
    )
    return table


def signature_lines(
    labels: Sequence[str],
    st: Styles | None = None,
    *,
    dated: bool = False,
    width: float = CONTENT_WIDTH,
) -> Table:
    """Blank lines for handwritten signatures (主持人签字 ...), with a date line if asked."""
    st = st or styles()
    row: list[Cell] = []
    for label in labels:
        row += [whole(f"{label}：", st.body), ""]
    rows = [row]
    heights = [14 * mm]
    if dated:
        rows.append([c for label in labels for c in (whole("日期：", st.body), "")])
        heights.append(10 * mm)
    part = width / len(labels)
    widest = max(pdfmetrics.stringWidth(f"{x}：", FONT, st.body.fontSize) for x in labels)
    label_w = max(22 * mm, widest + 8)
    table = Table(
        rows, colWidths=[label_w, part - label_w - 2 * mm] * len(labels), rowHeights=heights
    )
    commands: list[tuple[Any, ...]] = [FONT_COMMAND, ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]
    for i in range(len(labels)):
        commands.append(("LINEBELOW", (2 * i + 1, 0), (2 * i + 1, -1), 0.6, colors.black))
    table.setStyle(TableStyle(commands))
    return table


def closing(
    labels: Sequence[str],
    st: Styles | None = None,
    *,
    note: str = "",
    dated: bool = True,
    width: float = CONTENT_WIDTH,
) -> list[Flowable]:
    """A sign-off to close a table with (``grid_table(..., closing=...)``)."""
    st = st or styles()
    parts: list[Flowable] = [para(note, st.small)] if note else []
    return [*parts, signature_lines(labels, st, dated=dated, width=width)]


def sign_off(
    tail: Sequence[Flowable],
    labels: Sequence[str],
    st: Styles | None = None,
    *,
    dated: bool = False,
    width: float = CONTENT_WIDTH,
) -> Flowable:
    """The end of a record with its signature lines: they never land on a page alone."""
    return KeepTogether([*tail, gap(2), signature_lines(labels, st, dated=dated, width=width)])


# --- the page frame ------------------------------------------------------------------------


class RecordStart(Flowable):  # type: ignore[misc]
    """Marks where a record begins: further pages of it carry ``heading``（续）at the top."""

    def __init__(self, heading: str) -> None:
        super().__init__()
        self.heading = heading

    def wrap(self, *_args: Any) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._villagebook_record = (self.heading, self.canv.getPageNumber())


class RecordEnd(Flowable):  # type: ignore[misc]
    """Marks where a record ends (pages after it carry no continuation heading)."""

    def wrap(self, *_args: Any) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._villagebook_record = None


class PageMark(Flowable):  # type: ignore[misc]
    """Zero-size marker that remembers the page it lands on (for contents pages)."""

    def __init__(self, key: Any, pages: dict[Any, int]) -> None:
        super().__init__()
        self.key = key
        self.pages = pages

    def wrap(self, *_args: Any) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.pages[self.key] = int(self.canv.getPageNumber())


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """A canvas that draws each page's frame once the page count is known (one pass)."""

    footer = ""
    marking = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._villagebook_record: tuple[str, int] | None = None

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._frame(total)
            super().showPage()
        super().save()

    def _frame(self, total: int) -> None:
        self.saveState()
        self.setFont(FONT, 8.5)
        self.setFillColor(colors.HexColor("#444444"))
        width = self._pagesize[0]
        self.setStrokeColor(colors.HexColor("#999999"))
        self.setLineWidth(0.4)
        self.line(MARGIN, FOOTER_Y + 3.2 * mm, width - MARGIN, FOOTER_Y + 3.2 * mm)
        self.drawString(MARGIN, FOOTER_Y, self.footer)
        page = self.getPageNumber()
        self.drawRightString(width - MARGIN, FOOTER_Y, f"第 {page} 页 共 {total} 页")
        if self.marking:
            self.setFillColor(colors.HexColor("#B71C1C"))
            self.setFont(FONT, 10)
            self.drawRightString(width - MARGIN, self._pagesize[1] - MARGIN + 5 * mm, self.marking)
        self.restoreState()


def _continuation(canvas: Any, _doc: Any) -> None:
    """At the top of a page inside a record: its heading and date with （续）."""
    record = getattr(canvas, "_villagebook_record", None)
    if record is None or record[1] >= canvas.getPageNumber():
        return
    canvas.saveState()
    canvas.setFont(FONT, 9)
    canvas.setFillColor(colors.HexColor("#333333"))
    y = canvas._pagesize[1] - MARGIN + 4 * mm
    canvas.drawString(MARGIN, y, f"{record[0]}（续）")
    canvas.setStrokeColor(colors.HexColor("#999999"))
    canvas.setLineWidth(0.4)
    canvas.line(MARGIN, y - 1.8 * mm, canvas._pagesize[0] - MARGIN, y - 1.8 * mm)
    canvas.restoreState()


class NumberedDoc(SimpleDocTemplate):  # type: ignore[misc]
    """An A4 document in the report frame (see the module docstring)."""

    def __init__(self, target: io.BytesIO, *, title: str, wide: bool = False, **kw: Any) -> None:
        super().__init__(
            target,
            pagesize=landscape(A4) if wide else A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=FOOTER_Y + 7 * mm,
            title=title,
            author="VillageBook 村务记事本",
            creator=f"VillageBook {__version__}",
            initialFontName=register_font(),
            **kw,
        )


#: Where a report is written: a stream (the Book's report pipeline) or a file path.
Target = Path | BinaryIO


def build_pdf(
    target: Target,
    make_story: Callable[[], list[Flowable]],
    *,
    title: str,
    footer: str,
    wide: bool = False,
    marking: str = "",
    passes: int = 1,
) -> int:
    """Lay out the story and write the PDF; returns the page count.

    ``make_story`` is called once per pass (flowables keep layout state); a story with a
    contents page that names page numbers (:class:`PageMark`) needs ``passes=2``.  ``wide``
    turns the page to landscape; ``marking`` (e.g. 内部资料) is printed at the top of every
    page.  A path target is written beside the file and moved into place.
    """
    register_font()

    class Canvas(NumberedCanvas):
        pass

    Canvas.footer = footer
    Canvas.marking = marking
    out = io.BytesIO()
    doc = NumberedDoc(out, title=title, wide=wide)
    for _ in range(passes):
        out.seek(0)
        out.truncate()
        doc = NumberedDoc(out, title=title, wide=wide)
        doc.build(
            make_story(),
            onFirstPage=_continuation,
            onLaterPages=_continuation,
            canvasmaker=Canvas,
        )
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
