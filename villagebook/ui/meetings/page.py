"""The meetings page (三会一课): the period calendar, the records of a cell, the quarter's plan."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
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
from villagebook.domain.meetings.values import MeetingKind
from villagebook.services.meetings import plans, views
from villagebook.services.roster import queries as roster_queries
from villagebook.ui.meetings.models import PeriodModel, period_columns


class Dialogs:
    """Every modal step of the meetings window, behind class methods a test can replace."""

    @classmethod
    def exec(cls, dialog: QDialog) -> bool:
        return bool(dialog.exec())

    @classmethod
    def confirm(cls, parent: QWidget | None, title: str, text: str) -> bool:
        return QMessageBox.question(parent, title, text) == QMessageBox.StandardButton.Yes

    @classmethod
    def open_file(cls, parent: QWidget | None, title: str, filters: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
        return Path(name) if name else None

    @classmethod
    def save_file(cls, parent: QWidget | None, title: str, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, title, suggested, "PDF (*.pdf)")
        return Path(name) if name else None

    @classmethod
    def text(cls, parent: QWidget | None, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(parent, title, label)
        return text if ok else None


class MeetingsPage(QWidget):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = dt.date.today()
        self.year = QSpinBox()
        self.year.setRange(1950, 2200)
        self.year.setValue(self.today.year)
        self.year.setPrefix(self.tr("Year "))
        new = QPushButton(self.tr("New record…"))
        new.setObjectName("newMeeting")
        new.clicked.connect(self.new_record)
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
        self.records = QListWidget()
        self.records.setObjectName("cellRecords")
        self.plan = PlanPanel(ctx, self)
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
        self.year.valueChanged.connect(self.reload)
        self.table.clicked.connect(self.show_cell)
        self.table.doubleClicked.connect(self.open_cell)
        self.records.itemDoubleClicked.connect(self.open_item)
        self.plan.started.connect(self.open_record)
        self.reload()

    def reload(self) -> None:
        if self.ctx.branch_id is None:
            return
        year = self.year.value()
        with self.ctx.db.read() as session:
            branch = roster_queries.get_branch(session, self.ctx.branch_id)
            groups = [(g.id, g.name) for g in roster_queries.list_groups(session, branch.id)]
            entries = views.calendar_entries(
                session, branch.id, dt.date(year, 1, 1), dt.date(year, 12, 31)
            )
            first = views.first_meeting_date(session, branch.id)
        self.model.set_data(
            year,
            period_columns(branch.has_committee, groups),
            entries,
            first=first,
            today=self.today,
        )
        self.records.clear()
        self.plan.reload()

    def show_cell(self, index: QModelIndex) -> None:
        self.records.clear()
        for entry in self.model.entries_at(index.row(), index.column()):
            text = f"{entry.held_on.isoformat()}  {entry.title}"
            if entry.status.value == "draft":
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
        from villagebook.ui.meetings.editor import MeetingEditor

        Dialogs.exec(MeetingEditor(self.ctx, meeting_id, parent=self))
        self.reload()

    def new_record(
        self,
        *,
        kind: MeetingKind = MeetingKind.GENERAL,
        day: dt.date | None = None,
        group_id: uuid.UUID | None = None,
    ) -> None:
        from villagebook.ui.meetings.editor import MeetingEditor

        if self.ctx.branch_id is None:
            return
        editor = MeetingEditor(self.ctx, kind=kind, day=day or self.today, parent=self)
        if group_id is not None:
            editor.group.setCurrentIndex(editor.group.findData(str(group_id)))
        Dialogs.exec(editor)
        self.reload()


class PlanItemDialog(QDialog):
    """One planned meeting of the quarter."""

    def __init__(self, groups: list[tuple[uuid.UUID, str]], day: dt.date, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Planned meeting"))
        self.kind = QComboBox()
        for kind in MeetingKind:
            self.kind.addItem(kind.label, kind.value)
        self.group = QComboBox()
        self.group.addItem("", None)
        for gid, name in groups:
            self.group.addItem(name, str(gid))
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setDate(QDate(day.year, day.month, day.day))
        self.topic = QLineEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Party group"), self.group)
        form.addRow(self.tr("Date"), self.day)
        form.addRow(self.tr("Topic"), self.topic)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def item(self) -> plans.PlanItemInput:
        q = self.day.date()
        group = self.group.currentData()
        return plans.PlanItemInput(
            MeetingKind(self.kind.currentData()),
            dt.date(q.year(), q.month(), q.day()),
            self.topic.text(),
            uuid.UUID(group) if group else None,
        )


class PlanPanel(QWidget):
    """The current quarter's plan (季度计划); a planned meeting becomes a draft in one click."""

    started = Signal(uuid.UUID)

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        today = dt.date.today()
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
        self.items: list[Any] = []

    def reload(self) -> None:
        self.title.setText(
            self.tr("Plan for quarter %1 of %2")
            .replace("%1", str(self.quarter))
            .replace("%2", str(self.year))
        )
        self.items = []
        if self.ctx.branch_id is not None:
            with self.ctx.db.read() as session:
                plan = plans.plan_for(session, self.ctx.branch_id, self.year, self.quarter)
                self.items = plans.plan_items(session, plan.id) if plan else []
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            done = self.tr(" (recorded)") if item.meeting_id else ""
            values = [item.planned_on.isoformat(), item.kind.label + done, item.topic]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))

    def add_item(self) -> None:
        from villagebook.ui.errors import show_error

        with self.ctx.db.read() as session:
            groups = [
                (g.id, g.name) for g in roster_queries.list_groups(session, self.ctx.branch_id)
            ]
        dialog = PlanItemDialog(groups, dt.date.today(), self)
        if not Dialogs.exec(dialog):
            return
        existing = [
            plans.PlanItemInput(i.kind, i.planned_on, i.topic, i.group_id)
            for i in self.items
            if i.meeting_id is None
        ]
        try:
            with self.ctx.db.write() as session:
                plans.save_plan(
                    session, self.ctx.branch_id, self.year, self.quarter, [*existing, dialog.item()]
                )
        except Exception as exc:
            show_error(self, exc)
        self.reload()

    def start_selected(self) -> None:
        from villagebook.ui.errors import show_error

        row = self.table.currentRow()
        if row < 0 or row >= len(self.items):
            return
        try:
            with self.ctx.db.write() as session:
                meeting = plans.start_planned(session, self.items[row].id)
                meeting_id = meeting.id
        except Exception as exc:
            show_error(self, exc)
            return
        self.reload()
        self.started.emit(meeting_id)
