"""Dialogs of the development page: start a case, record a step, assess, extend, end, attach.

Each saves through one ``ctx.book.development`` call; a refusal keeps the dialog open and
shows every problem in red under its field (:class:`FormDialog`).  What was saved reaches
the board and the case view as a change notice.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

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

from villagebook.domain.common.errors import InputError
from villagebook.domain.common.i18n import label
from villagebook.domain.development.values import (
    Ballot,
    DevelopmentCaseRecord,
    Ending,
    PersonChoice,
    Role,
    StepInput,
    StepPersonInput,
)
from villagebook.domain.development.workflow import DOCUMENT_KINDS, DevelopmentStepDef
from villagebook.ui.common.ask import Ask
from villagebook.ui.common.form import FormDialog
from villagebook.ui.common.widgets import DateEdit, limit_counts
from villagebook.ui.context import AppContext
from villagebook.ui.meetings.link import MeetingLinkField


def _branch(ctx: AppContext) -> uuid.UUID:
    assert ctx.branch_id is not None
    return ctx.branch_id


class StartCaseDialog(FormDialog):
    """Open a development case for someone in the roster, with the application date."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Start a development case"), parent)
        self.ctx = ctx
        self.person = QComboBox()
        for p in ctx.book.development.startable_people(_branch(ctx)):
            self.person.addItem(f"{p.name}（{p.status.label}）", str(p.person_id))
        self.applied = DateEdit(dt.date.today())
        self.add_row(self.tr("Person"), self.person, "person_id")
        self.add_row(self.tr("Application date"), self.applied, "done_on")
        self.finish_tab_order()
        self.case_id: uuid.UUID | None = None

    def save(self) -> None:
        if self.person.currentData() is None:
            raise InputError.single(
                "person_id", self.tr("Development target"), self.tr("Choose a person")
            )
        case = self.ctx.book.development.start_case(
            _branch(self.ctx), uuid.UUID(self.person.currentData()), self.applied.value()
        )
        self.case_id = case.id


