"""Undoable edits of what is not frozen yet: the working text and a matter's header.

Commands are pushed after the dialog saved (so refusals show in the dialog); the first
``redo`` that ``QUndoStack.push`` triggers is skipped.  Once a step has decided the text or
the matter has started, undo is refused by the service and the command is dropped.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from villagebook.domain.common.errors import InputError
from villagebook.services.deliberations import matters as dlb
from villagebook.storage.db import Database
from villagebook.ui.common.undo import ServiceCommand


class DeliberationCommand(ServiceCommand):
    """Base of this page's undo commands."""


class EditText(DeliberationCommand):
    """An edit of a draft version (not yet decided by any step)."""

    def __init__(
        self,
        db: Database,
        refresh: Callable[[], None],
        matter_id: uuid.UUID,
        version_id: uuid.UUID,
        old: str,
        new: str,
    ) -> None:
        super().__init__(
            QCoreApplication.translate("DeliberationUndo", "Edit the text"), db, refresh
        )
        self.matter_id, self.version_id, self.old, self.new = matter_id, version_id, old, new

    def _set(self, body: str) -> None:
        with self.db.write() as session:
            latest = dlb.current_text(session, self.matter_id)
            if latest is None or latest.id != self.version_id or latest.frozen_by is not None:
                raise InputError.single("text", "提议内容", "该稿已被会议议定，不能撤销修改")
            dlb.edit_text(session, self.matter_id, body)

    def apply(self) -> None:
        self._set(self.new)

    def revert(self) -> None:
        self._set(self.old)


class EditMatter(DeliberationCommand):
    """A change of title, category or amount before the first step."""

    def __init__(
        self,
        db: Database,
        refresh: Callable[[], None],
        matter_id: uuid.UUID,
        old: dlb.MatterInput,
        new: dlb.MatterInput,
    ) -> None:
        super().__init__(
            QCoreApplication.translate("DeliberationUndo", "Edit {title}").format(title=new.title),
            db,
            refresh,
        )
        self.matter_id, self.old, self.new = matter_id, old, new

    def apply(self) -> None:
        with self.db.write() as session:
            dlb.update_matter(session, self.matter_id, self.new)

    def revert(self) -> None:
        with self.db.write() as session:
            dlb.update_matter(session, self.matter_id, self.old)
