"""Where attachment files are kept: the data folder's ``attachments/`` (SQLite), or the
``stored_file`` table on a server, where several inspectors' computers share one database.

Both are content-addressed by SHA-256, so storing the same file twice keeps one copy and a
file can always be checked against its name.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy.orm import Session

from villagebook.storage import dialect
from villagebook.storage.models.township import StoredFile


def folder_path(data_dir: Path, stored_path: str) -> Path:
    return data_dir / stored_path


def put(session: Session, data_dir: Path, stored_path: str, sha256: str, data: bytes) -> None:
    """Keep ``data`` (whose SHA-256 is ``sha256``) for an attachment stored as ``stored_path``."""
    if hashlib.sha256(data).hexdigest() != sha256:
        raise ValueError(f"content does not match {sha256}")
    if dialect.is_postgres(session.connection()):
        if session.get(StoredFile, sha256) is None:
            session.add(StoredFile(sha256=sha256, size=len(data), content=data))
        return
    target = folder_path(data_dir, stored_path)
    if target.is_file() and target.stat().st_size == len(data):
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.write_bytes(data)
    partial.replace(target)


def get(session: Session, data_dir: Path, stored_path: str, sha256: str) -> bytes | None:
    """The bytes of an attachment, or None when they are not kept here."""
    if dialect.is_postgres(session.connection()):
        row = session.get(StoredFile, sha256)
        if row is not None:
            return bytes(row.content)
    path = folder_path(data_dir, stored_path)
    try:
        return path.read_bytes()
    except OSError:
        return None
