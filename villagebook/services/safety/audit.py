"""The audit trail as the window and the CLI see it: a record's history, and verification."""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlmodel import Session

from villagebook.storage import audit
from villagebook.storage.audit import AuditIssue, FieldChange, HistoryEntry

__all__ = ["AuditIssue", "FieldChange", "HistoryEntry", "history", "verify"]


def history(session: Session, row_id: uuid.UUID | str) -> list[HistoryEntry]:
    """Every change of one record (any table), oldest first."""
    return audit.history(session, row_id)


def verify(db_path: Path) -> list[AuditIssue]:
    """Breaks in the hash chain and rows changed behind the application's back."""
    return audit.verify(db_path)
