"""Backups (备份) and restore (恢复).

A *backup set* is a folder holding database snapshots ``villagebook-<stamp>.sqlite3`` and
one ``attachments/`` folder shared by all of them.  Attachments are content-addressed
(their file name is their SHA-256), so each backup copies only the files the set does not
have yet, and thinning old snapshots never has to touch them.

* automatic backups live in ``<data-dir>/backups/``: on close and at most daily while
  something has changed, thinned by :func:`thin`;
* a manual backup goes to ``<folder>/VillageBook-backups/`` (e.g. on a USB stick);
* restoring moves the current data aside into ``<data-dir>/replaced-<stamp>/`` (never
  deleted) and copies the snapshot and its attachments in.

Snapshots are taken with SQLite's online backup API, never by copying a live file.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path
from typing import Any

from villagebook import paths
from villagebook.domain.common.i18n import _
from villagebook.domain.safety.retention import thin
from villagebook.domain.safety.values import BackupInfo
from villagebook.storage import anchor, cipher, integrity
from villagebook.storage.errors import StorageError

PREFIX = "villagebook-"
SUFFIX = ".sqlite3"
STAMP = "%Y%m%d-%H%M%S"
MANUAL_FOLDER = "VillageBook-backups"
AUTO_INTERVAL = dt.timedelta(days=1)

_NOT_COUNTED = frozenset({"alembic_version", "audit_log", "app_setting"})


# --- snapshots -----------------------------------------------------------------------------------


def snapshot(source: Path, target: Path) -> Path:
    """A consistent copy of a (possibly live) database with SQLite's online backup API.

    Written to a temporary name, synced, checked, then renamed: a half-written snapshot
    never carries a backup's name.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        src = cipher.connect_ro(source)
        dst = cipher.connect_like(source, partial)  # an encrypted database stays encrypted
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
            src.close()
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
        problems = integrity.check(partial)
        if problems:
            raise integrity.DatabaseDamaged(source, problems)
        os.replace(partial, target)
    except cipher.error_types() as exc:
        partial.unlink(missing_ok=True)
        raise StorageError(_("备份失败：{error}。原有数据未受影响。", error=exc)) from exc
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise StorageError(
            _("备份失败（{error}）。原有数据未受影响。", error=exc.strerror or exc)
        ) from exc
    return target


def copy_attachments(source_dir: Path, target_dir: Path) -> int:
    """Copy the content-addressed files of ``source_dir`` missing in ``target_dir``."""
    copied = 0
    if not source_dir.is_dir():
        return 0
    for file in source_dir.rglob("*"):
        if not file.is_file():
            continue
        dest = target_dir / file.relative_to(source_dir)
        if dest.exists() and dest.stat().st_size == file.stat().st_size:
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(dest.name + ".partial")
        # A plain byte copy, synced before the rename: shutil.copy2 goes through CopyFile2 on
        # Windows, which python313.dll imports and not every Windows (nor Wine) provides.
        with file.open("rb") as source, tmp.open("wb") as target:
            shutil.copyfileobj(source, target, 1 << 20)
            target.flush()
            os.fsync(target.fileno())
        os.replace(tmp, dest)
        copied += 1
    return copied


def snapshot_name(now: dt.datetime) -> str:
    return f"{PREFIX}{now.strftime(STAMP)}{SUFFIX}"


def backup_into(data_dir: Path, backup_set: Path, now: dt.datetime) -> Path:
    """Snapshot the database and add missing attachments to ``backup_set``."""
    target = backup_set / snapshot_name(now)
    n = 1
    while target.exists():
        n += 1
        target = backup_set / f"{PREFIX}{now.strftime(STAMP)}-{n}{SUFFIX}"
    snapshot(paths.database_path(data_dir), target)
    anchor.write_file(anchor.sidecar_path(target), anchor.head_of_file(target))
    cipher.keep_keys_beside(data_dir, target)
    try:
        copy_attachments(paths.attachments_dir(data_dir), backup_set / "attachments")
    except OSError as exc:
        raise StorageError(
            _("附件备份失败（{error}）。数据库已备份。", error=exc.strerror or exc)
        ) from exc
    return target


