"""What exchange sections share: the import context, the section protocol, parsing helpers."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlmodel import Session

from villagebook.domain.common.errors import InputError, Problem
from villagebook.storage.models import Branch

FORMAT = "villagebook-exchange"
VERSION = 1
Record = dict[str, Any]


class ImportFailed(InputError):
    """The file was refused; ``problems`` lists every problem with its path."""


@dataclass
class ImportContext:
    """What a section may consult while validating or loading."""

    document: Record
    branch_id: uuid.UUID
    today: dt.date
    person_ids: set[uuid.UUID] = field(default_factory=set)
    group_ids: set[uuid.UUID] = field(default_factory=set)
    #: Ids of records loaded so far by any section (for cross-references).
    loaded: dict[str, set[uuid.UUID]] = field(default_factory=dict)


class Section(Protocol):
    key: str

    def export(self, session: Session, branch: Branch) -> list[Record]: ...

    def validate(self, items: list[Record], ctx: ImportContext) -> list[Problem]: ...

    def load(self, session: Session, items: list[Record], ctx: ImportContext) -> None: ...


# --- helpers shared by sections ----------------------------------------------------------


def parse_date(value: Any, path: str, label: str, problems: list[Problem]) -> dt.date | None:
    """Parse ``YYYY-MM-DD``; on failure add a problem and return None."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        problems.append(Problem(path, label, f"“{value}”不是有效日期（应为YYYY-MM-DD）"))
        return None


def parse_uuid(value: Any) -> uuid.UUID:
    return uuid.UUID(str(value))


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
