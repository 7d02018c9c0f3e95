"""What every page receives: the open Book, the branch it shows, the change notices."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from villagebook.ui.changes import ChangeHub

if TYPE_CHECKING:  # the window imports the core only once the data folder opens
    from villagebook.services.book import Book


@dataclass
class AppContext:
    #: The core Book: every page calls it, and only it.
    book: Book
    branch_id: uuid.UUID | None
    hub: ChangeHub