def backup_to(data_dir: Path, folder: Path, now: dt.datetime | None = None) -> Path:
    """A manual backup into ``folder/VillageBook-backups/`` (a USB stick, another disk)."""
    return backup_into(data_dir, folder / MANUAL_FOLDER, now or dt.datetime.now())


# --- describing ----------------------------------------------------------------------------------


def _stamp_of(path: Path) -> dt.datetime:
    text = path.stem.removeprefix(PREFIX)[: len("20260101-000000")]
    try:
        return dt.datetime.strptime(text, STAMP)
    except ValueError:
        return dt.datetime.fromtimestamp(path.stat().st_mtime)


def _query(conn: Any, sql: str) -> list[tuple[object, ...]]:
    try:
        return list(conn.execute(sql))
    except cipher.error_types():
        return []


def describe(path: Path) -> BackupInfo:
    """What a snapshot holds: date, schema revision, row counts per table, health."""
    try:
        problems = integrity.check(path)
    except cipher.PasswordRequired:
        problems = [_("已加密：需要程序锁密码或恢复密钥")]
    info = BackupInfo(path=path, taken_at=_stamp_of(path), problems=problems)
    if not info.healthy:
        return info
    conn = cipher.connect_ro(path)
    try:
        revision = _query(conn, "SELECT version_num FROM alembic_version")
        info.revision = str(revision[0][0]) if revision else None
        last = _query(conn, "SELECT max(seq) FROM audit_log")
        info.last_change = int(str(last[0][0])) if last and last[0][0] is not None else 0
        tables = _query(conn, "SELECT name FROM sqlite_master WHERE type='table'")
        for (name,) in tables:
            if str(name) in _NOT_COUNTED or str(name).startswith("sqlite_"):
                continue
            count = _query(conn, f'SELECT count(*) FROM "{name}"')
            info.counts[str(name)] = int(str(count[0][0])) if count else 0
    finally:
        conn.close()
    return info


def list_backups(backup_set: Path) -> list[BackupInfo]:
    """Snapshots in a backup set, newest first (``pre-upgrade-*`` ones included)."""
    if not backup_set.is_dir():
        return []
    files = [p for p in backup_set.glob(f"*{SUFFIX}") if p.is_file()]
    infos = [describe(p) for p in files]
    return sorted(infos, key=lambda i: (i.taken_at, i.path.name), reverse=True)


def find_backup_set(folder: Path) -> Path:
    """The backup set in ``folder``: a manual set (``VillageBook-backups/``, e.g. on a USB
    stick), a data folder's ``backups/``, or else the folder itself."""
    for candidate in (folder / MANUAL_FOLDER, paths.backups_dir(folder)):
        if candidate.is_dir():
            return candidate
    return folder


def newest_good_backup(data_dir: Path) -> BackupInfo | None:
    for info in list_backups(paths.backups_dir(data_dir)):
        if info.healthy:
            return info
    return None


# --- automatic backups -------------------------------------------------------------------------


def last_change(db_path: Path) -> int:
    """The newest audit log entry's number: it grows with every saved change."""
    conn = cipher.connect_ro(db_path)
    try:
        rows = _query(conn, "SELECT max(seq) FROM audit_log")
    finally:
        conn.close()
    return int(str(rows[0][0])) if rows and rows[0][0] is not None else 0


def _automatic(backup_set: Path) -> list[Path]:
    return sorted(p for p in backup_set.glob(f"{PREFIX}*{SUFFIX}") if p.is_file())


