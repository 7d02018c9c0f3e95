"""The record editor: kind + date, the attendance grid, topics, speeches, votes, attachments.

Fast entry: attendance is everyone expected on the date, present; the last place, host
and recorder are offered; topics come from templates.  A draft can be saved, finalised or
deleted; a finalised record is read-only and corrected through amendments.  Every save is a
Book operation: Edit ▸ Undo takes it back.  A refusal of the input is listed in the editor;
any other failure goes through the window's one error route (``ui.ops.perform``).

Nothing typed is lost: closing with unsaved input asks first, and what is typed is kept as
a draft every few seconds (offered back after a crash).  No hollow record: the editor says
what the kind still needs, finalising asks first and then saves and locks in one step
(answering No leaves nothing behind).  Speakers are picked from those present, vote counts
cannot exceed the voting members present.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from villagebook.domain.common.errors import InputError
from villagebook.domain.meetings.values import (
    AttendanceInput,
    MeetingInput,
    MeetingKind,
    MeetingRecord,
    MeetingStatus,
    Presence,
    input_from_json,
    input_to_json,
)
from villagebook.domain.roster.values import RosterEntry
from villagebook.ui.common.ask import Ask
from villagebook.ui.common.guard import DraftKeeper, confirm_discard
from villagebook.ui.common.screen import fit_dialog
from villagebook.ui.context import AppContext
from villagebook.ui.meetings.attachments import AmendDialog, AmendmentTable, AttachmentStrip
from villagebook.ui.meetings.fields import RecordFields, person_of
from villagebook.ui.meetings.reports import print_minutes
from villagebook.ui.meetings.sections import (
    AppraisalTab,
    AttendanceTab,
    SpeakerChoice,
    TopicsTab,
    VotesTab,
)
from villagebook.ui.ops import perform

T = TypeVar("T")


class MeetingEditor(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        meeting_id: uuid.UUID | None = None,
        *,
        kind: MeetingKind = MeetingKind.GENERAL,
        day: dt.date | None = None,
        group_id: uuid.UUID | None = None,
        topics: list[str] | None = None,
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
        self._build()
        for place in self.meetings.places(self.branch_id):
            self.place.addItem(place)
        for group in ctx.book.roster.groups(self.branch_id):
            self.group.addItem(group.name, str(group.id))
        initial = self._initial(kind, day)
        if meeting_id is None:
            initial.group_id = group_id
            initial.topics = list(topics or [])
        self._load(initial, fresh=meeting_id is None)
        self._update_state()
        #: The input as it opened (or was last saved): anything else is unsaved typing.
        self.baseline = self.collect()
        self.keeper = DraftKeeper(
            self, ctx.book.drafts, self._draft_key(), self._draft_title, self._draft
        )
        self.keeper.poll()
        self._offer_draft()
        fit_dialog(self, 980, 720)

    def _offer_draft(self) -> None:
        """What was typed here before a crash is put back (and said so)."""
        try:
            draft = self.ctx.book.drafts.load(self.keeper.key)
        except OSError:
            return
        if draft is None or not self.apply_draft(draft.payload):
            return
        text = self.tr("Restored what you typed at %1 (not saved yet).")
        self.problems.setStyleSheet("color: #0d47a1;")
        self.problems.setText(text.replace("%1", draft.saved_at.strftime("%Y-%m-%d %H:%M")))
        self.problems.show()

    # --- nothing typed is lost ---------------------------------------------------------

    def _draft_key(self) -> str:
        return f"meeting:{self.meeting_id or f'new:{self.branch_id}'}"

    def _draft_title(self) -> str:
        return f"{self.current_day().isoformat()} {self.current_kind().label}"

    def _draft(self) -> dict[str, object] | None:
        if not self.is_dirty():
            return None
        reopen = {
            "dialog": "meeting",
            "meeting_id": str(self.meeting_id) if self.meeting_id else None,
        }
        return {"reopen": reopen, "input": input_to_json(self.collect())}

    def is_dirty(self) -> bool:
        """True when the draft record holds typing not yet saved."""
        return self.status is MeetingStatus.DRAFT and self.collect() != self.baseline

    def apply_draft(self, payload: dict[str, object]) -> bool:
        """Put a draft's input back (recovery after a crash); False if it does not fit."""
        try:
            data = input_from_json(payload.get("input"))
        except ValueError:
            return False
        if self.status is MeetingStatus.FINALISED:
            return False
        self._load(data, fresh=False)
        self._update_state()
        return True

    def reject(self) -> None:
        """Close, Esc or the window's X: ask first when something was typed."""
        if self.is_dirty():
            answer = confirm_discard(self, self.windowTitle())
            if answer == "cancel":
                return
            if answer == "save" and not self.save():
                return
        self.keeper.finish()
        super().reject()

    def accept(self) -> None:
        self.keeper.finish()
        super().accept()

    def _initial(self, kind: MeetingKind, day: dt.date | None) -> MeetingInput:
        """The stored record, or a new one with fast entry's defaults."""
        if self.meeting_id is not None:
            record = self.meetings.record(self.meeting_id)
            self.status = record.status
            self.saved = record.to_input()
            return self.saved
        defaults = self.meetings.defaults(self.branch_id)
        return MeetingInput(
            kind=kind,
            held_on=day or self.ctx.book.today(),
            place=defaults.place,
            host_id=defaults.host_id,
            recorder_id=defaults.recorder_id,
            start_time=dt.time(9, 0),
            end_time=dt.time(11, 0),
        )

    # --- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        self.fields = RecordFields(self)
        f = self.fields  # the names the editor's users know
        self.kind, self.day, self.start, self.end = f.kind, f.day, f.start, f.end
        self.place, self.group, self.host = f.place, f.group, f.host
        self.problems = QLabel()
        self.problems.setObjectName("meetingProblems")
        self.problems.setStyleSheet("color: #b00020;")
        self.problems.setWordWrap(True)
        self.problems.hide()
        self.needs = QLabel()
        self.needs.setObjectName("meetingNeeds")
        self.needs.setStyleSheet("color: #8a4b00;")
        self.needs.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addWidget(self.problems)
        layout.addWidget(self.needs)
        layout.addWidget(self._tabs(), 1)
        layout.addLayout(self._buttons())
        self.kind.currentIndexChanged.connect(self.refresh_expected)
        self.day.dateChanged.connect(self.refresh_expected)
        self.group.currentIndexChanged.connect(self.refresh_expected)
        self.grid_model.dataChanged.connect(self._attendance_changed)
        self.guests.textChanged.connect(self._attendance_changed)
        self.needs_timer = QTimer(self)
        self.needs_timer.setSingleShot(True)
        self.needs_timer.setInterval(400)
        self.needs_timer.timeout.connect(self._show_needs)
        for widget in (self.fields.title_edit, self.fields.lecturer_name):
            widget.textChanged.connect(self.needs_timer.start)

    def _tabs(self) -> QTabWidget:
        self.tabs = QTabWidget()
        self.attendance_tab = AttendanceTab(self)
        self.grid_model = self.attendance_tab.model
        self.guests = self.attendance_tab.guests
        self.tabs.addTab(self.attendance_tab, self.tr("Attendance"))
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
        return self.tabs

    def _buttons(self) -> QHBoxLayout:
        self.state = QLabel()
        self.save_button = QPushButton(self.tr("Save draft"))
        self.finalise_button = QPushButton(self.tr("Finalise"))
        self.amend_button = QPushButton(self.tr("Amend…"))
        self.pdf_button = QPushButton(self.tr("Preview / print…"))
        self.pdf_button.setToolTip(self.tr("Preview the minutes, print them or save a PDF"))
        self.delete_button = QPushButton(self.tr("Delete draft"))
        close = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        for button, slot in (
            (self.save_button, self.save),
            (self.finalise_button, self.finalise),
            (self.amend_button, self.amend),
            (self.pdf_button, self.print_pdf),
            (self.delete_button, self.delete),
        ):
            buttons.addWidget(button)
            button.clicked.connect(slot)
        buttons.addStretch(1)
        buttons.addWidget(self.state)
        buttons.addWidget(close)
        close.clicked.connect(self.reject)
        return buttons

    # --- loading -----------------------------------------------------------------------

    def _load(self, data: MeetingInput, *, fresh: bool) -> None:
        self._loading = True
        self.fields.load(data)
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
        self.members = self.meetings.members_on(self.branch_id, day)
        self.fields.fill_people(self.members, data)

    def _expected(self) -> list[AttendanceInput]:
        return self.meetings.expected_attendance(
            self.branch_id, self.current_kind(), self.current_day(), self._group_id()
        )

    def _set_attendance(self, rows: list[AttendanceInput]) -> None:
        voting = {m.person_id for m in self.members if m.can_vote}
        expected = [r for r in rows if r.expected]
        self.grid_model.set_rows(expected, voting)
        self._attendance_changed()

    def _attendance_changed(self) -> None:
        """Who came decides who may speak and how many may vote."""
        voting = {m.person_id for m in self.members if m.can_vote}
        rows = self.grid_model.rows
        expected = sum(1 for r in rows if r.person_id in voting)
        present = sum(1 for r in rows if r.person_id in voting and r.presence is Presence.PRESENT)
        self.vote_tab.set_expected_voting(expected, present)
        self.topic_tab.set_speakers(*self._speaker_choices())
        self.needs_timer.start()

    def _speaker_choices(self) -> tuple[list[SpeakerChoice], str]:
        if self.current_kind() is MeetingKind.TALKS:
            choices: list[SpeakerChoice] = [(m.name, m.person_id) for m in self.members]
            return choices, self.tr("Talks: whom the talk was with, and what was said")
        choices = [
            (r.name, r.person_id) for r in self.grid_model.rows if r.presence is Presence.PRESENT
        ]
        choices += [(name, None) for name in self.attendance_tab.guest_names()]
        return choices, self.tr("Speeches (speakers are chosen from those present)")

    def _show_needs(self) -> None:
        """What the kind still needs before the record can be finalised (no hollow record)."""
        if self.status is MeetingStatus.FINALISED:
            self.needs.hide()
            return
        missing = self.meetings.missing_for_final(self.collect())
        if missing:
            text = self.tr("Before finalising, fill in: %1")
            self.needs.setText(text.replace("%1", "、".join(n.label for n in missing)))
        self.needs.setVisible(bool(missing))

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
        return self.fields.current_kind()

    def current_day(self) -> dt.date:
        return self.fields.current_day()

    def _group_id(self) -> uuid.UUID | None:
        return self.fields.group_id()

    @staticmethod
    def _person(box: QComboBox) -> uuid.UUID | None:
        return person_of(box)

    def collect(self) -> MeetingInput:
        """The form as the Book's input."""
        f, kind = self.fields, self.current_kind()
        start, end = f.times()
        guests = [
            AttendanceInput(None, name, expected=False)
            for name in self.attendance_tab.guest_names()
        ]
        return MeetingInput(
            kind=kind,
            held_on=self.current_day(),
            start_time=start,
            end_time=end,
            place=f.place.currentText(),
            place_type=f.place_type.currentText(),
            group_id=self._group_id(),
            title=f.title_edit.text(),
            host_id=person_of(f.host),
            recorder_id=person_of(f.recorder),
            lecturer_id=person_of(f.lecturer) if kind is MeetingKind.LESSON else None,
            lecturer_name=f.lecturer_name.text(),
            topics=self.topic_tab.collect_topics(),
            speeches=self.topic_tab.collect_speeches(),
            resolutions=self.vote_tab.resolutions.toPlainText(),
            votes=self.vote_tab.collect(),
            appraisals=self.appraisal_tab.collect() if kind is MeetingKind.APPRAISAL else [],
            attendance=[*(replace(r) for r in self.grid_model.rows), *guests],
        )

    # --- editing helpers ---------------------------------------------------------------

    def _update_state(self) -> None:
        finalised = self.status is MeetingStatus.FINALISED
        self.fields.set_locked(finalised)
        self.guests.setEnabled(not finalised)
        for tab in (self.topic_tab, self.vote_tab, self.appraisal_tab):
            tab.set_locked(finalised)
        self.tabs.setTabEnabled(self.appraisal_index, self.current_kind() is MeetingKind.APPRAISAL)
        self.grid_model.read_only = finalised
        self.save_button.setEnabled(not finalised)
        self.finalise_button.setEnabled(not finalised)
        self.delete_button.setEnabled(not finalised and self.meeting_id is not None)
        self.amend_button.setEnabled(finalised)
        self.pdf_button.setEnabled(True)
        self.state.setText(self.tr("Finalised (locked)") if finalised else self.tr("Draft"))
        self.topic_tab.set_speakers(*self._speaker_choices())
        self._show_needs()

    def show_problems(self, exc: InputError) -> None:
        self.problems.setStyleSheet("color: #b00020;")
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
        self.baseline = self.collect()
        self.keeper.rename(self._draft_key())

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
        self.baseline = self.collect()
        self.keeper.rename(self._draft_key())
        self.keeper.drafts.discard(self.keeper.key)
        self._load_attachments()
        self._update_state()
        return True

    def finalise(self) -> None:
        """Ask first; then save and lock in one step (No, or a refusal, leaves nothing)."""
        data = self.collect()
        missing = self.meetings.missing_for_final(data)
        if missing:
            parts = "、".join(n.label for n in missing)
            text = self.tr("This record cannot be finalised yet; it still needs: %1")
            self.problems.setStyleSheet("color: #b00020;")
            self.problems.setText(text.replace("%1", parts))
            self.problems.show()
            return
        if not Ask.confirm(
            self, self.tr("Finalise"), self.tr("A finalised record is locked. Finalise it now?")
        ):
            return
        meeting_id, branch_id = self.meeting_id, self.branch_id
        record = self._attempt(lambda: self.meetings.finalise_input(branch_id, meeting_id, data))
        if record is not None:
            self._show(record)
            self.keeper.finish()

    def amend(self) -> None:
        if self.meeting_id is None:
            return
        record = self.meetings.record(self.meeting_id)
        if Ask.exec_dialog(AmendDialog(self.ctx, record, self)):
            self._show(self.meetings.record(record.id))

    def print_pdf(self) -> None:
        """Preview the minutes with Print and Save (a draft is saved first)."""
        unsaved = self.meeting_id is None or self.is_dirty()
        if self.status is MeetingStatus.DRAFT and unsaved and not self.save():
            return
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
            self.keeper.finish()
            self.accept()
