"""Dialogs of the development page: start a case, record a step, assess, extend, end.

Each saves through the development services in one transaction; a refusal keeps the dialog
open and shows every problem in red under its field.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QWidget,
)

from villagebook.domain.development.facts import Ballot
from villagebook.domain.development.workflow import Ending, Role, StepDef
from villagebook.domain.roster.values import PartyStatus
from villagebook.ui.common.form import FormDialog
from villagebook.ui.common.widgets import DateEdit


def _members(ctx: Any, day: dt.date) -> list[tuple[uuid.UUID, str]]:
    from villagebook.services.roster import queries as roster_queries

    assert ctx.branch_id is not None
    with ctx.db.read() as session:
        entries = roster_queries.roster_on(session, ctx.branch_id, day)
    return [(e.person_id, e.name) for e in entries if e.status is PartyStatus.FULL]


class StartCaseDialog(FormDialog):
    """Open a development case for someone in the roster, with the application date."""

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Start a development case"), parent)
        from villagebook.services.development.cases import STARTABLE, open_case_of
        from villagebook.storage.models import Person

        self.ctx = ctx
        self.person = QComboBox()
        with ctx.db.read() as session:
            from sqlmodel import col, select

            people = session.exec(
                select(Person)
                .where(Person.branch_id == ctx.branch_id, col(Person.status).in_(list(STARTABLE)))
                .order_by(col(Person.name))
            ).all()
            for p in people:
                if open_case_of(session, p.id) is None:
                    self.person.addItem(f"{p.name}（{p.status.label}）", str(p.id))
        self.applied = DateEdit(dt.date.today())
        self.add_row(self.tr("Person"), self.person, "person_id")
        self.add_row(self.tr("Application date"), self.applied, "done_on")
        self.finish_tab_order()
        self.case_id: uuid.UUID | None = None

    def save(self) -> None:
        from villagebook.domain.common.errors import InputError
        from villagebook.services.development import cases

        if self.person.currentData() is None:
            raise InputError.single("person_id", "发展对象", "请选择人员")
        with self.ctx.db.write() as session:
            case = cases.start_case(
                session,
                self.ctx.branch_id,
                uuid.UUID(self.person.currentData()),
                applied_on=self.applied.value(),
            )
            self.case_id = case.id


class PeoplePicker(QListWidget):
    """Full members to tick (talker, contacts, introducers)."""

    def __init__(self, members: list[tuple[uuid.UUID, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for person_id, name in members:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, str(person_id))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(item)
        self.setMaximumHeight(110)

    def chosen(self) -> list[uuid.UUID]:
        result = []
        for row in range(self.count()):
            item = self.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                result.append(uuid.UUID(item.data(Qt.ItemDataRole.UserRole)))
        return result

    def tick(self, names: list[str]) -> None:
        for row in range(self.count()):
            item = self.item(row)
            if item.text() in names:
                item.setCheckState(Qt.CheckState.Checked)


def _spin(maximum: int = 10000) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, maximum)
    return box


class DevelopmentStepDialog(FormDialog):
    """Record one step; the fields shown come from the workflow's step definition."""

    def __init__(
        self, ctx: Any, case_id: uuid.UUID, step: StepDef, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("Step %1: %2").replace("%1", str(step.number)).replace("%2", step.name), parent
        )
        self.ctx, self.case_id, self.step = ctx, case_id, step
        self.done_on = DateEdit(dt.date.today())
        self.add_row(self.tr("Date"), self.done_on, "done_on")
        members = _members(ctx, dt.date.today()) if step.roles else []
        self.pickers: dict[Role, PeoplePicker] = {}
        self.outsider = QLineEdit()
        for role in step.roles:
            if role is Role.HIGHER_TALKER:
                self.outsider.setPlaceholderText(
                    self.tr("Name and post of the higher committee's talker")
                )
                self.add_row(self.tr("Talker of the higher committee"), self.outsider, role.value)
            else:
                picker = PeoplePicker(members)
                self.pickers[role] = picker
                self.add_row(_role_label(self, role), picker, role.value)
        self.meeting = QComboBox()
        self.counts: dict[str, QSpinBox] = {}
        if step.meeting:
            self._meeting_fields()
        self.days, self.hours = QDoubleSpinBox(), QDoubleSpinBox()
        if step.training:
            for box in (self.days, self.hours):
                box.setRange(0, 1000)
                box.setDecimals(1)
            self.add_row(self.tr("Training days"), self.days, "training_days")
            self.add_row(self.tr("Class hours"), self.hours, "training_hours")
        self.publicity_from = DateEdit(dt.date.today())
        self.publicity_to = DateEdit(dt.date.today())
        if step.publicity:
            self.add_row(self.tr("Public notice from"), self.publicity_from, "publicity_from")
            self.add_row(self.tr("Public notice until"), self.publicity_to, "publicity_to")
        self.result_edit = QLineEdit()
        self.reason = QLineEdit()
        self.note = QLineEdit()
        self.add_row(self.tr("Result"), self.result_edit, "result")
        if step.approval_of is not None:
            self.reason.setPlaceholderText(self.tr("Why it took longer than 3 months, if it did"))
            self.add_row(self.tr("Reason for delay"), self.reason, "reason")
        self.add_row(self.tr("Note"), self.note, "note")
        self.finish_tab_order()

    def _meeting_fields(self) -> None:
        self.meeting.addItem(self.tr("No linked meeting record: enter the counts"), None)
        for m in self.ctx.book.meetings.general_meetings(self.ctx.branch_id):
            self.meeting.addItem(f"{m.held_on.isoformat()} {m.title}", str(m.id))
        self.add_row(self.tr("General meeting"), self.meeting, "meeting_id")
        for key, label in (
            ("expected_voting", self.tr("Voting members expected")),
            ("present_voting", self.tr("Voting members present")),
            ("yes", self.tr("Yes")),
            ("no", self.tr("No")),
            ("abstain", self.tr("Abstain")),
            ("written_yes", self.tr("Written yes of absentees")),
        ):
            self.counts[key] = _spin()
            self.add_row(label, self.counts[key], key)

    def input(self) -> Any:
        from villagebook.services.development.cases import StepInput, StepPersonInput

        people = [
            StepPersonInput(role, person_id)
            for role, picker in self.pickers.items()
            for person_id in picker.chosen()
        ]
        if self.outsider.text().strip():
            people.append(StepPersonInput(Role.HIGHER_TALKER, None, self.outsider.text()))
        ballot = None
        if self.counts and self.counts["expected_voting"].value() > 0:
            ballot = Ballot(**{key: box.value() for key, box in self.counts.items()})
        meeting = self.meeting.currentData()
        return StepInput(
            number=self.step.number,
            done_on=self.done_on.value() or dt.date.today(),
            people=people,
            meeting_id=uuid.UUID(meeting) if meeting else None,
            ballot=ballot,
            training_days=self.days.value() or None if self.step.training else None,
            training_hours=self.hours.value() or None if self.step.training else None,
            publicity_from=self.publicity_from.value() if self.step.publicity else None,
            publicity_to=self.publicity_to.value() if self.step.publicity else None,
            result=self.result_edit.text(),
            reason=self.reason.text(),
            note=self.note.text(),
        )

    def save(self) -> None:
        from villagebook.services.development import cases

        with self.ctx.db.write() as session:
            cases.record_step(session, self.case_id, self.input())


