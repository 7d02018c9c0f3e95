"""The meetings page (三会一课): the period calendar, the records of a cell, the quarter's plan.

Every view reloads itself from the Book's change notices (a saved, finalised, amended or
undone record; a plan; a Party group), never from the caller.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from villagebook.domain.common.calendar import quarter_of
from villagebook.domain.meetings.periods import (
    PlanItem,
    PlanItemInput,
)
from villagebook.domain.meetings.values import (
    MeetingKind,
    MeetingStatus,
)
from villagebook.ui.common.ask import Ask
from villagebook.ui.common.form import FormDialog
from villagebook.ui.common.widgets import DateEdit
from villagebook.ui.context import AppContext
from villagebook.ui.meetings.editor import MeetingEditor
from villagebook.ui.meetings.models import PeriodModel
from villagebook.ui.ops import perform

if TYPE_CHECKING:
    from villagebook.services.book import Changes

#: The capabilities whose changes the page shows (Party groups are columns of the grid).
SHOWN = ("meetings", "roster")


class MeetingsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = ctx.book.today()
        self._build()
        self.year.valueChanged.connect(self.reload)
        self.table.clicked.connect(self.show_cell)
        self.table.doubleClicked.connect(self.open_cell)
        self.records.itemDoubleClicked.connect(self.open_item)
        self.plan.started.connect(self.open_record)
        ctx.hub.changed.connect(self._on_changes)
        self.reload()

    def _build(self) -> None:
        self.year = QSpinBox()
        self.year.setRange(1950, 2200)
        self.year.setValue(self.today.year)
        self.year.setPrefix(self.tr("Year "))
        new = QPushButton(self.tr("New record…"))
        new.setObjectName("newMeeting")
        new.clicked.connect(lambda: self.new_record())
        self.legend = QLabel(
            self.tr("Green: held · yellow: draft (*) · red: missing in a complete period")
        )
        bar = QHBoxLayout()
        bar.addWidget(self.year)
        bar.addWidget(new)
        bar.addWidget(self.legend, 1)
        self.model = PeriodModel(self)
        self.table = QTableView()
        self.table.setObjectName("periodTable")
        self.table.setModel(self.model)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setDefaultSectionSize(92)
        # Columns as wide as their kind's name at any font size (文件 → 设置 → 字号).
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.records = QListWidget()
        self.records.setObjectName("cellRecords")
        self.plan = PlanPanel(self.ctx, self)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel(self.tr("Records in the selected cell")))
        side_layout.addWidget(self.records, 1)
        side_layout.addWidget(self.plan, 2)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*SHOWN):
            self.reload()

    def reload(self) -> None:
        if self.ctx.branch_id is None:
            return
        grid = self.ctx.book.meetings.period_grid(self.ctx.branch_id, self.year.value())
        self.model.set_grid(grid, self.today)
        self.records.clear()

    def show_cell(self, index: QModelIndex) -> None:
        self.records.clear()
        for entry in self.model.entries_at(index.row(), index.column()):
            text = f"{entry.held_on.isoformat()}  {entry.title}"
            if entry.status is MeetingStatus.DRAFT:
                text += self.tr("  (draft)")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, str(entry.id))
            self.records.addItem(item)

    def open_cell(self, index: QModelIndex) -> None:
        entries = self.model.entries_at(index.row(), index.column())
        if len(entries) == 1:
            self.open_record(entries[0].id)
        elif not entries:
            column = self.model.columns[index.column()]
            month = index.row() + 1
            day = dt.date(self.model.year, month, 1)
            if (day.year, day.month) == (self.today.year, self.today.month):
                day = self.today
            self.new_record(kind=column.kind, day=min(day, self.today), group_id=column.group_id)

    def open_item(self, item: QListWidgetItem) -> None:
        self.open_record(uuid.UUID(item.data(Qt.ItemDataRole.UserRole)))

    def open_record(self, meeting_id: uuid.UUID) -> None:
        Ask.exec_dialog(MeetingEditor(self.ctx, meeting_id, parent=self))

    def new_record(
        self,
        *,
        kind: MeetingKind = MeetingKind.GENERAL,
        day: dt.date | None = None,
        group_id: uuid.UUID | None = None,
    ) -> None:
        if self.ctx.branch_id is None:
            return
        editor = MeetingEditor(self.ctx, kind=kind, day=day or self.today, parent=self)
        if group_id is not None:
            editor.group.setCurrentIndex(editor.group.findData(str(group_id)))
        Ask.exec_dialog(editor)


class PlanItemDialog(FormDialog):
    """One planned meeting of the quarter; ``save`` adds it to the plan."""

    def __init__(
        self,
        ctx: AppContext,
        year: int,
        quarter: int,
        day: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Planned meeting"), parent)
        assert ctx.branch_id is not None
        self.ctx, self.branch_id = ctx, ctx.branch_id
        self.period = (year, quarter)
        self.kind = QComboBox()
        for kind in MeetingKind:
            self.kind.addItem(kind.label, kind.value)
        self.group = QComboBox()
        self.group.addItem("", None)
        for group in ctx.book.roster.groups(self.branch_id):
            self.group.addItem(group.name, str(group.id))
        self.day = DateEdit(day)
        self.topic = QLineEdit()
        self.add_row(self.tr("Kind"), self.kind)
        self.add_row(self.tr("Party group"), self.group, "group_id")
        self.add_row(self.tr("Date"), self.day, "planned_on")
        self.add_row(self.tr("Topic"), self.topic)
        self.finish_tab_order()

    def item(self) -> PlanItemInput:
        group = self.group.currentData()
        return PlanItemInput(
            MeetingKind(self.kind.currentData()),
            self.day.value() or self.ctx.book.today(),
            self.topic.text(),
            uuid.UUID(group) if group else None,
        )

    def save(self) -> None:
        year, quarter = self.period
        self.ctx.book.meetings.add_plan_item(self.branch_id, year, quarter, self.item())


class PlanPanel(QWidget):
    """The current quarter's plan (季度计划); a planned meeting becomes a draft in one click."""

    started = Signal(uuid.UUID)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        today = ctx.book.today()
        self.year, self.quarter = today.year, quarter_of(today)
        self.title = QLabel()
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("planTable")
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Kind"), self.tr("Topic")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        add = QPushButton(self.tr("Plan a meeting…"))
        add.clicked.connect(self.add_item)
        self.start_button = QPushButton(self.tr("Start the record"))
        self.start_button.setObjectName("startPlanned")
        self.start_button.clicked.connect(self.start_selected)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.items: list[PlanItem] = []
        ctx.hub.changed.connect(self._on_changes)
        self.reload()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("meetings"):
            self.reload()

    def reload(self) -> None:
        self.title.setText(
            self.tr("Plan for quarter %1 of %2")
            .replace("%1", str(self.quarter))
            .replace("%2", str(self.year))
        )
        plan = None
        if self.ctx.branch_id is not None:
            plan = self.ctx.book.meetings.plan(self.ctx.branch_id, self.year, self.quarter)
        self.items = plan.items if plan else []
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            done = self.tr(" (recorded)") if item.meeting_id else ""
            values = [item.planned_on.isoformat(), item.kind.label + done, item.topic]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))

    def add_item(self) -> None:
        if self.ctx.branch_id is None:
            return
        day = self.ctx.book.today()
        Ask.exec_dialog(PlanItemDialog(self.ctx, self.year, self.quarter, day, self))

    def start_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.items):
            return
        item_id = self.items[row].id
        record = perform(self, lambda: self.ctx.book.meetings.start_planned(item_id))
        if record is not None:
            self.started.emit(record.id)