def needs_backup(data_dir: Path, now: dt.datetime, min_interval: dt.timedelta) -> bool:
    db_path = paths.database_path(data_dir)
    if not db_path.is_file():
        return False
    existing = _automatic(paths.backups_dir(data_dir))
    if not existing:
        return last_change(db_path) > 0
    newest = max(existing, key=_stamp_of)
    if now - _stamp_of(newest) < min_interval:
        return False
    return describe(newest).last_change != last_change(db_path)


def auto_backup(
    data_dir: Path, now: dt.datetime | None = None, *, min_interval: dt.timedelta = AUTO_INTERVAL
) -> Path | None:
    """Back up if something changed since the last automatic backup (and it is at least
    ``min_interval`` old), then thin the automatic backups.  Returns the new snapshot.
    """
    now = now or dt.datetime.now()
    if not needs_backup(data_dir, now, min_interval):
        return None
    target = backup_into(data_dir, paths.backups_dir(data_dir), now)
    prune(paths.backups_dir(data_dir), now)
    return target


def prune(backup_set: Path, now: dt.datetime) -> list[Path]:
    """Delete the automatic snapshots :func:`thin` does not keep; returns them."""
    files = _automatic(backup_set)
    stamps = {p: _stamp_of(p) for p in files}
    keep = thin(stamps.values(), now)
    removed = [p for p, s in stamps.items() if s not in keep]
    for p in removed:
        p.unlink()
        anchor.sidecar_path(p).unlink(missing_ok=True)
        cipher.sidecar_path(p).unlink(missing_ok=True)
    return removed


# --- restoring -----------------------------------------------------------------------------------


def _database_files(data_dir: Path) -> list[Path]:
    db = paths.database_path(data_dir)
    return [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")]


def move_aside(data_dir: Path, now: dt.datetime, prefix: str = "replaced") -> Path:
    """Move the database (with its WAL) and attachments into ``<prefix>-<stamp>/``."""
    aside = data_dir / f"{prefix}-{now.strftime(STAMP)}"
    n = 1
    while aside.exists():
        n += 1
        aside = data_dir / f"{prefix}-{now.strftime(STAMP)}-{n}"
    aside.mkdir(parents=True)
    for file in [*_database_files(data_dir), paths.attachments_dir(data_dir)]:
        if file.exists():
            os.replace(file, aside / file.name)
    return aside


def restore(
    data_dir: Path, backup: Path, now: dt.datetime | None = None, *, prefix: str = "replaced"
) -> Path:
    """Replace the data folder's database (and attachments) by ``backup``.

    The database must be closed.  The current files are moved into the returned folder,
    never deleted.  The backup is checked first; a damaged backup is refused.
    """
    info = describe(backup)
    if not info.healthy:
        raise integrity.DatabaseDamaged(backup, info.problems)
    aside = move_aside(data_dir, now or dt.datetime.now(), prefix)
    try:
        snapshot(backup, paths.database_path(data_dir))
        copy_attachments(backup.parent / "attachments", paths.attachments_dir(data_dir))
    except (OSError, StorageError) as exc:
        for file in aside.iterdir():
            target = data_dir / file.name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
            os.replace(file, target)
        aside.rmdir()
        raise StorageError(_("恢复失败：{error}。原有数据已放回原处。", error=exc)) from exc
    restore_anchor(data_dir, backup, aside)
    cipher.match_folder(data_dir)
    return aside


def restore_anchor(data_dir: Path, backup: Path, aside: Path) -> None:
    """The restored database's audit anchor is the one kept beside its snapshot (so a chain
    rewritten inside the backup file is found); the replaced anchor goes aside with the
    replaced data.  A snapshot from before anchors existed is anchored at its own head."""
    current = anchor.anchor_path(data_dir)
    if current.is_file():
        shutil.copy2(current, aside / current.name)
    kept = anchor.read_file(anchor.sidecar_path(backup))
    anchor.write(data_dir, kept or anchor.head_of_file(paths.database_path(data_dir)))
