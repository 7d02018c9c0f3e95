"""The audit trail (审计日志): every change to every row, chained by hashes.

Hooked into the session by :func:`install` (``storage.db`` calls it for every Database):
``before_flush`` reads the stored state of rows about to change, ``after_flush`` reads the
new state and appends one entry per inserted, updated or deleted row.  Values are the raw
column values as SQLite stores them, so :func:`verify` can compare the log with the tables
directly and spot any row edited, deleted or inserted behind the application's back.

Each entry's ``hash`` is sha256(previous hash + canonical JSON of the entry).  Reading the
log (a record's history, verification) is :mod:`villagebook.storage.audit_reading`.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import sessionmaker

from villagebook.storage import dialect
from villagebook.storage.models.base import Row
from villagebook.storage.models.safety import AuditEntry

AUDIT_TABLE = "audit_log"
EXCLUDED_TABLES = frozenset({AUDIT_TABLE, "alembic_version"})
GENESIS = "0" * 64
_BEFORE_KEY = "_audit_before"
#: ``session.info`` key under which every change of the session's transaction is collected
#: (in order), for the core's undo history and change notices (:mod:`storage.undo`).
CHANGES_KEY = "villagebook_changes"

RawRow = dict[str, Any]
LOG: sa.Table = AuditEntry.__table__  # type: ignore[attr-defined]


# --- hashing ---------------------------------------------------------------------------------


def jsonable(value: Any) -> Any:
    """A raw SQLite value as JSON (bytes as ``{"base64": ...}``)."""
    if isinstance(value, bytes | bytearray | memoryview):
        return {"base64": base64.b64encode(bytes(value)).decode("ascii")}
    return value


def dump(row: Mapping[str, Any] | None) -> str | None:
    if row is None:
        return None
    return json.dumps(
        {k: jsonable(v) for k, v in row.items()},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )


def entry_hash(prev_hash: str, entry: Mapping[str, Any]) -> str:
    """sha256 of the previous hash followed by the entry's canonical JSON."""
    fields = {k: entry[k] for k in ("seq", "at", "actor", "table_name", "row_id", "action")}
    fields["before"] = entry["before"]
    fields["after"] = entry["after"]
    canonical = json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((prev_hash + canonical).encode("utf-8")).hexdigest()


# --- personal data the log keeps only masked ------------------------------------------------------

#: (table, column) whose values the log stores masked: the log is kept for ever, also after
#: a person is deleted, so it keeps 110105********123X rather than the ID number.  A change
#: confined to the masked digits is therefore not visible to ``audit verify``.
MASKED_COLUMNS = frozenset({("person", "id_number")})


