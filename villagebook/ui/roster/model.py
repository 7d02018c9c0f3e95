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
from villagebook.services.roster import queries as roster_queries
from villagebook.storage.db import Database
from villagebook.storage.models import Person
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

    def __init__(self, db: Database, branch_id: uuid.UUID | None, parent: Any = None) -> None:
        super().__init__(parent)
        self.db = db
        self.branch_id = branch_id
        self.filter = roster_queries.RosterFilter()
        self.group_names: dict[uuid.UUID, str] = {}
        self._rows: list[Person] = []
        self._total = 0
        self.reload()

    def set_filter(self, flt: roster_queries.RosterFilter) -> None:
        self.filter = flt
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._total = 0
        if self.branch_id is not None:
            from villagebook.services.roster import queries as roster_queries

            with self.db.read() as session:
                self._total = roster_queries.count_people(session, self.branch_id, self.filter)
                self.group_names = {
                    g.id: g.name for g in roster_queries.list_groups(session, self.branch_id)
                }
                self._append(session, PAGE)
        self.endResetModel()

    def _append(self, session: Any, count: int) -> list[Person]:
        assert self.branch_id is not None
        batch = roster_queries.page_people(
            session, self.branch_id, self.filter, len(self._rows), count
        )
        self._rows.extend(batch)
        return batch

    @property
    def total(self) -> int:
        return self._total

    def person_at(self, row: int) -> Person:
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
        with self.db.read() as session:
            batch = self._append(session, count)
        if len(batch) < count:  # the data changed underneath; keep the model consistent
            del self._rows[first + len(batch) :]
            self._total = len(self._rows)
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._text(self._rows[index.row()], index.column())

    def _text(self, p: Person, column: int) -> str:
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
