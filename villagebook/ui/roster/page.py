"""The roster page (花名册): search, filter by status and group, the people table, edits."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from villagebook.domain.roster.validation import PersonInput
from villagebook.domain.roster.values import PartyStatus, RosterFilter
from villagebook.ui.common.ask import Ask
from villagebook.ui.roster.dialogs import (
    GroupDialog,
    HistoryDialog,
    PersonDialog,
    StatusDialog,
    group_of,
)
from villagebook.ui.roster.model import RosterModel

if TYPE_CHECKING:
    from villagebook.ui.context import AppContext

SEARCH_DELAY_MS = 150


class RosterTable(QTableView):
    """The people table; Enter opens the selected person like a double-click."""

    open_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit()
            return
        super().keyPressEvent(event)


class RosterPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = RosterModel(ctx.book, ctx.branch_id, self)
        ctx.hub.changed.connect(self._on_changes)
        self.search = QLineEdit()
        self.search.setObjectName("rosterSearch")
        self.search.setPlaceholderText(self.tr("Search name, phone or ID number (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance("x" * 42))
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), None)
        for status in PartyStatus:
            self.status.addItem(status.label, status)
        self.group = QComboBox()
        self._fill_groups()
        self.count = QLabel()
        self._build_actions()
        bar = QHBoxLayout()
        for action in (self.new_action, self.edit_action, self.status_action, self.group_action):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            bar.addWidget(button)
        bar.addSpacing(12)
        bar.addWidget(self.search, 2)
        bar.addWidget(self.status)
        bar.addWidget(self.group)
        bar.addWidget(self.count)
        self.table = RosterTable()
        self.table.setObjectName("rosterTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(lambda _index: self.edit_person())
        self.table.open_requested.connect(self.edit_person)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.status.currentIndexChanged.connect(self.apply_filter)
        self.group.currentIndexChanged.connect(self.apply_filter)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self._after_reload()

    def _build_actions(self) -> None:
        def action(text: str, slot: Any) -> QAction:
            act = QAction(text, self)
            act.triggered.connect(lambda _checked=False: slot())
            return act

        self.new_action = action(self.tr("New person…"), self.new_person)
        self.new_action.setToolTip(self.tr("Add a person to the roster (Ctrl+N)"))
        self.edit_action = action(self.tr("Edit…"), self.edit_person)
        self.status_action = action(self.tr("Change status…"), self.change_status)
        self.group_action = action(self.tr("Party group…"), self.assign_group)
        self.history_action = action(self.tr("History…"), self.show_history)

    def _fill_groups(self) -> None:
        current = self.group.currentData()
        self.group.blockSignals(True)
        self.group.clear()
        self.group.addItem(self.tr("All groups"), "")
        for group_id, name in self.model.group_names.items():
            self.group.addItem(name, str(group_id))
        self.group.setCurrentIndex(max(self.group.findData(current), 0))
        self.group.blockSignals(False)

    # --- list -------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def apply_filter(self) -> None:
        self._search_timer.stop()
        self.model.set_filter(
            RosterFilter(
                search=self.search.text(),
                status=PartyStatus(status) if (status := self.status.currentData()) else None,
                group_id=group_of(self.group),
            )
        )
        self._after_reload()

    def _on_changes(self, changes: Any) -> None:
        if changes.touches("roster"):
            self.refresh()

    def select_person(self, person_id: uuid.UUID) -> None:
        row = self.model.row_of(person_id)
        if row is not None:
            self.table.selectRow(row)

    def refresh(self, select: uuid.UUID | None = None) -> None:
        """Reload after a change, keeping (or moving) the selection to ``select``."""
        keep = select or self.selected_id()
        self.model.reload()
        self._fill_groups()
        self._after_reload()
        if keep is not None:
            row = self.model.row_of(keep)
            if row is not None:
                self.table.selectRow(row)

    def _after_reload(self) -> None:
        self.count.setText(self.tr("%n people", "", self.model.total))
        self.table.resizeColumnsToContents()
        self._update_actions()

    def _update_actions(self) -> None:
        has = self.selected_id() is not None
        for act in (
            self.edit_action,
            self.status_action,
            self.group_action,
            self.history_action,
        ):
            act.setEnabled(has)
        self.new_action.setEnabled(self.ctx.branch_id is not None)

    def selected_id(self) -> uuid.UUID | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.person_at(rows[0].row()).id

    def _context_menu(self, pos: QPoint) -> None:
        index: QModelIndex = self.table.indexAt(pos)
        if index.isValid():
            self.table.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction(self.edit_action)
        menu.addAction(self.status_action)
        menu.addAction(self.group_action)
        menu.addAction(self.history_action)
        from villagebook.ui.safety.history import change_log_action  # the audit trail

        name = self.model.person_at(index.row()).name if index.isValid() else ""
        change_log_action(menu, self, self.ctx.book, self.selected_id(), name)
        menu.addSeparator()
        menu.addAction(self.new_action)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    # --- edits (each one a Book operation, undoable from the Edit menu) -----------------

    def new_person(self) -> None:
        if self.ctx.branch_id is None:
            return
        book, branch_id = self.ctx.book, self.ctx.branch_id

        added: list[uuid.UUID] = []
        cases: list[uuid.UUID] = []

        def save(data: PersonInput, extra: dict[str, Any]) -> None:
            if extra["status"] is PartyStatus.APPLICANT:  # one path: the case with step 1
                case = book.development.add_applicant(
                    branch_id,
                    data,
                    extra["status_on"] or book.today(),
                    group_id=extra["group_id"],
                )
                added.append(case.person_id)
                cases.append(case.id)
                return
            person = book.roster.add_person(
                branch_id,
                data,
                status=extra["status"],
                status_on=extra["status_on"],
                group_id=extra["group_id"],
            )
            added.append(person.id)

        dialog = PersonDialog(save, self.model.group_names, None, self)
        dialog.keep_drafts(
            book.drafts, f"person:new:{branch_id}", self.tr("New person"), {"dialog": "person-new"}
        )
        if Ask.exec_dialog(dialog) and added:
            self.select_person(added[0])
            if cases:
                open_case(self.ctx, cases[0], self)

    def _selected_person(self) -> Any:
        person_id = self.selected_id()
        if person_id is None:
            return None
        return self.ctx.book.roster.person(person_id)

    def edit_person(self) -> None:
        person = self._selected_person()
        if person is None:
            return
        book = self.ctx.book
        old = book.roster.person_input(person.id)

        def save(data: PersonInput, _extra: object) -> None:
            if data != old:
                book.roster.update_person(person.id, data)

        Ask.exec_dialog(PersonDialog(save, self.model.group_names, person, self))

    def change_status(self) -> None:
        person = self._selected_person()
        if person is None:
            return
        book = self.ctx.book

        cases: list[uuid.UUID] = []

        def save(status: PartyStatus, day: dt.date, note: str) -> None:
            if status is PartyStatus.APPLICANT and person.status is not PartyStatus.APPLICANT:
                # one path for a new applicant: the development case opens with step 1
                assert self.ctx.branch_id is not None
                cases.append(book.development.start_case(self.ctx.branch_id, person.id, day).id)
                return
            book.roster.change_status(person.id, status, day, note)

        if Ask.exec_dialog(StatusDialog(save, person.name, person.status, self)) and cases:
            open_case(self.ctx, cases[0], self)

    def assign_group(self) -> None:
        person = self._selected_person()
        if person is None:
            return
        book = self.ctx.book

        def save(group_id: uuid.UUID | None, day: dt.date) -> None:
            book.roster.assign_group(person.id, group_id, day)

        dialog = GroupDialog(save, person.name, self.model.group_names, person.group_id, self)
        Ask.exec_dialog(dialog)

    def show_history(self) -> None:
        person = self._selected_person()
        if person is None:
            return
        book = self.ctx.book
        statuses = book.roster.status_history(person.id)
        assignments = book.roster.group_history(person.id)
        groups = book.roster.group_names(person.branch_id)
        Ask.exec_dialog(HistoryDialog(person.name, statuses, assignments, groups, self))


def open_case(ctx: AppContext, case_id: uuid.UUID, parent: QWidget) -> None:
    """Show a development case (after an applicant was recorded from the roster)."""
    from villagebook.ui.development.case_view import CaseView

    view = CaseView(ctx, case_id, parent)
    Ask.exec_dialog(view)
    view.deleteLater()
