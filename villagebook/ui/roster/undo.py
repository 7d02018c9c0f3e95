"""Undoable roster edits.  The undo logic lives in ``services.roster``; these only call it.

Each command is pushed after the dialog has already saved (so refusals show in the dialog);
the first ``redo`` that ``QUndoStack.push`` triggers is therefore skipped.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from villagebook.domain.roster.validation import PersonInput
from villagebook.domain.roster.values import PartyStatus
from villagebook.services.roster import commands as roster_commands
from villagebook.storage.db import Database
from villagebook.ui.common.undo import ServiceCommand


class RosterCommand(ServiceCommand):
    """Base of this page's undo commands."""


class AddPerson(RosterCommand):
    def __init__(
        self,
        db: Database,
        refresh: Callable[[], None],
        person_id: uuid.UUID,
        data: PersonInput,
        status: PartyStatus,
        status_on: dt.date,
        group_id: uuid.UUID | None,
        branch_id: uuid.UUID,
    ) -> None:
        super().__init__(
            QCoreApplication.translate("RosterUndo", "Add {name}").format(name=data.name),
            db,
            refresh,
        )
        self.person_id = person_id
        self.data = data
        self.status = status
        self.status_on = status_on
        self.group_id = group_id
        self.branch_id = branch_id

    def apply(self) -> None:
        with self.db.write() as session:
            roster_commands.create_person(
                session,
                self.branch_id,
                self.data,
                status=self.status,
                status_on=self.status_on,
                group_id=self.group_id,
                person_id=self.person_id,
            )

    def revert(self) -> None:
        with self.db.write() as session:
            roster.remove_unreferenced_person(session, self.person_id)


class EditPerson(RosterCommand):
    def __init__(
        self,
        db: Database,
        refresh: Callable[[], None],
        person_id: uuid.UUID,
        old: PersonInput,
        new: PersonInput,
    ) -> None:
        super().__init__(
            QCoreApplication.translate("RosterUndo", "Edit {name}").format(name=new.name),
            db,
            refresh,
        )
        self.person_id = person_id
        self.old = old
        self.new = new

    def _write(self, data: PersonInput) -> None:
        with self.db.write() as session:
            roster_commands.update_person(session, self.person_id, data)

    def apply(self) -> None:
        self._write(self.new)

    def revert(self) -> None:
        self._write(self.old)


class ChangeStatus(RosterCommand):
    def __init__(
        self,
        db: Database,
        refresh: Callable[[], None],
        change_id: uuid.UUID,
        person_id: uuid.UUID,
        name: str,
        status: PartyStatus,
        effective_on: dt.date,
        note: str,
    ) -> None:
        text = QCoreApplication.translate("RosterUndo", "Status of {name}: {status}").format(
            name=name, status=status.label
        )
        super().__init__(text, db, refresh)
        self.change_id = change_id
        self.person_id = person_id
        self.status = status
        self.effective_on = effective_on
        self.note = note

    def apply(self) -> None:
        with self.db.write() as session:
            change = roster_commands.change_status(
                session, self.person_id, self.status, self.effective_on, note=self.note
            )
            self.change_id = change.id

    def revert(self) -> None:
        with self.db.write() as session:
            roster.undo_status_change(session, self.change_id)


class AssignGroup(RosterCommand):
    def __init__(
        self,
        db: Database,
        refresh: Callable[[], None],
        assignment_id: uuid.UUID,
        person_id: uuid.UUID,
        name: str,
        group_id: uuid.UUID | None,
        effective_on: dt.date,
    ) -> None:
        super().__init__(
            QCoreApplication.translate("RosterUndo", "Party group of {name}").format(name=name),
            db,
            refresh,
        )
        self.assignment_id = assignment_id
        self.person_id = person_id
        self.group_id = group_id
        self.effective_on = effective_on

    def apply(self) -> None:
        with self.db.write() as session:
            assignment = roster_commands.assign_group(
                session, self.person_id, self.group_id, self.effective_on
            )
            self.assignment_id = assignment.id

    def revert(self) -> None:
        with self.db.write() as session:
            roster.undo_group_assignment(session, self.assignment_id)
