"""The case view: a person's 25 steps as a timeline, and what can be done next.

It shows ``book.development.case(...)`` and reloads itself from the Book's change notices
(a recorded step, its undo, a roster change), so no caller has to refresh it.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from villagebook.domain.common.errors import NotFoundError
from villagebook.domain.common.i18n import label
from villagebook.domain.development.values import DevelopmentCaseRecord
from villagebook.domain.development.workflow import DevelopmentStepDef
from villagebook.ui.common.ask import Ask
from villagebook.ui.common.screen import fit_dialog
from villagebook.ui.context import AppContext
from villagebook.ui.development.dialogs import (
    AssessmentDialog,
    DevelopmentStepDialog,
    DocumentDialog,
    EndDialog,
    ExtendDialog,
)
from villagebook.ui.development.timeline import TimelineModel

if TYPE_CHECKING:
    from villagebook.services.book import Changes

WATCHED = ("development", "roster")


class CaseView(QDialog):
    def __init__(self, ctx: AppContext, case_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.case_id = ctx, case_id
        fit_dialog(self, 900, 640)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.model = TimelineModel(self)
        self.table = QTableView()
        self.table.setObjectName("timeline")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.details)
        layout.addWidget(self.table)
        layout.addLayout(self._buttons())
        self.record: DevelopmentCaseRecord | None = None
        self.next_step: DevelopmentStepDef | None = None
        ctx.hub.changed.connect(self._on_changes)
        self.reload()

    def _buttons(self) -> QHBoxLayout:
        ctx, case_id = self.ctx, self.case_id
        self.record_button = QPushButton()
        self.assess_button = QPushButton(self.tr("Add assessment…"))
        self.extend_button = QPushButton(self.tr("Extend probation…"))
        self.end_button = QPushButton(self.tr("End case…"))
        self.document_button = QPushButton(self.tr("Attach document…"))
        close = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        for button in (
            self.record_button,
            self.document_button,
            self.assess_button,
            self.extend_button,
            self.end_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        self.record_button.clicked.connect(self.record_next)
        self.assess_button.clicked.connect(lambda: self._run(AssessmentDialog(ctx, case_id, self)))
        self.extend_button.clicked.connect(lambda: self._run(ExtendDialog(ctx, case_id, self)))
        self.end_button.clicked.connect(lambda: self._run(EndDialog(ctx, case_id, self)))
        self.document_button.clicked.connect(self.attach_document)
        close.clicked.connect(self.accept)
        return buttons

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*WATCHED):
            self.reload()

    def reload(self) -> None:
        try:
            case = self.ctx.book.development.case(self.case_id)
        except NotFoundError:  # taken back by Edit ▸ Undo: nothing left to show
            self.ctx.hub.changed.disconnect(self._on_changes)
            self.reject()
            return
        self.record = case
        self.next_step = case.next_step
        self.model.set_rows(list(case.timeline))
        self.setWindowTitle(self.tr("Development case of %1").replace("%1", case.person_name))
        self.header.setText(self._header(case))
        self.details.setText(self._details(case))
        self.record_button.setEnabled(self.next_step is not None)
        self.record_button.setText(
            self.tr("Record step %1…").replace("%1", str(self.next_step.number))
            if self.next_step is not None
            else self.tr("All steps recorded")
        )
        self.extend_button.setEnabled(case.can_extend)
        self.assess_button.setEnabled(case.can_assess)
        self.end_button.setEnabled(case.is_open)
        self.document_button.setEnabled(bool(case.steps))

    def _header(self, case: DevelopmentCaseRecord) -> str:
        parts = [
            f"<b>{case.person_name}</b>　{case.person_status.label}　{case.state.label}",
            case.workflow.label,
        ]
        if case.probation_end is not None:
            parts.append(self.tr("Probation ends %1").replace("%1", case.probation_end.isoformat()))
        if case.ending is not None:
            parts.append(f"{case.ending.label}：{case.ending_reason}")
        return "　".join(parts)

    def _details(self, case: DevelopmentCaseRecord) -> str:
        none = self.tr("none")
        assessed = "、".join(a.assessed_on.isoformat() for a in case.assessments) or none
        documents = "、".join(
            f"{d.step_number}. {label(d.kind) if d.kind else d.filename}" for d in case.documents
        )
        lines = [
            self.tr("Half-yearly assessments: %1").replace("%1", assessed),
            self.tr("Documents: %1").replace("%1", documents or none),
        ]
        for e in case.extensions:
            lines.append(
                self.tr("Probation extended by %1 months on %2: %3")
                .replace("%1", str(e.months))
                .replace("%2", e.decided_on.isoformat())
                .replace("%3", e.reason)
            )
        return "\n".join(lines)

    def record_next(self) -> None:
        if self.next_step is not None:
            self._run(DevelopmentStepDialog(self.ctx, self.case_id, self.next_step, self))

    def attach_document(self) -> None:
        if self.record is not None:
            self._run(DocumentDialog(self.ctx, self.record, self))

    def _run(self, dialog: QDialog) -> None:
        """Show a form; what it saves comes back as a change notice (see reload)."""
        Ask.exec_dialog(dialog)
        dialog.deleteLater()
