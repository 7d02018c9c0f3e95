"""A data folder as files (数据文件夹): backups, restore and audit verification without
opening its database.

What a :class:`DataFolder` does works when the folder cannot be opened as a Book: its
database is damaged, another program holds it, or the user restores into it.  The window and
the command line get one with ``Book.folder(data_dir)``; an open Book hands out its own as
``book.safety.folder``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from villagebook import paths
from villagebook.domain.common.i18n import _
from villagebook.domain.safety.errors import TryLater, WrongPassword
from villagebook.domain.safety.values import AuditAnchor, AuditIssue, BackupInfo
from villagebook.storage import anchor, attempts, audit_reading, backup, cipher
from villagebook.storage.lock import FolderLock

#: Called by :meth:`DataFolder.restore` while it still holds the folder (to open it again).
Reopen = Callable[[], object]


class DataFolder:
    """One data folder's files: the database, its attachments, its backups."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir

    def __repr__(self) -> str:
        return f"DataFolder({str(self.data_dir)!r})"

    @property
    def database_path(self) -> Path:
        return paths.database_path(self.data_dir)

    def has_database(self) -> bool:
        return self.database_path.is_file()

    # --- encryption at rest ----------------------------------------------------------------

    def is_locked(self) -> bool:
        """The folder is encrypted (app lock on) and this program does not have its key yet:
        :meth:`unlock` first."""
        return cipher.read_keys(self.data_dir) is not None and not self.is_unlocked()

    def is_unlocked(self) -> bool:
        return cipher.folder_key(self.data_dir) is not None

    def unlock(self, secret: str) -> None:
        """Open the folder's data key with the app lock password or the recovery key (kept in
        this program's memory only).  Refused with WrongPassword, or TryLater after several
        wrong ones (the delay grows: 1, 2, 4 … seconds, up to 5 minutes)."""
        keys = cipher.read_keys(self.data_dir)
        if keys is None or self.is_unlocked():
            return
        left = attempts.wait_left(self.data_dir)
        if left:
            raise TryLater(left)
        key = keys.open(secret)
        if key is None:
            attempts.failed(self.data_dir)
            raise WrongPassword(_("程序锁密码或恢复密钥不正确"))
        attempts.succeeded(self.data_dir)
        cipher.remember(key)

    # --- backups -------------------------------------------------------------------------

    def backup_set(self, source: Path | None = None) -> Path:
        """Where the backups are: the automatic ones (``backups/``), or those in ``source``
        (a manual set such as ``VillageBook-backups/`` on a USB stick, or a data folder)."""
        if source is None:
            return paths.backups_dir(self.data_dir)
        return backup.find_backup_set(source)

    def backups(self, source: Path | None = None) -> list[BackupInfo]:
        """The snapshots of :meth:`backup_set` and what each holds, newest first."""
        return backup.list_backups(self.backup_set(source))

    def describe(self, snapshot: Path) -> BackupInfo:
        """What one snapshot file holds, and whether it is healthy."""
        return backup.describe(snapshot)

    def newest_good_backup(self) -> BackupInfo | None:
        """The newest healthy automatic backup, or None."""
        return backup.newest_good_backup(self.data_dir)

    def back_up(self, to: Path | None = None) -> Path:
        """Back up now: into ``to/VillageBook-backups/`` (a USB stick), or else into the
        automatic backups, which are then thinned.  Returns the new snapshot."""
        now = dt.datetime.now()
        if to is not None:
            return backup.backup_to(self.data_dir, to, now)
        target = backup.backup_into(self.data_dir, self.backup_set(), now)
        backup.prune(self.backup_set(), now)
        return target

    def auto_backup(self, *, on_close: bool = False) -> Path | None:
        """Back up if anything changed since the last automatic backup (at most daily, or
        at once when the window closes), then thin the automatic backups."""
        interval = dt.timedelta(0) if on_close else backup.AUTO_INTERVAL
        return backup.auto_backup(self.data_dir, min_interval=interval)

    def restore(
        self, snapshot: Path, *, damaged: bool = False, reopen: Reopen | None = None
    ) -> Path:
        """Replace the database and attachments by ``snapshot``'s; returns the folder the
        current ones were moved into (``replaced-<stamp>``, or ``damaged-<stamp>`` when they
        are ``damaged``), never deleted.

        Refused (nothing moved) when the snapshot is damaged or another program holds the
        folder.  ``reopen`` is called afterwards, also after a failure, while the folder is
        still held, so no other program can take it before it is open again.
        """
        lock = FolderLock(self.data_dir)
        try:
            lock.acquire()
            return backup.restore(
                self.data_dir, snapshot, prefix="damaged" if damaged else "replaced"
            )
        finally:
            try:
                if reopen is not None:
                    reopen()
            finally:
                lock.release()

    # --- the audit trail -------------------------------------------------------------------

    def verify_audit(self) -> list[AuditIssue]:
        """Breaks in the audit log's hash chain, rows changed behind the program's back,
        dropped tables, added columns, broken seals of finalised records, and a chain that
        no longer holds its anchor.  A damaged database is refused (DatabaseDamaged)."""
        return audit_reading.verify(self.database_path)

    def quick_verify(self) -> list[AuditIssue]:
        """What can be checked in milliseconds (on open, after restore): the schema, the
        chain's newest entry and the anchor."""
        if not self.has_database():
            return []
        return audit_reading.quick_verify(self.database_path)

    def audit_anchor(self) -> AuditAnchor:
        """The head of the audit chain as the data folder keeps it (for exchange bundles:
        a later bundle's chain must continue it)."""
        kept = anchor.current(self.data_dir)
        return AuditAnchor(kept.seq, kept.hash)
