"""What the main window calls: menu actions, checks on open, the app lock, backups on close.

The window needs four one-line hooks (see ``ui/main_window.py``): :func:`install` at the
end of its constructor, :meth:`SafetyHooks.after_open` once the Book is open (``window.book``),
:meth:`SafetyHooks.open_failed` when opening fails, :meth:`SafetyHooks.on_close` in
``closeEvent``.  The use cases are the core's (``book.safety``, ``Book.folder``); here the
window only asks and shows.  The core is imported lazily: nothing heavy before the window
shows.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMainWindow

from villagebook.ui.ops import perform
from villagebook.ui.safety.ask import SafetyAsk

if TYPE_CHECKING:
    from villagebook.domain.safety.errors import DatabaseMissing
    from villagebook.domain.safety.values import BackupInfo
    from villagebook.services.book import Book, DataFolder
    from villagebook.ui.safety.lock import IdleWatcher

log = logging.getLogger(__name__)
DAILY_CHECK_MS = 60 * 60 * 1000  # look once an hour whether a daily backup is due
FIRST_CHECK_MS = 5 * 1000


def _when(info: BackupInfo) -> str:
    return (info.last_changed_at or info.taken_at).strftime("%Y-%m-%d %H:%M")


class SafetyHooks(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.watcher: IdleWatcher | None = None
        self.unlocked = False
        self.locked = False
        self.closed = False
        self.daily = QTimer(self)
        self.daily.setInterval(DAILY_CHECK_MS)
        self.daily.timeout.connect(self.daily_backup)
        self._add_actions()

    # --- plumbing ----------------------------------------------------------------------------

    def book(self) -> Book | None:
        """The window's open Book, if any."""
        return getattr(self.window, "book", None)

    def folder(self) -> DataFolder:
        """The window's data folder as files (also when it could not be opened)."""
        book = self.book()
        if book is not None:
            return book.safety.folder
        from villagebook.services.book import Book

        return Book.folder(getattr(self.window, "data_dir", None))

    def _reopen(self) -> None:
        self.window.open_data()  # type: ignore[attr-defined]

    def _add_actions(self) -> None:
        menu = getattr(self.window, "file_menu", None)
        if menu is None:
            return
        actions = menu.actions()
        before = actions[-1] if actions else None  # keep Quit last
        self.backup_action = QAction(self.tr("Back &up to…"), self.window)
        self.restore_action = QAction(self.tr("&Restore a backup…"), self.window)
        self.lock_action = QAction(self.tr("App &lock…"), self.window)
        self.backup_action.triggered.connect(lambda _c=False: self.backup_to())
        self.restore_action.triggered.connect(lambda _c=False: self.restore())
        self.lock_action.triggered.connect(lambda _c=False: self.lock_settings())
        separator = QAction(self.window)
        separator.setSeparator(True)
        for action in (self.backup_action, self.restore_action, self.lock_action, separator):
            menu.insertAction(before, action)
        self._enable(False)

    def _enable(self, has_book: bool) -> None:
        self.backup_action.setEnabled(has_book)
        self.lock_action.setEnabled(has_book)

    def _forget_book(self) -> None:
        for name in ("book", "context"):
            if hasattr(self.window, name):
                setattr(self.window, name, None)
        self._enable(False)

    def _refuse(self, text: str) -> None:
        SafetyAsk.warn(self.window, self.tr("Data folder in use"), text)
        QTimer.singleShot(0, self.window.close)

    # --- opening -------------------------------------------------------------------------------

    def after_open(self) -> bool:
        """Take the folder (one writer), ask for the password; False: stop opening."""
        from villagebook.domain.safety.errors import FolderInUse

        book = self.book()
        assert book is not None
        try:
            book.safety.claim_folder()
        except FolderInUse as exc:  # another program writes here: say who, then close
            book.close()
            self._forget_book()
            self._refuse(str(exc))
            return False
        settings = book.safety.app_lock()
        if settings.enabled and not self.unlocked and not self.unlock():
            QTimer.singleShot(0, self.window.close)
            return False
        self.unlocked = True
        self.closed = False
        if book.safety.open_issues:  # the quick audit check on open found something
            lines = "\n".join(issue.message for issue in book.safety.open_issues[:5])
            SafetyAsk.warn(
                self.window,
                self.tr("Audit trail"),
                self.tr(
                    "The audit trail does not match its anchor or the tables' structure "
                    "changed behind VillageBook's back:"
                )
                + "\n\n"
                + lines
                + "\n\n"
                + self.tr("Run “villagebook audit verify” for the full check."),
            )
        self._watch(settings.idle_minutes)
        self._enable(True)
        self.restore_action.setEnabled(True)
        self.daily.start()
        QTimer.singleShot(FIRST_CHECK_MS, self, self.daily_backup)
        return True

    def open_failed(self, exc: BaseException) -> bool:
        """Handle a folder in use, a damaged or a missing database, or an encrypted folder
        (app lock on: ask the password, then open again); True when handled here."""
        from villagebook.domain.safety.errors import (
            DatabaseDamaged,
            DatabaseMissing,
            FolderInUse,
            PasswordRequired,
        )

        if isinstance(exc, FolderInUse):
            self._refuse(str(exc))
            return True
        if isinstance(exc, DatabaseDamaged):
            self.offer_newest_backup(exc)
            return True
        if isinstance(exc, DatabaseMissing):
            folder = self.folder()
            if folder.is_locked():  # its copies are encrypted: the password shows them
                if not self.unlock_folder():
                    QTimer.singleShot(0, self.window.close)
                    return True
                exc = DatabaseMissing(exc.data_dir, folder.newest_good_copy())
            self.offer_good_copy(exc)
            return True
        if isinstance(exc, PasswordRequired):
            if self.unlock_folder():
                self._reopen()
            else:
                QTimer.singleShot(0, self.window.close)
            return True
        return False

    def unlock_folder(self) -> bool:
        """The encrypted folder's password (or recovery key), before its Book can open."""
        from villagebook.ui.safety.lock import UnlockDialog

        folder = self.folder()

        def check(password: str) -> bool:
            folder.unlock(password)  # WrongPassword / TryLater: shown in the dialog
            return True

        ok = self._locked_dialog(UnlockDialog(None, self.window, check=check))
        self.unlocked = ok
        return ok

    def offer_good_copy(self, exc: DatabaseMissing) -> None:
        """The database is gone but earlier data is here: say so, offer the newest copy."""
        title = self.tr("The database is missing")
        good = exc.newest
        explained = self.tr(
            "There is no database in %1, but the folder holds earlier data (backups, or files "
            "an interrupted restore left). No new, empty database was created, so that "
            "nothing is hidden."
        ).replace("%1", str(exc.data_dir))
        if good is None:
            SafetyAsk.warn(
                self.window, title, explained + "\n\n" + self.tr("No good copy was found.")
            )
            return
        question = (
            explained
            + "\n\n"
            + self.tr("Restore the copy with the newest data (%1: %2)?\n%3")
            .replace("%1", _when(good))
            .replace("%2", good.summary_text())
            .replace("%3", str(good.path))
        )
        if not SafetyAsk.confirm(self.window, title, question):
            return
        folder = self.folder()
        if perform(self.window, lambda: folder.restore(good.path)) is None and (
            not folder.has_database()
        ):
            return
        SafetyAsk.inform(self.window, self.tr("Copy restored"), self.tr("The data is back."))
        QTimer.singleShot(0, self._reopen)

    def offer_newest_backup(self, exc: BaseException) -> None:
        folder = self.folder()
        good = folder.newest_good_backup()
        title = self.tr("The database is damaged")
        if good is None:
            SafetyAsk.warn(
                self.window,
                title,
                str(exc) + "\n\n" + self.tr("No good backup was found. The file was not changed."),
            )
            return
        counts = good.summary_text()
        question = (
            str(exc)
            + "\n\n"
            + self.tr("Restore the newest good backup (%1: %2)?")
            .replace("%1", _when(good))
            .replace("%2", counts)
        )
        if not SafetyAsk.confirm(self.window, title, question):
            return
        aside = perform(self.window, lambda: folder.restore(good.path, damaged=True))
        if aside is None:
            return
        SafetyAsk.inform(
            self.window,
            self.tr("Backup restored"),
            self.tr("The damaged files were kept in %1.").replace("%1", str(aside)),
        )
        QTimer.singleShot(0, self._reopen)

    # --- app lock ------------------------------------------------------------------------------

    def _watch(self, minutes: int) -> None:
        from villagebook.ui.safety.lock import IdleWatcher

        if self.watcher is None:
            self.watcher = IdleWatcher(minutes, self)
            self.watcher.idle.connect(self.lock_now)
        else:
            self.watcher.set_minutes(minutes)

    def unlock(self) -> bool:
        from villagebook.ui.safety.lock import UnlockDialog

        book = self.book()
        assert book is not None
        return self._locked_dialog(UnlockDialog(book, self.window))

    def _locked_dialog(self, dialog: QDialog) -> bool:
        """Show ``dialog`` with the records hidden behind it."""
        central = self.window.centralWidget()
        self.locked = True
        if central is not None:
            central.setVisible(False)
        ok = SafetyAsk.exec_dialog(dialog)
        self.locked = False
        if central is not None:
            central.setVisible(True)
        return ok

    def lock_now(self) -> None:
        """Lock after idle time (only when a password is set)."""
        book = self.book()
        if book is None or self.locked or not book.safety.app_lock().enabled:
            return
        if not self.unlock():
            self.window.close()
            return
        if self.watcher is not None:
            self.watcher.timer.start()

    def lock_settings(self) -> None:
        from villagebook.ui.safety.lock import PasswordDialog, RecoveryKeyDialog

        book = self.book()
        if book is None:
            return
        dialog = PasswordDialog(book, self.window)
        if SafetyAsk.exec_dialog(dialog):
            self._watch(book.safety.app_lock().idle_minutes)
            if dialog.recovery_key:  # the lock was just turned on: shown once
                folder = str(book.data_dir)
                SafetyAsk.exec_dialog(RecoveryKeyDialog(dialog.recovery_key, folder, self.window))

    # --- backups -------------------------------------------------------------------------------

    def daily_backup(self) -> Path | None:
        book = self.book()
        if book is None or self.closed:
            return None
        try:
            return book.safety.auto_backup()
        except Exception:  # a background backup never interrupts the user; the log says why
            log.exception("automatic backup failed")
            return None

    def backup_to(self) -> Path | None:
        book = self.book()
        if book is None:
            return None
        folder = SafetyAsk.folder(self.window, self.tr("Back up to folder (e.g. a USB stick)"))
        if folder is None:
            return None
        target = perform(self.window, lambda: book.safety.back_up(folder))
        if target is None:
            return None
        SafetyAsk.inform(
            self.window,
            self.tr("Backup made"),
            self.tr("The data and its attachments were copied to %1.").replace(
                "%1", str(target.parent)
            ),
        )
        return target

    def restore(self) -> Path | None:
        """Choose a backup; the core moves the current data aside, restores and reopens."""
        from villagebook.ui.safety.backups import RestoreDialog

        folder = self.folder()
        dialog = RestoreDialog(folder, self.window)
        if not SafetyAsk.exec_dialog(dialog) or dialog.chosen is None:
            return None
        chosen = dialog.chosen
        question = self.tr(
            "Restore the backup of %1? The current data will be moved aside, not deleted."
        ).replace("%1", _when(chosen))
        if not SafetyAsk.confirm(self.window, self.tr("Restore a backup"), question):
            return None
        stop_workers = getattr(self.window, "stop_workers", None)
        if callable(stop_workers):
            stop_workers()  # nothing reads the folder while it is replaced
        book = self.book()
        self._forget_book()
        if book is not None:
            aside = perform(
                self.window, lambda: book.safety.restore(chosen.path, reopen=self._reopen)
            )
        else:
            aside = perform(self.window, lambda: folder.restore(chosen.path, reopen=self._reopen))
        if aside is None:
            return None
        SafetyAsk.inform(
            self.window,
            self.tr("Backup restored"),
            self.tr("The data of %1 is back. The data it replaced was kept in %2.")
            .replace("%1", _when(chosen))
            .replace("%2", str(aside)),
        )
        return aside

    # --- closing -------------------------------------------------------------------------------

    def on_close(self) -> None:
        """Back up if anything changed since the last backup, then let the folder go."""
        self.daily.stop()
        self.closed = True
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None
        book = self.book()
        if book is not None:
            book.safety.close_with_backup()


def install(window: QMainWindow) -> SafetyHooks:
    hooks = SafetyHooks(window)
    window.safety = hooks  # type: ignore[attr-defined]
    return hooks