def for_log(table_name: str, row: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """``row`` as the log keeps it (personal numbers masked)."""
    if row is None:
        return None
    from villagebook.domain.roster.idnumber import mask_id_number

    kept = dict(row)
    for table, column in MASKED_COLUMNS:
        if table == table_name and isinstance(kept.get(column), str):
            kept[column] = mask_id_number(kept[column])
    return kept


# --- writing -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    table_name: str
    row_id: str
    action: str
    before: RawRow | None
    after: RawRow | None


@contextmanager
def _as_sqlalchemy_errors() -> Iterator[None]:
    """Plain sqlite3 errors as SQLAlchemy's, so ``Database.write`` classifies them."""
    from villagebook.storage import cipher

    try:
        yield
    except cipher.operational_error_types() as exc:
        raise sa.exc.OperationalError("audit log", None, exc) from exc
    except cipher.database_error_types() as exc:
        raise sa.exc.DatabaseError("audit log", None, exc) from exc


def _cursor(conn: sa.Connection | Any) -> Any:
    """The DB-API cursor (plain sqlite3): the log is written on every flush, keep it cheap.
    ``conn`` may also be a DB-API connection itself."""
    if isinstance(conn, sa.Connection):
        return conn.connection.cursor()
    return conn.cursor()


def _mark(conn: sa.Connection | Any) -> str:
    """The parameter marker of ``conn`` (a DB-API connection given directly is sqlite3's)."""
    return dialect.placeholder(conn.dialect) if isinstance(conn, sa.Connection) else "?"


def _last(conn: sa.Connection) -> tuple[int, str]:
    cursor = _cursor(conn)
    row = cursor.execute(
        f"SELECT seq, hash FROM {AUDIT_TABLE} ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    cursor.close()
    return (int(row[0]), str(row[1])) if row else (0, GENESIS)


_COLUMNS = ("seq", "at", "actor", "table_name", "row_id", "action", "before", "after")


def _insert(mark: str, login: bool) -> str:
    columns = [*_COLUMNS, "prev_hash", "hash", *(["login"] if login else [])]
    return (
        f"INSERT INTO {AUDIT_TABLE} ({', '.join(columns)})"
        f" VALUES ({', '.join([mark] * len(columns))})"
    )


#: By parameter marker (``?`` sqlite3, ``%s`` psycopg) and whether the login is written (schema
#: 0010 on; the statement without it serves the older migrations).
_INSERTS = {(mark, login): _insert(mark, login) for mark in ("?", "%s") for login in (False, True)}
#: ``session.info`` key of the computer login (technical detail beside the actor's name).
LOGIN_KEY = "login"


def append(
    conn: sa.Connection, changes: Iterable[Change], actor: str, login: str | None = None
) -> int:
    """Append ``changes`` to the chain in one statement; returns how many were written.

    ``actor`` is who made the change (the recorder's name; part of the hash); ``login`` the
    computer login, kept beside it as technical detail (not hashed).
    """
    pending = list(changes)
    if not pending:
        return 0
    seq, prev = _last(conn)
    at = dt.datetime.now(dt.UTC).isoformat()
    rows = []
    for change in pending:
        seq += 1
        entry: dict[str, Any] = {
            "seq": seq,
            "at": at,
            "actor": actor,
            "table_name": change.table_name,
            "row_id": change.row_id,
            "action": change.action,
            "before": dump(for_log(change.table_name, change.before)),
            "after": dump(for_log(change.table_name, change.after)),
        }
        digest = entry_hash(prev, entry)
        row = (*(entry[c] for c in _COLUMNS), prev, digest)
        rows.append((*row, login) if login is not None else row)
        prev = digest
    cursor = _cursor(conn)
    cursor.executemany(_INSERTS[_mark(conn), login is not None], rows)
    cursor.close()
    return len(rows)


def _table(obj: Row) -> sa.Table | None:
    table = getattr(type(obj), "__table__", None)
    if isinstance(table, sa.Table) and table.name not in EXCLUDED_TABLES and "id" in table.c:
        return table
    return None


def _raw(conn: sa.Connection, table: sa.Table, row_id: Any) -> RawRow | None:
    query = sa.text(f'SELECT * FROM "{table.name}" WHERE id = :id').bindparams(
        sa.bindparam("id", type_=table.c.id.type)
    )
    row = conn.execute(query, {"id": row_id}).mappings().first()
    return dialect.raw_row(conn.dialect, dict(row)) if row is not None else None


_CHUNK = 500


def _raw_many(conn: sa.Connection, objects: list[tuple[Row, sa.Table]]) -> dict[int, RawRow]:
    """The stored rows of ``objects`` (by ``id(obj)``), one query per table and chunk."""
    by_table: dict[sa.Table, list[Row]] = {}
    for obj, table in objects:
        by_table.setdefault(table, []).append(obj)
    found: dict[int, RawRow] = {}
    cursor = _cursor(conn)
    mark = dialect.placeholder(conn.dialect)
    for table, rows in by_table.items():
        bind = table.c.id.type.bind_processor(conn.dialect)
        params = {dialect.raw_value(o.id): (bind(o.id) if bind else o.id) for o in rows}
        keys = {dialect.raw_value(o.id): id(o) for o in rows}
        values = list(params.values())
        for start in range(0, len(values), _CHUNK):
            chunk = values[start : start + _CHUNK]
            marks = ", ".join([mark] * len(chunk))
            cursor.execute(f'SELECT * FROM "{table.name}" WHERE id IN ({marks})', chunk)
            names = [d[0] for d in cursor.description]
            for row in cursor.fetchall():
                raw = dialect.raw_row(conn.dialect, dict(zip(names, row, strict=True)))
                found[keys[raw["id"]]] = raw
    cursor.close()
    return found


def _audited(objects: Iterable[object]) -> list[tuple[Row, sa.Table]]:
    result = []
    for obj in objects:
        if isinstance(obj, Row):
            table = _table(obj)
            if table is not None:
                result.append((obj, table))
    return result


def _before_flush(session: OrmSession, _context: Any, _instances: Any) -> None:
    changing = _audited([*session.dirty, *session.deleted])
    if changing:
        with _as_sqlalchemy_errors():
            session.info[_BEFORE_KEY] = _raw_many(session.connection(), changing)


def _after_flush(session: OrmSession, _context: Any) -> None:
    captured: dict[int, RawRow] = session.info.pop(_BEFORE_KEY, {})
    new, dirty, deleted = (
        _audited(session.new),
        _audited(session.dirty),
        _audited(session.deleted),
    )
    if not (new or dirty or deleted):
        return
    with _as_sqlalchemy_errors():
        _log_flush(session, captured, new, dirty, deleted)


def _log_flush(
    session: OrmSession,
    captured: dict[int, RawRow],
    new: list[tuple[Row, sa.Table]],
    dirty: list[tuple[Row, sa.Table]],
    deleted: list[tuple[Row, sa.Table]],
) -> None:
    conn = session.connection()
    stored = _raw_many(conn, [*new, *dirty, *deleted])
    changes: list[Change] = []
    for obj, table in new:
        after = stored.get(id(obj))
        if after is not None:
            changes.append(Change(table.name, str(after["id"]), "insert", None, after))
    for obj, table in dirty:
        before, after = captured.get(id(obj)), stored.get(id(obj))
        if after is not None and before != after:
            action = "update" if before is not None else "insert"
            changes.append(Change(table.name, str(after["id"]), action, before, after))
    for obj, table in deleted:
        before = captured.get(id(obj))
        if before is not None and id(obj) not in stored:
            changes.append(Change(table.name, str(before["id"]), "delete", before, None))
    append(conn, changes, str(session.info.get("actor", "")), session.info.get(LOGIN_KEY))
    collect(session, changes)


def collect(session: OrmSession, changes: Iterable[Change]) -> None:
    """Remember ``changes`` on the session: the transaction's record of what it did."""
    session.info.setdefault(CHANGES_KEY, []).extend(changes)


def _bulk_statement(state: Any) -> Any:
    """Bulk UPDATE/DELETE statements bypass the flush; log them row by row too."""
    if not (state.is_update or state.is_delete):
        return None
    mapper = state.bind_mapper
    table = getattr(mapper, "local_table", None) if mapper is not None else None
    if not isinstance(table, sa.Table) or table.name in EXCLUDED_TABLES or "id" not in table.c:
        return None
    conn = state.session.connection()
    where = state.statement.whereclause
    select = sa.select(table.c.id)
    if where is not None:
        select = select.where(where)
    ids = [r[0] for r in conn.execute(select)]
    befores = {i: _raw(conn, table, i) for i in ids}
    result = state.invoke_statement()
    changes = []
    for row_id, before in befores.items():
        after = _raw(conn, table, row_id)
        if before is not None and before != after:
            action = "delete" if after is None else "update"
            changes.append(Change(table.name, str(before["id"]), action, before, after))
    with _as_sqlalchemy_errors():
        info = state.session.info
        append(conn, changes, str(info.get("actor", "")), info.get(LOGIN_KEY))
    collect(state.session, changes)
    return result


def install(sessions: sessionmaker[Any]) -> None:
    """Log every change made through sessions of ``sessions``."""
    event.listen(sessions, "before_flush", _before_flush)
    event.listen(sessions, "after_flush", _after_flush)
    event.listen(sessions, "do_orm_execute", _bulk_statement)


def baseline(conn: sa.Connection) -> int:
    """Log every existing row as ``baseline`` (used once, when the log is created)."""
    changes = []
    for name in audited_tables(conn):
        for row in conn.execute(sa.text(f'SELECT * FROM "{name}" ORDER BY id')).mappings():
            raw = dict(row)
            changes.append(Change(name, str(raw["id"]), "baseline", None, raw))
    return append(conn, changes, "baseline")


def audited_tables(conn: sa.Connection | sqlite3.Connection) -> list[str]:
    """The tables the log follows: every table with an ``id`` column but the log's own."""
    if isinstance(conn, sa.Connection) and not dialect.is_sqlite(conn):
        return [
            name
            for name in dialect.table_names(conn)
            if name not in EXCLUDED_TABLES and "id" in dialect.column_names(conn, name)
        ]
    names = [
        str(r[0])
        for r in conn.execute(
            sa.text("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
            if isinstance(conn, sa.Connection)
            else "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"  # type: ignore[arg-type]
        )
    ]
    result = []
    for name in names:
        if name in EXCLUDED_TABLES or name.startswith("sqlite_"):
            continue
        pragma = f'PRAGMA table_info("{name}")'
        cols = conn.execute(sa.text(pragma) if isinstance(conn, sa.Connection) else pragma)  # type: ignore[arg-type]
        if any(c[1] == "id" for c in cols):
            result.append(name)
    return result
