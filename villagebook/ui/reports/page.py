"""The 报表 page: the printable reports, a preview of the last PDF, and the rule checks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from villagebook.domain.common.findings import Severity
from villagebook.ui.common.widgets import DateEdit
from villagebook.ui.errors import show_error
from villagebook.ui.ops import perform_busy
from villagebook.ui.reports.findings import FindingsModel
from villagebook.ui.reports.registry import ReportEntry, entries

if TYPE_CHECKING:
    from villagebook.ui.context import AppContext


class ChecksPanel(QWidget):
    """规则检查: every capability's rule checks for the branch, as of a chosen day."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.as_of = DateEdit(dt.date.today())
        self.run_button = QPushButton(self.tr("Run the checks"))
        self.run_button.clicked.connect(self.run_checks)
        self.summary = QLabel(self.tr("Not run yet."))
        self.model = FindingsModel(self)
        self.table = QTableView()
        self.table.setObjectName("findingsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("As of")))
        bar.addWidget(self.as_of)
        bar.addWidget(self.run_button)
        bar.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)

    def run_checks(self) -> None:
        as_of = self.as_of.value() or dt.date.today()
        book, branch_id = self.ctx.book, self.ctx.branch_id
        findings = perform_busy(
            self,
            self.tr("Running the rule checks…"),
            lambda: book.checks.run(as_of=as_of, branch_id=branch_id),
        )
        if findings is None:
            return
        self.model.set_findings(findings)
        self.table.resizeRowsToContents()
        counts = self.model.counts()
        self.summary.setText(
            self.tr("%1 breaches, %2 warnings, %3 due soon, %4 notes")
            .replace("%1", str(counts[Severity.ERROR]))
            .replace("%2", str(counts[Severity.WARNING]))
            .replace("%3", str(counts[Severity.DUE]))
            .replace("%4", str(counts[Severity.INFO]))
        )


class ReportsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entries: list[ReportEntry] = entries()
        self.list = QListWidget()
        self.list.setObjectName("reportList")
        self.list.setStyleSheet("QListWidget#reportList::item { padding: 5px 4px; }")
        for entry in self.entries:
            item = QListWidgetItem(entry.title)
            item.setToolTip(entry.description)
            self.list.addItem(item)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.generate = QPushButton(self.tr("Generate PDF…"))
        self.generate.clicked.connect(self.run_selected)
        self.list.itemActivated.connect(lambda _item: self.run_selected())
        self.list.currentRowChanged.connect(self._describe)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(self.tr("Reports")))
        column.addWidget(self.list, 3)
        column.addWidget(self.description, 1)
        column.addWidget(self.generate)
        self.document = QPdfDocument(self)
        self.preview = QPdfView()
        self.preview.setObjectName("pdfPreview")
        self.preview.setDocument(self.document)
        self.preview.setPageMode(QPdfView.PageMode.MultiPage)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.preview_label = QLabel(self.tr("No report generated yet."))
        preview_box = QWidget()
        preview_column = QVBoxLayout(preview_box)
        preview_column.addWidget(self.preview_label)
        preview_column.addWidget(self.preview, 1)
        self.checks = ChecksPanel(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(preview_box, self.tr("Preview"))
        self.tabs.addTab(self.checks, self.tr("Rule checks"))
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 800])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.last_path: Path | None = None
        if self.entries:
            self.list.setCurrentRow(0)

    def _describe(self, row: int) -> None:
        self.description.setText(self.entries[row].description if row >= 0 else "")

    def run_selected(self) -> Path | None:
        row = self.list.currentRow()
        if row < 0:
            return None
        try:
            path = self.entries[row].run(self.ctx, self)
        except Exception as exc:
            show_error(self, exc)
            return None
        if path is not None:
            self.show_pdf(path)
        return path

    def show_pdf(self, path: Path) -> None:
        self.document.close()
        self.document.load(str(path))
        self.last_path = path
        self.preview_label.setText(
            self.tr("%1 (%n page(s))", "", self.document.pageCount()).replace("%1", str(path))
        )
        self.tabs.setCurrentIndex(0)
