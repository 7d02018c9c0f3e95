"""校验PDF: open or drop a PDF and see what it proves (``book.reports.verify``).

Who signed it (which branch and installation), whether this installation knows the signer,
whether the file is unaltered since signing, whether its records match their digest and
the digest on its pages, and what the records hold.  An integrity check by the branch's
own installation, not an electronic seal: the page says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from villagebook.ui.common.ask import Ask
from villagebook.ui.ops import perform_busy

if TYPE_CHECKING:
    from villagebook.domain.proof.values import VerifyReport
    from villagebook.ui.context import AppContext

#: Verdict → colour of the verdict line.
COLOURS = {
    "valid": "#1b5e20",
    "unknown-signer": "#e65100",
    "altered": "#b71c1c",
    "unsigned": "#b71c1c",
    "damaged": "#b71c1c",
}


def _pdf_path(event: QDragEnterEvent | QDropEvent) -> Path | None:
    mime = event.mimeData()
    if not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile() and url.toLocalFile().lower().endswith(".pdf"):
            return Path(url.toLocalFile())
    return None


class VerifyPage(QWidget):
    """Open or drop a PDF; the verdict, the signer, the records and every check."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setAcceptDrops(True)
        self.report: VerifyReport | None = None
        self.open_button = QPushButton(self.tr("Open a PDF…"))
        self.open_button.setObjectName("verifyOpen")
        self.open_button.clicked.connect(self.choose)
        hint = QLabel(self.tr("…or drop a VillageBook PDF anywhere on this page."))
        bar = QHBoxLayout()
        bar.addWidget(self.open_button)
        bar.addWidget(hint, 1)
        self.file_label = QLabel()
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict = QLabel(self.tr("No PDF checked yet."))
        self.verdict.setObjectName("verifyVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.details = QLabel()
        self.details.setObjectName("verifyDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.checks = QListWidget()
        self.checks.setObjectName("verifyChecks")
        self.checks.setWordWrap(True)
        self.note = note = QLabel(
            self.tr(
                "This is an integrity check (完整性校验) made by the branch's own VillageBook "
                "installation, not a legal electronic seal (电子签章): handwritten signatures "
                "and the official seal stay on paper."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.file_label)
        layout.addWidget(line)
        layout.addWidget(self.verdict)
        layout.addWidget(self.details)
        layout.addWidget(QLabel(self.tr("Checks")))
        layout.addWidget(self.checks, 1)
        layout.addWidget(note)

    # --- opening ------------------------------------------------------------------------

    def choose(self) -> None:
        path = Ask.open_file(self, self.tr("Check a PDF"), self.tr("PDF files (*.pdf)"))
        if path is not None:
            self.check(path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _pdf_path(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _pdf_path(event)
        if path is not None:
            event.acceptProposedAction()
            self.check(path)

    def check(self, path: Path) -> VerifyReport | None:
        report = perform_busy(
            self, self.tr("Checking the PDF…"), lambda: self.ctx.book.reports.verify_file(path)
        )
        if report is not None:
            self.file_label.setText(str(path))
            self.show_report(report)
        return report

    # --- showing ------------------------------------------------------------------------

    def show_report(self, report: VerifyReport) -> None:
        from villagebook.domain.common.i18n import label
        from villagebook.domain.proof.values import SECTION_LABELS, short_digest

        self.report = report
        colour = COLOURS.get(report.verdict.value, "#333")
        self.verdict.setStyleSheet(f"font-size: 18px; font-weight: bold; color: {colour};")
        self.verdict.setText(report.verdict.label)
        lines = []
        if report.report_id:
            lines.append(
                self.tr("Report: %1 (%2), ID %3, period %4")
                .replace("%1", report.title)
                .replace("%2", report.kind)
                .replace("%3", report.report_id)
                .replace("%4", report.period or "—")
            )
            lines.append(
                self.tr("Generated %1 by %2")
                .replace("%1", report.generated_at)
                .replace("%2", report.generator)
            )
        if report.signer is not None:
            who = report.signer.identity
            lines.append(
                self.tr("Signed by: %1 (%2), %3")
                .replace("%1", who.branch_name)
                .replace("%2", who.place or "—")
                .replace("%3", report.signer.known_text)
            )
            lines.append(self.tr("Certificate fingerprint: %1").replace("%1", who.fingerprint_text))
        if report.records is not None:
            counts = ", ".join(
                f"{label(SECTION_LABELS[k], context='table') if k in SECTION_LABELS else k} {n}"
                for k, n in report.records.counts.items()
                if n
            )
            lines.append(
                self.tr("Records: SHA-256 %1…  %2")
                .replace("%1", short_digest(report.records.sha256))
                .replace("%2", counts)
            )
        self.details.setText("\n".join(lines))
        self.checks.clear()
        for check in report.checks:
            item = QListWidgetItem(f"{'✓' if check.ok else '✗'}  {check.code}  {check.message}")
            if not check.ok:
                item.setForeground(Qt.GlobalColor.darkRed)
            self.checks.addItem(item)
