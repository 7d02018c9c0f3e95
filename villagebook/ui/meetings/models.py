"""Table models of the meetings window: the period calendar and the attendance grid."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from villagebook.domain.meetings.periods import (
    MeetingEntry,
    PeriodColumn,
    PeriodGrid,
)
from villagebook.domain.meetings.values import (
    AttendanceInput,
    MeetingKind,
    MeetingStatus,
    Presence,
)

Index = QModelIndex | QPersistentModelIndex
GAP = QColor("#f6d5d5")
HELD = QColor("#e3f1e3")
DRAFT = QColor("#fff3cd")
MONTHLY = frozenset({MeetingKind.COMMITTEE, MeetingKind.GROUP, MeetingKind.THEME_DAY})
QUARTERLY = frozenset({MeetingKind.GENERAL, MeetingKind.LESSON})
YEARLY = frozenset({MeetingKind.ORG_LIFE, MeetingKind.APPRAISAL, MeetingKind.TALKS})


class PeriodModel(QAbstractTableModel):
    """Months × kinds for one year; a cell lists the meetings held or shows a visible gap.

    A gap is a complete month (quarter, year) after the branch's first record in which a
    required kind has no record; the current period is never a gap.
    """

    IdsRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.year = dt.date.today().year
        self.today = dt.date.today()
        self.first: dt.date | None = None
        self.columns: list[PeriodColumn] = []
        self.cells: dict[tuple[int, int], list[MeetingEntry]] = {}

    def set_grid(self, grid: PeriodGrid, today: dt.date) -> None:
        self.set_data(grid.year, grid.columns, grid.entries, first=grid.first, today=today)

    def set_data(
        self,
        year: int,
        columns: list[PeriodColumn],
        entries: list[MeetingEntry],
        *,
        first: dt.date | None,
        today: dt.date,
    ) -> None:
        self.beginResetModel()
        self.year, self.columns, self.first, self.today = year, columns, first, today
        self.cells = {}
        for entry in entries:
            for col, column in enumerate(self.columns):
                if column.kind is entry.kind and (
                    column.group_id is None or column.group_id == entry.group_id
                ):
                    self.cells.setdefault((entry.held_on.month - 1, col), []).append(entry)
        self.endResetModel()

    def entries_at(self, row: int, col: int) -> list[MeetingEntry]:
        return self.cells.get((row, col), [])

    def _span(self, kind: MeetingKind, month: int) -> tuple[dt.date, dt.date, list[int]]:
        """The period (start, end, month rows) a cell's requirement is counted over."""
        if kind in MONTHLY:
            months = [month]
        elif kind in QUARTERLY:
            first = 3 * ((month - 1) // 3) + 1
            months = [first, first + 1, first + 2]
        else:
            months = list(range(1, 13))
        start = dt.date(self.year, months[0], 1)
        last = months[-1]
        end = (
            dt.date(self.year + 1, 1, 1) if last == 12 else dt.date(self.year, last + 1, 1)
        ) - dt.timedelta(days=1)
        return start, end, [m - 1 for m in months]

    def is_gap(self, row: int, col: int) -> bool:
        column = self.columns[col]
        _start, end, rows = self._span(column.kind, row + 1)
        if self.first is None or end >= self.today or end < self.first:
            return False
        if rows[-1] != row:
            return False  # a quarter's or year's gap shows in its last month
        return not any(self.cells.get((r, col)) for r in rows)

    # --- Qt model API -----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 12

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title if 0 <= section < len(self.columns) else None
        return QCoreApplication.translate("PeriodModel", "Month %n", "", section + 1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entries = self.entries_at(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if entries:
                return "、".join(self._day_text(e) for e in entries)
            if self.is_gap(index.row(), index.column()):
                return QCoreApplication.translate("PeriodModel", "missing")
            return ""
        if role == Qt.ItemDataRole.BackgroundRole:
            if entries:
                drafts = any(e.status is MeetingStatus.DRAFT for e in entries)
                return QBrush(DRAFT if drafts else HELD)
            if self.is_gap(index.row(), index.column()):
                return QBrush(GAP)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(f"{e.held_on.isoformat()} {e.title}" for e in entries) or None
        if role == self.IdsRole:
            return [str(e.id) for e in entries]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _day_text(self, entry: MeetingEntry) -> str:
        text = QCoreApplication.translate("PeriodModel", "day %n", "", entry.held_on.day)
        if entry.status is MeetingStatus.DRAFT:
            text += "*"
        return text


class AttendanceModel(QAbstractTableModel):
    """The attendance grid: everyone expected, present by default."""

    NAME, VOTE, PRESENCE, REASON = range(4)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[AttendanceInput] = []
        self.voting: set[uuid.UUID] = set()
        self.read_only = False

    def set_rows(self, rows: list[AttendanceInput], voting: set[uuid.UUID]) -> None:
        self.beginResetModel()
        self.rows = [r for r in rows if r.expected]
        self.voting = voting
        self.endResetModel()

    def counts(self) -> dict[Presence, int]:
        found = dict.fromkeys(Presence, 0)
        for row in self.rows:
            found[row.presence] += 1
        return found

    def raw(self, row: int, column: int) -> Any:
        item = self.rows[row]
        return item.presence if column == self.PRESENCE else item.reason

    def apply(self, row: int, column: int, value: Any) -> None:
        item = self.rows[row]
        if column == self.PRESENCE:
            item.presence = Presence(value)
        else:
            item.reason = str(value)
        first, last = self.index(row, self.PRESENCE), self.index(row, self.REASON)
        self.dataChanged.emit(first, last)

    # --- Qt model API -----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = (
            QCoreApplication.translate("AttendanceModel", "Name"),
            QCoreApplication.translate("AttendanceModel", "Vote"),
            QCoreApplication.translate("AttendanceModel", "Attendance"),
            QCoreApplication.translate("AttendanceModel", "Reason"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() >= self.PRESENCE and not self.read_only:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == self.NAME:
                return item.name
            if column == self.VOTE:
                has_vote = item.person_id in self.voting
                return (
                    QCoreApplication.translate("AttendanceModel", "yes")
                    if has_vote
                    else QCoreApplication.translate("AttendanceModel", "no")
                )
            if column == self.PRESENCE:
                if role == Qt.ItemDataRole.EditRole:
                    return item.presence.value
                return item.presence.label
            return item.reason
        if (
            role == Qt.ItemDataRole.BackgroundRole
            and column == self.PRESENCE
            and item.presence is not Presence.PRESENT
        ):
            return QBrush(GAP)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self.read_only:
            return False
        column = index.column()
        if column == self.PRESENCE:
            try:
                value = Presence(value)
            except ValueError:
                return False
        elif column != self.REASON:
            return False
        if self.raw(index.row(), column) == value:
            return False
        self.apply(index.row(), column, value)
        return True
