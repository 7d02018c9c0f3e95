"""Tabs of the record editor: attendance, topics and speeches, resolutions and votes, appraisal.

Each tab loads from and collects into the parts of a ``MeetingInput`` (topics,
:class:`Speech`, :class:`Vote`, :class:`Appraisal`) and can be locked for a finalised record.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from villagebook.domain.meetings.values import (
    Appraisal,
    AppraisalVerdict,
    AttendanceInput,
    Presence,
    Speech,
    Vote,
    motion_passes,
)
from villagebook.ui.meetings.models import AttendanceModel


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


class AttendanceTab(QWidget):
    """Everyone expected, present by default (change only who was on leave or absent), the
    counts, and the non-member attendees (列席)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AttendanceModel(self)
        self.grid = QTableView()
        self.grid.setObjectName("attendanceGrid")
        self.grid.setModel(self.model)
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
        self.model.dataChanged.connect(self.update_counts)
        self.model.modelReset.connect(self.update_counts)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.grid, 1)
        form = QFormLayout()
        form.addRow(self.tr("Non-member attendees (列席)"), self.guests)
        layout.addLayout(form)

    def update_counts(self) -> None:
        counts = self.model.counts()
        self.counts.setText(
            self.tr("Expected %1, present %2, on leave %3, absent %4")
            .replace("%1", str(len(self.model.rows)))
            .replace("%2", str(counts[Presence.PRESENT]))
            .replace("%3", str(counts[Presence.LEAVE]))
            .replace("%4", str(counts[Presence.ABSENT]))
        )

    def guest_names(self) -> list[str]:
        text = self.guests.text().replace(",", "、").replace("，", "、")
        return [name.strip() for name in text.split("、") if name.strip()]


def _cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text().strip() if item is not None else ""


def _int(table: QTableWidget, row: int, column: int) -> int:
    text = _cell(table, row, column)
    try:
        return int(text) if text else 0
    except ValueError:
        return -1  # refused by the service with a message naming the vote


def _lock_table(table: QTableWidget, locked: bool) -> None:
    table.setEditTriggers(
        QTableWidget.EditTrigger.NoEditTriggers
        if locked
        else QTableWidget.EditTrigger.AllEditTriggers
    )


#: The role holding a speaker choice's plain name.
NAME_ROLE = Qt.ItemDataRole.UserRole + 1
#: A speaker one may pick: (name, roster person id or None for a non-member attendee).
SpeakerChoice = tuple[str, uuid.UUID | None]


