"""The audit chain's anchor (审计锚点): its head, kept outside the database.

The hash chain of the audit log shows any entry changed, removed or inserted *unless* the
whole chain is rewritten with recomputed hashes, or the newest entries are cut off together
with their rows.  Both leave the database consistent with itself, so the head of the chain
is also kept outside it:

* ``villagebook.anchor`` in the data folder, rewritten after every transaction that added
  to the log (one small file, written aside, synced and renamed);
* ``<snapshot>.anchor`` beside every backup snapshot (the head inside that snapshot), which
  becomes the data folder's anchor again when the snapshot is restored;
* exchange bundles (issue 15) carry :func:`current` so a township can tell whether a later
  bundle's chain continues an earlier one (:func:`continues`).

The rule: the log entry numbered ``anchor.seq`` must exist and have ``anchor.hash``.  A
log that goes on past the anchor is normal (the program was stopped between committing and
writing the anchor, or another copy of the program wrote since).  An anchor is not a key:
someone who rewrites the chain *and* the anchor file *and* every backup's anchor is not
caught; the copies that have left the laptop (a USB backup, a bundle at the township) still
catch them there.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from villagebook.storage import cipher
from villagebook.storage.audit import AUDIT_TABLE, GENESIS, entry_hash

ANCHOR_FILENAME = "villagebook.anchor"
SIDECAR_SUFFIX = ".anchor"
FORMAT = "villagebook-audit-anchor"


@dataclass(frozen=True)
class Anchor:
    """The head of an audit chain: the newest entry's number and hash (0 and the genesis
    hash for an empty log)."""

    seq: int
    hash: str

    @property
    def empty(self) -> bool:
        return self.seq == 0

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "seq": self.seq, "hash": self.hash}

    @classmethod
    def from_json(cls, data: Any) -> Anchor | None:
        try:
            if data.get("format") != FORMAT:
                return None
            seq, digest = int(data["seq"]), str(data["hash"])
        except (AttributeError, KeyError, TypeError, ValueError):
            return None
        if seq < 0 or len(digest) != 64:
            return None
        return cls(seq, digest)


EMPTY = Anchor(0, GENESIS)


def anchor_path(data_dir: Path) -> Path:
    return data_dir / ANCHOR_FILENAME


def sidecar_path(snapshot: Path) -> Path:
    return snapshot.with_name(snapshot.name + SIDECAR_SUFFIX)


# --- the head of a chain ---------------------------------------------------------------------


def _dbapi(conn: Any) -> Any:
    import sqlalchemy as sa

    if isinstance(conn, sa.Connection):
        return conn.connection.dbapi_connection
    return conn


def head(conn: Any) -> Anchor:
    """The head of the chain in an open database (DB-API or SQLAlchemy connection)."""
    cursor = _dbapi(conn).cursor()
    try:
        cursor.execute(f"SELECT seq, hash FROM {AUDIT_TABLE} ORDER BY seq DESC LIMIT 1")
        row = cursor.fetchone()
    finally:
        cursor.close()
    return Anchor(int(row[0]), str(row[1])) if row else EMPTY


def entry_at(conn: Any, seq: int) -> dict[str, Any] | None:
    cursor = _dbapi(conn).cursor()
    try:
        cursor.execute(f"SELECT * FROM {AUDIT_TABLE} WHERE seq = ?", (seq,))
        row = cursor.fetchone()
        names = [d[0] for d in cursor.description]
    finally:
        cursor.close()
    return dict(zip(names, row, strict=True)) if row else None


def continues(conn: Any, earlier: Anchor) -> bool:
    """True when the chain in ``conn`` holds ``earlier`` (it is the same chain, grown)."""
    if earlier.empty:
        return True
    entry = entry_at(conn, earlier.seq)
    return entry is not None and entry["hash"] == earlier.hash


def head_intact(conn: Any) -> bool:
    """The newest entry's hash is its content's (a quick look at the chain's end)."""
    top = head(conn)
    if top.empty:
        return True
    entry = entry_at(conn, top.seq)
    return entry is not None and entry_hash(str(entry["prev_hash"]), entry) == entry["hash"]


# --- the files --------------------------------------------------------------------------------


def read_file(path: Path) -> Anchor | None:
    """The anchor in ``path`` (None when missing or unreadable)."""
    try:
        return Anchor.from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None


def write_file(path: Path, anchor: Anchor) -> None:
    """Write ``anchor`` to ``path`` aside, synced, then renamed (never half-written)."""
    data = {**anchor.to_json(), "written_at": dt.datetime.now(dt.UTC).isoformat()}
    tmp = path.with_name(path.name + ".tmp")
    try:
        with tmp.open("w", encoding="utf-8") as handle:
            handle.write(json.dumps(data) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def read(data_dir: Path) -> Anchor | None:
    return read_file(anchor_path(data_dir))


def write(data_dir: Path, anchor: Anchor) -> None:
    write_file(anchor_path(data_dir), anchor)


def head_of_file(db_path: Path) -> Anchor:
    """The head of the chain in a database file, read-only."""
    conn = cipher.connect_ro(db_path)
    try:
        return head(conn)
    except cipher.database_error_types():
        return EMPTY
    finally:
        conn.close()


def file_continues(db_path: Path, earlier: Anchor) -> bool:
    """:func:`continues` for a database file, read-only."""
    conn = cipher.connect_ro(db_path)
    try:
        return continues(conn, earlier)
    except cipher.database_error_types():
        return False
    finally:
        conn.close()


def current(data_dir: Path) -> Anchor:
    """The anchor to hand on (in a backup or an exchange bundle): the data folder's file, or
    the head of its database when the file is missing."""
    from villagebook import paths

    return read(data_dir) or head_of_file(paths.database_path(data_dir))
