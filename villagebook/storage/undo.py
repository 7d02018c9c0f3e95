"""Undoing a transaction from the changes the audit log recorded for it.

Every write transaction collects its row changes (:func:`storage.audit.collect`): table, row,
the stored row before and after.  Undo applies the inverse of those changes, newest first,
in a new transaction; redo applies the inverse of the undo.  Both are logged in the audit
trail like any other change, so the history stays complete.

Before touching a row, undo checks that it is still exactly as the transaction left it
(ignoring who/when stamps); if anything changed it since, nothing is written and
:class:`UndoConflict` says so.  Rows are written with their raw stored values, so an undo
restores them bit for bit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from villagebook.domain.common.errors import UserError
from villagebook.domain.common.i18n import _
from villagebook.storage import audit, dialect
from villagebook.storage.audit import Change, RawRow

STAMPS = frozenset({"created_at", "created_by", "updated_at", "updated_by"})


class UndoConflict(UserError):
    """The record was changed after the step to undo; nothing was written."""


def _same(a: RawRow | None, b: RawRow | None) -> bool:
    if a is None or b is None:
        return a is b
    keys = (set(a) | set(b)) - STAMPS
    return all(a.get(k) == b.get(k) for k in keys)


def _current(conn: sa.Connection, table: str, row_id: Any) -> RawRow | None:
    row = (
        conn.execute(sa.text(f'SELECT * FROM "{table}" WHERE id = :id'), {"id": row_id})
        .mappings()
        .first()
    )
    return dialect.raw_row(conn.dialect, dict(row)) if row is not None else None


def _write(conn: sa.Connection, table: str, row_id: Any, values: RawRow | None) -> None:
    exists = _current(conn, table, row_id) is not None
    if values is None:
        conn.execute(sa.text(f'DELETE FROM "{table}" WHERE id = :id'), {"id": row_id})
        return
    names = list(values)
    params = {f"p{i}": values[n] for i, n in enumerate(names)}
    if exists:
        sets = ", ".join(f'"{n}" = :p{i}' for i, n in enumerate(names) if n != "id")
        params["key"] = row_id
        conn.execute(sa.text(f'UPDATE "{table}" SET {sets} WHERE id = :key'), params)
    else:
        cols = ", ".join(f'"{n}"' for n in names)
        marks = ", ".join(f":p{i}" for i in range(len(names)))
        conn.execute(sa.text(f'INSERT INTO "{table}" ({cols}) VALUES ({marks})'), params)


def _stored_id(change: Change) -> Any:
    raw = change.after if change.after is not None else change.before
    assert raw is not None
    return raw["id"]


def revert(session: Session, changes: Sequence[Change]) -> list[Change]:
    """Apply the inverse of ``changes`` (newest first) in ``session``'s transaction.

    Returns the changes written, in the order written: reverting them again redoes the
    original.  Raises :class:`UndoConflict` (before writing anything) when a row is no
    longer as ``changes`` left it.
    """
    conn = session.connection()
    pending = list(reversed(changes))
    for change in pending:
        now = _current(conn, change.table_name, _stored_id(change))
        if not _same(now, change.after):
            raise UndoConflict(
                _("这条记录在此之后又被修改过，无法撤销（{table}）。", table=change.table_name)
            )
    dialect.defer_foreign_keys(conn)
    written: list[Change] = []
    for change in pending:
        row_id = _stored_id(change)
        before = _current(conn, change.table_name, row_id)
        _write(conn, change.table_name, row_id, change.before)
        after = _current(conn, change.table_name, row_id)
        action = "insert" if before is None else "delete" if after is None else "update"
        written.append(Change(change.table_name, change.row_id, action, before, after))
    audit.append(
        conn, written, str(session.info.get("actor", "")), session.info.get(audit.LOGIN_KEY)
    )
    audit.collect(session, written)
    return written
