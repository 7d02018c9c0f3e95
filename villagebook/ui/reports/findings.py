"""The findings of the rule checks as a table model, coloured by severity."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from villagebook.domain.common.findings import Finding, Severity
from villagebook.ui.common.table import TranslatedTableModel

Index = QModelIndex | QPersistentModelIndex

#: (background, text) per severity: red for breaches, amber for warnings, blue for what is due.
COLOURS = {
    Severity.ERROR: ("#fdecea", "#b71c1c"),
    Severity.WARNING: ("#fff4e5", "#8a4b00"),
    Severity.DUE: ("#e8f1fb", "#0d47a1"),
    Severity.INFO: ("#ffffff", "#333333"),
}
ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.DUE: 2, Severity.INFO: 3}


class FindingsModel(TranslatedTableModel):
    CONTEXT = "FindingsModel"
    COLUMNS = (
        QT_TRANSLATE_NOOP("FindingsModel", "Rule"),
        QT_TRANSLATE_NOOP("FindingsModel", "Severity"),
        QT_TRANSLATE_NOOP("FindingsModel", "Subject"),
        QT_TRANSLATE_NOOP("FindingsModel", "Finding"),
        QT_TRANSLATE_NOOP("FindingsModel", "Due"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._findings: list[Finding] = []

    def set_findings(self, findings: Sequence[Finding]) -> None:
        self.beginResetModel()
        self._findings = sorted(findings, key=lambda f: (ORDER[f.severity], f.code, f.subject))
        self.endResetModel()

    def finding(self, row: int) -> Finding:
        return self._findings[row]

    def counts(self) -> dict[Severity, int]:
        result = dict.fromkeys(Severity, 0)
        for finding in self._findings:
            result[finding.severity] += 1
        return result

    def row_count(self) -> int:
        return len(self._findings)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        finding = self._findings[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(finding, index.column())
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(COLOURS[finding.severity][0]))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(COLOURS[finding.severity][1]))
        return None

    @staticmethod
    def _text(finding: Finding, column: int) -> str:
        if column == 0:
            return finding.code
        if column == 1:
            return finding.severity.label
        if column == 2:
            return finding.subject
        if column == 3:
            return finding.message
        return finding.due.isoformat() if finding.due else ""
