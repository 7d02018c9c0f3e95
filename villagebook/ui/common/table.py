"""A table model base: translated column headers and the row/column counts.

Subclasses name their ``CONTEXT`` (the context their ``QT_TRANSLATE_NOOP`` headers use),
list ``COLUMNS``, answer :meth:`row_count` and implement ``data``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex


class TranslatedTableModel(QAbstractTableModel):
    CONTEXT: str = ""
    COLUMNS: tuple[object, ...] = ()  # QT_TRANSLATE_NOOP results (strings)

    def row_count(self) -> int:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.row_count()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self.CONTEXT, str(self.COLUMNS[section]))
        return None
