"""Reading the audit trail (审计日志): a record's history, and verification of the whole log.

:func:`verify` recomputes the hash chain, replays the log into the table contents it
describes, and compares them with the tables, so a row edited, deleted or inserted behind
the application's back shows up.  It reads the file read-only (plain ``sqlite3``, or
SQLCipher when encrypted): it works on a folder another program holds.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session as OrmSession

from villagebook.domain.common.i18n import _
from villagebook.domain.safety.values import AuditIssue, FieldChange, HistoryEntry
from villagebook.storage import anchor, cipher, dialect, integrity, seals
from villagebook.storage.audit import (
    AUDIT_TABLE,
    EXCLUDED_TABLES,
    GENESIS,
    LOG,
    RawRow,
    audited_tables,
    entry_hash,
    for_log,
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


def _same(logged: RawRow | None, stored: RawRow | None) -> bool:
    """The row as the log last described it is the row found before a change (columns a
    migration added since are not in the log's description yet)."""
    if logged is None or stored is None:
        return logged == stored
    return all(k in stored and stored[k] == v for k, v in logged.items())


def _replay(
    entries: list[dict[str, Any]],
) -> tuple[dict[tuple[str, str], RawRow], list[AuditIssue]]:
    state: dict[tuple[str, str], RawRow] = {}
    issues = []
    for entry in entries:
        key = (entry["table_name"], entry["row_id"])
        before = json.loads(entry["before"]) if entry["before"] else None
        if entry["action"] in ("update", "delete") and not _same(state.get(key), before):
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


def _compare_table(conn: Any, name: str, state: dict[tuple[str, str], RawRow]) -> list[AuditIssue]:
    """One table's rows against the state the log describes."""
    return _compare_rows(name, [dict(r) for r in conn.execute(f'SELECT * FROM "{name}"')], state)


def _compare_rows(
    name: str, found: list[dict[str, Any]], state: dict[tuple[str, str], RawRow]
) -> list[AuditIssue]:
    issues = []
    seen = set()
    for row in found:
        actual = for_log(name, {k: jsonable(v) for k, v in row.items()}) or {}
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


# --- the schema: no audited table dropped, no column added -----------------------------------


def expected_tables() -> dict[str, frozenset[str]]:
    """The audited tables of the current schema and their columns (from the models)."""
    from sqlmodel import SQLModel

    import villagebook.storage.models  # noqa: F401  (registers every table)

    return {
        name: frozenset(table.columns.keys())
        for name, table in SQLModel.metadata.tables.items()
        if name not in EXCLUDED_TABLES and "id" in table.columns
    }


def _revision(conn: Any) -> str | None:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except cipher.database_error_types():
        return None
    return str(row[0]) if row else None


def schema_issues(conn: Any) -> list[AuditIssue]:
    """Audited tables dropped, tables or columns added behind the program's back.

    Compared with the models of this version, so only for a database on the current schema
    (an older one is upgraded before it is opened).
    """
    from villagebook.storage.schema import SCHEMA_HEAD

    if _revision(conn) != SCHEMA_HEAD:
        return []
    present: dict[str, set[str]] = {}
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall():
        if str(name).startswith("sqlite_") or name in EXCLUDED_TABLES:
            continue
        present[str(name)] = {str(c[1]) for c in conn.execute(f'PRAGMA table_info("{name}")')}
    issues = []
    expected = expected_tables()
    for name, columns in sorted(expected.items()):
        if name not in present:
            text = _("{table} 表不见了（被绕过程序删除）", table=name)
            issues.append(AuditIssue("dropped", name, "", text))
            continue
        if extra := sorted(present[name] - columns):
            text = _(
                "{table} 表多出了列 {columns}（被绕过程序添加）",
                table=name,
                columns="、".join(extra),
            )
            issues.append(AuditIssue("columns", name, "", text))
        if missing := sorted(columns - present[name]):
            text = _(
                "{table} 表缺少列 {columns}（被绕过程序删除）",
                table=name,
                columns="、".join(missing),
            )
            issues.append(AuditIssue("columns", name, "", text))
    for name in sorted(set(present) - set(expected)):
        if "id" in present[name]:
            text = _("多出了表 {table}（不是本程序建立的）", table=name)
            issues.append(AuditIssue("table", name, "", text))
    return issues


# --- finalised records: their seals -------------------------------------------------------------


def seal_issues(conn: Any, today: dt.date | None = None) -> list[AuditIssue]:
    """Finalised records changed other than by an amendment, or finalised in the future."""
    issues = []
    for broken in seals.broken_seals(conn):
        text = _(
            "已定稿的 {table} 记录 {row} 与定稿校验值不符（定稿后未经登记更正被改动）",
            table=broken.table,
            row=broken.row_id,
        )
        issues.append(AuditIssue("sealed", broken.table, broken.row_id, text))
    for table, row_id, day in seals.future_finalisations(conn, today or dt.date.today()):
        text = _(
            "已定稿的 {table} 记录 {row} 的定稿日期 {day} 晚于今天",
            table=table,
            row=row_id,
            day=day,
        )
        issues.append(AuditIssue("sealed", table, row_id, text))
    return issues


# --- the anchor outside the database -------------------------------------------------------------


def _backup_anchors(data_dir: Path) -> list[anchor.Anchor]:
    from villagebook import paths

    found = []
    for sidecar in paths.backups_dir(data_dir).glob(f"*{anchor.SIDECAR_SUFFIX}"):
        kept = anchor.read_file(sidecar)
        if kept is not None:
            found.append(kept)
    return found


def anchor_issues(conn: Any, anchor_file: Path, data_dir: Path | None = None) -> list[AuditIssue]:
    """The chain against its anchor outside the database (:mod:`storage.anchor`)."""
    kept = anchor.read_file(anchor_file)
    top = anchor.head(conn)
    if kept is None:
        backed_up = [a for a in _backup_anchors(data_dir) if not a.empty] if data_dir else []
        if top.empty and not backed_up:
            return []  # a new data folder: nothing logged yet
        text = _(
            "找不到审计锚点文件 {name}（日志共 {count} 条）：无法确认日志没有被整体改写或截断",
            name=anchor_file.name,
            count=top.seq,
        )
        return [AuditIssue("anchor", AUDIT_TABLE, "", text)]
    if anchor.continues(conn, kept):
        return []
    if top.seq < kept.seq:
        text = _(
            "审计日志只有 {count} 条，而锚点记录了 {seq} 条：日志被截断或清空过",
            count=top.seq,
            seq=kept.seq,
        )
    else:
        text = _("第{seq}条日志与数据文件夹中的审计锚点不符：日志被整体改写过", seq=kept.seq)
    return [AuditIssue("anchor", AUDIT_TABLE, str(kept.seq), text)]


def quick_verify(path: Path, anchor_file: Path | None = None) -> list[AuditIssue]:
    """What can be checked in milliseconds when a data folder is opened or restored: the
    schema (tables dropped, columns added), the chain's newest entry, and the anchor."""
    conn = cipher.connect_ro(path, integrity.read_only_uri(path))
    try:
        issues = schema_issues(conn)
        if not anchor.head_intact(conn):
            text = _("最新一条审计日志的内容被改动过")
            issues.append(AuditIssue("chain", AUDIT_TABLE, "", text))
        issues += anchor_issues(conn, anchor_file or anchor.anchor_path(path.parent), path.parent)
        return issues
    except cipher.database_error_types() as exc:
        raise integrity.DatabaseDamaged(path, [str(exc)]) from exc
    finally:
        conn.close()


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


# --- everything ----------------------------------------------------------------------------


def verify_connection(conn: Any) -> list[AuditIssue]:
    """Every discrepancy between the log's chain, the state it describes, and the tables."""
    conn.row_factory = cipher.row_factory(conn)
    try:
        entries = [dict(r) for r in conn.execute(f"SELECT * FROM {AUDIT_TABLE} ORDER BY seq")]
    except cipher.operational_error_types() as exc:
        if "no such table" not in str(exc):
            raise
        text = _("审计日志表不见了（被绕过程序删除）")
        return [AuditIssue("dropped", AUDIT_TABLE, "", text)]
    issues = _check_chain(entries)
    state, replay_issues = _replay(entries)
    issues += replay_issues
    issues += schema_issues(conn)
    present = set(audited_tables(conn))
    for name in sorted(present):
        issues += _compare_table(conn, name, state)
    for name in sorted({table for table, _row in state} - present):
        if not any(i.kind == "dropped" and i.table_name == name for i in issues):
            text = _("{table} 表不见了（被绕过程序删除）", table=name)
            issues.append(AuditIssue("dropped", name, "", text))
    conn.row_factory = None
    issues += seal_issues(conn)
    return issues


def verify(path: Path, anchor_file: Path | None = None) -> list[AuditIssue]:
    """Verify the database at ``path`` against its log, its seals and its anchor (by default
    the data folder's ``villagebook.anchor`` beside it).

    A file SQLite cannot read is refused as :class:`DatabaseDamaged`.
    """
    problems = integrity.check(path)
    if problems:
        raise integrity.DatabaseDamaged(path, problems)
    conn = cipher.connect_ro(path, integrity.read_only_uri(path))
    try:
        issues = verify_connection(conn)
        issues += anchor_issues(conn, anchor_file or anchor.anchor_path(path.parent), path.parent)
        return issues
    except cipher.database_error_types() as exc:
        raise integrity.DatabaseDamaged(path, [str(exc)]) from exc
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
                login=r.get("login") or "",
            )
        )
    return result
