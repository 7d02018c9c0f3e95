"""Turning encryption at rest on and off with the app lock (storage: ``storage.cipher``).

Turning the lock on: the password's hash is stored (the lock is on from here), the key file
is written (state ``locking``), the database is re-written encrypted and swapped in by
rename, then every snapshot in ``backups/`` and every ``replaced-*`` database, then the key
file says ``locked``.  Turning it off runs the other way (state ``unlocking``; the key file
goes last).  A program stopped half-way leaves every file readable — each one is either
plain or encrypted with the data key, and the key file is there while any is encrypted —
and :func:`finish` completes the job the next time the folder is unlocked.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from villagebook import paths
from villagebook.storage import cipher
from villagebook.storage.db import Database

log = logging.getLogger(__name__)


def other_databases(data_dir: Path) -> Iterator[Path]:
    """Copies of the database kept in the data folder: backups, replaced data."""
    yield from sorted(paths.backups_dir(data_dir).glob("*.sqlite3"))
    for folder in sorted(data_dir.glob("replaced-*")):
        yield from sorted(folder.glob("*.sqlite3"))


def _convert(path: Path, key: bytes | None) -> None:
    """Make ``path`` encrypted with ``key`` (None: plain), if it is not already."""
    current = cipher.key_for(path) if cipher.is_encrypted(path) else None
    if cipher.is_encrypted(path) and current is None:
        log.warning("left %s as it is: not a database this key opens", path)
        return
    if current == key:
        return
    try:
        cipher.convert_file(path, current, key)
    except cipher.error_types():
        log.warning("could not convert %s (damaged?)", path, exc_info=True)


def _convert_database(db: Database, key: bytes | None) -> None:
    db.engine.dispose()
    try:
        _convert(db.path, key)
    finally:
        db.reconnect()


def _convert_copies(data_dir: Path, key: bytes | None) -> None:
    for path in other_databases(data_dir):
        _convert(path, key)
        if path.parent == paths.backups_dir(data_dir):
            cipher.keep_keys_beside(data_dir, path)


def encrypt(db: Database, password: str) -> str:
    """Encrypt the folder under a new data key; returns the recovery key."""
    data_key, keys, recovery = cipher.make_keys(password)
    keys.state = "locking"
    cipher.remember(data_key)
    cipher.write_keys(db.data_dir, keys)
    _convert_database(db, data_key)
    _convert_copies(db.data_dir, data_key)
    keys.state = "locked"
    cipher.write_keys(db.data_dir, keys)
    return recovery


def rewrap(data_dir: Path, password: str) -> None:
    """A new password for the same data key (nothing is re-encrypted)."""
    keys = cipher.read_keys(data_dir)
    key = cipher.folder_key(data_dir)
    if keys is None or key is None:
        return
    slots = [s for s in keys.slots if s.get("kind") != "password"]
    keys.slots = [cipher.wrap(key, password, "password"), *slots]
    cipher.write_keys(data_dir, keys)


def start_decrypting(data_dir: Path) -> None:
    keys = cipher.read_keys(data_dir)
    if keys is not None:
        keys.state = "unlocking"
        cipher.write_keys(data_dir, keys)


def decrypt(db: Database) -> None:
    """Make every file plain again and remove the key file."""
    _convert_database(db, None)
    _convert_copies(db.data_dir, None)
    for sidecar in paths.backups_dir(db.data_dir).glob(f"*{cipher.SIDECAR_SUFFIX}"):
        sidecar.unlink(missing_ok=True)
    cipher.keys_path(db.data_dir).unlink(missing_ok=True)


def state(data_dir: Path) -> str:
    """``plain``, ``locked``, ``locking`` or ``unlocking``."""
    keys = cipher.read_keys(data_dir)
    return "plain" if keys is None else keys.state


def finish(db: Database) -> str:
    """Complete a conversion a stopped program left half-way; returns the state after."""
    now = state(db.data_dir)
    key = cipher.folder_key(db.data_dir)
    if now == "locking" and key is not None:
        _convert_database(db, key)
        _convert_copies(db.data_dir, key)
        keys = cipher.read_keys(db.data_dir)
        if keys is not None:
            keys.state = "locked"
            cipher.write_keys(db.data_dir, keys)
        return "locked"
    if now == "unlocking" and key is not None:
        decrypt(db)
        return "plain"
    return now
