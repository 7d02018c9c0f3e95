"""Printing from the window: every report and record is previewed, printed or saved here.

- :func:`open_report` has the Book build a report off the UI thread (progress, Cancel),
  then shows it in a :class:`ReportDialog`: an in-app preview (QtPdf) with **Print…** (the
  system print dialog) and **Save…** (the user's Documents folder, a descriptive file name,
  then an offer to open the folder).
- :class:`ReportEntry` is one line of the 报表 page; each capability lists its entries in
  ``ui/<capability>/reports.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSize, QStandardPaths
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from villagebook.ui.common.ask import Ask
from villagebook.ui.common.busy import Job, run_busy, run_job
from villagebook.ui.ops import confirm, perform

if TYPE_CHECKING:
    from villagebook.domain.common.reports import RenderedReport, ReportRequest
    from villagebook.ui.context import AppContext

PDF_FILTER = "PDF (*.pdf)"
PRINT_DPI = 300


@dataclass(frozen=True)
class ReportEntry:
    key: str
    title: str  # translated, shown in the list
    description: str  # translated
    #: Asks what to print, then previews it with Print and Save; True if it was shown.
    run: Callable[[AppContext, QWidget], bool]


def build_report(parent: QWidget | None, book: Any, request: ReportRequest, path: Path) -> Path:
    """Have the Book build ``request`` into ``path`` off the UI thread (raises on failure)."""
    run_busy(
        parent,
        QCoreApplication.translate("Printing", "Printing…"),
        lambda: book.reports.build(request, path),
    )
    return path


def render_report(parent: QWidget | None, book: Any, request: ReportRequest) -> Any:
    """The report in memory, built off the UI thread with progress and Cancel (raises
    :class:`villagebook.ui.common.busy.Cancelled` when cancelled)."""
    from villagebook.domain.common.reports import ReportCancelled
    from villagebook.ui.common.busy import Cancelled

    def work(job: Job) -> Any:
        try:
            return book.reports.render(request, progress=job.progress, cancelled=job.cancelled)
        except ReportCancelled as exc:
            raise Cancelled from exc

    return run_job(parent, QCoreApplication.translate("Printing", "Preparing the report…"), work)


def open_report(parent: QWidget | None, book: Any, request: ReportRequest) -> bool:
    """Build and preview a report with Print and Save; False if it failed or was cancelled."""
    from villagebook.ui.common.busy import Cancelled

    try:
        report = render_report(parent, book, request)
    except Cancelled:
        return False
    except Exception as exc:
        from villagebook.ui.errors import show_error

        show_error(parent, exc)
        return False
    Ask.exec_dialog(ReportDialog(report, book, parent))
    return True


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def save_pdf(parent: QWidget | None, book: Any, report: RenderedReport) -> Path | None:
    """Ask where (Documents and a descriptive name by default) and write the PDF there."""
    suggested = documents_folder() / f"{_safe_name(report.file_name)}.pdf"
    path = Ask.save_file(
        parent, QCoreApplication.translate("Printing", "Save the PDF"), str(suggested), PDF_FILTER
    )
    if path is None:
        return None
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    if perform(parent, lambda: book.reports.save(report, path)) is None and not path.exists():
        return None
    confirm(parent, QCoreApplication.translate("Printing", "Saved %1").replace("%1", str(path)))
    question = QCoreApplication.translate("Printing", "Saved to %1.\n\nOpen the folder?")
    if Ask.confirm(
        parent, QCoreApplication.translate("Printing", "Saved"), question.replace("%1", str(path))
    ):
        open_folder(path.parent)
    return path


def open_folder(folder: Path) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def _safe_name(name: str) -> str:
    """A file name without characters Windows refuses."""
    bad = '<>:"/\\|?*'
    cleaned = "".join("_" if c in bad or ord(c) < 32 else c for c in name).strip(" .")
    return cleaned or "report"


def print_pdf(parent: QWidget | None, data: bytes) -> bool:
    """The system print dialog, then every page rendered at the printer's resolution."""
    from PySide6.QtGui import QPainter
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if not Ask.exec_dialog(QPrintDialog(printer, parent)):
        return False
    document = QPdfDocument()
    buffer = _buffer(data)
    document.load(buffer)
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            target = painter.viewport()
            points = document.pagePointSize(page)
            scale = min(target.width() / points.width(), target.height() / points.height())
            size = QSize(int(points.width() * scale), int(points.height() * scale))
            painter.drawImage(0, 0, document.render(page, size))
    finally:
        painter.end()
        document.close()
    return True


def _buffer(data: bytes) -> QBuffer:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    return buffer


class ReportDialog(QDialog):
    """A built report: preview, Print…, Save…"""

    def __init__(self, report: RenderedReport, book: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        self.report = report
        self.setWindowTitle(report.file_name)
        self._buffer = _buffer(report.data)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setObjectName("reportPreview")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        pages = self.document.pageCount()
        self.info = QLabel(self.tr("%n page(s)", "", pages))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.save_button = QPushButton(self.tr("&Save…"))
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(lambda: print_pdf(self, report.data))
        self.save_button.clicked.connect(lambda: save_pdf(self, book, report))
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry() if self.screen() else None
        height = int(screen.height() * 0.85) if screen else 700
        self.resize(min(900, int(height * 0.8)), height)

    def done(self, result: int) -> None:
        self.document.close()
        super().done(result)


__all__ = [
    "ReportDialog",
    "ReportEntry",
    "build_report",
    "open_report",
    "print_pdf",
    "render_report",
    "save_pdf",
]
