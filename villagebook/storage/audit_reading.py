"""Reading the audit trail (审计日志): a record's history, and verification of the whole log.

:func:`verify` recomputes the hash chain, replays the log into the table contents it
describes, and compares them with the tables, so a row edited, deleted or inserted behind
the application's back shows up.  It reads the file with plain ``sqlite3`` (read-only): it
works on a folder another program holds.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import uuid
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session as OrmSession

from villagebook.domain.common.i18n import _
from villagebook.domain.safety.values import AuditIssue, FieldChange, HistoryEntry
from villagebook.storage import dialect
from villagebook.storage.audit import (
    AUDIT_TABLE,
    GENESIS,
    LOG,
    RawRow,
    audited_tables,
    entry_hash,
    jsonable,
)

# --- verifying ---------------------------------------------------------------------------------


def _check_chain(entries: list[dict[str, Any]]) -> list[AuditIssue]:
    issues = []
    prev = GENESIS
    expected_seq = 1
    for entry in entries:
        seq, table, row = entry["seq"], entry["table_name"], entry["row_id"]
        if seq != expected_seq:
            text = _("第{seq}条日志（{table} {row}）之前缺少日志", seq=seq, table=table, row=row)
            issues.append(AuditIssue("chain", table, row, text))
        if entry["prev_hash"] != prev:
            text = _("第{seq}条日志（{table} {row}）与上一条不衔接", seq=seq, table=table, row=row)
            issues.append(AuditIssue("chain", table, row, text))
        if entry_hash(entry["prev_hash"], entry) != entry["hash"]:
            text = _("第{seq}条日志（{table} {row}）的内容被改动过", seq=seq, table=table, row=row)
            issues.append(AuditIssue("chain", table, row, text))
        prev = entry["hash"]
        expected_seq = seq + 1
    return issues


def _replay(
    entries: list[dict[str, Any]],
) -> tuple[dict[tuple[str, str], RawRow], list[AuditIssue]]:
    state: dict[tuple[str, str], RawRow] = {}
    issues = []
    for entry in entries:
        key = (entry["table_name"], entry["row_id"])
        before = json.loads(entry["before"]) if entry["before"] else None
        if entry["action"] in ("update", "delete") and state.get(key) != before:
            text = _(
                "{table} 表的记录 {row} 在第{seq}条日志之前被绕过程序改动过",
                table=key[0],
                row=key[1],
                seq=entry["seq"],
            )
            issues.append(AuditIssue("edited", key[0], key[1], text))
        if entry["action"] == "delete":
            state.pop(key, None)
        else:
            state[key] = json.loads(entry["after"])
    return state, issues


def _differs(logged: RawRow, actual: RawRow) -> list[str]:
    return sorted(k for k in logged if k in actual and logged[k] != actual[k])


def _compare_table(
    conn: sqlite3.Connection, name: str, state: dict[tuple[str, str], RawRow]
) -> list[AuditIssue]:
    """One table's rows against the state the log describes."""
    return _compare_rows(name, [dict(r) for r in conn.execute(f'SELECT * FROM "{name}"')], state)


def _compare_rows(
    name: str, found: list[dict[str, Any]], state: dict[tuple[str, str], RawRow]
) -> list[AuditIssue]:
    issues = []
    seen = set()
    for row in found:
        actual = {k: jsonable(v) for k, v in row.items()}
        key = (name, str(actual["id"]))
        seen.add(key)
        logged = state.get(key)
        if logged is None:
            text = _("{table} 表的记录 {row} 不在日志中（被绕过程序插入）", table=name, row=key[1])
            issues.append(AuditIssue("inserted", name, key[1], text))
        elif fields := _differs(logged, actual):
            text = _(
                "{table} 表的记录 {row} 的 {fields} 与日志不符（被绕过程序修改）",
                table=name,
                row=key[1],
                fields="、".join(fields),
            )
            issues.append(AuditIssue("edited", name, key[1], text))
    for table_name, row_id in state:
        if table_name == name and (table_name, row_id) not in seen:
            text = _("{table} 表的记录 {row} 不见了（被绕过程序删除）", table=name, row=row_id)
            issues.append(AuditIssue("deleted", name, row_id, text))
    return issues


def verify_connection(conn: sqlite3.Connection) -> list[AuditIssue]:
    """Every discrepancy between the log's chain, the state it describes, and the tables."""
    conn.row_factory = sqlite3.Row
    entries = [dict(r) for r in conn.execute(f"SELECT * FROM {AUDIT_TABLE} ORDER BY seq")]
    issues = _check_chain(entries)
    state, replay_issues = _replay(entries)
    issues += replay_issues
    for name in audited_tables(conn):
        issues += _compare_table(conn, name, state)
    return issues


def verify_engine(engine: sa.Engine) -> list[AuditIssue]:
    """:func:`verify_connection` on any database (a PostgreSQL server): the same checks,
    reading row values as SQLite stores them (:func:`dialect.raw_row`)."""
    with engine.connect() as conn:
        entries = [
            dict(r)
            for r in conn.execute(sa.text(f"SELECT * FROM {AUDIT_TABLE} ORDER BY seq")).mappings()
        ]
        issues = _check_chain(entries)
        state, replay_issues = _replay(entries)
        issues += replay_issues
        for name in audited_tables(conn):
            rows = [
                dialect.raw_row(conn.dialect, dict(r))
                for r in conn.execute(sa.text(f'SELECT * FROM "{name}"')).mappings()
            ]
            issues += _compare_rows(name, rows, state)
    return issues


def verify(path: Path) -> list[AuditIssue]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return verify_connection(conn)
    finally:
        conn.close()


# --- reading -----------------------------------------------------------------------------------

_STAMPS = frozenset({"created_at", "created_by", "updated_at", "updated_by"})


def _field_changes(before: RawRow | None, after: RawRow | None) -> list[FieldChange]:
    old, new = before or {}, after or {}
    keys = sorted((set(old) | set(new)) - _STAMPS - {"id"})
    return [FieldChange(k, old.get(k), new.get(k)) for k in keys if old.get(k) != new.get(k)]


def history(session: OrmSession, row_id: uuid.UUID | str) -> list[HistoryEntry]:
    """Every log entry of one record, oldest first."""
    key = row_id.hex if isinstance(row_id, uuid.UUID) else uuid.UUID(str(row_id)).hex
    rows = session.connection().execute(
        sa.select(LOG).where(LOG.c.row_id == key).order_by(LOG.c.seq)
    )
    result = []
    for r in rows.mappings():
        before = json.loads(r["before"]) if r["before"] else None
        after = json.loads(r["after"]) if r["after"] else None
        result.append(
            HistoryEntry(
                seq=r["seq"],
                at=dt.datetime.fromisoformat(r["at"]),
                actor=r["actor"],
                table_name=r["table_name"],
                action=r["action"],
                changes=_field_changes(before, after),
            )
        )
    return result