class TopicsTab(QWidget):
    """Ordered topics (from templates or typed) and what was said.

    Speakers are picked from those who attended (members present and 列席), never typed,
    so a speech can never name someone who was absent; for 谈心谈话 the choice is whom the
    talk was with.
    """

    def __init__(self, templates: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices: list[SpeakerChoice] = []
        self.locked = False
        self.topics = QListWidget()
        self.topics.setObjectName("topics")
        self.template = QComboBox()
        self.template.setEditable(True)
        self.template.addItems(list(templates))
        self.template.setCurrentText("")
        self.add_button = QPushButton(self.tr("Add topic"))
        self.remove_button = QPushButton(self.tr("Remove topic"))
        self.add_button.clicked.connect(self.add_topic)
        self.remove_button.clicked.connect(self.remove_topic)
        self.speeches = QTableWidget(0, 2)
        self.speeches.setObjectName("speeches")
        self.speeches.setHorizontalHeaderLabels([self.tr("Speaker"), self.tr("What was said")])
        self.speeches.horizontalHeader().setStretchLastSection(True)
        self.speeches.setColumnWidth(0, self.fontMetrics().horizontalAdvance("M") * 10)
        self.speeches.setWordWrap(True)
        self.add_speech_button = QPushButton(self.tr("Add speech"))
        self.add_speech_button.clicked.connect(lambda: self.add_speech(None, "", ""))
        self.remove_speech_button = QPushButton(self.tr("Remove speech"))
        self.remove_speech_button.clicked.connect(self.remove_speech)
        self.speakers_label = QLabel(self.tr("Speeches (speakers are chosen from those present)"))
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.template, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        layout.addWidget(self.topics, 1)
        layout.addWidget(self.speakers_label)
        layout.addWidget(self.speeches, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_speech_button)
        buttons.addWidget(self.remove_speech_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def load(self, topics: list[str], speeches: list[Speech]) -> None:
        self.topics.clear()
        self.topics.addItems(topics)
        self.speeches.setRowCount(0)
        for speech in speeches:
            self.add_speech(speech.speaker_id, speech.speaker, speech.summary)

    def add_topic(self) -> None:
        text = self.template.currentText().strip()
        if text:
            self.topics.addItem(text)
            self.template.setCurrentText("")

    def remove_topic(self) -> None:
        row = self.topics.currentRow()
        if row >= 0:
            self.topics.takeItem(row)

    def _speaker_box(self, person_id: uuid.UUID | None, name: str) -> QComboBox:
        box = QComboBox()
        box.setObjectName("speaker")
        self._fill(box, person_id, name)
        box.setEnabled(not self.locked)
        return box

    def _fill(self, box: QComboBox, person_id: uuid.UUID | None, name: str) -> None:
        box.blockSignals(True)
        box.clear()
        box.addItem("", None)
        for choice_name, choice_id in self.choices:
            box.addItem(choice_name, str(choice_id) if choice_id else f"name:{choice_name}")
            box.setItemData(box.count() - 1, choice_name, NAME_ROLE)
        wanted = str(person_id) if person_id else (f"name:{name}" if name else None)
        index = box.findData(wanted) if wanted else 0
        if index < 0 and not person_id:
            index = box.findText(name)
        if index < 0:  # kept as recorded, marked: the save names the contradiction
            text = self.tr("%1 (not present)").replace("%1", name)
            box.addItem(text, str(person_id) if person_id else f"name:{name}")
            index = box.count() - 1
            box.setItemData(index, name, NAME_ROLE)
        box.setCurrentIndex(index)
        box.blockSignals(False)

    def set_speakers(self, choices: list[SpeakerChoice], heading: str | None = None) -> None:
        """Who may be chosen as a speaker; the speakers chosen so far are kept."""
        self.choices = choices
        if heading:
            self.speakers_label.setText(heading)
        for row in range(self.speeches.rowCount()):
            box = self.speeches.cellWidget(row, 0)
            if isinstance(box, QComboBox):
                person_id, name = self._speaker(box)
                self._fill(box, person_id, name)

    @staticmethod
    def _speaker(box: QComboBox) -> tuple[uuid.UUID | None, str]:
        data = box.currentData()
        if not data:
            return None, ""
        name = str(box.currentData(NAME_ROLE) or "")
        if str(data).startswith("name:"):
            return None, name or str(data)[5:]
        return uuid.UUID(str(data)), name

    def add_speech(self, person_id: uuid.UUID | None, speaker: str, summary: str) -> None:
        row = self.speeches.rowCount()
        self.speeches.insertRow(row)
        self.speeches.setCellWidget(row, 0, self._speaker_box(person_id, speaker))
        self.speeches.setItem(row, 1, QTableWidgetItem(summary))

    def remove_speech(self) -> None:
        row = self.speeches.currentRow()
        if row >= 0 and not self.locked:
            self.speeches.removeRow(row)

    def collect_topics(self) -> list[str]:
        return [self.topics.item(i).text() for i in range(self.topics.count())]

    def collect_speeches(self) -> list[Speech]:
        found = []
        for row in range(self.speeches.rowCount()):
            box = self.speeches.cellWidget(row, 0)
            person_id, speaker = self._speaker(box) if isinstance(box, QComboBox) else (None, "")
            summary = _cell(self.speeches, row, 1)
            if speaker or summary:
                found.append(Speech(speaker_id=person_id, speaker=speaker, summary=summary))
        return found

    def set_locked(self, locked: bool) -> None:
        self.locked = locked
        for widget in (self.template, self.topics, self.add_button, self.remove_button):
            widget.setEnabled(not locked)
        self.add_speech_button.setEnabled(not locked)
        self.remove_speech_button.setEnabled(not locked)
        _lock_table(self.speeches, locked)
        for row in range(self.speeches.rowCount()):
            box = self.speeches.cellWidget(row, 0)
            if box is not None:
                box.setEnabled(not locked)


class VotesTab(QWidget):
    """Resolutions and votes; each vote shows whether it passed under the DOMAIN rule."""

    RESULT = 6
    COUNTS = (1, 2, 3)  # yes, no, abstain: together no more than the voting members present
    WRITTEN = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.expected_voting = 0
        self.present_voting = 0
        #: The last accepted text of each count cell: a refused entry goes back to it.
        self._accepted: dict[tuple[int, int], str] = {}
        self.limit = QLabel()
        self.limit.setObjectName("voteLimit")
        self.limit.setStyleSheet("color: #b00020;")
        self.limit.setWordWrap(True)
        self.limit.hide()
        self.resolutions = QPlainTextEdit()
        self.votes = QTableWidget(0, 7)
        self.votes.setHorizontalHeaderLabels(
            [
                self.tr("Motion"),
                self.tr("Yes"),
                self.tr("No"),
                self.tr("Abstain"),
                self.tr("Written yes"),
                self.tr("Secret ballot"),
                self.tr("Result"),
            ]
        )
        self.votes.horizontalHeader().setStretchLastSection(True)
        self.votes.setColumnWidth(0, 260)
        for column in range(1, 6):
            self.votes.setColumnWidth(column, 70)
        self.add_button = QPushButton(self.tr("Add vote"))
        self.add_button.clicked.connect(lambda: self.add_vote(Vote(motion="")))
        self.votes.itemChanged.connect(self._count_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Resolutions")))
        layout.addWidget(self.resolutions, 1)
        layout.addWidget(
            QLabel(
                self.tr("Votes (a motion passes with yes > half of the voting members expected)")
            )
        )
        layout.addWidget(self.votes, 1)
        layout.addWidget(self.limit)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def load(self, resolutions: str, votes: list[Vote]) -> None:
        self.resolutions.setPlainText(resolutions)
        self.votes.setRowCount(0)
        for vote in votes:
            self.add_vote(vote)

    def add_vote(self, vote: Vote) -> None:
        self.votes.blockSignals(True)
        row = self.votes.rowCount()
        self.votes.insertRow(row)
        values = [vote.motion, vote.yes, vote.no, vote.abstain, vote.written_yes]
        for column, value in enumerate(values):
            self.votes.setItem(row, column, QTableWidgetItem(str(value)))
        secret = QTableWidgetItem()
        secret.setFlags(secret.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        checked = Qt.CheckState.Checked if vote.secret_ballot else Qt.CheckState.Unchecked
        secret.setCheckState(checked)
        self.votes.setItem(row, 5, secret)
        result = QTableWidgetItem()
        result.setFlags(result.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.votes.setItem(row, self.RESULT, result)
        for column in (*self.COUNTS, self.WRITTEN):
            self._accepted[(row, column)] = str(values[column])
        self.votes.blockSignals(False)
        self.update_results()

    def set_expected_voting(self, count: int, present: int | None = None) -> None:
        self.expected_voting = count
        if present is not None:
            self.present_voting = present
        self.update_results()

    def _count_changed(self, item: QTableWidgetItem) -> None:
        """A count was typed: refuse a negative number, and yes + no + abstain above the
        voting members present, or written opinions above the voting members absent."""
        row, column = item.row(), item.column()
        if column not in (*self.COUNTS, self.WRITTEN):
            self.update_results()
            return
        message = self._count_problem(row, column)
        if message:
            self.votes.blockSignals(True)
            item.setText(self._accepted.get((row, column), "0"))
            self.votes.blockSignals(False)
            self.limit.setText(message)
            self.limit.show()
        else:
            self._accepted[(row, column)] = item.text().strip() or "0"
            self.limit.hide()
        self.update_results()

    def _count_problem(self, row: int, column: int) -> str:
        value = _int(self.votes, row, column)
        if value < 0:
            return self.tr("A count is a whole number, 0 or more.")
        if column == self.WRITTEN:
            absent = max(self.expected_voting - self.present_voting, 0)
            if value > absent:
                return self.tr(
                    "Only %1 voting members were absent: no more written opinions than that."
                ).replace("%1", str(absent))
            return ""
        ballots = sum(max(_int(self.votes, row, c), 0) for c in self.COUNTS)
        if ballots > self.present_voting:
            return (
                self.tr(
                    "Yes, no and abstain together (%1) cannot exceed the %2 voting members present."
                )
                .replace("%1", str(ballots))
                .replace("%2", str(self.present_voting))
            )
        return ""

    def update_results(self) -> None:
        self.votes.blockSignals(True)
        for row in range(self.votes.rowCount()):
            vote = self._vote(row)
            item = self.votes.item(row, self.RESULT)
            if item is None:
                continue
            if vote.ballots > self.present_voting or min(vote.yes, vote.no, vote.abstain) < 0:
                item.setText(self.tr("counts impossible"))  # never "passed" beside an error
            elif motion_passes(vote, self.expected_voting):
                item.setText(self.tr("passed"))
            else:
                item.setText(self.tr("not passed"))
        self.votes.blockSignals(False)

    def _vote(self, row: int) -> Vote:
        secret = self.votes.item(row, 5)
        return Vote(
            motion=_cell(self.votes, row, 0),
            yes=_int(self.votes, row, 1),
            no=_int(self.votes, row, 2),
            abstain=_int(self.votes, row, 3),
            written_yes=_int(self.votes, row, 4),
            secret_ballot=secret is not None and secret.checkState() == Qt.CheckState.Checked,
        )

    def collect(self) -> list[Vote]:
        return [self._vote(row) for row in range(self.votes.rowCount())]

    def set_locked(self, locked: bool) -> None:
        self.resolutions.setReadOnly(locked)
        self.add_button.setEnabled(not locked)
        _lock_table(self.votes, locked)


class AppraisalTab(QWidget):
    """民主评议党员: per member self review, peer review, and the verdict."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.people: list[tuple[uuid.UUID | None, str]] = []
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("appraisalTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Self review"), self.tr("Peer review"), self.tr("Verdict")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(1, 240)
        self.table.setColumnWidth(2, 240)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Self review → peer review → rating → verdict for each member"))
        )
        layout.addWidget(self.table, 1)

    def load(self, attendance: list[AttendanceInput], appraisals: list[Appraisal]) -> None:
        known = {a.person_id: a for a in appraisals}
        self.people = [(r.person_id, r.name) for r in attendance if r.expected]
        self.table.setRowCount(len(self.people))
        for row, (person_id, name) in enumerate(self.people):
            item = known.get(person_id) or Appraisal(person_id=person_id, name=name)
            name_item = QTableWidgetItem(name)
            name_item.setFlags(name_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, 0, name_item)
            self.table.setItem(row, 1, QTableWidgetItem(item.self_review))
            self.table.setItem(row, 2, QTableWidgetItem(item.peer_review))
            verdict = QComboBox()
            verdict.addItem("", None)
            for value in AppraisalVerdict:
                verdict.addItem(value.label, value.value)
            if item.verdict is not None:
                verdict.setCurrentIndex(verdict.findData(item.verdict.value))
            self.table.setCellWidget(row, 3, verdict)

    def collect(self) -> list[Appraisal]:
        found = []
        for row, (person_id, name) in enumerate(self.people):
            box = self.table.cellWidget(row, 3)
            value = box.currentData() if isinstance(box, QComboBox) else None
            own, peers = _cell(self.table, row, 1), _cell(self.table, row, 2)
            if own or peers or value:
                found.append(
                    Appraisal(
                        person_id=person_id,
                        name=name,
                        self_review=own,
                        peer_review=peers,
                        verdict=AppraisalVerdict(value) if value else None,
                    )
                )
        return found

    def set_locked(self, locked: bool) -> None:
        _lock_table(self.table, locked)
        for row in range(self.table.rowCount()):
            box = self.table.cellWidget(row, 3)
            if box is not None:
                box.setEnabled(not locked)