class PeoplePicker(QListWidget):
    """Full members to tick (talker, contacts, introducers)."""

    def __init__(self, members: list[PersonChoice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for member in members:
            item = QListWidgetItem(member.name)
            item.setData(Qt.ItemDataRole.UserRole, str(member.person_id))
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
        self,
        ctx: AppContext,
        case_id: uuid.UUID,
        step: DevelopmentStepDef,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Step %1: %2").replace("%1", str(step.number))
        super().__init__(title.replace("%2", label(step.name)), parent)
        self.ctx, self.case_id, self.step = ctx, case_id, step
        self.person_name = ctx.book.development.case(case_id).person_name
        self.done_on = DateEdit(ctx.book.today())
        self.add_row(self.tr("Date"), self.done_on, "done_on")
        self.pickers: dict[Role, PeoplePicker] = {}
        self.outsider = QLineEdit()
        self._people_fields()
        self.link: MeetingLinkField | None = None
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
        reopen = {"dialog": "development-step", "case_id": str(case_id), "number": step.number}
        self.keep_drafts(
            ctx.book.drafts,
            f"development-step:{case_id}:{step.number}",
            f"{self.person_name} {self.windowTitle()}",
            reopen,
        )

    def _people_fields(self) -> None:
        if not self.step.roles:
            return
        members = self.ctx.book.development.role_candidates(_branch(self.ctx), dt.date.today())
        for role in self.step.roles:
            if role is Role.HIGHER_TALKER:
                self.outsider.setPlaceholderText(
                    self.tr("Name and post of the higher committee's talker")
                )
                self.add_row(self.tr("Talker of the higher committee"), self.outsider, role.value)
            else:
                picker = PeoplePicker(members)
                self.pickers[role] = picker
                self.add_row(_role_label(role), picker, role.value)

    def _meeting_fields(self) -> None:
        """The general meeting of the step's date (DEV-MEETING-LINK), or its counts."""
        book, branch = self.ctx.book, _branch(self.ctx)
        what = "接收{name}为中共预备党员" if self.step.number == 15 else "{name}按期转为正式党员"
        self.link = MeetingLinkField(
            self.ctx,
            lambda: [(m.id, m.held_on, m.title) for m in book.development.general_meetings(branch)],
            "讨论" + what.format(name=self.person_name),  # i18n: stored (the record's topic)
            self.tr("No linked meeting record: enter the counts"),
        )
        self.add_row(self.tr("General meeting"), self.link, "meeting_id")
        for key, text in (
            ("expected_voting", self.tr("Voting members expected")),
            ("present_voting", self.tr("Voting members present")),
            ("yes", self.tr("Yes")),
            ("no", self.tr("No")),
            ("abstain", self.tr("Abstain")),
            ("written_yes", self.tr("Written yes of absentees")),
        ):
            self.counts[key] = _spin()
            self.add_row(text, self.counts[key], key)
        c = self.counts
        limit_counts(
            c["present_voting"],
            [c["yes"], c["no"], c["abstain"]],
            c["expected_voting"],
            c["written_yes"],
        )
        self.done_on.dateChanged.connect(lambda _d: self._day_changed())
        self.link.changed.connect(self._link_changed)
        self._day_changed()

    def _day_changed(self) -> None:
        if self.link is not None:
            self.link.set_day(self.done_on.value() or self.ctx.book.today())

    def _link_changed(self) -> None:
        """A linked record's counts win: the typed counts are not needed then."""
        linked = self.link is not None and self.link.meeting_id() is not None
        for box in self.counts.values():
            box.setEnabled(not linked)

    def input(self) -> StepInput:
        people = [
            StepPersonInput(role, person_id)
            for role, picker in self.pickers.items()
            for person_id in picker.chosen()
        ]
        if self.outsider.text().strip():
            people.append(StepPersonInput(Role.HIGHER_TALKER, None, self.outsider.text()))
        meeting = self.link.meeting_id() if self.link is not None else None
        ballot = None
        if self.counts and self.counts["expected_voting"].value() > 0 and meeting is None:
            ballot = Ballot(**{key: box.value() for key, box in self.counts.items()})
        training = self.step.training
        return StepInput(
            number=self.step.number,
            done_on=self.done_on.value() or dt.date.today(),
            people=people,
            meeting_id=meeting,
            ballot=ballot,
            training_days=self.days.value() or None if training else None,
            training_hours=self.hours.value() or None if training else None,
            publicity_from=self.publicity_from.value() if self.step.publicity else None,
            publicity_to=self.publicity_to.value() if self.step.publicity else None,
            result=self.result_edit.text(),
            reason=self.reason.text(),
            note=self.note.text(),
        )

    def save(self) -> None:
        self.ctx.book.development.record_development_step(self.case_id, self.input())


def _role_label(role: Role) -> str:
    labels = {
        Role.TALKER: QCoreApplication.translate("DevelopmentStepDialog", "Talker"),
        Role.CONTACT: QCoreApplication.translate(
            "DevelopmentStepDialog", "Cultivation contacts (1-2)"
        ),
        Role.INTRODUCER: QCoreApplication.translate("DevelopmentStepDialog", "Introducers (2)"),
    }
    return labels[role]


class AssessmentDialog(FormDialog):
    def __init__(self, ctx: AppContext, case_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Half-yearly assessment"), parent)
        self.ctx, self.case_id = ctx, case_id
        self.day = DateEdit(dt.date.today())
        self.note = QLineEdit()
        self.add_row(self.tr("Assessed on"), self.day, "assessed_on")
        self.add_row(self.tr("Assessment"), self.note, "note")
        self.finish_tab_order()

    def save(self) -> None:
        day = self.day.value() or dt.date.today()
        self.ctx.book.development.add_assessment(self.case_id, day, self.note.text())


class ExtendDialog(FormDialog):
    def __init__(self, ctx: AppContext, case_id: uuid.UUID, parent: QWidget | None = None) -> None:
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
        day = self.day.value() or dt.date.today()
        self.ctx.book.development.extend_probation(
            self.case_id, day, self.months.value(), self.reason.text()
        )


class EndDialog(FormDialog):
    def __init__(self, ctx: AppContext, case_id: uuid.UUID, parent: QWidget | None = None) -> None:
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
        self.ctx.book.development.end_case(
            self.case_id,
            Ending(self.ending.currentData()),
            self.day.value() or dt.date.today(),
            self.reason.text(),
        )


class DocumentDialog(FormDialog):
    """Keep a document (scan or PDF) with a recorded step."""

    def __init__(
        self, ctx: AppContext, case: DevelopmentCaseRecord, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Attach a document"), parent)
        self.ctx = ctx
        self.step = QComboBox()
        for step in case.steps:
            name = label(case.workflow.step(step.number).name)
            self.step.addItem(f"{step.number}. {name}", str(step.id))
        self.kind = QComboBox()
        for kind in DOCUMENT_KINDS:
            self.kind.addItem(label(kind), kind)
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
        path = Ask.open_file(
            self, self.tr("Choose a scan or PDF"), "Images and PDF (*.png *.jpg *.jpeg *.pdf)"
        )
        if path is not None:
            self.file.setText(str(path))

    def save(self) -> None:
        if self.step.currentData() is None:
            raise InputError.single("step", self.tr("Step"), self.tr("No step recorded yet"))
        if not self.file.text():
            raise InputError.single("attachment", self.tr("File"), self.tr("Choose a file"))
        self.ctx.book.development.attach_document(
            uuid.UUID(self.step.currentData()), Path(self.file.text()), self.kind.currentData()
        )
