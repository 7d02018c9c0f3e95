"""Safety as the Book offers it: backups, restore, the audit trail, the one-writer lock and
the app lock of an open data folder.

What must also work on a folder that cannot be opened as a Book (damaged, held by another
program) is on :class:`~villagebook.services.safety.folder.DataFolder`; :attr:`SafetyApi.folder`
is the open Book's own.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Protocol

from villagebook.domain.common.errors import InputError
from villagebook.domain.common.i18n import _
from villagebook.domain.safety.errors import PasswordRequired, TryLater, WrongPassword
from villagebook.domain.safety.validation import lock_settings_problems
from villagebook.domain.safety.values import (
    AppLockSettings,
    AuditAnchor,
    AuditIssue,
    BackupInfo,
    HistoryEntry,
)
from villagebook.services.capability import BookCore, Capability
from villagebook.services.safety import _encryption, applock
from villagebook.services.safety.folder import DataFolder, Reopen
from villagebook.services.safety.identity import IdentityApi
from villagebook.storage import attempts, audit_reading, cipher
from villagebook.storage.db import Database
from villagebook.storage.lock import FolderLock

log = logging.getLogger(__name__)


class SafetyCore(BookCore, Protocol):
    """The Book as the safety capability sees it: it also reaches the storage handle."""

    @property
    def database(self) -> Database: ...

    @property
    def identity(self) -> IdentityApi: ...

    def close(self) -> None: ...


class SafetyApi(Capability):
    core: SafetyCore

    def __init__(self, core: SafetyCore) -> None:
        super().__init__(core)
        #: What :meth:`quick_verify` found when the Book was opened (empty when all is well).
        self.open_issues: list[AuditIssue] = []
        self._unlocked = False

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
            settings = applock.settings(session)
        return replace(settings, encrypted=_encryption.state(self.core.data_dir) != "plain")

    @property
    def unlocked(self) -> bool:
        """True when the lock is off, or its password (or the recovery key) was given to
        this Book: what personal data in clear (exports, unmasked reports) requires."""
        if self._unlocked:
            return True
        if not self.app_lock().enabled:
            return True
        return cipher.folder_key(self.core.data_dir) is not None

    def require_unlocked(self) -> None:
        """Refuse (PasswordRequired) unless :attr:`unlocked`."""
        if not self.unlocked:
            raise PasswordRequired(_("程序锁已开启：请先输入程序锁密码"))

    def check_password(self, password: str) -> bool:
        """True when the lock is off or ``password`` is its password (or the recovery key).

        After a wrong one the next attempt must wait a growing delay (TryLater), counted in
        the data folder for every program on it.
        """
        if not self.app_lock().enabled:
            return True
        left = attempts.wait_left(self.core.data_dir)
        if left:
            raise TryLater(left)
        keys = cipher.read_keys(self.core.data_dir)
        with self.core.reading() as session:
            ok = applock.check_password(session, password)
        if not ok and keys is not None:
            ok = keys.open(password) is not None  # the recovery key opens it as well
        if ok:
            attempts.succeeded(self.core.data_dir)
            self._unlocked = True
            # the installation's signing key is sealed with the password (not the recovery key)
            self.core.identity.unlock(password)
        else:
            attempts.failed(self.core.data_dir)
        return ok

    def unlock(self, password: str) -> None:
        """:meth:`check_password`, refusing with WrongPassword when it is wrong."""
        if not self.check_password(password):
            raise WrongPassword(_("程序锁密码不正确"))

    def _require_current(self, current: str | None) -> None:
        if current is None:
            raise PasswordRequired(_("程序锁已开启：须输入当前密码"))
        if not self.check_password(current):
            raise WrongPassword(_("当前密码不正确"))

    def set_app_lock(
        self,
        password: str,
        *,
        repeat: str | None = None,
        idle_minutes: int | None = None,
        current: str | None = None,
    ) -> AppLockSettings:
        """Turn the app lock on, or change its password (and the idle minutes).

        Turning it on encrypts the database, its backups and later exports, and returns a
        new recovery key (``recovery_key``, shown once).  Changing it needs ``current``, the
        password in force (or the recovery key).  Refused by field (``password``,
        ``repeat``, ``idle_minutes``).  Not undoable: the Edit menu must not bring back an
        old password.
        """
        problems = lock_settings_problems(password, repeat, idle_minutes)
        if problems:
            raise InputError(problems)
        enabled = self.app_lock().enabled
        if enabled:
            self._require_current(current)
        with self.core.transaction(_("设置程序锁"), undoable=False) as session:
            applock.set_password(session, password, repeat=repeat, idle=idle_minutes)
            self.core.identity.reseal(session, password)  # the signing key follows the lock
        self._unlocked = True
        recovery = ""
        if _encryption.state(self.core.data_dir) == "plain":
            recovery = _encryption.encrypt(self.core.database, password)
        else:
            _encryption.rewrap(self.core.data_dir, password)
        return replace(self.app_lock(), recovery_key=recovery)

    def clear_app_lock(self, current: str | None = None) -> AppLockSettings:
        """Turn the app lock off with ``current``, its password (or the recovery key): the
        data folder is decrypted.  Not undoable either."""
        if self.app_lock().enabled:
            self._require_current(current)
        _encryption.start_decrypting(self.core.data_dir)
        with self.core.transaction(_("取消程序锁"), undoable=False) as session:
            applock.clear_password(session)
            self.core.identity.reseal(session, None)
        if _encryption.state(self.core.data_dir) != "plain":
            _encryption.decrypt(self.core.database)
        return self.app_lock()

    def finish_encryption(self) -> None:
        """Complete turning the lock on or off when a program stopped half-way (on open)."""
        before = _encryption.state(self.core.data_dir)
        if before not in ("locking", "unlocking"):
            return
        _encryption.finish(self.core.database)
        if before == "unlocking" and self.app_lock().enabled:
            with self.core.transaction(_("取消程序锁"), undoable=False) as session:
                applock.clear_password(session)

    # --- the audit trail -------------------------------------------------------------------

    def history(self, row_id: uuid.UUID) -> list[HistoryEntry]:
        """Every logged change of one record (any table), oldest first."""
        with self.core.reading() as session:
            return audit_reading.history(session, row_id)

    def verify_audit(self) -> list[AuditIssue]:
        """Breaks in the hash chain, and rows changed behind the program's back."""
        return self.folder.verify_audit()

    def quick_verify(self) -> list[AuditIssue]:
        """The checks fast enough for every opening (schema, the chain's head, its anchor);
        kept as :attr:`open_issues`.  A failure to check is logged, never raised."""
        try:
            self.open_issues = self.folder.quick_verify()
        except Exception:
            log.exception("quick audit check failed")
            self.open_issues = []
        return self.open_issues

    def audit_anchor(self) -> AuditAnchor:
        """The head of the audit chain, for a bundle to carry (``storage.anchor``)."""
        return self.folder.audit_anchor()

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

    def restore(self, snapshot: Path, *, reopen: Reopen | None = None) -> Path:
        """Close this Book and put ``snapshot`` in place of its data (kept aside, never
        deleted); returns the folder the replaced data went into.

        The folder stays held from before the Book closes until ``reopen`` (which should open
        it again, also after a failure) has run.
        """
        with FolderLock(self.core.data_dir):
            self.core.close()
            return self.folder.restore(snapshot, reopen=reopen)
