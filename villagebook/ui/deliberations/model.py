"""The matters table (四议两公开): each matter with its step, what is next and any breach."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from villagebook.domain.deliberations.values import format_amount
from villagebook.services.deliberations import matters as dlb
from villagebook.storage.db import Database
from villagebook.ui.common.table import TranslatedTableModel

Index = QModelIndex | QPersistentModelIndex
BREACH = QColor("#b00020")


class MattersModel(TranslatedTableModel):
    CONTEXT = "MattersModel"
    COLUMNS = (
        QT_TRANSLATE_NOOP("MattersModel", "Matter"),
        QT_TRANSLATE_NOOP("MattersModel", "Category"),
        QT_TRANSLATE_NOOP("MattersModel", "Amount"),
        QT_TRANSLATE_NOOP("MattersModel", "Round"),
        QT_TRANSLATE_NOOP("MattersModel", "Status"),
        QT_TRANSLATE_NOOP("MattersModel", "Last step"),
        QT_TRANSLATE_NOOP("MattersModel", "Next step"),
        QT_TRANSLATE_NOOP("MattersModel", "Rule findings"),
    )

    def __init__(self, db: Database, branch_id: uuid.UUID | None, parent: Any = None) -> None:
        super().__init__(parent)
        self.db = db
        self.branch_id = branch_id
        self.as_of = dt.date.today()
        self._rows: list[dlb.MatterRow] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = []
        if self.branch_id is not None:
            with self.db.read() as session:
                self._rows = dlb.matter_rows(session, self.branch_id, self.as_of)
        self.endResetModel()

    def row_at(self, row: int) -> dlb.MatterRow:
        return self._rows[row]

    def row_of(self, matter_id: uuid.UUID) -> int:
        for index, row in enumerate(self._rows):
            if row.id == matter_id:
                return index
        return -1

    def row_count(self) -> int:
        return len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ForegroundRole and column == 7 and row.codes:
            return QBrush(BREACH)
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return row.title
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = (
            row.title,
            row.category.label,
            format_amount(row.amount_fen),
            str(row.round_no),
            row.status.label,
            row.last_step.label if row.last_step else "",
            row.next_step.label if row.next_step else "",
            " ".join(row.codes),
        )
        return values[column]
