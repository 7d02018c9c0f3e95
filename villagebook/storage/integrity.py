"""Integrity of a database file: SQLite's own checks, before anything is written to it."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from villagebook.storage.errors import StorageError


def read_only_uri(path: Path) -> str:
    """A URI that opens ``path`` without writing; on read-only media a WAL database opens
    only as immutable (it cannot create its shared-memory file there).
    """
    if os.access(path.parent, os.W_OK):
        return f"file:{path}?mode=ro"
    return f"file:{path}?immutable=1"


def check(path: Path, *, full: bool = False) -> list[str]:
    """Problems ``PRAGMA quick_check`` (or ``integrity_check``) finds; empty when healthy.

    Opened read-only, so checking never changes the file.
    """
    pragma = "integrity_check" if full else "quick_check"
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error as exc:
        return [f"无法打开：{exc}"]
    try:
        rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()
    return [] if rows == ["ok"] else rows


def is_healthy(path: Path) -> bool:
    return path.is_file() and not check(path)


class DatabaseDamaged(StorageError):
    """The database failed its integrity check; it has not been written to."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        detail = "；".join(problems[:3])
        super().__init__(
            f"数据库文件 {path.name} 已损坏（{detail}）。为保护数据，程序没有对它做任何修改。"
            "可以从最近一次完好的备份恢复：损坏的文件会被保留在一旁，不会删除。"
        )
