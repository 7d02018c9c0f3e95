"""Seals of finalised records (定稿校验值): a content hash kept with each finalised record.

A finalised record (a 三会一课 record once 定稿) is an archive: it may change only through an
amendment, which keeps the old value and re-seals the record.  The seal is the SHA-256 of
the record's *stored* content — its own row and the rows that belong to it (attendance,
amendments, attachments), as SQLite holds them, without the who/when stamps — so the same
function seals at finalisation, re-seals after an amendment, verifies during import (the
rows just loaded, inside the import's transaction) and verifies in ``check`` and
``audit verify`` (plain ``sqlite3``, read-only).  On a PostgreSQL server the values read are
put in SQLite's stored form first (:func:`_as_stored_by_sqlite`): the same record has the
same seal on both.

What is sealed is declared once in :data:`SEALED`; a record kind that is finalised later
(a closed 四议两公开 round, a completed development file) adds one entry.
"""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import json
import uuid
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

STAMPS = frozenset({"created_at", "created_by", "updated_at", "updated_by"})


@dataclass(frozen=True)
class Part:
    """Rows of ``table`` belonging to the sealed record (``key`` = its id)."""

    table: str
    key: str
    #: The columns sealed (a column added later is sealed only once it is listed here).
    columns: tuple[str, ...]
    #: Extra conditions (column, value), e.g. the owner type of an attachment.
    where: tuple[tuple[str, str], ...] = ()
    #: Columns deliberately left out: the who/when stamps, and what an import derives (the
    #: order of a list, a stored file's path).
    ignored: frozenset[str] = frozenset()


@dataclass(frozen=True)
class SealSpec:
    """How one kind of record is sealed."""

    table: str
    #: The column holding the seal (left out of what is hashed).
    hash_column: str
    #: A record is sealed while ``status_column`` holds one of ``final_values``.
    status_column: str
    final_values: frozenset[str]
    #: The day the record was finalised (never after today).
    date_column: str
    columns: tuple[str, ...]
    parts: tuple[Part, ...] = ()
    ignored: frozenset[str] = field(default_factory=frozenset)


def _names(text: str) -> tuple[str, ...]:
    return tuple(text.split())


SEALED: dict[str, SealSpec] = {
    "meeting": SealSpec(
        table="meeting",
        hash_column="content_hash",
        status_column="status",
        final_values=frozenset({"finalised"}),
        date_column="finalised_on",
        columns=_names(
            "id branch_id kind held_on start_time end_time place place_type group_id title"
            " host_id recorder_id lecturer_id lecturer_name topics speeches resolutions votes"
            " appraisals note status finalised_on finalised_by names_shown"
        ),
        parts=(
            Part(
                "meeting_attendance",
                "meeting_id",
                columns=_names("id meeting_id person_id name expected voting presence reason"),
                ignored=frozenset({"position"}),
            ),
            Part(
                "meeting_amendment",
                "meeting_id",
                columns=_names(
                    "id meeting_id field_name old_value new_value reason amended_on amended_by"
                ),
            ),
            Part(
                "attachment",
                "owner_id",
                columns=_names(
                    "id branch_id owner_type owner_id kind filename media_type size sha256 note"
                ),
                where=(("owner_type", "meeting"),),
                ignored=frozenset({"stored_path"}),
            ),
        ),
    ),
}


def _json_columns() -> dict[str, frozenset[str]]:
    """Columns holding JSON text (compared as values, whatever their spacing)."""
    from sqlmodel import SQLModel

    import villagebook.storage.models  # noqa: F401  (registers every table)

    found: dict[str, frozenset[str]] = {}
    for name, table in SQLModel.metadata.tables.items():
        cols = set()
        for column in table.columns:
            kind = column.type
            impl = getattr(kind, "impl", None)
            if isinstance(kind, sa.JSON) or isinstance(impl, sa.JSON) or impl is sa.JSON:
                cols.add(column.name)
        found[name] = frozenset(cols)
    return found


_JSON: dict[str, frozenset[str]] | None = None


def _json_of(table: str) -> frozenset[str]:
    global _JSON
    if _JSON is None:
        _JSON = _json_columns()
    return _JSON.get(table, frozenset())


def _dbapi(conn: Any) -> Any:
    """A DB-API connection (plain sqlite3 or SQLCipher) from an SQLAlchemy one or itself."""
    if isinstance(conn, sa.Connection):
        return conn.connection.dbapi_connection
    return conn


