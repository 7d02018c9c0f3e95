"""The 四议两公开 page: the deliberations, one round step by step, and what is next.

The big button under the list always names the next step of the selected round and opens
its editor; withdraw, reject and propose again close or continue a round.  Every change is
one Book operation, so Edit ▸ Undo takes it back (a recorded step included); the page
refreshes itself from the Book's change notices.
"""

from __future__ import annotations

import datetime as dt
import html
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from villagebook.domain.deliberations.values import (
    DeliberationDetail,
    DeliberationInput,
    DeliberationRecord,
    DeliberationStatus,
    DeliberationStepInput,
    StepKind,
)
from villagebook.domain.deliberations.workflow import workflow
from villagebook.ui.common.ask import Ask
from villagebook.ui.context import AppContext
from villagebook.ui.deliberations.detail import detail_html
from villagebook.ui.deliberations.dialogs import (
    DeliberationDialog,
    ReasonDialog,
    StepDialog,
    TextDialog,
)
from villagebook.ui.deliberations.model import DeliberationsModel
from villagebook.ui.deliberations.reports import DECIDED, preview_record, preview_sheet
from villagebook.ui.meetings.link import MeetingLinkField
from villagebook.ui.ops import perform

if TYPE_CHECKING:
    from villagebook.services.book import Changes

IMAGES = "Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp);;PDF (*.pdf)"


class DeliberationsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.book = ctx.book
        self.model = DeliberationsModel(ctx.book, ctx.branch_id, self)
        self.table = QTableView()
        self.table.setObjectName("deliberationsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        # Every column as wide as its text (a matter's name whole at any font size); the
        # last one takes the room left, and a narrow window scrolls instead of eliding.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.detail = QTextBrowser()
        self.detail.setObjectName("deliberationDetail")
        self.next_button = QPushButton()
        self.next_button.setObjectName("nextStep")
        self.next_button.setMinimumHeight(36)
        self.next_button.clicked.connect(self.record_next)
        self.next_label = QLabel()
        self._build_actions()
        self._build_layout()
        ctx.hub.changed.connect(self._on_changes)
        if self.model.rowCount() > 0:
            self.table.selectRow(0)
        self._update()

    def _build_actions(self) -> None:
        def action(text: str, slot: Callable[[], None]) -> QAction:
            made = QAction(text, self)
            made.triggered.connect(lambda _checked=False: slot())
            return made

        self.new_action = action(self.tr("New deliberation…"), self.new_deliberation)
        self.edit_action = action(self.tr("Edit…"), self.edit_deliberation)
        self.text_action = action(self.tr("Edit text…"), self.edit_text)
        self.withdraw_action = action(self.tr("Withdraw…"), self.withdraw)
        self.reject_action = action(self.tr("Reject…"), self.reject)
        self.repropose_action = action(self.tr("Propose again"), self.repropose)
        self.photo_action = action(self.tr("Add photo of the posting…"), self.add_photo)
        self.end_action = action(self.tr("Posting ended…"), self.end_posting)
        self.record_print_action = action(self.tr("Print the record…"), self.preview_record)
        self.record_print_action.setToolTip(
            self.tr("Preview the decision record (四议两公开工作记录), print it or save a PDF")
        )
        self.sheet_print_action = action(self.tr("Print the publicity sheet…"), self.preview_sheet)
        self.actions_in_bar = [
            self.new_action,
            self.edit_action,
            self.text_action,
            self.withdraw_action,
            self.reject_action,
            self.repropose_action,
            self.photo_action,
            self.end_action,
            self.record_print_action,
            self.sheet_print_action,
        ]

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        for action in self.actions_in_bar:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            bar.addWidget(button)
        bar.addStretch(1)
        lower = QWidget()
        column = QVBoxLayout(lower)
        column.setContentsMargins(0, 0, 0, 0)
        next_row = QHBoxLayout()
        next_row.addWidget(self.next_label, 1)
        next_row.addWidget(self.next_button)
        column.addLayout(next_row)
        column.addWidget(self.detail)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter)

    # --- selection and display ----------------------------------------------------------

    def selected_id(self) -> uuid.UUID | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).id if rows else None

    def select_deliberation(self, deliberation_id: uuid.UUID) -> None:
        row = self.model.row_of(deliberation_id)
        if row >= 0:
            self.table.selectRow(row)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("deliberations", "attachments"):
            self.refresh()

    def refresh(self) -> None:
        """Reload after a change, keeping the selection."""
        selected = self.selected_id()
        self.model.reload()
        if selected is not None:
            self.select_deliberation(selected)
        self._update()

    def _selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self._update()

    def _update(self) -> None:
        deliberation_id = self.selected_id()
        if deliberation_id is None:
            self.detail.setHtml(html.escape(self.tr("No deliberation selected.")))
            self.next_label.setText("")
            self.next_button.setEnabled(False)
            self.next_button.setText(self.tr("Record the next step"))
            for a in self.actions_in_bar[1:]:
                a.setEnabled(False)
            return
        detail = self.book.deliberations.detail(deliberation_id)
        self.detail.setHtml(detail_html(detail))
        self._show_next(detail)
        status = detail.deliberation.status
        self.edit_action.setEnabled(not detail.steps and not status.closed)
        self.text_action.setEnabled(not status.closed)
        self.withdraw_action.setEnabled(not status.closed)
        self.reject_action.setEnabled(not status.closed)
        self.repropose_action.setEnabled(
            status is DeliberationStatus.REJECTED and not detail.proposed_again
        )
        publication = detail.last_publication
        self.photo_action.setEnabled(publication is not None)
        self.end_action.setEnabled(publication is not None and publication.posted_until is None)

    def _show_next(self, detail: DeliberationDetail) -> None:
        following = detail.next_step
        if following is not None:
            self.next_label.setText(self.tr("What is next: %1").replace("%1", following.label))
            self.next_button.setText(self.tr("Record: %1…").replace("%1", following.label))
        else:
            self.next_label.setText(detail.deliberation.status.label)
            self.next_button.setText(self.tr("Record the next step"))
        self.next_button.setEnabled(following is not None)

    # --- edits (each one a Book operation, undoable from the Edit menu) -----------------

    def _selected_detail(self) -> DeliberationDetail | None:
        """The selected round as it stands now."""
        deliberation_id = self.selected_id()
        return self.book.deliberations.detail(deliberation_id) if deliberation_id else None

    def new_deliberation(self) -> None:
        branch_id = self.ctx.branch_id
        if branch_id is None:
            return
        created: list[DeliberationRecord] = []

        def save(data: DeliberationInput) -> None:
            created.append(self.book.deliberations.create(branch_id, data))

        dialog = DeliberationDialog(save, parent=self)
        if Ask.exec_dialog(dialog) and created:
            self.select_deliberation(created[0].id)

    def edit_deliberation(self) -> None:
        deliberation_id = self.selected_id()
        if deliberation_id is None:
            return
        old = self.book.deliberations.input_of(deliberation_id)

        def save(data: DeliberationInput) -> None:
            self.book.deliberations.update(deliberation_id, data)

        Ask.exec_dialog(DeliberationDialog(save, old, self, with_text=False))

    def edit_text(self) -> None:
        detail = self._selected_detail()
        if detail is None:
            return
        deliberation_id = detail.deliberation.id

        def save(body: str) -> None:
            self.book.deliberations.edit_text(deliberation_id, body)

        Ask.exec_dialog(TextDialog(save, detail.current_text, self))

    def record_next(self) -> None:
        deliberation_id = self.selected_id()
        if deliberation_id is None:
            return
        dialog = step_dialog(self.ctx, deliberation_id, self)
        if dialog is not None:
            Ask.exec_dialog(dialog)

    def preview_record(self) -> None:
        deliberation_id = self.selected_id()
        if deliberation_id is not None:
            preview_record(self.ctx, self, deliberation_id)

    def preview_sheet(self) -> None:
        detail = self._selected_detail()
        if detail is not None and detail.deliberation.status in DECIDED:
            preview_sheet(self.ctx, self, detail.deliberation.id)

    def _close(self, title: str, close: Callable[[uuid.UUID, str, dt.date], object]) -> None:
        deliberation_id = self.selected_id()
        if deliberation_id is None:
            return

        def save(reason: str, day: dt.date) -> None:
            close(deliberation_id, reason, day)

        Ask.exec_dialog(ReasonDialog(title, save, self))

    def withdraw(self) -> None:
        self._close(self.tr("Withdraw the deliberation"), self.book.deliberations.withdraw)

    def reject(self) -> None:
        self._close(self.tr("The deliberation was not approved"), self.book.deliberations.reject)

    def repropose(self) -> None:
        deliberation_id = self.selected_id()
        if deliberation_id is None:
            return
        created = perform(self, lambda: self.book.deliberations.repropose(deliberation_id))
        if created is not None:
            self.select_deliberation(created.id)

    def add_photo(self) -> None:
        detail = self._selected_detail()
        publication = detail.last_publication if detail else None
        if publication is None:
            return
        path = Ask.open_file(self, self.tr("Photo of the posting"), IMAGES)
        if path is None:
            return
        perform(self, lambda: self.book.deliberations.attach_photo(publication.id, path))

    def end_posting(self) -> None:
        detail = self._selected_detail()
        publication = detail.last_publication if detail else None
        if publication is None:
            return
        text = Ask.text(self, self.tr("Posting ended"), self.tr("Last day posted (YYYY-MM-DD)"))
        if not text:
            return
        try:
            day = dt.date.fromisoformat(text.strip())
        except ValueError:
            Ask.inform(
                self, self.tr("Posting ended"), self.tr("Not a date: %1").replace("%1", text)
            )
            return
        perform(self, lambda: self.book.deliberations.end_publication(publication.id, day))


