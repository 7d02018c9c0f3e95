"""The township page (乡镇汇总): one row per branch; drop bundles on it to import them.

Columns: the activities of this quarter held against required, development steps overdue,
deliberations open, findings open and handled, the last data received, conflicts waiting.
Double-click a branch (or 查看支部) to see it with the same pages the branch sees, read-only.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from villagebook.ui.common.ask import Ask
from villagebook.ui.ops import perform
from villagebook.ui.township import actions


def _bundles(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [
        Path(u.toLocalFile())
        for u in mime.urls()
        if u.isLocalFile() and u.toLocalFile().lower().endswith(".vbbundle")
    ]


class TownshipPage(QWidget):
    """One row per branch; import, comment, receipts, conflicts, the summary PDF."""

    def __init__(
        self, book: Any, open_branch: Callable[[uuid.UUID], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.book = book
        self.open_branch = open_branch
        self.setAcceptDrops(True)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.hint = QLabel(
            self.tr("Drop the branches' bundles (.vbbundle) here, or use Import bundles…")
        )
        self.hint.setStyleSheet("color: #555;")
        self.table = QTableWidget(0, 9)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Branch"),
                self.tr("Activities this quarter (held/required)"),
                self.tr("Development overdue"),
                self.tr("Deliberations open"),
                self.tr("Findings open"),
                self.tr("Handled"),
                self.tr("Last received"),
                self.tr("Up to change"),
                self.tr("Conflicts"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.view_branch())
        buttons = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Import bundles…"))
        self.view_button = QPushButton(self.tr("View branch"))
        self.comment_button = QPushButton(self.tr("Comment…"))
        self.receipt_button = QPushButton(self.tr("Write receipt…"))
        self.conflicts_button = QPushButton(self.tr("Conflicts…"))
        self.print_button = QPushButton(self.tr("Print summary…"))
        self.import_button.clicked.connect(self.import_dialog)
        self.view_button.clicked.connect(self.view_branch)
        self.comment_button.clicked.connect(self.comment)
        self.receipt_button.clicked.connect(self.receipt)
        self.conflicts_button.clicked.connect(self.conflicts)
        self.print_button.clicked.connect(self.print_summary)
        for button in (
            self.import_button,
            self.view_button,
            self.comment_button,
            self.receipt_button,
            self.conflicts_button,
            self.print_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.rows: list[Any] = []
        self.reload()

    # --- data -------------------------------------------------------------------------------

    def reload(self) -> None:
        summary = perform(self, self.book.township.summary)
        if summary is None:
            return
        title = self.tr("%1 — quarter %2 of %3, as of %4 — %5 branch(es)")
        for key, value in (
            ("%1", summary.name),
            ("%2", summary.quarter),
            ("%3", summary.year),
            ("%4", summary.as_of.isoformat()),
            ("%5", len(summary.rows)),
        ):
            title = title.replace(key, str(value))
        self.title.setText(title)
        self.rows = []
        if str(summary.role) == "county":  # the county roll-up: per township, then per branch
            from villagebook.domain.township.values import TownshipGroup

            townships: dict[str, list[Any]] = {}
            for branch in summary.rows:
                townships.setdefault(branch.township or "—", []).append(branch)
            for name, rows in sorted(townships.items()):
                self.rows.append(TownshipGroup(name, tuple(rows)))
                self.rows.extend(rows)
        else:
            self.rows = list(summary.rows)
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            cells = self._group_cells(row) if hasattr(row, "total") else self._cells(row)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if hasattr(row, "total"):
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                elif (column == 1 and row.activities_short) or (
                    column == 8 and row.conflicts_waiting
                ):
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(index, column, item)
        self.table.resizeRowsToContents()
        has = bool(self.rows)
        for button in (self.view_button, self.comment_button, self.receipt_button):
            button.setEnabled(has)
        if has and self.table.currentRow() < 0:
            self.table.selectRow(0)

    @staticmethod
    def _cells(row: Any) -> list[str]:
        received = f"{row.last_received.astimezone():%Y-%m-%d %H:%M}" if row.last_received else "—"
        return [
            row.name,
            "\n".join(f"{k.kind_label} {k.held}/{k.required}" for k in row.activities),
            str(row.development_overdue),
            str(row.deliberations_open),
            f"{row.findings_open} ({row.errors_open})",
            str(row.findings_handled),
            received,
            str(row.up_to_change),
            str(row.conflicts_waiting),
        ]

    def _group_cells(self, group: Any) -> list[str]:
        short = sum(1 for r in group.rows if r.activities_short)
        return [
            self.tr("%1 (%2 branches)")
            .replace("%1", group.township)
            .replace("%2", str(len(group.rows))),
            self.tr("%1 branch(es) short of activities").replace("%1", str(short)),
            str(group.total("development_overdue")),
            str(group.total("deliberations_open")),
            f"{group.total('findings_open')} ({group.total('errors_open')})",
            str(group.total("findings_handled")),
            "",
            "",
            str(group.total("conflicts_waiting")),
        ]

    def current(self) -> Any:
        row = self.table.currentRow()
        found = self.rows[row] if 0 <= row < len(self.rows) else None
        return None if found is None or hasattr(found, "total") else found

    # --- actions ----------------------------------------------------------------------------

    def import_paths(self, paths: list[Path]) -> None:
        if actions.import_bundles(self, self.book, paths) or paths:
            self.reload()

    def import_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import bundles"), "", actions.BUNDLE_FILTER
        )
        self.import_paths([Path(n) for n in names])

    def view_branch(self) -> None:
        row = self.current()
        if row is not None:
            self.open_branch(row.branch_id)

    def comment(self) -> None:
        row = self.current()
        if row is None:
            return
        text = Ask.text(
            self,
            self.tr("Comment for %1").replace("%1", row.name),
            self.tr("Your comment (审核意见), sent back with the next receipt:"),
        )
        if text is None:
            return
        perform(
            self,
            lambda: self.book.township.comment(row.branch_id, text),
            success=self.tr("Comment recorded"),
        )

    def receipt(self) -> None:
        row = self.current()
        if row is not None:
            actions.write_receipt(self, self.book, row.branch_id, row.name)

    def conflicts(self) -> None:
        from villagebook.ui.township.conflicts import ConflictsDialog

        Ask.exec_dialog(ConflictsDialog(self.book, self))
        self.reload()

    def print_summary(self) -> None:
        from villagebook.domain.common.reports import ReportRequest
        from villagebook.ui.common.printing import open_report

        open_report(self, self.book, ReportRequest("township"))

    # --- drag and drop ----------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _bundles(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _bundles(event)
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)
