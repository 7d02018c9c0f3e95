"""A step decided by a branch general meeting links its record (DEV-MEETING-LINK,
DLB-MEETING-LINK): the general meetings of the step's date are offered, or one is created.

Used by the development step dialog (steps 15 and 23) and the 四议两公开 step dialog (step
3).  Creating a record opens the meeting editor pre-filled with the kind, the date and the
topic; once it is saved, it is chosen here.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from villagebook.domain.meetings.values import MeetingKind
from villagebook.ui.common.ask import Ask

#: (record id, date, title) of a general meeting one may link.
Choice = tuple[uuid.UUID, dt.date, str]


class MeetingLinkField(QWidget):
    """The general meetings held on a day, "type the counts instead", and Create…"""

    changed = Signal()

    def __init__(
        self,
        ctx: Any,
        choices: Callable[[], Sequence[Choice]],
        topic: str,
        none_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.choices, self.topic, self.none_text = ctx, choices, topic, none_text
        self.day = dt.date.today()
        self.combo = QComboBox()
        self.combo.setObjectName("meetingLink")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #8a4b00;")
        self.create_button = QPushButton(self.tr("Create the meeting record…"))
        self.create_button.setObjectName("createMeeting")
        self.create_button.clicked.connect(self.create_record)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo, 1)
        row.addWidget(self.create_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self.note)
        self.combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self._all: list[Choice] = list(choices())

    def set_day(self, day: dt.date, keep: uuid.UUID | None = None) -> None:
        """Offer the general meetings of ``day`` (keeping ``keep`` chosen if it is one)."""
        self.day = day
        wanted = keep if keep is not None else self.meeting_id()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self.none_text, None)
        same_day = [c for c in self._all if c[1] == day]
        for meeting_id, held_on, title in same_day:
            self.combo.addItem(f"{held_on.isoformat()} {title}", str(meeting_id))
        index = self.combo.findData(str(wanted)) if wanted else -1
        self.combo.setCurrentIndex(index if index >= 0 else (1 if same_day else 0))
        self.combo.blockSignals(False)
        if same_day:
            self.note.setText(
                self.tr("The general meeting of this date is linked: its counts are used.")
            )
        else:
            self.note.setText(
                self.tr(
                    "There is no general-meeting record of %1. Create it (the record is the "
                    "proof that the meeting took place), or type the counts below."
                ).replace("%1", day.isoformat())
            )
        self.changed.emit()

    def meeting_id(self) -> uuid.UUID | None:
        value = self.combo.currentData()
        return uuid.UUID(str(value)) if value else None

    def create_record(self) -> uuid.UUID | None:
        """Open the meeting editor for a general meeting of the day; link what it saved."""
        from villagebook.ui.meetings.editor import MeetingEditor

        before = {c[0] for c in self._all}
        editor = MeetingEditor(
            self.ctx, kind=MeetingKind.GENERAL, day=self.day, topics=[self.topic], parent=self
        )
        Ask.exec_dialog(editor)
        created = editor.meeting_id
        editor.deleteLater()
        self._all = list(self.choices())
        if created is None or created in before:
            self.set_day(self.day)
            return None
        chosen = next((c for c in self._all if c[0] == created), None)
        if chosen is not None and chosen[1] != self.day:  # the editor changed the date
            self.day = chosen[1]
        self.set_day(self.day, keep=created)
        return created
