"""The case view: a person's 25 steps as a timeline, and what can be done next."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

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

from villagebook.domain.common.rules import RuleSet
from villagebook.domain.development.workflow import CaseState
from villagebook.ui.common.ask import Ask
from villagebook.ui.development.dialogs import (
    AssessmentDialog,
    DevelopmentStepDialog,
    DocumentDialog,
    EndDialog,
    ExtendDialog,
)
from villagebook.ui.development.timeline import TimelineModel, timeline_rows


class CaseView(QDialog):
    def __init__(self, ctx: Any, case_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.case_id = ctx, case_id
        self.changed = False
        self.resize(900, 640)
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
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.details)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.record_button.clicked.connect(self.record_next)
        self.assess_button.clicked.connect(lambda: self._run(AssessmentDialog(ctx, case_id, self)))
        self.extend_button.clicked.connect(lambda: self._run(ExtendDialog(ctx, case_id, self)))
        self.end_button.clicked.connect(lambda: self._run(EndDialog(ctx, case_id, self)))
        self.document_button.clicked.connect(lambda: self._run(DocumentDialog(ctx, case_id, self)))
        close.clicked.connect(self.accept)
        self.next_step: Any = None
        self.reload()

    def reload(self) -> None:
        from villagebook.services.development import cases
        from villagebook.storage.models import Person

        today = dt.date.today()
        with self.ctx.db.read() as session:
            case = cases.get_case(session, self.case_id)
            facts = cases.case_facts(session, self.case_id)
            person = session.get(Person, case.person_id)
            status = person.status.label if person else ""
            documents = [
                f"{step.number}. {doc.kind or doc.filename}"
                for step in cases.steps_of(session, self.case_id)
                for doc in cases.documents_of(session, step.id)
            ]
        wf = facts.workflow
        self.model.set_rows(timeline_rows(facts, today, RuleSet()))
        self.next_step = wf.next_step(facts.done) if case.state is CaseState.OPEN else None
        self.setWindowTitle(self.tr("Development case of %1").replace("%1", facts.person_name))
        end = cases.probation_end_of(facts)
        parts = [f"<b>{facts.person_name}</b>　{status}　{case.state.label}", wf.label]
        if end is not None:
            parts.append(self.tr("Probation ends %1").replace("%1", end.isoformat()))
        if case.ending is not None:
            parts.append(f"{case.ending.label}：{case.ending_reason}")
        self.header.setText("　".join(parts))
        none = self.tr("none")
        assessed = "、".join(d.isoformat() for d in facts.assessments) or none
        lines = [
            self.tr("Half-yearly assessments: %1").replace("%1", assessed),
            self.tr("Documents: %1").replace("%1", "、".join(documents) or none),
        ]
        for e in facts.extensions:
            lines.append(
                self.tr("Probation extended by %1 months on %2: %3")
                .replace("%1", str(e.months))
                .replace("%2", e.decided_on.isoformat())
                .replace("%3", e.reason)
            )
        self.details.setText("\n".join(lines))
        is_open = case.state is CaseState.OPEN
        self.record_button.setEnabled(self.next_step is not None)
        self.record_button.setText(
            self.tr("Record step %1…").replace("%1", str(self.next_step.number))
            if self.next_step is not None
            else self.tr("All steps recorded")
        )
        in_probation = wf.extension_after in facts.steps and wf.extension_before not in facts.steps
        self.extend_button.setEnabled(is_open and in_probation and not facts.extensions)
        self.assess_button.setEnabled(is_open and wf.activist_from in facts.steps)
        self.end_button.setEnabled(is_open)
        self.document_button.setEnabled(bool(facts.steps))

    def record_next(self) -> None:
        if self.next_step is not None:
            self._run(DevelopmentStepDialog(self.ctx, self.case_id, self.next_step, self))

    def _run(self, dialog: QDialog) -> None:
        if Ask.exec_dialog(dialog):
            self.changed = True
            self.reload()
