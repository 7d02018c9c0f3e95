"""Row-level work below the ORM for merging records: removing the rows a record was loaded
into (logged in the audit trail like every change), and reading the audit trail's change
numbers (the versions a branch gives its records)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlmodel import SQLModel

from villagebook.storage import audit, dialect
from villagebook.storage.audit import AUDIT_TABLE, Change


def head(conn: sa.Connection) -> int:
    """The newest change number (audit sequence) of this database; 0 when there is none."""
    value = conn.execute(sa.text(f"SELECT MAX(seq) FROM {AUDIT_TABLE}")).scalar()
    return int(value or 0)


@dataclass(frozen=True)
class LastChange:
    seq: int
    at: dt.datetime | None
    actor: str


def last_changes(conn: sa.Connection) -> dict[str, LastChange]:
    """Row id (32 hex digits) → the newest audit entry of that row: who changed it, when."""
    latest = (
        sa.select(sa.column("row_id"), sa.func.max(sa.column("seq")).label("seq"))
        .select_from(sa.table(AUDIT_TABLE))
        .group_by(sa.column("row_id"))
        .subquery()
    )
    log = sa.table(AUDIT_TABLE, sa.column("seq"), sa.column("at"), sa.column("actor"))
    rows = conn.execute(
        sa.select(latest.c.row_id, log.c.seq, log.c.at, log.c.actor).join(
            log, log.c.seq == latest.c.seq
        )
    )
    found = {}
    for row_id, seq, at, actor in rows:
        try:
            moment = dt.datetime.fromisoformat(at) if at else None
        except ValueError:
            moment = None
        found[str(row_id)] = LastChange(int(seq), moment, str(actor or ""))
    return found


def _table(name: str) -> sa.Table:
    table = SQLModel.metadata.tables.get(name)
    if table is None:
        raise KeyError(name)
    return table


def delete_rows(session: Session, rows: Sequence[tuple[str, str]]) -> int:
    """Delete the rows ``(table, id hex)`` (newest first), logging each in the audit trail.

    Foreign keys are checked at commit (:func:`dialect.defer_foreign_keys`), so a record can
    be replaced by its newer version with the same ids in one transaction.
    """
    conn = session.connection()
    dialect.defer_foreign_keys(conn)
    changes: list[Change] = []
    for name, row_id in reversed(rows):
        table = _table(name)
        key = uuid.UUID(row_id)
        raw = _raw(conn, name, key)
        if raw is None:
            continue
        conn.execute(table.delete().where(table.c.id == key))
        changes.append(Change(name, str(raw["id"]), "delete", raw, None))
    audit.append(
        conn, changes, str(session.info.get("actor", "")), session.info.get(audit.LOGIN_KEY)
    )
    audit.collect(session, changes)
    return len(changes)


def _raw(conn: sa.Connection, name: str, key: uuid.UUID) -> dict[str, object] | None:
    table = _table(name)
    query = sa.text(f'SELECT * FROM "{name}" WHERE id = :id').bindparams(
        sa.bindparam("id", type_=table.c.id.type)
    )
    row = conn.execute(query, {"id": key}).mappings().first()
    return dialect.raw_row(conn.dialect, dict(row)) if row is not None else None


def changed_rows(changes: Iterable[Change]) -> list[tuple[str, str]]:
    """``(table, id hex)`` of the rows inserted by ``changes``, in order."""
    return [(c.table_name, str(c.row_id)) for c in changes if c.action == "insert"]
