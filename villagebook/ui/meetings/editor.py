"""The record editor: kind + date, the attendance grid, topics, speeches, votes, attachments.

Fast entry: attendance is everyone expected on the date, present; the last place, host
and recorder are offered; topics come from templates.  A draft can be saved, finalised or
deleted; a finalised record is read-only and corrected through amendments.  Every save is a
Book operation: Edit ▸ Undo takes it back.  A refusal of the input is listed in the editor;
any other failure goes through the window's one error route (``ui.ops.perform``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from villagebook.domain.common.errors import InputError
from villagebook.domain.meetings.values import (
    LESSON_PLACE_TYPES,
    AttendanceInput,
    MeetingInput,
    MeetingKind,
    MeetingRecord,
    MeetingStatus,
    Presence,
)
from villagebook.domain.roster.values import RosterEntry
from villagebook.ui.common.ask import Ask
from villagebook.ui.context import AppContext
from villagebook.ui.meetings.attachments import AmendDialog, AmendmentTable, AttachmentStrip
from villagebook.ui.meetings.models import AttendanceModel
from villagebook.ui.meetings.reports import print_minutes
from villagebook.ui.meetings.sections import AppraisalTab, TopicsTab, VotesTab
from villagebook.ui.ops import perform

T = TypeVar("T")


class PresenceDelegate(QStyledItemDelegate):
    """A drop-down of 出席 / 请假 / 缺席 for the attendance column."""

    def createEditor(self, parent: QWidget, option: Any, index: Any) -> QWidget:
        box = QComboBox(parent)
        for presence in Presence:
            box.addItem(presence.label, presence.value)
        return box

    def setEditorData(self, editor: QWidget, index: Any) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model: Any, index: Any) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class MeetingEditor(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        meeting_id: uuid.UUID | None = None,
        *,
        kind: MeetingKind = MeetingKind.GENERAL,
        day: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        assert ctx.branch_id is not None, "the editor needs a branch"
        self.ctx = ctx
        self.branch_id: uuid.UUID = ctx.branch_id
        self.meetings = ctx.book.meetings
        self.meeting_id = meeting_id
        self.status = MeetingStatus.DRAFT
        #: The input as last loaded or saved: saving it unchanged writes nothing.
        self.saved: MeetingInput | None = None
        self._loading = True
        self.members: list[RosterEntry] = []
        self.setWindowTitle(self.tr("Meeting record"))
        self.resize(900, 680)
        self._build()
        for place in self.meetings.places(self.branch_id):
            self.place.addItem(place)
        for group in ctx.book.roster.groups(self.branch_id):
            self.group.addItem(group.name, str(group.id))
        if meeting_id is not None:
            record = self.meetings.record(meeting_id)
            self.status = record.status
            data = self.saved = record.to_input()
        else:
            defaults = self.meetings.defaults(self.branch_id)
            data = MeetingInput(
                kind=kind,
                held_on=day or ctx.book.today(),
                place=defaults.place,
                host_id=defaults.host_id,
                recorder_id=defaults.recorder_id,
                start_time=dt.time(9, 0),
                end_time=dt.time(11, 0),
            )
        self._load(data, fresh=meeting_id is None)
        self._update_state()

    # --- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        self.kind = QComboBox()
        for kind in MeetingKind:
            self.kind.addItem(kind.label, kind.value)
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.start = QTimeEdit()
        self.end = QTimeEdit()
        for edit in (self.start, self.end):
            edit.setDisplayFormat("HH:mm")
        self.place = QComboBox()
        self.place.setEditable(True)
        self.place_type = QComboBox()
        self.place_type.setEditable(True)
        self.place_type.addItem("")
        self.place_type.addItems(list(LESSON_PLACE_TYPES))
        self.group = QComboBox()
        self.host = QComboBox()
        self.recorder = QComboBox()
        self.lecturer = QComboBox()
        self.lecturer_name = QLineEdit()
        self.lecturer_name.setPlaceholderText(self.tr("or a lecturer from outside the branch"))
        self.title_edit = QLineEdit()
        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.kind)
        row.addWidget(QLabel(self.tr("Date")))
        row.addWidget(self.day)
        row.addWidget(QLabel(self.tr("From")))
        row.addWidget(self.start)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(self.end)
        form.addRow(self.tr("Kind"), row)
        form.addRow(self.tr("Party group"), self.group)
        places = QHBoxLayout()
        places.addWidget(self.place, 3)
        places.addWidget(self.place_type, 1)
        form.addRow(self.tr("Place"), places)
        people = QHBoxLayout()
        people.addWidget(self.host)
        people.addWidget(QLabel(self.tr("Recorder")))
        people.addWidget(self.recorder)
        form.addRow(self.tr("Host"), people)
        lecturer = QHBoxLayout()
        lecturer.addWidget(self.lecturer)
        lecturer.addWidget(self.lecturer_name)
        form.addRow(self.tr("Lecturer"), lecturer)
        form.addRow(self.tr("Title"), self.title_edit)
        self.problems = QLabel()
        self.problems.setObjectName("meetingProblems")
        self.problems.setStyleSheet("color: #b00020;")
        self.problems.setWordWrap(True)
        self.problems.hide()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._attendance_tab(), self.tr("Attendance"))
        self.topic_tab = TopicsTab(self.meetings.topic_templates(), self)
        self.vote_tab = VotesTab(self)
        self.appraisal_tab = AppraisalTab(self)
        self.tabs.addTab(self.topic_tab, self.tr("Topics and speeches"))
        self.tabs.addTab(self.vote_tab, self.tr("Resolutions and votes"))
        self.appraisal_index = self.tabs.addTab(self.appraisal_tab, self.tr("Appraisal"))
        self.attachments = AttachmentStrip(self.ctx, self)
        self.tabs.addTab(self.attachments, self.tr("Attachments"))
        self.amendments = AmendmentTable(self)
        self.tabs.addTab(self.amendments, self.tr("Amendments"))
        self.state = QLabel()
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save draft"))
        self.finalise_button = QPushButton(self.tr("Finalise"))
        self.amend_button = QPushButton(self.tr("Amend…"))
        self.pdf_button = QPushButton(self.tr("Print PDF…"))
        self.delete_button = QPushButton(self.tr("Delete draft"))
        close = QPushButton(self.tr("Close"))
        for button in (self.save_button, self.finalise_button, self.amend_button):
            buttons.addWidget(button)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.state)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        self.finalise_button.clicked.connect(self.finalise)
        self.amend_button.clicked.connect(self.amend)
        self.pdf_button.clicked.connect(self.print_pdf)
        self.delete_button.clicked.connect(self.delete)
        close.clicked.connect(self.reject)
        self.kind.currentIndexChanged.connect(self.refresh_expected)
        self.day.dateChanged.connect(self.refresh_expected)
        self.group.currentIndexChanged.connect(self.refresh_expected)

    def _attendance_tab(self) -> QWidget:
        self.grid_model = AttendanceModel(self)
        self.grid = QTableView()
        self.grid.setObjectName("attendanceGrid")
        self.grid.setModel(self.grid_model)
        self.grid.setItemDelegateForColumn(AttendanceModel.PRESENCE, PresenceDelegate(self.grid))
        self.grid.verticalHeader().setVisible(False)
        self.grid.horizontalHeader().setStretchLastSection(True)
        self.grid.setEditTriggers(
            QTableView.EditTrigger.DoubleClicked
            | QTableView.EditTrigger.SelectedClicked
            | QTableView.EditTrigger.EditKeyPressed
        )
        self.guests = QLineEdit()
        self.guests.setPlaceholderText(self.tr("Non-member attendees, separated by 、"))
        self.counts = QLabel()
        self.grid_model.dataChanged.connect(self._update_counts)
        self.grid_model.modelReset.connect(self._update_counts)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.addWidget(self.counts)
        layout.addWidget(self.grid, 1)
        form = QFormLayout()
        form.addRow(self.tr("Non-member attendees (列席)"), self.guests)
        layout.addLayout(form)
        return box

    # --- loading -----------------------------------------------------------------------

    def _load(self, data: MeetingInput, *, fresh: bool) -> None:
        self._loading = True
        self.kind.setCurrentIndex(self.kind.findData(data.kind.value))
        self.day.setDate(QDate(data.held_on.year, data.held_on.month, data.held_on.day))
        if data.start_time:
            self.start.setTime(QTime(data.start_time.hour, data.start_time.minute))
        if data.end_time:
            self.end.setTime(QTime(data.end_time.hour, data.end_time.minute))
        self.place.setCurrentText(data.place)
        self.place_type.setCurrentText(data.place_type)
        if data.group_id is not None:
            self.group.setCurrentIndex(self.group.findData(str(data.group_id)))
        self.title_edit.setText(data.title)
        self.lecturer_name.setText(data.lecturer_name)
        self.topic_tab.load(data.topics, data.speeches)
        self.vote_tab.load(data.resolutions, data.votes)
        self._fill_people(data.held_on, data)
        rows = data.attendance
        if fresh or rows is None:
            rows = self._expected()
        self._set_attendance([replace(r) for r in rows])  # the grid edits its own copies
        self.appraisal_tab.load(rows, data.appraisals)
        self.guests.setText("、".join(r.name for r in rows if not r.expected))
        self._loading = False
        if self.meeting_id is not None:
            self.amendments.load(self.meetings.amendments(self.meeting_id))
        self._load_attachments()

    def _fill_people(self, day: dt.date, data: MeetingInput | None = None) -> None:
        chosen = {
            "host": data.host_id if data else self._person(self.host),
            "recorder": data.recorder_id if data else self._person(self.recorder),
            "lecturer": data.lecturer_id if data else self._person(self.lecturer),
        }
        self.members = self.meetings.members_on(self.branch_id, day)
        for key, box in (
            ("host", self.host),
            ("recorder", self.recorder),
            ("lecturer", self.lecturer),
        ):
            box.blockSignals(True)
            box.clear()
            box.addItem("", None)
            for member in self.members:
                label = (
                    f"{member.name}（{member.committee_role}）"
                    if member.committee_role
                    else member.name
                )
                box.addItem(label, str(member.person_id))
            wanted = chosen[key]
            if wanted is not None:
                box.setCurrentIndex(max(box.findData(str(wanted)), 0))
            box.blockSignals(False)

    def _expected(self) -> list[AttendanceInput]:
        return self.meetings.expected_attendance(
            self.branch_id, self.current_kind(), self.current_day(), self._group_id()
        )

    def _set_attendance(self, rows: list[AttendanceInput]) -> None:
        voting = {m.person_id for m in self.members if m.can_vote}
        expected = [r for r in rows if r.expected]
        self.grid_model.set_rows(expected, voting)
        self.vote_tab.set_expected_voting(sum(1 for r in expected if r.person_id in voting))

    def refresh_expected(self) -> None:
        """Kind, date or group changed: recompute who is expected, keeping known entries."""
        if self._loading or self.status is MeetingStatus.FINALISED:
            return
        self._fill_people(self.current_day())
        known = {r.person_id: r for r in self.grid_model.rows}
        rows = [known.get(r.person_id, r) for r in self._expected()]
        self._set_attendance(rows)
        self._update_state()

    # --- reading the form --------------------------------------------------------------

    def current_kind(self) -> MeetingKind:
        return MeetingKind(self.kind.currentData())

    def current_day(self) -> dt.date:
        q = self.day.date()
        return dt.date(q.year(), q.month(), q.day())

    def _group_id(self) -> uuid.UUID | None:
        value = self.group.currentData()
        return uuid.UUID(value) if value and self.current_kind() is MeetingKind.GROUP else None

    @staticmethod
    def _person(box: QComboBox) -> uuid.UUID | None:
        value = box.currentData()
        return uuid.UUID(value) if value else None

    def collect(self) -> MeetingInput:
        """The form as service input."""
        guests = [
            AttendanceInput(None, name.strip(), expected=False)
            for name in self.guests.text().replace(",", "、").replace("，", "、").split("、")
            if name.strip()
        ]
        start, end = self.start.time(), self.end.time()
        return MeetingInput(
            kind=self.current_kind(),
            held_on=self.current_day(),
            start_time=dt.time(start.hour(), start.minute()),
            end_time=dt.time(end.hour(), end.minute()),
            place=self.place.currentText(),
            place_type=self.place_type.currentText(),
            group_id=self._group_id(),
            title=self.title_edit.text(),
            host_id=self._person(self.host),
            recorder_id=self._person(self.recorder),
            lecturer_id=self._person(self.lecturer)
            if self.current_kind() is MeetingKind.LESSON
            else None,
            lecturer_name=self.lecturer_name.text(),
            topics=self.topic_tab.collect_topics(),
            speeches=self.topic_tab.collect_speeches(),
            resolutions=self.vote_tab.resolutions.toPlainText(),
            votes=self.vote_tab.collect(),
            appraisals=self.appraisal_tab.collect()
            if self.current_kind() is MeetingKind.APPRAISAL
            else [],
            attendance=[*(replace(r) for r in self.grid_model.rows), *guests],
        )

    # --- editing helpers ---------------------------------------------------------------

    def _update_counts(self) -> None:
        counts = self.grid_model.counts()
        total = len(self.grid_model.rows)
        self.counts.setText(
            self.tr("Expected %1, present %2, on leave %3, absent %4")
            .replace("%1", str(total))
            .replace("%2", str(counts[Presence.PRESENT]))
            .replace("%3", str(counts[Presence.LEAVE]))
            .replace("%4", str(counts[Presence.ABSENT]))
        )

    def _update_state(self) -> None:
        finalised = self.status is MeetingStatus.FINALISED
        for widget in (
            self.kind,
            self.day,
            self.start,
            self.end,
            self.place,
            self.place_type,
            self.group,
            self.host,
            self.recorder,
            self.lecturer,
            self.lecturer_name,
            self.title_edit,
            self.guests,
        ):
            widget.setEnabled(not finalised)
        for tab in (self.topic_tab, self.vote_tab, self.appraisal_tab):
            tab.set_locked(finalised)
        self.tabs.setTabEnabled(self.appraisal_index, self.current_kind() is MeetingKind.APPRAISAL)
        self.grid_model.read_only = finalised
        self.group.setEnabled(not finalised and self.current_kind() is MeetingKind.GROUP)
        lesson = self.current_kind() is MeetingKind.LESSON
        self.lecturer.setEnabled(not finalised and lesson)
        self.lecturer_name.setEnabled(not finalised and lesson)
        self.save_button.setEnabled(not finalised)
        self.finalise_button.setEnabled(not finalised)
        self.delete_button.setEnabled(not finalised and self.meeting_id is not None)
        self.amend_button.setEnabled(finalised)
        self.pdf_button.setEnabled(self.meeting_id is not None)
        self.state.setText(self.tr("Finalised (locked)") if finalised else self.tr("Draft"))

    def show_problems(self, exc: InputError) -> None:
        self.problems.setText("\n".join(f"• {p.text()}" for p in exc.problems))
        self.problems.show()

    # --- actions -----------------------------------------------------------------------

    def _attempt(self, call: Callable[[], T]) -> T | None:
        """Run a Book call: a refusal of the input is listed here, any other failure goes
        through the window's one error route."""

        def guarded() -> T | None:
            try:
                result = call()
            except InputError as exc:
                self.show_problems(exc)
                return None
            self.problems.hide()
            return result

        return perform(self, guarded)

    def _load_attachments(self) -> None:
        finalised = self.status is MeetingStatus.FINALISED
        self.attachments.load(self.meeting_id, finalised=finalised)

    def _show(self, record: MeetingRecord) -> None:
        """Show ``record`` as stored (after finalising, an amendment or a reload)."""
        self.meeting_id = record.id
        self.status = record.status
        self.saved = record.to_input()
        self._load(self.saved, fresh=False)
        self._update_state()

    def save(self) -> bool:
        """Save the draft (a new record or the changes); True when it is stored."""
        data = self.collect()
        meeting_id = self.meeting_id
        if meeting_id is not None and data == self.saved:
            self.problems.hide()
            return True
        if meeting_id is None:
            record = self._attempt(lambda: self.meetings.create(self.branch_id, data))
        else:
            record = self._attempt(lambda: self.meetings.update(meeting_id, data))
        if record is None:
            return False
        self.meeting_id = record.id
        self.saved = data
        self._load_attachments()
        self._update_state()
        return True

    def finalise(self) -> None:
        if not self.save() or self.meeting_id is None:
            return
        if not Ask.confirm(
            self, self.tr("Finalise"), self.tr("A finalised record is locked. Finalise it now?")
        ):
            return
        meeting_id = self.meeting_id
        record = self._attempt(lambda: self.meetings.finalise(meeting_id))
        if record is not None:
            self._show(record)

    def amend(self) -> None:
        if self.meeting_id is None:
            return
        record = self.meetings.record(self.meeting_id)
        if Ask.exec_dialog(AmendDialog(self.ctx, record, self)):
            self._show(self.meetings.record(record.id))

    def print_pdf(self) -> None:
        if self.meeting_id is not None:
            print_minutes(self.ctx, self, self.meeting_id)

    def delete(self) -> None:
        meeting_id = self.meeting_id
        if meeting_id is None:
            return
        if not Ask.confirm(self, self.tr("Delete draft"), self.tr("Delete this draft record?")):
            return

        def delete() -> bool:
            self.meetings.delete_draft(meeting_id)
            return True

        if perform(self, delete):
            self.accept()
