"""Integrity of a database file: SQLite's own checks, before anything is written to it."""

from __future__ import annotations

import os
from pathlib import Path

from villagebook.domain.common.i18n import _
from villagebook.domain.safety.errors import DatabaseDamaged
from villagebook.storage import cipher, precheck

__all__ = ["DatabaseDamaged", "check", "is_healthy", "read_only_uri"]


def read_only_uri(path: Path) -> str:
    """A URI that opens ``path`` without writing; on read-only media a WAL database opens
    only as immutable (it cannot create its shared-memory file there).
    """
    if os.access(path.parent, os.W_OK):
        return f"file:{path}?mode=ro"
    return f"file:{path}?immutable=1"


def check(path: Path, *, full: bool = False) -> list[str]:
    """Problems ``PRAGMA quick_check`` (or ``integrity_check``) finds; empty when healthy.

    An empty (0-byte) file is damaged too (a VillageBook database is never empty), and so is
    a healthy SQLite file that is not VillageBook's (tables, but no schema version).
    Opened read-only, so checking never changes the file.  The quick check begun at
    start-up for this file (:mod:`villagebook.storage.precheck`) is used instead of
    checking again, when neither the file nor its log changed since it began.
    """
    try:
        if path.stat().st_size == 0:
            return [_("文件是空的（0字节）；如果是新建时被中断留下的，可以删除它")]
    except OSError as exc:
        return [_("无法打开：{error}", error=exc.strerror or exc)]
    early = None if full else precheck.take(path)
    if early is not None:  # the same quick check, begun at start-up (storage.precheck)
        rows, tables = early.rows, early.tables
    else:
        pragma = "integrity_check" if full else "quick_check"
        try:
            conn = cipher.connect_ro(path, read_only_uri(path))
        except cipher.error_types() as exc:
            return [_("无法打开：{error}", error=exc)]
        try:
            rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}")]
            tables = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master")}
        except cipher.database_error_types() as exc:
            return [str(exc)]
        finally:
            conn.close()
    if rows != ["ok"]:
        return rows
    if tables and "alembic_version" not in tables:
        return [_("不是村务记事本的数据库（没有数据结构版本）")]
    return []


def is_healthy(path: Path) -> bool:
    return path.is_file() and not check(path)
