"""Backups (备份) and restore (恢复).

A *backup set* is a folder holding database snapshots ``villagebook-<stamp>.sqlite3`` and
one ``attachments/`` folder shared by all of them.  Attachments are content-addressed
(their file name is their SHA-256), so each backup copies only the files the set does not
have yet, and thinning old snapshots never has to touch them.

* automatic backups live in ``<data-dir>/backups/``: on close and at most daily while
  something has changed, thinned by :func:`thin`;
* a manual backup goes to ``<folder>/VillageBook-backups/`` (e.g. on a USB stick);
* restoring copies the snapshot beside the database, keeps the current files in
  ``<data-dir>/replaced-<stamp>/`` (never deleted) and swaps the copy in by one rename: a
  power cut or a kill at any moment leaves either the old or the new database in place.

Snapshots are taken with SQLite's online backup API, never by copying a live file.  A
``*.partial`` file is a copy not finished yet; one left by a killed program is removed the
next time the folder is backed up or opened (:func:`clean_stale`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from villagebook import paths
from villagebook.domain.common.errors import os_error_text
from villagebook.domain.common.i18n import _
from villagebook.domain.safety.errors import DatabaseTooNew
from villagebook.domain.safety.retention import thin
from villagebook.domain.safety.values import BackupInfo
from villagebook.storage import anchor, cipher, integrity, schema
from villagebook.storage.errors import StorageError

PREFIX = "villagebook-"
SUFFIX = ".sqlite3"
STAMP = "%Y%m%d-%H%M%S"
MANUAL_FOLDER = "VillageBook-backups"
#: A snapshot made on request in ``backups/`` ends so; it is never thinned.
MANUAL_SUFFIX = "-manual" + SUFFIX
PARTIAL = ".partial"
AUTO_INTERVAL = dt.timedelta(days=1)
#: A ``.partial`` file untouched this long is no copy in progress (a copy writes steadily).
STALE_AFTER = dt.timedelta(minutes=10)

_NOT_COUNTED = frozenset({"alembic_version", "audit_log", "app_setting"})


# --- snapshots -----------------------------------------------------------------------------------


def _sqlite_failure(exc: Exception) -> str:
    text = str(exc).lower()
    if "full" in text:
        return _("磁盘空间已满")
    if "readonly" in text or "read-only" in text:
        return _("磁盘或文件夹是只读的")
    if "unable to open" in text:
        return _("无法创建或打开文件")
    if "malformed" in text or "not a database" in text:
        return _("数据库文件已损坏")
    return str(exc)


def _fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows syncs directories itself)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def copy_database(source: Path, partial: Path) -> None:
    """Copy the database ``source`` into ``partial`` with SQLite's online backup API,
    synced to disk and checked.  Raises (and removes ``partial``) on any failure."""
    problems = integrity.check(source)
    if problems:
        raise integrity.DatabaseDamaged(source, problems)
    try:
        partial.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        src = cipher.connect_ro(source)
        try:
            dst = cipher.connect_like(source, partial)  # an encrypted database stays encrypted
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
        problems = integrity.check(partial)
        if problems:
            raise integrity.DatabaseDamaged(source, problems)
    except cipher.error_types() as exc:
        partial.unlink(missing_ok=True)
        raise StorageError(
            _("备份失败（{error}）。原有数据未受影响。", error=_sqlite_failure(exc))
        ) from exc
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise StorageError(
            _("备份失败（{error}）。原有数据未受影响。", error=os_error_text(exc))
        ) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise


def snapshot(source: Path, target: Path) -> Path:
    """A consistent copy of a (possibly live) database with SQLite's online backup API.

    Written to a temporary name, synced, checked, then renamed: a half-written snapshot
    never carries a backup's name.
    """
    partial = target.with_name(target.name + PARTIAL)
    copy_database(source, partial)
    try:
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise StorageError(
            _("备份失败（{error}）。原有数据未受影响。", error=os_error_text(exc))
        ) from exc
    _fsync_dir(target.parent)
    return target


def copy_bytes(source: Path, target: Path) -> None:
    """``source``'s bytes into ``target``, synced.  A plain byte copy: shutil.copy2 goes
    through CopyFile2 on Windows, which python313.dll imports and not every Windows (nor
    Wine) provides."""
    with source.open("rb") as reader, target.open("wb") as writer:
        shutil.copyfileobj(reader, writer, 1 << 20)
        writer.flush()
        os.fsync(writer.fileno())


def copy_attachments(source_dir: Path, target_dir: Path) -> int:
    """Copy the content-addressed files of ``source_dir`` missing in ``target_dir``."""
    copied = 0
    if not source_dir.is_dir() or source_dir.resolve() == target_dir.resolve():
        return 0
    for file in source_dir.rglob("*"):
        if not file.is_file() or file.name.endswith(PARTIAL):
            continue
        dest = target_dir / file.relative_to(source_dir)
        if dest.exists() and dest.stat().st_size == file.stat().st_size:
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(dest.name + PARTIAL)
        try:
            copy_bytes(file, tmp)
            os.replace(tmp, dest)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
            raise
        _fsync_dir(dest.parent)
        copied += 1
    return copied


def clean_stale(
    folder: Path, *, now: float | None = None, held: bool = False, below: bool = False
) -> list[Path]:
    """Remove ``*.partial`` files a killed copy left in ``folder`` (``below``: and in its
    subfolders): those untouched for :data:`STALE_AFTER`, or every one when the caller
    ``held`` the folder (nobody else copies there then).  Returns what was removed."""
    if not folder.is_dir():
        return []
    now = time.time() if now is None else now
    removed = []
    search = folder.rglob if below else folder.glob
    # (with the journal SQLite keeps beside a copy being written: ``*.partial-journal``)
    # (and a copy being re-encrypted for the folder: ``*.partial.converting``)
    leftovers = [f"*{PARTIAL}", f"*{PARTIAL}-*", f"*{PARTIAL}.converting", "*.part"]
    for partial in [p for pattern in leftovers for p in search(pattern)]:
        with contextlib.suppress(OSError):
            if partial.is_file() and (
                held or now - partial.stat().st_mtime > STALE_AFTER.total_seconds()
            ):
                partial.unlink()
                removed.append(partial)
    return removed


def snapshot_name(now: dt.datetime) -> str:
    return f"{PREFIX}{now.strftime(STAMP)}{SUFFIX}"


def backup_into(
    data_dir: Path, backup_set: Path, now: dt.datetime, *, manual: bool = False
) -> Path:
    """Snapshot the database and add missing attachments to ``backup_set``; beside the
    snapshot, the head of its audit chain (``.anchor``) and, for an encrypted database, the
    key file it opens with (``.keys``).

    ``manual`` snapshots (made on request) are named ``…-manual.sqlite3`` and never thinned.
    """
    try:
        backup_set.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            _("备份失败（{error}）。原有数据未受影响。", error=os_error_text(exc))
        ) from exc
    with _holding(backup_set) as held:  # then no other backup writes here: clean it all
        clean_stale(backup_set, held=held)
        clean_stale(backup_set / "attachments", held=held, below=True)
        ending = MANUAL_SUFFIX if manual else SUFFIX
        target = backup_set / f"{PREFIX}{now.strftime(STAMP)}{ending}"
        n = 1
        while target.exists():
            n += 1
            target = backup_set / f"{PREFIX}{now.strftime(STAMP)}-{n}{ending}"
        snapshot(paths.database_path(data_dir), target)
        anchor.write_file(anchor.sidecar_path(target), anchor.head_of_file(target))
        cipher.keep_keys_beside(data_dir, target)
        try:
            copy_attachments(paths.attachments_dir(data_dir), backup_set / "attachments")
        except OSError as exc:
            raise StorageError(
                _("附件备份失败（{error}）。数据库已备份。", error=os_error_text(exc))
            ) from exc
    return target


@contextlib.contextmanager
def _holding(folder: Path) -> Iterator[bool]:
    """Hold ``folder``'s lock while the block runs, if it can be had at once: True then
    (every unfinished copy in it was left by a killed program), False otherwise."""
    from villagebook.storage.lock import FolderLock

    lock = FolderLock(folder)
    try:
        lock.acquire()
    except StorageError:  # held by another backup, or a medium without locks
        yield False
        return
    try:
        yield True
    finally:
        lock.release()


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


def describe(path: Path, *, origin: str = "backup") -> BackupInfo:
    """What a snapshot holds: date, schema revision, row counts per table, health."""
    try:
        problems = integrity.check(path)
    except cipher.PasswordRequired:
        problems = [_("已加密：需要程序锁密码或恢复密钥")]
    info = BackupInfo(
        path=path,
        taken_at=_stamp_of(path),
        problems=problems,
        manual=path.name.endswith(MANUAL_SUFFIX),
        origin=origin,
    )
    if not info.healthy:
        return info
    conn = cipher.connect_ro(path, integrity.read_only_uri(path))
    try:
        revision = _query(conn, "SELECT version_num FROM alembic_version")
        info.revision = str(revision[0][0]) if revision else None
        info.newer = info.revision is not None and schema.is_newer(info.revision)
        last = _query(conn, "SELECT max(seq), max(at) FROM audit_log")
        info.last_change = int(str(last[0][0])) if last and last[0][0] is not None else 0
        if last and last[0][1] is not None:
            with contextlib.suppress(ValueError):
                info.last_changed_at = dt.datetime.fromisoformat(str(last[0][1]))
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
    """The newest automatic or manual backup this program can restore (healthy, and not
    from a newer VillageBook)."""
    for info in list_backups(paths.backups_dir(data_dir)):
        if info.restorable:
            return info
    return None


# --- a data folder without its database ----------------------------------------------------------


def earlier_data(data_dir: Path) -> list[Path]:
    """What shows the folder held a village before: backups, data moved aside by a
    restore (``replaced-*/``, ``damaged-*/``), an interrupted copy (``*.partial``)."""
    found = [p for p in paths.backups_dir(data_dir).glob(f"*{SUFFIX}") if p.is_file()]
    for prefix in ("replaced", "damaged"):
        found += [p for p in data_dir.glob(f"{prefix}-*/{paths.DB_FILENAME}") if p.is_file()]
    wal = paths.database_path(data_dir).with_name(paths.DB_FILENAME + "-wal")
    if _nonempty(wal):  # the log of a database that is gone: its newest changes
        found.append(wal)
    for partial in data_dir.glob(f"*{PARTIAL}"):  # a finished copy holding a village
        info = describe(partial, origin="partial") if partial.is_file() else None
        if info is not None and info.restorable and info.counts.get("branch", 0) > 0:
            found.append(partial)
    return found


def _nonempty(file: Path) -> bool:
    try:
        return file.is_file() and file.stat().st_size > 0
    except OSError:
        return False


def good_copies(data_dir: Path) -> list[BackupInfo]:
    """Every copy of the database a missing one could be restored from, newest data first:
    backups, databases moved aside by a restore, copies an interrupted restore left."""
    infos = list_backups(paths.backups_dir(data_dir))
    for aside in data_dir.glob(f"replaced-*/{paths.DB_FILENAME}"):
        infos.append(describe(aside, origin="replaced"))
    for partial in data_dir.glob(f"*{PARTIAL}"):
        infos.append(describe(partial, origin="partial"))
    good = [i for i in infos if i.restorable and i.counts.get("branch", 0) > 0]

    def newest_data(info: BackupInfo) -> tuple[dt.datetime, int]:
        return (info.last_changed_at or info.taken_at, info.last_change)

    return sorted(good, key=newest_data, reverse=True)


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
    """The automatic snapshots (manual and pre-upgrade ones are kept whatever thinning says)."""
    return sorted(
        p
        for p in backup_set.glob(f"{PREFIX}*{SUFFIX}")
        if p.is_file() and not p.name.endswith(MANUAL_SUFFIX)
    )


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


def _aside_folder(data_dir: Path, now: dt.datetime, prefix: str) -> Path:
    aside = data_dir / f"{prefix}-{now.strftime(STAMP)}"
    n = 1
    while aside.exists():
        n += 1
        aside = data_dir / f"{prefix}-{now.strftime(STAMP)}-{n}"
    aside.mkdir(parents=True)
    return aside


def _keep(file: Path, target: Path) -> None:
    """``target`` becomes another name of ``file`` (a hard link), or a synced copy where
    the disk has no links (FAT on a USB stick)."""
    try:
        os.link(file, target)
    except OSError:
        copy_bytes(file, target)


def _keep_tree(folder: Path, target: Path) -> None:
    for file in folder.rglob("*"):
        if file.is_file() and not file.name.endswith(PARTIAL):
            dest = target / file.relative_to(folder)
            dest.parent.mkdir(parents=True, exist_ok=True)
            _keep(file, dest)


def _checkpoint(db: Path) -> None:
    """Fold the write-ahead log into the database file, so the file alone is the data."""
    with contextlib.suppress(*cipher.error_types()):
        conn = cipher.connect(db)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()


def move_aside(data_dir: Path, now: dt.datetime, prefix: str = "replaced") -> Path:
    """Keep the database (with its WAL) and attachments in ``<prefix>-<stamp>/`` as they
    are: linked there, the originals stay in place until :func:`restore` swaps them."""
    aside = _aside_folder(data_dir, now, prefix)
    for file in _database_files(data_dir)[:2]:
        if file.is_file():
            _keep(file, aside / file.name)
    current_anchor = anchor.anchor_path(data_dir)
    if current_anchor.is_file():  # the replaced data's audit anchor goes with it
        copy_bytes(current_anchor, aside / current_anchor.name)
    attachments = paths.attachments_dir(data_dir)
    if attachments.is_dir():
        _keep_tree(attachments, aside / attachments.name)
    _fsync_dir(aside)
    return aside


def _rescue(partial: Path, now: dt.datetime) -> Path:
    """Give a finished copy left as ``*.partial`` a folder of its own before it is used."""
    folder = _aside_folder(partial.parent, now, "recovered")
    target = folder / paths.DB_FILENAME
    os.replace(partial, target)
    return target


def restore(
    data_dir: Path, backup: Path, now: dt.datetime | None = None, *, prefix: str = "replaced"
) -> Path | None:
    """Replace the data folder's database by ``backup`` (and add its attachments).

    The database must be closed and the folder held.  The backup is checked first (a
    damaged backup, or one from a newer VillageBook, is refused).  Then, in this order, so
    that a kill or a power cut at any moment leaves the old or the new database in place:

    1. the backup is copied beside the database (``villagebook.sqlite3.partial``), synced
       and checked, and its attachments are added (content-addressed: nothing is replaced);
    2. the current database is checkpointed and kept in ``<prefix>-<stamp>/`` (hard links:
       the originals stay where they are), returned (None when there was no database);
    3. the copy is renamed over the database: the one step that changes what is open next.

    The copy is encrypted with the folder's data key (or made plain when the folder is not
    locked) before the rename, and the audit anchor kept beside the snapshot becomes the
    folder's after it.
    """
    info = describe(backup)
    if not info.healthy:
        raise integrity.DatabaseDamaged(backup, info.problems)
    if info.newer:
        raise DatabaseTooNew(backup, info.revision or "")
    db, wal, shm = _database_files(data_dir)
    staged = db.with_name(db.name + PARTIAL)
    if backup.resolve() == staged.resolve():  # a copy an interrupted restore left
        backup = _rescue(staged, now or dt.datetime.now())
    clean_stale(data_dir, held=True)
    clean_stale(paths.attachments_dir(data_dir), held=True, below=True)
    aside: Path | None = None
    failures: tuple[type[BaseException], ...] = (OSError, StorageError, *cipher.error_types())

    def undo() -> None:
        with contextlib.suppress(OSError):
            staged.unlink(missing_ok=True)
        if aside is not None and db.exists() and (aside / db.name).exists():
            if not (wal.exists()) and (aside / wal.name).exists():
                with contextlib.suppress(OSError):
                    _keep(aside / wal.name, wal)  # the old database keeps its log
            shutil.rmtree(aside, ignore_errors=True)

    try:
        copy_database(backup, staged)
        cipher.match_folder(data_dir, staged)  # encrypted as the folder is, or plain
        copy_attachments(backup.parent / "attachments", paths.attachments_dir(data_dir))
        if db.exists():
            _checkpoint(db)
        if db.exists() or _nonempty(wal):  # (a log without its database is kept too)
            aside = move_aside(data_dir, now or dt.datetime.now(), prefix)
        for leftover in (wal, shm):  # the old log must never meet the new database
            leftover.unlink(missing_ok=True)
        os.replace(staged, db)
        _fsync_dir(data_dir)
    except failures as exc:
        undo()
        reason = os_error_text(exc) if isinstance(exc, OSError) else str(exc)
        raise StorageError(_("恢复失败：{error}。原有数据没有改变。", error=reason)) from exc
    except BaseException:
        undo()
        raise
    restore_anchor(data_dir, backup)
    return aside


def restore_anchor(data_dir: Path, backup: Path) -> None:
    """The restored database's audit anchor is the one kept beside its snapshot (so a chain
    rewritten inside the backup file is found), or the one a ``replaced-*`` folder kept;
    the replaced anchor went aside with the replaced data (:func:`move_aside`).  A snapshot
    from before anchors existed is anchored at its own head."""
    kept = anchor.read_file(anchor.sidecar_path(backup))
    if kept is None and backup.name == paths.DB_FILENAME:
        kept = anchor.read_file(backup.parent / anchor.ANCHOR_FILENAME)
    anchor.write(data_dir, kept or anchor.head_of_file(paths.database_path(data_dir)))
