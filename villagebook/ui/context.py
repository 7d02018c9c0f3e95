"""What every page receives: the open database, the branch it shows, the undo stack."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from PySide6.QtGui import QUndoStack

from villagebook.storage.db import Database


@dataclass
class AppContext:
    db: Database
    branch_id: uuid.UUID | None
    #: The window's Edit ▸ Undo stack; roster edits push their commands here.
    undo_stack: QUndoStack = field(default_factory=QUndoStack)
