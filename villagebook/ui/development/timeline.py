"""The case view's timeline: the 25 steps with done / due / overdue / not yet."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from villagebook.domain.common.i18n import label
from villagebook.domain.development.values import TimelineEntry, TimelineState
from villagebook.ui.common.table import TranslatedTableModel

Index = QModelIndex | QPersistentModelIndex

STATE_LABELS = {
    TimelineState.DONE: QT_TRANSLATE_NOOP("TimelineModel", "Done"),
    TimelineState.OVERDUE: QT_TRANSLATE_NOOP("TimelineModel", "Overdue"),
    TimelineState.DUE: QT_TRANSLATE_NOOP("TimelineModel", "Next"),
    TimelineState.WAITING: QT_TRANSLATE_NOOP("TimelineModel", "Not yet"),
}
STATE_COLOURS = {
    TimelineState.DONE: "#e8f5e9",
    TimelineState.OVERDUE: "#fdecea",
    TimelineState.DUE: "#fff4e0",
    TimelineState.WAITING: "#ffffff",
}


def people_text(entry: TimelineEntry) -> str:
    return "、".join(f"{role.label}：{name}" for role, name in entry.people)


class TimelineModel(TranslatedTableModel):
    CONTEXT = "TimelineModel"
    COLUMNS = (
        QT_TRANSLATE_NOOP("TimelineModel", "No."),
        QT_TRANSLATE_NOOP("TimelineModel", "Stage"),
        QT_TRANSLATE_NOOP("TimelineModel", "Step"),
        QT_TRANSLATE_NOOP("TimelineModel", "Date / due"),
        QT_TRANSLATE_NOOP("TimelineModel", "State"),
        QT_TRANSLATE_NOOP("TimelineModel", "People"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[TimelineEntry] = []

    def set_rows(self, rows: list[TimelineEntry]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_count(self) -> int:
        return len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(STATE_COLOURS[row.state]))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == 4:
            return QCoreApplication.translate("TimelineModel", str(STATE_LABELS[row.state]))
        date = row.date.isoformat() if row.date else ""
        texts = (
            str(row.number),
            label(row.stage_name),
            label(row.name),
            date,
            "",
            people_text(row),
        )
        return texts[column]