def _role_label(dialog: QWidget, role: Role) -> str:
    labels = {
        Role.TALKER: QCoreApplication.translate("DevelopmentStepDialog", "Talker"),
        Role.CONTACT: QCoreApplication.translate(
            "DevelopmentStepDialog", "Cultivation contacts (1-2)"
        ),
        Role.INTRODUCER: QCoreApplication.translate("DevelopmentStepDialog", "Introducers (2)"),
    }
    return labels[role]


class AssessmentDialog(FormDialog):
    def __init__(self, ctx: Any, case_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Half-yearly assessment"), parent)
        self.ctx, self.case_id = ctx, case_id
        self.day = DateEdit(dt.date.today())
        self.note = QLineEdit()
        self.add_row(self.tr("Assessed on"), self.day, "assessed_on")
        self.add_row(self.tr("Assessment"), self.note, "note")
        self.finish_tab_order()

    def save(self) -> None:
        from villagebook.services.development import cases

        with self.ctx.db.write() as session:
            cases.add_assessment(
                session, self.case_id, self.day.value() or dt.date.today(), note=self.note.text()
            )


class ExtendDialog(FormDialog):
    def __init__(self, ctx: Any, case_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Extend the probation"), parent)
        self.ctx, self.case_id = ctx, case_id
        self.day = DateEdit(dt.date.today())
        self.months = QSpinBox()
        self.months.setRange(1, 24)
        self.months.setValue(6)
        self.reason = QLineEdit()
        self.add_row(self.tr("Decided on"), self.day, "decided_on")
        self.add_row(self.tr("Months (6-12, once only)"), self.months, "months")
        self.add_row(self.tr("Reason"), self.reason, "reason")
        self.finish_tab_order()

    def save(self) -> None:
        from villagebook.services.development import cases

        with self.ctx.db.write() as session:
            cases.extend_probation(
                session,
                self.case_id,
                self.day.value() or dt.date.today(),
                self.months.value(),
                reason=self.reason.text(),
            )


class EndDialog(FormDialog):
    def __init__(self, ctx: Any, case_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("End the case early"), parent)
        self.ctx, self.case_id = ctx, case_id
        self.ending = QComboBox()
        for ending in Ending:
            self.ending.addItem(ending.label, ending.value)
        self.day = DateEdit(dt.date.today())
        self.reason = QLineEdit()
        self.add_row(self.tr("How"), self.ending, "ending")
        self.add_row(self.tr("Ended on"), self.day, "ended_on")
        self.add_row(self.tr("Reason"), self.reason, "ending_reason")
        self.finish_tab_order()

    def save(self) -> None:
        from villagebook.services.development import cases

        with self.ctx.db.write() as session:
            cases.end_case(
                session,
                self.case_id,
                Ending(self.ending.currentData()),
                self.day.value() or dt.date.today(),
                reason=self.reason.text(),
            )


class DocumentDialog(FormDialog):
    """Keep a document (scan or PDF) with a recorded step."""

    def __init__(self, ctx: Any, case_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Attach a document"), parent)
        from villagebook.domain.development.workflow import DOCUMENT_KINDS
        from villagebook.services.development import cases

        self.ctx = ctx
        self.step = QComboBox()
        with ctx.db.read() as session:
            wf = cases.workflow_of(cases.get_case(session, case_id))
            for step in cases.steps_of(session, case_id):
                label = f"{step.number}. {wf.step(step.number).name}"
                self.step.addItem(label, str(step.id))
        self.kind = QComboBox()
        self.kind.addItems(list(DOCUMENT_KINDS))
        self.file = QLineEdit()
        self.file.setReadOnly(True)
        choose = QPushButton(self.tr("Choose file…"))
        choose.clicked.connect(self.choose)
        self.add_row(self.tr("Step"), self.step, "step")
        self.add_row(self.tr("Kind"), self.kind, "kind")
        self.add_row(self.tr("File"), self.file, "attachment")
        self.add_row("", choose)
        self.finish_tab_order()

    def choose(self) -> None:
        from villagebook.ui.common.ask import Ask

        path = Ask.open_file(
            self, self.tr("Choose a scan or PDF"), "Images and PDF (*.png *.jpg *.jpeg *.pdf)"
        )
        if path is not None:
            self.file.setText(str(path))

    def save(self) -> None:
        from pathlib import Path

        from villagebook.domain.common.errors import InputError
        from villagebook.services.development import cases

        if self.step.currentData() is None:
            raise InputError.single("step", "步骤", "还没有已记录的步骤")
        if not self.file.text():
            raise InputError.single("attachment", "材料", "请选择文件")
        with self.ctx.db.write() as session:
            cases.attach_document(
                session,
                self.ctx.db.data_dir,
                uuid.UUID(self.step.currentData()),
                Path(self.file.text()),
                kind=self.kind.currentText(),
            )
