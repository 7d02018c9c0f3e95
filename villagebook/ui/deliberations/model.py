"""The deliberations table (四议两公开): each round with its step, what is next, any breach."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from villagebook.domain.deliberations.amounts import format_amount
from villagebook.domain.deliberations.values import DeliberationSummary
from villagebook.ui.common.table import TranslatedTableModel

if TYPE_CHECKING:
    from villagebook.services.book import Book

Index = QModelIndex | QPersistentModelIndex
BREACH = QColor("#b00020")
FINDINGS_COLUMN = 7


class DeliberationsModel(TranslatedTableModel):
    CONTEXT = "DeliberationsModel"
    COLUMNS = (
        QT_TRANSLATE_NOOP("DeliberationsModel", "Deliberation"),
        QT_TRANSLATE_NOOP("DeliberationsModel", "Category"),
        QT_TRANSLATE_NOOP("DeliberationsModel", "Amount"),
        QT_TRANSLATE_NOOP("DeliberationsModel", "Round"),
        QT_TRANSLATE_NOOP("DeliberationsModel", "Status"),
        QT_TRANSLATE_NOOP("DeliberationsModel", "Last step"),
        QT_TRANSLATE_NOOP("DeliberationsModel", "Next step"),
        QT_TRANSLATE_NOOP("DeliberationsModel", "Rule findings"),
    )

    def __init__(self, book: Book, branch_id: uuid.UUID | None, parent: Any = None) -> None:
        super().__init__(parent)
        self.book = book
        self.branch_id = branch_id
        self._rows: list[DeliberationSummary] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = []
        if self.branch_id is not None:
            self._rows = self.book.deliberations.summaries(self.branch_id)
        self.endResetModel()

    def row_at(self, row: int) -> DeliberationSummary:
        return self._rows[row]

    def row_of(self, deliberation_id: uuid.UUID) -> int:
        for index, row in enumerate(self._rows):
            if row.id == deliberation_id:
                return index
        return -1

    def row_count(self) -> int:
        return len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ForegroundRole and column == FINDINGS_COLUMN and row.codes:
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
