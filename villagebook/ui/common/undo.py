"""The base of undo commands whose work is a service call that already happened once.

A dialog saves first (so refusals show in the dialog), then pushes the command; the first
``redo`` that ``QUndoStack.push`` triggers is therefore skipped.  If a later undo or redo is
refused by the service, the error is shown and the stack drops the command.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from villagebook.storage.db import Database


class ServiceCommand(QUndoCommand):
    def __init__(self, text: str, db: Database, refresh: Callable[[], None]) -> None:
        super().__init__(text)
        self.db = db
        self.refresh = refresh
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(self.apply)

    def undo(self) -> None:
        self._run(self.revert)

    def _run(self, step: Callable[[], None]) -> None:
        try:
            step()
        except Exception as exc:
            from villagebook.ui.errors import show_error

            self.setObsolete(True)  # the stack drops a command it could not carry out
            show_error(None, exc)
        self.refresh()

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError
