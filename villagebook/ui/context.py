"""What every page receives: the open Book, the branch it shows, the change notices."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtGui import QUndoStack

from villagebook.ui.changes import ChangeHub


@dataclass
class AppContext:
    #: The core :class:`~villagebook.services.book.Book` (typed loosely: the window never
    #: imports the core at start-up).
    book: Any
    branch_id: uuid.UUID | None
    hub: ChangeHub
    #: TODO(spine): removed once deliberations undo through the Book.
    undo_stack: QUndoStack = field(default_factory=QUndoStack)

    @property
    def db(self) -> Any:  # TODO(spine): removed once every page calls the Book
        return self.book.database
