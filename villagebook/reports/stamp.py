"""The page stamp every VillageBook PDF carries, drawn as an overlay by the report pipeline.

In the bottom 10 mm of every page (which the layouts keep free): the branch, the period,
the report ID, when and by which version it was generated, and the short digest of the
embedded records, above a note that this is an integrity check, not an electronic seal.
On the first page, in the top-right corner of the top margin, a QR code (ReportLab's own
barcode module) with the report ID, the full digest and the installation's key, so a
printed page can be tied back to its file.

The stamp is one PDF page per report page, of the same size; the pipeline lays it over the
report's pages, so no layout needs to know about it.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import BinaryIO

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from villagebook.reports.base import register_font

#: Left and right margin of the stamp lines (the layouts' own margin).
SIDE = 18 * mm
#: Baselines of the two stamp lines, above the paper's edge (printers lose about 4 mm).
LINES_Y = (7.6 * mm, 4.9 * mm)
RULE_Y = 9.8 * mm
FONT_SIZE = 6.5
QR_SIZE = 14 * mm
#: The QR code's top edge below the paper's top edge.
QR_TOP = 3.5 * mm
GREY = colors.HexColor("#555555")

#: The signature's reason (shown by PDF viewers) and the embedded records' description.
SIGNATURE_REASON = "完整性校验（本支部安装签名，不是电子签章）"
RECORDS_DESCRIPTION = "VillageBook 记录 {report_id} SHA-256 {digest}"

#: Words the verifier looks for on each page.
REPORT_ID_LABEL = "报表编号"
DIGEST_LABEL = "校验码"


@dataclass(frozen=True)
class StampData:
    branch: str
    period: str
    report_id: str
    #: "2026-11-22 10:31"
    generated: str
    version: str
    #: SHA-256 of the embedded records, 64 hex digits.
    digest: str
    #: SHA-256 of the installation's public key, 64 hex digits.
    fingerprint: str
    #: (width, height) in points, one per page of the report.
    pages: list[tuple[float, float]]


def period_text(
    year: int | None,
    quarter: int | None,
    start: dt.date | None,
    end: dt.date | None,
    as_of: dt.date | None,
) -> str:
    """The period a report covers, as the stamp prints it."""
    if year and quarter:
        return f"{year}年第{quarter}季度"
    if start or end:
        first = start.isoformat() if start else ""
        last = end.isoformat() if end else ""
        return f"{first}至{last}"
    if year:
        return f"{year}年"
    if as_of:
        return f"截至{as_of.isoformat()}"
    return ""


def short(hex_digits: str) -> str:
    text = hex_digits[:16].upper()
    return " ".join(text[i : i + 4] for i in range(0, 16, 4))


def qr_payload(stamp: StampData) -> str:
    """Upper-case letters, digits and ``-: `` only: QR alphanumeric mode keeps it small."""
    return (
        f"VILLAGEBOOK {stamp.report_id.upper()} SHA256:{stamp.digest.upper()}"
        f" KEY:{stamp.fingerprint[:16].upper()}"
    )


def lines(stamp: StampData) -> tuple[str, str]:
    first = " · ".join(
        part
        for part in (
            stamp.branch,
            stamp.period,
            f"{REPORT_ID_LABEL} {stamp.report_id}",
            f"{DIGEST_LABEL} {short(stamp.digest)}",
        )
        if part
    )
    second = (
        f"{stamp.generated} 由 VillageBook {stamp.version} 生成 · "
        "本支部安装签名的完整性校验，不是电子签章 · 核验：villagebook verify"
    )
    return first, second


def _fit(text: str, font: str, width: float) -> float:
    size = FONT_SIZE
    while size > 4.5 and stringWidth(text, font, size) > width:
        size -= 0.25
    return size


def _qr(canvas: Canvas, stamp: StampData, page_width: float, page_height: float) -> None:
    widget = QrCodeWidget(
        qr_payload(stamp), barLevel="M", barBorder=0, barWidth=QR_SIZE, barHeight=QR_SIZE
    )
    drawing = Drawing(QR_SIZE, QR_SIZE)
    drawing.add(widget)
    drawing.drawOn(canvas, page_width - SIDE - QR_SIZE, page_height - QR_TOP - QR_SIZE)


def render(stamp: StampData, out: BinaryIO) -> int:
    """One stamp page per report page; returns the page count."""
    font = register_font()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1, pageCompression=1)
    first, second = lines(stamp)
    for number, (width, height) in enumerate(stamp.pages, 1):
        canvas.setPageSize((width, height))
        canvas.saveState()
        canvas.setStrokeColor(GREY)
        canvas.setLineWidth(0.3)
        canvas.line(SIDE, RULE_Y, width - SIDE, RULE_Y)
        canvas.setFillColor(GREY)
        for text, y in zip((first, second), LINES_Y, strict=True):
            canvas.setFont(font, _fit(text, font, width - 2 * SIDE))
            canvas.drawString(SIDE, y, text)
        canvas.restoreState()
        if number == 1:
            _qr(canvas, stamp, width, height)
        canvas.showPage()
    canvas.save()
    out.write(buffer.getvalue())
    return len(stamp.pages)
