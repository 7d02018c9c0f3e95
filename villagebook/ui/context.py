"""What every page receives: the open database and the branch it shows."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from villagebook.storage.db import Database


@dataclass
class AppContext:
    db: Database
    branch_id: uuid.UUID | None
