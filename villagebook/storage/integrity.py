"""Integrity of a database file: SQLite's own checks, before anything is written to it."""

from __future__ import annotations

import os
from pathlib import Path

from villagebook.domain.common.i18n import _
from villagebook.domain.safety.errors import DatabaseDamaged
from villagebook.storage import cipher

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

    Opened read-only, so checking never changes the file.
    """
    pragma = "integrity_check" if full else "quick_check"
    try:
        conn = cipher.connect_ro(path, read_only_uri(path))
    except cipher.error_types() as exc:
        return [_("无法打开：{error}", error=exc)]
    try:
        rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}")]
    except cipher.database_error_types() as exc:
        return [str(exc)]
    finally:
        conn.close()
    return [] if rows == ["ok"] else rows


def is_healthy(path: Path) -> bool:
    return path.is_file() and not check(path)
