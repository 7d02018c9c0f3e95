"""What every capability's API is built on: the Book's transactions, seen as a protocol.

A capability (roster, meetings, development, deliberations, safety) exposes one class in
``services/<capability>/api.py``; the :class:`~villagebook.services.book.Book` creates it
with itself as the :class:`BookCore`.  Each public method of that class is one use case:

    def finalise(self, meeting_id: uuid.UUID) -> MeetingRecord:
        with self.core.transaction(_("定稿会议记录"), undoable=False) as session:
            return record_of(commands.finalise(session, meeting_id))

Rules the methods follow:
- take and return typed values (domain dataclasses, enums, plain types), never a storage row
  or a session;
- refuse with a :class:`~villagebook.domain.common.errors.UserError` subclass naming the field;
  anything else is a bug;
- write only inside ``core.transaction(label)``: the label names the step in Edit ▸ Undo;
  ``undoable=False`` for steps that must not be undone (finalising, import, restore), which
  also clears the undo history.
"""

from __future__ import annotations

import datetime as dt
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Protocol

from sqlmodel import Session

from villagebook.domain.common.rules import RuleSet


class BookCore(Protocol):
    """The Book as its capabilities see it."""

    @property
    def data_dir(self) -> Path: ...

    @property
    def actor(self) -> str: ...

    def transaction(
        self, label: str, *, undoable: bool = True, keep_history: bool = False
    ) -> AbstractContextManager[Session]: ...

    def reading(self) -> AbstractContextManager[Session]: ...

    def rules(self) -> RuleSet: ...

    def today(self) -> dt.date: ...

    def require_unlocked(self) -> None:
        """Refuse (PasswordRequired) while the app lock is on and its password was not given:
        exports and reports with full ID numbers need it."""
        ...


class Capability:
    """Base of each capability's API class."""

    def __init__(self, core: BookCore) -> None:
        self.core = core
