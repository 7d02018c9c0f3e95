"""What differs between SQLite (a data folder) and PostgreSQL (a server), in one place.

The core speaks SQLAlchemy only; the few things SQL cannot say the same way on both live here:

- **one writer at a time**: SQLite takes its write lock on the first write of a transaction
  (and the folder lock keeps a second program out); on PostgreSQL every write transaction
  first takes one transaction-level advisory lock (:func:`serialize_writers`), so the audit
  chain is appended in order and a merge sees every transaction committed before it: two
  inspectors importing bundles at the same moment leave no duplicate and lose no update,
  while reads never wait;
- **foreign keys checked at commit** (:func:`defer_foreign_keys`): SQLite's
  ``PRAGMA defer_foreign_keys``, PostgreSQL's ``SET CONSTRAINTS ALL DEFERRED`` (the
  migrations make every foreign key ``DEFERRABLE`` there, see ``migrations/env.py``);
- **raw row values** (:func:`raw_value`): the audit trail and undo keep a row's stored
  values; SQLite hands back plain text and numbers, psycopg hands back UUIDs, dates and
  parsed JSON, which are written down the way SQLite stores them (hex UUIDs, ISO dates,
  JSON text) so the log reads the same on both;
- **the tables there are** (:func:`table_names`) and **substring search** (:func:`contains`).
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement, FunctionElement

#: The advisory lock every PostgreSQL write transaction takes (any constant will do).
WRITER_LOCK = 0x56494C4C  # "VILL"


def is_sqlite(bind: sa.Connection | sa.Engine | sa.Dialect) -> bool:
    return _dialect(bind).name == "sqlite"


def is_postgres(bind: sa.Connection | sa.Engine | sa.Dialect) -> bool:
    return _dialect(bind).name == "postgresql"


def _dialect(bind: sa.Connection | sa.Engine | sa.Dialect) -> sa.Dialect:
    return bind if isinstance(bind, sa.Dialect) else bind.dialect


def serialize_writers(conn: sa.Connection) -> None:
    """Wait for (then hold until commit) the right to write; a no-op on SQLite."""
    if is_postgres(conn):
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITER_LOCK})


def defer_foreign_keys(conn: sa.Connection) -> None:
    """Check foreign keys at commit for the rest of this transaction."""
    if is_sqlite(conn):
        conn.execute(sa.text("PRAGMA defer_foreign_keys = ON"))
    elif is_postgres(conn):
        conn.execute(sa.text("SET CONSTRAINTS ALL DEFERRED"))


def placeholder(dialect: sa.Dialect) -> str:
    """The DB-API parameter marker of ``dialect`` (``?`` for sqlite3, ``%s`` for psycopg)."""
    return "?" if dialect.paramstyle == "qmark" else "%s"


def raw_value(value: Any) -> Any:
    """A value as SQLite would store it: hex UUIDs, ISO dates and times, JSON as text."""
    if value is None or isinstance(value, str | int | float | bool | bytes):
        return value
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, memoryview | bytearray):
        return bytes(value)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return value


def raw_row(dialect: sa.Dialect, row: dict[str, Any]) -> dict[str, Any]:
    """``row`` as raw stored values (unchanged on SQLite)."""
    if dialect.name == "sqlite":
        return row
    return {k: raw_value(v) for k, v in row.items()}


def table_names(conn: sa.Connection) -> list[str]:
    """The tables of the database, by name."""
    return sorted(sa.inspect(conn).get_table_names())


def column_names(conn: sa.Connection, table: str) -> list[str]:
    return [str(c["name"]) for c in sa.inspect(conn).get_columns(table)]


class contains(FunctionElement[bool]):
    """True when ``needle`` occurs in ``haystack`` (case-sensitive, no wildcards)."""

    type = sa.Boolean()
    inherit_cache = True

    def __init__(self, haystack: ColumnElement[Any] | Any, needle: Any) -> None:
        super().__init__(haystack, needle)


@compiles(contains, "sqlite")
def _contains_sqlite(element: contains, compiler: Any, **kw: Any) -> str:
    haystack, needle = list(element.clauses)
    return f"(instr({compiler.process(haystack, **kw)}, {compiler.process(needle, **kw)}) > 0)"


@compiles(contains)
def _contains_default(element: contains, compiler: Any, **kw: Any) -> str:
    haystack, needle = list(element.clauses)
    return f"(strpos({compiler.process(haystack, **kw)}, {compiler.process(needle, **kw)}) > 0)"


class HexKey(sa.types.TypeDecorator[str]):
    """A UUID column read as its 32 hex digits on every database (SQLite stores them so;
    psycopg hands back a :class:`uuid.UUID`): for keying query results by id."""

    impl = sa.String(32)
    cache_ok = True

    def process_result_value(self, value: Any, dialect: sa.Dialect) -> str | None:
        if value is None:
            return None
        return value.hex if isinstance(value, uuid.UUID) else str(value)


def hex_key(column: Any) -> ColumnElement[str]:
    """``column`` (a UUID) as a hex string key in query results."""
    return sa.type_coerce(column, HexKey())
