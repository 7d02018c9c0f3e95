"""SQLite's quick check of a database file, started early beside the start-up imports.

Opening a data folder runs ``PRAGMA quick_check`` before anything is written
(:func:`villagebook.storage.integrity.check`).  It reads the whole file: on a township of
30 branches (ten years of merged records) that is most of a second, and a command spends
about as long importing the storage stack before it can ask.  SQLite releases the GIL while
it checks, so the process entry (``villagebook.app``) starts the check here, in a thread,
as soon as it knows the data folder, and :func:`integrity.check` takes the result.  Nothing
is skipped: the check is the same check, only earlier, and the result is used only when
neither the file nor its write-ahead log changed while it ran or since (else the check runs
again, as before).

Only plain SQLite files are checked early: an encrypted one (the app lock) needs its key,
which is known only after the password, so it is checked at open as before.  Nor do the
commands that copy, replace or re-encrypt the file itself (backup, restore, the lock) start
it: Windows refuses to rename a file another connection holds open.

This module imports only the standard library: importing it must cost nothing.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Result", "start", "take"]

#: The first 16 bytes of a plain SQLite file (an encrypted one starts with random bytes).
_MAGIC = b"SQLite format 3\x00"


@dataclass
class Result:
    """What the early check found: SQLite's answer and the names in ``sqlite_master``."""

    rows: list[str] = field(default_factory=list)
    tables: set[str] = field(default_factory=set)
    error: str | None = None


@dataclass
class _Pending:
    stamp: tuple[tuple[int, int, int] | None, ...]
    thread: threading.Thread
    result: Result | None = None


_pending: dict[Path, _Pending] = {}
_lock = threading.Lock()


def _stamp(path: Path) -> tuple[tuple[int, int, int] | None, ...]:
    """The file's and its write-ahead log's identity, size and time of change (an empty
    or missing log holds nothing: connections create and remove it as they come and go)."""
    found: list[tuple[int, int, int] | None] = []
    for part in (path, path.with_name(path.name + "-wal")):
        try:
            st = part.stat()
        except OSError:
            found.append(None)
            continue
        empty_log = part is not path and st.st_size == 0
        found.append(None if empty_log else (st.st_ino, st.st_size, st.st_mtime_ns))
    return tuple(found)


def _is_plain_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(16) == _MAGIC
    except OSError:
        return False


def _uri(path: Path) -> str:
    # the same read-only URI as integrity.read_only_uri (kept here to stay import-free)
    if os.access(path.parent, os.W_OK):
        return f"file:{path}?mode=ro"
    return f"file:{path}?immutable=1"


def _run(path: Path, pending: _Pending) -> None:
    result = Result()
    try:
        conn = sqlite3.connect(_uri(path), uri=True, check_same_thread=False)
        try:
            result.rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check")]
            result.tables = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master")}
        finally:
            conn.close()
    except (sqlite3.Error, OSError, MemoryError) as exc:
        result.error = str(exc)
    pending.result = result


def start(path: Path) -> bool:
    """Begin checking ``path`` in a background thread; False when it is not checked early
    (no such file, not plain SQLite, or already started)."""
    path = Path(path).absolute()
    with _lock:
        if path in _pending or not _is_plain_sqlite(path):
            return False
        pending = _Pending(stamp=_stamp(path), thread=threading.Thread())
        pending.thread = threading.Thread(
            target=_run, args=(path, pending), name="villagebook-precheck", daemon=True
        )
        _pending[path] = pending
    pending.thread.start()
    return True


def take(path: Path) -> Result | None:
    """The early check's result for ``path`` (waiting for it to finish), or None when there
    is none or the file changed since it began; each result is taken once."""
    path = Path(path).absolute()
    with _lock:
        pending = _pending.pop(path, None)
    if pending is None:
        return None
    pending.thread.join()
    if pending.result is None or pending.result.error is not None:
        return None  # checked again at open, which says what is wrong
    if _stamp(path) != pending.stamp:
        return None
    return pending.result
