"""The roster table model: fetches people lazily, 200 rows at a time."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from villagebook.domain.roster.idnumber import mask_id_number, mask_phone
from villagebook.domain.roster.values import PersonRecord, RosterFilter
from villagebook.ui.common.table import TranslatedTableModel

PAGE = 200
Index = QModelIndex | QPersistentModelIndex


class RosterModel(TranslatedTableModel):
    CONTEXT = "RosterModel"
    COLUMNS = (
        QT_TRANSLATE_NOOP("RosterModel", "Name"),
        QT_TRANSLATE_NOOP("RosterModel", "Gender"),
        QT_TRANSLATE_NOOP("RosterModel", "Ethnicity"),
        QT_TRANSLATE_NOOP("RosterModel", "Birth date"),
        QT_TRANSLATE_NOOP("RosterModel", "Education"),
        QT_TRANSLATE_NOOP("RosterModel", "Status"),
        QT_TRANSLATE_NOOP("RosterModel", "Group"),
        QT_TRANSLATE_NOOP("RosterModel", "Committee role"),
        QT_TRANSLATE_NOOP("RosterModel", "ID number"),
        QT_TRANSLATE_NOOP("RosterModel", "Phone"),
    )

    def __init__(self, book: Any, branch_id: uuid.UUID | None, parent: Any = None) -> None:
        super().__init__(parent)
        self.book = book
        self.branch_id = branch_id
        self.filter = RosterFilter()
        self.group_names: dict[uuid.UUID, str] = {}
        self._rows: list[PersonRecord] = []
        self._total = 0
        self.reload()

    def set_filter(self, flt: RosterFilter) -> None:
        self.filter = flt
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._total = 0
        if self.branch_id is not None:
            self._total = self.book.roster.count(self.branch_id, self.filter)
            self.group_names = self.book.roster.group_names(self.branch_id)
            self._append(PAGE)
        self.endResetModel()

    def _append(self, count: int) -> list[PersonRecord]:
        assert self.branch_id is not None
        batch: list[PersonRecord] = self.book.roster.page(
            self.branch_id, self.filter, len(self._rows), count
        )
        self._rows.extend(batch)
        return batch

    @property
    def total(self) -> int:
        return self._total

    def person_at(self, row: int) -> PersonRecord:
        return self._rows[row]

    def row_of(self, person_id: uuid.UUID) -> int | None:
        """The row of a person among those fetched so far (None if not fetched or filtered)."""
        for row, person in enumerate(self._rows):
            if person.id == person_id:
                return row
        return None

    # --- Qt model API -----------------------------------------------------------------

    def row_count(self) -> int:
        return len(self._rows)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        count = min(PAGE, self._total - len(self._rows))
        if count <= 0:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + count - 1)
        batch = self._append(count)
        if len(batch) < count:  # the data changed underneath; keep the model consistent
            del self._rows[first + len(batch) :]
            self._total = len(self._rows)
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._text(self._rows[index.row()], index.column())

    def _text(self, p: PersonRecord, column: int) -> str:
        if column == 3:
            return p.birth_date.isoformat() if p.birth_date else ""
        if column == 5:
            return p.status.label
        if column == 6:
            return self.group_names.get(p.group_id, "") if p.group_id else ""
        if column == 8:
            return mask_id_number(p.id_number)
        if column == 9:
            return mask_phone(p.phone)
        plain = (p.name, p.gender, p.ethnicity, "", p.education, "", "", p.committee_role)
        return plain[column]
