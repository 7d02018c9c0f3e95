"""The head of the record editor: kind, date and times, place, Party group, host, recorder,
lecturer and title."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QWidget,
)

from villagebook.domain.meetings.values import LESSON_PLACE_TYPES, MeetingInput, MeetingKind
from villagebook.domain.roster.values import RosterEntry


def person_of(box: QComboBox) -> uuid.UUID | None:
    """The person chosen in a combo of members (None: nobody)."""
    value = box.currentData()
    return uuid.UUID(value) if value else None


def _fill_members(box: QComboBox, members: list[RosterEntry], wanted: uuid.UUID | None) -> None:
    box.blockSignals(True)
    box.clear()
    box.addItem("", None)
    for member in members:
        text = f"{member.name}（{member.committee_role}）" if member.committee_role else member.name
        box.addItem(text, str(member.person_id))
    if wanted is not None:
        box.setCurrentIndex(max(box.findData(str(wanted)), 0))
    box.blockSignals(False)


def _row(*items: QWidget | str, stretch: tuple[int, ...] = ()) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    for index, item in enumerate(items):
        widget = QLabel(item) if isinstance(item, str) else item
        row.addWidget(widget, stretch[index] if index < len(stretch) else 0)
    return row


class RecordFields(QWidget):
    """The record's own fields; ``load`` shows an input, the editor reads them back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        when = (self.kind, self.tr("Date"), self.day, self.tr("From"), self.start, self.tr("to"))
        form.addRow(self.tr("Kind"), _row(*when, self.end))
        form.addRow(self.tr("Party group"), self.group)
        form.addRow(self.tr("Place"), _row(self.place, self.place_type, stretch=(3, 1)))
        form.addRow(self.tr("Host"), _row(self.host, self.tr("Recorder"), self.recorder))
        form.addRow(self.tr("Lecturer"), _row(self.lecturer, self.lecturer_name))
        form.addRow(self.tr("Title"), self.title_edit)

    def load(self, data: MeetingInput) -> None:
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

    def fill_people(self, members: list[RosterEntry], data: MeetingInput | None = None) -> None:
        """The members of the day as choices, keeping the chosen ones (or ``data``'s)."""
        for box, wanted in (
            (self.host, data.host_id if data else person_of(self.host)),
            (self.recorder, data.recorder_id if data else person_of(self.recorder)),
            (self.lecturer, data.lecturer_id if data else person_of(self.lecturer)),
        ):
            _fill_members(box, members, wanted)

    def current_kind(self) -> MeetingKind:
        return MeetingKind(self.kind.currentData())

    def current_day(self) -> dt.date:
        q = self.day.date()
        return dt.date(q.year(), q.month(), q.day())

    def group_id(self) -> uuid.UUID | None:
        value = self.group.currentData()
        return uuid.UUID(value) if value and self.current_kind() is MeetingKind.GROUP else None

    def times(self) -> tuple[dt.time, dt.time]:
        start, end = self.start.time(), self.end.time()
        return dt.time(start.hour(), start.minute()), dt.time(end.hour(), end.minute())

    def set_locked(self, locked: bool) -> None:
        kind = self.current_kind()
        for widget in (
            self.kind,
            self.day,
            self.start,
            self.end,
            self.place,
            self.place_type,
            self.host,
            self.recorder,
            self.title_edit,
        ):
            widget.setEnabled(not locked)
        self.group.setEnabled(not locked and kind is MeetingKind.GROUP)
        lesson = kind is MeetingKind.LESSON
        self.lecturer.setEnabled(not locked and lesson)
        self.lecturer_name.setEnabled(not locked and lesson)
