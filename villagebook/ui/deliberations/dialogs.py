"""Dialogs of the 四议两公开 page: a deliberation, its working text, a step, a reason to close.

Each dialog hands its input to a Book call on OK; a refusal keeps the dialog open with
every problem in red under its field (see ``FormDialog``).  The step editor also checks the
counts while they are typed, and shows the verdict they would give.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from villagebook.domain.common.rules import RuleSet
from villagebook.domain.deliberations.values import (
    Basis,
    Category,
    Channel,
    Counts,
    DeliberationInput,
    DeliberationStepInput,
    LinkedMeeting,
    StepKind,
)
from villagebook.domain.deliberations.verdicts import assess, count_problems
from villagebook.domain.deliberations.workflow import DeliberationStepDef
from villagebook.ui.common.form import FormDialog
from villagebook.ui.common.widgets import DateEdit, limit_counts
from villagebook.ui.meetings.link import MeetingLinkField

MAX_COUNT = 100000


def _text_edit(text: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setMinimumHeight(110)
    return edit


class DeliberationDialog(FormDialog):
    """A new deliberation (title, category, amount, the proposal), or its header before
    step 1 (``with_text`` False)."""

    def __init__(
        self,
        save: Callable[[DeliberationInput], Any],
        data: DeliberationInput | None = None,
        parent: QWidget | None = None,
        *,
        with_text: bool = True,
    ) -> None:
        super().__init__(self.tr("Deliberation"), parent)
        self._save = save
        self._note = data.note if data else ""
        self.title = QLineEdit(data.title if data else "")
        self.category = QComboBox()
        for category in Category:
            self.category.addItem(category.label, category)
        if data is not None:
            self.category.setCurrentIndex(list(Category).index(data.category))
        self.amount = QLineEdit(data.amount if data else "")
        self.amount.setPlaceholderText(self.tr("yuan, e.g. 386000.00; empty if none"))
        self.text: QPlainTextEdit | None = None
        self.add_row(self.tr("Title"), self.title, "title")
        self.add_row(self.tr("Category"), self.category, "category")
        self.add_row(self.tr("Amount (yuan)"), self.amount, "amount")
        if with_text:
            self.text = _text_edit(data.text if data else "")
            self.add_row(self.tr("Proposal"), self.text, "text")
        self.finish_tab_order()
        self.preferred_size = (560, 420)

    def value(self) -> DeliberationInput:
        return DeliberationInput(
            title=self.title.text(),
            category=Category(self.category.currentData()),
            amount=self.amount.text(),
            text=self.text.toPlainText() if self.text is not None else "",
            note=self._note,
        )

    def save(self) -> None:
        self._save(self.value())


class TextDialog(FormDialog):
    """The working text: edited in place until a step decides it, then a new version."""

    def __init__(
        self, save: Callable[[str], Any], text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Edit the text"), parent)
        self._save = save
        self.text = _text_edit(text)
        note = QLabel(
            self.tr(
                "Versions a step has decided stay as they were; your edit becomes the next version."
            )
        )
        note.setWordWrap(True)
        self.add_row("", note)
        self.add_row(self.tr("Text"), self.text, "text")
        self.finish_tab_order()
        self.preferred_size = (560, 360)

    def save(self) -> None:
        self._save(self.text.toPlainText())


class ReasonDialog(FormDialog):
    """Why and when a deliberation is withdrawn or rejected."""

    def __init__(
        self, title: str, save: Callable[[str, dt.date], Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(title, parent)
        self._save = save
        self.day = DateEdit(dt.date.today())
        self.reason = _text_edit()
        self.reason.setMinimumHeight(70)
        self.add_row(self.tr("Date"), self.day, "day")
        self.add_row(self.tr("Reason"), self.reason, "reason")
        self.finish_tab_order()

    def save(self) -> None:
        self._save(self.reason.toPlainText(), self.day.value() or dt.date.today())


class StepDialog(FormDialog):
    """The editor of the next step: the fields its definition asks for, nothing more."""

    def __init__(
        self,
        step: DeliberationStepDef,
        save: Callable[[DeliberationStepInput], Any],
        *,
        text: str,
        may_join: bool = False,
        voting: Callable[[dt.date], int] | None = None,
        meetings: Sequence[LinkedMeeting] = (),
        rules: RuleSet | None = None,
        parent: QWidget | None = None,
        link: MeetingLinkField | None = None,
    ) -> None:
        super().__init__(self.tr("Record: %1").replace("%1", step.label), parent)
        self.step = step
        self._save = save
        self._voting = voting
        self.rules = rules or RuleSet()
        #: The general meeting of the member meeting's date (DLB-MEETING-LINK).
        self.link = link
        self._make_fields(text)
        if step.meeting:
            self._meeting_rows(may_join, meetings)
        if step.publication:
            self._publication_rows()
        label = self.tr("Text as posted") if step.publication else self.tr("Text as decided")
        self.add_row(label, self.text, "text")
        self.add_row(self.tr("Note"), self.note, "note")
        self.finish_tab_order()
        self.preferred_size = (600, 560)
        self._counts_changed()

    def _make_fields(self, text: str) -> None:
        self.joint = QCheckBox(self.tr("Held together with the joint meeting (一肩挑)"))
        self.held_on = DateEdit(dt.date.today())
        self.place = QLineEdit()
        self.meeting = QComboBox()
        self.basis = QComboBox()
        self.notice_on = DateEdit(optional=True)
        self.counts = {name: QSpinBox() for name in ("expected", "present", "yes", "no", "abstain")}
        for spin in self.counts.values():
            spin.setRange(0, MAX_COUNT)
        self.verdict = QLabel()
        self.channels = {c: QCheckBox(c.label) for c in Channel}
        self.posted_from = DateEdit(dt.date.today())
        self.posted_until = DateEdit(optional=True)
        self.text = _text_edit(text)
        self.note = QLineEdit()

    def _meeting_rows(self, may_join: bool, meetings: Sequence[LinkedMeeting]) -> None:
        if may_join:
            self.add_row("", self.joint, "with_joint_meeting")
        if self.step.kind is StepKind.MEMBER_MEETING and self.link is not None:
            self.add_row(self.tr("General meeting record"), self.link, "meeting_id")
            self.held_on.dateChanged.connect(lambda _d: self._link_day())
            self.link.changed.connect(self._link_changed)
        elif self.step.kind is StepKind.MEMBER_MEETING and meetings:
            self.meeting.addItem(self.tr("(type the counts here)"), None)
            for meeting in meetings:
                self.meeting.addItem(
                    f"{meeting.held_on.isoformat()} {meeting.title}", str(meeting.id)
                )
            self.add_row(self.tr("General meeting record"), self.meeting, "meeting_id")
        self.add_row(self.tr("Date"), self.held_on, "held_on")
        self.add_row(self.tr("Place"), self.place, "place")
        if self.step.votes:
            self._vote_rows()

    def _vote_rows(self) -> None:
        for basis in self.step.bases:
            self.basis.addItem(basis.label, basis)
        self.add_row(self.tr("Counts refer to"), self.basis, "basis")
        if self.step.kind is StepKind.VILLAGER_DECISION:
            self.add_row(self.tr("Notice given on"), self.notice_on, "notice_on")
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        names = {"yes": self.tr("yes"), "no": self.tr("no"), "abstain": self.tr("abstain")}
        self.add_row(self.tr("Expected"), self.counts["expected"], "expected")
        self.add_row(self.tr("Present"), self.counts["present"], "present")
        for name, text in names.items():
            line.addWidget(QLabel(text))
            line.addWidget(self.counts[name])
        self.add_row(self.tr("Votes"), row, "yes")
        self.add_row(self.tr("Verdict"), self.verdict)
        for spin in self.counts.values():
            spin.valueChanged.connect(self._counts_changed)
        self.basis.currentIndexChanged.connect(self._counts_changed)
        c = self.counts
        limit_counts(c["present"], [c["yes"], c["no"], c["abstain"]], c["expected"])
        if self.step.kind is StepKind.MEMBER_MEETING and self._voting is not None:
            self.held_on.dateChanged.connect(self._fill_voting)
            self._fill_voting()
        if self.link is not None:
            self._link_day()

    def _link_day(self) -> None:
        if self.link is not None:
            self.link.set_day(self.held_on.value() or dt.date.today())

    def _link_changed(self) -> None:
        """A linked record's date and counts win: the typed ones are not needed then."""
        linked = self.link is not None and self.link.meeting_id() is not None
        for spin in self.counts.values():
            spin.setEnabled(not linked)

    def _publication_rows(self) -> None:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        for box in self.channels.values():
            line.addWidget(box)
        self.channels[Channel.BOARD].setChecked(True)
        self.add_row(self.tr("Posted on"), row, "channels")
        self.add_row(self.tr("Posted from"), self.posted_from, "posted_from")
        self.add_row(self.tr("Posted until"), self.posted_until, "posted_until")

    def _fill_voting(self) -> None:
        day = self.held_on.value()
        if day is not None and self._voting is not None:
            self.counts["expected"].setValue(self._voting(day))

    def counts_value(self) -> Counts | None:
        if not self.step.votes or self.basis.currentData() is None:
            return None
        basis = Basis(self.basis.currentData())
        c = {name: spin.value() for name, spin in self.counts.items()}
        return Counts(basis, c["expected"], c["present"], c["yes"], c["no"], c["abstain"])

    def _counts_changed(self) -> None:
        """Show impossible counts at once, and the verdict the counts would give."""
        counts = self.counts_value()
        if counts is None:
            return
        for name in ("present", "yes"):
            self.problem_labels[name].show_text("")
        problems = count_problems(counts)
        self.show_problems(problems)
        if problems:  # never a verdict beside an error
            self.verdict.setText(self.tr("No verdict: the counts above are impossible"))
            return
        result = assess(self.step, counts, self.rules)
        text = result.verdict.label
        if result.reason:
            text = self.tr("%1: %2").replace("%1", text).replace("%2", result.reason)
        self.verdict.setText(text)

    def value(self) -> DeliberationStepInput:
        data = DeliberationStepInput(
            self.step.kind, text=self.text.toPlainText(), note=self.note.text()
        )
        if self.step.meeting:
            data.held_on = self.held_on.value()
            data.place = self.place.text()
            data.with_joint_meeting = self.joint.isChecked()
            if self.link is not None:
                data.meeting_id = self.link.meeting_id()
            else:
                chosen = self.meeting.currentData() if self.meeting.count() else None
                data.meeting_id = uuid.UUID(chosen) if chosen else None
        counts = self.counts_value()
        if counts is not None:
            data.basis = counts.basis
            data.expected, data.present = counts.expected, counts.present
            data.yes, data.no, data.abstain = counts.yes, counts.no, counts.abstain
            if counts.basis.is_assembly:
                data.notice_on = self.notice_on.value()
        if self.step.publication:
            data.channels = tuple(c for c, box in self.channels.items() if box.isChecked())
            data.posted_from = self.posted_from.value()
            data.posted_until = self.posted_until.value()
        return data

    def save(self) -> None:
        self._save(self.value())
