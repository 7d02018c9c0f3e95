"""Safety as the Book offers it: backups, restore, the audit trail, the one-writer lock and
the app lock of an open data folder.

What must also work on a folder that cannot be opened as a Book (damaged, held by another
program) is on :class:`~villagebook.services.safety.folder.DataFolder`; :attr:`SafetyApi.folder`
is the open Book's own.
"""

from __future__ import annotations

import logging
import uuid
from pathlib import Path
from typing import Protocol

from villagebook.domain.common.i18n import _
from villagebook.domain.safety.values import AppLockSettings, AuditIssue, BackupInfo, HistoryEntry
from villagebook.services.capability import BookCore, Capability
from villagebook.services.safety import applock
from villagebook.services.safety.folder import DataFolder, Reopen
from villagebook.storage import audit_reading
from villagebook.storage.db import Database
from villagebook.storage.lock import FolderLock

log = logging.getLogger(__name__)


class SafetyCore(BookCore, Protocol):
    """The Book as the safety capability sees it: it also reaches the storage handle."""

    @property
    def database(self) -> Database: ...

    def close(self) -> None: ...


class SafetyApi(Capability):
    core: SafetyCore

    def __init__(self, core: SafetyCore) -> None:
        super().__init__(core)

    @property
    def folder(self) -> DataFolder:
        """The open Book's data folder as files (backups, restore, audit verification)."""
        return DataFolder(self.core.data_dir)

    # --- one writer ------------------------------------------------------------------------

    def claim_folder(self) -> None:
        """Take the data folder for this Book alone, as the window does on open.

        Refused with :class:`~villagebook.domain.safety.errors.FolderInUse` (naming the
        holder) while another program has it; reading goes on working either way.
        """
        self.core.database.lock.acquire()

    # --- the app lock ----------------------------------------------------------------------

    def app_lock(self) -> AppLockSettings:
        with self.core.reading() as session:
            return applock.settings(session)

    def check_password(self, password: str) -> bool:
        """True when the lock is off or ``password`` is its password."""
        with self.core.reading() as session:
            return applock.check_password(session, password)

    def set_app_lock(
        self, password: str, *, repeat: str | None = None, idle_minutes: int | None = None
    ) -> AppLockSettings:
        """Turn the app lock on or change its password (and the idle minutes).

        Refused by field (``password``, ``repeat``, ``idle_minutes``).  Not undoable: the
        Edit menu must not bring back an old password.
        """
        with self.core.transaction(_("设置程序锁"), undoable=False) as session:
            applock.set_password(session, password, repeat=repeat, idle=idle_minutes)
            return applock.settings(session)

    def clear_app_lock(self) -> AppLockSettings:
        """Turn the app lock off (not undoable either)."""
        with self.core.transaction(_("取消程序锁"), undoable=False) as session:
            applock.clear_password(session)
            return applock.settings(session)

    # --- the audit trail -------------------------------------------------------------------

    def history(self, row_id: uuid.UUID) -> list[HistoryEntry]:
        """Every logged change of one record (any table), oldest first."""
        with self.core.reading() as session:
            return audit_reading.history(session, row_id)

    def verify_audit(self) -> list[AuditIssue]:
        """Breaks in the hash chain, and rows changed behind the program's back."""
        return self.folder.verify_audit()

    # --- backups and restore ---------------------------------------------------------------

    def backups(self, source: Path | None = None) -> list[BackupInfo]:
        """The automatic backups (or those in ``source``), newest first."""
        return self.folder.backups(source)

    def back_up(self, to: Path | None = None) -> Path:
        """Back up now, into ``to`` (a USB stick) or the automatic backups."""
        return self.folder.back_up(to)

    def auto_backup(self) -> Path | None:
        """The daily backup, when anything changed since the last one."""
        return self.folder.auto_backup()

    def close_with_backup(self) -> Path | None:
        """Back up if anything changed since the last backup, then close the Book.

        A failed backup is logged, not raised: closing must not be stopped by it.
        """
        made = None
        try:
            made = self.folder.auto_backup(on_close=True)
        except Exception:
            log.exception("backup on close failed")
        self.core.close()
        return made

    def restore(self, snapshot: Path, *, reopen: Reopen | None = None) -> Path | None:
        """Close this Book and put ``snapshot`` in place of its data (kept aside, never
        deleted); returns the folder the replaced data went into.

        The folder stays held from before the Book closes until ``reopen`` (which should open
        it again, also after a failure) has run.
        """
        with FolderLock(self.core.data_dir):
            self.core.close()
            return self.folder.restore(snapshot, reopen=reopen)