def step_dialog(
    ctx: AppContext, deliberation_id: uuid.UUID, parent: QWidget | None
) -> StepDialog | None:
    """The editor of a deliberation's next step (from the page, or reopened after a crash)."""
    book = ctx.book
    detail = book.deliberations.detail(deliberation_id)
    if detail.next_step is None:
        return None
    record = detail.deliberation
    flow = workflow(record.workflow)
    step = flow.step(detail.next_step)
    branch_id = record.branch_id
    link = None
    if step.kind is StepKind.MEMBER_MEETING:
        link = MeetingLinkField(
            ctx,
            lambda: [
                (m.id, m.held_on, m.title) for m in book.deliberations.general_meetings(branch_id)
            ],
            f"审议“{record.title}”（四议两公开）",  # i18n: stored (the record's topic)
            QCoreApplication.translate("StepDialog", "(no meeting record: type the counts here)"),
        )

    def save(data: DeliberationStepInput) -> None:
        book.deliberations.record_step(record.id, data)

    dialog = StepDialog(
        step,
        save,
        text=detail.current_text,
        may_join=step.kind is StepKind.PROPOSAL and flow.may_join_proposal,
        voting=lambda day: book.deliberations.voting_members(branch_id, day),
        parent=parent,
        link=link,
    )
    reopen = {"dialog": "deliberation-step", "deliberation_id": str(deliberation_id)}
    title = f"{record.title}：{dialog.windowTitle()}"
    dialog.keep_drafts(
        book.drafts, f"deliberation-step:{deliberation_id}:{step.kind.value}", title, reopen
    )
    return dialog
