"""The case view's timeline: the 25 steps with done / due / overdue / not yet."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from villagebook.domain.common.rules import RuleSet
from villagebook.domain.development.facts import CaseFacts
from villagebook.domain.development.schedule import next_due
from villagebook.ui.common.table import TranslatedTableModel

Index = QModelIndex | QPersistentModelIndex

DONE, OVERDUE, DUE, WAITING = "done", "overdue", "due", "waiting"
STATE_LABELS = {
    DONE: QT_TRANSLATE_NOOP("TimelineModel", "Done"),
    OVERDUE: QT_TRANSLATE_NOOP("TimelineModel", "Overdue"),
    DUE: QT_TRANSLATE_NOOP("TimelineModel", "Next"),
    WAITING: QT_TRANSLATE_NOOP("TimelineModel", "Not yet"),
}
STATE_COLOURS = {DONE: "#e8f5e9", OVERDUE: "#fdecea", DUE: "#fff4e0", WAITING: "#ffffff"}


@dataclass(frozen=True)
class TimelineRow:
    number: int
    stage: str
    name: str
    date: str
    state: str
    people: str


def timeline_rows(facts: CaseFacts, as_of: dt.date, rules: RuleSet) -> list[TimelineRow]:
    wf = facts.workflow
    dates = {n: s.done_on for n, s in facts.steps.items()}
    nxt = next_due(wf, dates, facts.assessments, facts.extensions, rules)
    rows = []
    for step in wf.steps:
        done = facts.steps.get(step.number)
        if done is not None:
            state, date = DONE, done.done_on.isoformat()
        elif facts.is_open and step.number == nxt.step:
            state = OVERDUE if nxt.due and nxt.due < as_of else DUE
            date = nxt.due.isoformat() if nxt.due else ""
        else:
            state, date = WAITING, ""
        people = "、".join(f"{p.role.label}：{p.name}" for p in done.people) if done else ""
        rows.append(
            TimelineRow(step.number, wf.stage(step.stage).name, step.name, date, state, people)
        )
    return rows


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
        self.rows: list[TimelineRow] = []

    def set_rows(self, rows: list[TimelineRow]) -> None:
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
        return (str(row.number), row.stage, row.name, row.date, "", row.people)[column]
