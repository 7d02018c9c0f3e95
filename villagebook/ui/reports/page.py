"""The 报表 page: the printable reports and the rule checks.

Choosing a report asks what to print, then builds it off the UI thread (progress, Cancel)
and previews it with Print… and Save… (:func:`villagebook.ui.common.printing.open_report`).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
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
        self.generate = QPushButton(self.tr("Preview / print…"))
        self.generate.setToolTip(self.tr("Preview the report, then print it or save a PDF"))
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
        self.checks = ChecksPanel(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.checks, self.tr("Rule checks"))
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 800])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        if self.entries:
            self.list.setCurrentRow(0)

    def _describe(self, row: int) -> None:
        self.description.setText(self.entries[row].description if row >= 0 else "")

    def run_selected(self) -> bool:
        """Ask what to print, then preview it with Print and Save; True if it was shown."""
        row = self.list.currentRow()
        if row < 0:
            return False
        try:
            return self.entries[row].run(self.ctx, self)
        except Exception as exc:
            show_error(self, exc)
            return False