def _as_stored_by_sqlite(value: Any) -> Any:
    """A value read from PostgreSQL as SQLite stores it (SQLAlchemy's storage formats), so a
    record sealed on a branch's SQLite keeps its seal on a county's server."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S.%f")
    if isinstance(value, decimal.Decimal):
        return float(value)
    return value


def _rows(conn: Any, sql: str, params: Iterable[Any] = ()) -> Iterator[dict[str, Any]]:
    raw = _dbapi(conn)
    server = type(raw).__module__.startswith("psycopg")
    cursor = raw.cursor()
    try:
        cursor.execute(sql.replace("?", "%s") if server else sql, tuple(params))
        names = [d[0] for d in cursor.description]
        for row in cursor.fetchall():
            if server:
                row = tuple(_as_stored_by_sqlite(v) for v in row)
            yield dict(zip(names, row, strict=True))
    finally:
        cursor.close()


def _value(table: str, column: str, value: Any) -> Any:
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    if column in _json_of(table) and isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _select(table: str, columns: tuple[str, ...]) -> str:
    names = ", ".join(f'"{c}"' for c in columns)
    return f'SELECT {names} FROM "{table}"'


def _clean(table: str, row: dict[str, Any]) -> dict[str, Any]:
    return {k: _value(table, k, v) for k, v in row.items()}


def content(
    conn: Any, spec: SealSpec, row_id: str, overrides: dict[str, Any] | None = None
) -> dict[str, Any] | None:
    """The sealed content of one record as stored (None if it does not exist);
    ``overrides``: raw values of the record's own columns about to be stored."""
    sql = f"{_select(spec.table, spec.columns)} WHERE id = ?"
    found = list(_rows(conn, sql, [row_id]))
    if not found:
        return None
    document: dict[str, Any] = {spec.table: _clean(spec.table, {**found[0], **(overrides or {})})}
    for part in spec.parts:
        where = " AND ".join([f'"{part.key}" = ?', *(f'"{c}" = ?' for c, _v in part.where)])
        params = [row_id, *(v for _c, v in part.where)]
        sql = f"{_select(part.table, part.columns)} WHERE {where} ORDER BY id"
        document[part.table] = [_clean(part.table, r) for r in _rows(conn, sql, params)]
    return document


def digest(document: dict[str, Any]) -> str:
    """SHA-256 of the canonical JSON of a sealed record's content."""
    text = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _raw_id(conn: Any, table: str, row_id: Any) -> str:
    """The id as SQLite stores it (SQLAlchemy's ``Uuid``: 32 hex digits)."""
    text = str(row_id)
    return text.replace("-", "").lower() if len(text) == 36 else text


def seal_of(
    conn: Any, table: str, row_id: Any, overrides: dict[str, Any] | None = None
) -> str | None:
    """The seal the record's stored content has now, or will have once ``overrides`` (raw
    values of its own columns) are stored; None if it does not exist."""
    found = content(conn, SEALED[table], _raw_id(conn, table, row_id), overrides)
    return digest(found) if found is not None else None


@dataclass(frozen=True)
class BrokenSeal:
    """A sealed record whose content no longer has its seal (or that has no seal)."""

    table: str
    row_id: str
    stored: str
    actual: str


def _sealed_ids(conn: Any, spec: SealSpec) -> list[tuple[str, str]]:
    marks = ", ".join("?" * len(spec.final_values))
    sql = (
        f'SELECT id, "{spec.hash_column}" FROM "{spec.table}"'
        f' WHERE "{spec.status_column}" IN ({marks}) ORDER BY id'
    )
    return [
        (str(r["id"]), str(r[spec.hash_column] or ""))
        for r in _rows(conn, sql, sorted(spec.final_values))
    ]


def broken_seals(
    conn: Any, tables: Iterable[str] | None = None, *, among: Collection[str] | None = None
) -> list[BrokenSeal]:
    """Every sealed record whose stored content does not match its seal (only those whose
    id, 32 hex digits, is in ``among`` when it is given: one branch's records)."""
    broken = []
    for name in tables if tables is not None else SEALED:
        spec = SEALED[name]
        try:
            sealed = _sealed_ids(conn, spec)
        except Exception as exc:  # a dropped table or column: the audit reports it
            if "no such" in str(exc):
                continue
            raise
        for row_id, stored in sealed:
            if among is not None and row_id not in among:
                continue
            found = content(conn, spec, row_id)
            actual = digest(found) if found is not None else ""
            if actual != stored:
                broken.append(BrokenSeal(name, row_id, stored, actual))
    return broken


def future_finalisations(conn: Any, today: dt.date) -> list[tuple[str, str, str]]:
    """(table, id, day) of sealed records finalised after ``today``."""
    found = []
    for name, spec in SEALED.items():
        marks = ", ".join("?" * len(spec.final_values))
        sql = (
            f'SELECT id, "{spec.date_column}" AS day FROM "{spec.table}"'
            f' WHERE "{spec.status_column}" IN ({marks}) AND "{spec.date_column}" > ?'
        )
        try:
            rows = list(_rows(conn, sql, [*sorted(spec.final_values), today.isoformat()]))
        except Exception as exc:  # a dropped table or column: the audit reports it
            if "no such" in str(exc):
                continue
            raise
        found += [(name, str(r["id"]), str(r["day"])) for r in rows]
    return found
