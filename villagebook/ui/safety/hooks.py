"""What the main window calls: menu actions, checks on open, the app lock, backups on close.

The window needs four one-line hooks (see ``ui/main_window.py``): :func:`install` at the
end of its constructor, :meth:`SafetyHooks.after_open` once the database is open,
:meth:`SafetyHooks.open_failed` when opening fails, :meth:`SafetyHooks.on_close` in
``closeEvent``.  Storage modules are imported lazily: nothing heavy before the window shows.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from villagebook.ui.safety.ask import SafetyAsk

log = logging.getLogger(__name__)
DAILY_CHECK_MS = 60 * 60 * 1000  # look once an hour whether a daily backup is due
FIRST_CHECK_MS = 5 * 1000


class SafetyHooks(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.watcher: Any = None
        self.unlocked = False
        self.locked = False
        self.closed = False
        self.daily = QTimer(self)
        self.daily.setInterval(DAILY_CHECK_MS)
        self.daily.timeout.connect(self.daily_backup)
        self._add_actions()

    # --- plumbing ----------------------------------------------------------------------------

    def db(self) -> Any:
        db = getattr(self.window, "db", None)
        if db is None:
            context = getattr(self.window, "context", None)
            db = getattr(context, "db", None)
        return db

    def data_dir(self) -> Path:
        from villagebook import paths

        db = self.db()
        if db is not None:
            return Path(db.data_dir)
        folder = getattr(self.window, "data_dir", None)
        return Path(folder) if folder else paths.default_data_dir()

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

    def _enable(self, has_db: bool) -> None:
        self.backup_action.setEnabled(has_db)
        self.lock_action.setEnabled(has_db)

    def _forget_db(self) -> None:
        for name in ("db", "context"):
            if hasattr(self.window, name):
                setattr(self.window, name, None)
        self._enable(False)

    def _show_error(self, exc: BaseException) -> None:
        from villagebook.ui.errors import show_error

        show_error(self.window, exc)

    def _refuse(self, text: str) -> None:
        SafetyAsk.warn(self.window, self.tr("Data folder in use"), text)
        QTimer.singleShot(0, self.window.close)

    # --- opening -------------------------------------------------------------------------------

    def after_open(self) -> bool:
        """Take the folder (one writer), ask for the password; False: stop opening."""
        from villagebook.services.safety import applock
        from villagebook.storage.lock import FolderInUse

        db = self.db()
        try:
            db.lock.acquire()
        except FolderInUse as exc:
            db.engine.dispose()
            self._forget_db()
            self._refuse(str(exc))
            return False
        with db.read() as session:
            enabled = applock.is_enabled(session)
            minutes = applock.idle_minutes(session)
        if enabled and not self.unlocked and not self.unlock():
            QTimer.singleShot(0, self.window.close)
            return False
        self.unlocked = True
        self.closed = False
        self._watch(minutes)
        self._enable(True)
        self.restore_action.setEnabled(True)
        self.daily.start()
        QTimer.singleShot(FIRST_CHECK_MS, self, self.daily_backup)
        return True

    def open_failed(self, exc: BaseException) -> bool:
        """Handle a folder in use or a damaged database; True when handled here."""
        from villagebook.storage.integrity import DatabaseDamaged
        from villagebook.storage.lock import FolderInUse

        if isinstance(exc, FolderInUse):
            self._refuse(str(exc))
            return True
        if isinstance(exc, DatabaseDamaged):
            self.offer_newest_backup(exc)
            return True
        return False

    def offer_newest_backup(self, exc: BaseException) -> None:
        from villagebook.storage import backup

        data_dir = self.data_dir()
        good = backup.newest_good_backup(data_dir)
        title = self.tr("The database is damaged")
        if good is None:
            SafetyAsk.warn(
                self.window,
                title,
                str(exc) + "\n\n" + self.tr("No good backup was found. The file was not changed."),
            )
            return
        counts = "，".join(f"{label} {n}" for label, n in good.summary())
        question = (
            str(exc)
            + "\n\n"
            + self.tr("Restore the newest good backup (%1: %2)?")
            .replace("%1", good.taken_at.strftime("%Y-%m-%d %H:%M"))
            .replace("%2", counts)
        )
        if not SafetyAsk.confirm(self.window, title, question):
            return
        try:
            aside = backup.restore(data_dir, good.path, prefix="damaged")
        except Exception as error:
            self._show_error(error)
            return
        SafetyAsk.inform(
            self.window,
            self.tr("Backup restored"),
            self.tr("The damaged files were kept in %1.").replace("%1", str(aside)),
        )
        QTimer.singleShot(0, self.window.open_data)  # type: ignore[attr-defined]

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

        central = self.window.centralWidget()
        self.locked = True
        if central is not None:
            central.setVisible(False)
        ok = SafetyAsk.exec_dialog(UnlockDialog(self.db(), self.window))
        self.locked = False
        if central is not None:
            central.setVisible(True)
        return ok

    def lock_now(self) -> None:
        """Lock after idle time (only when a password is set)."""
        from villagebook.services.safety import applock

        db = self.db()
        if db is None or self.locked:
            return
        with db.read() as session:
            if not applock.is_enabled(session):
                return
        if not self.unlock():
            self.window.close()
            return
        if self.watcher is not None:
            self.watcher.timer.start()

    def lock_settings(self) -> None:
        from villagebook.services.safety import applock
        from villagebook.ui.safety.lock import PasswordDialog

        db = self.db()
        if db is None:
            return
        if SafetyAsk.exec_dialog(PasswordDialog(db, self.window)):
            with db.read() as session:
                self._watch(applock.idle_minutes(session))

    # --- backups -------------------------------------------------------------------------------

    def daily_backup(self) -> Path | None:
        from villagebook.storage import backup

        if self.db() is None or self.closed:
            return None
        try:
            return backup.auto_backup(self.data_dir())
        except Exception:
            log.exception("automatic backup failed")
            return None

    def backup_to(self) -> Path | None:
        from villagebook.storage import backup

        if self.db() is None:
            return None
        folder = SafetyAsk.folder(self.window, self.tr("Back up to folder (e.g. a USB stick)"))
        if folder is None:
            return None
        try:
            target = backup.backup_to(self.data_dir(), folder)
        except Exception as exc:
            self._show_error(exc)
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
        """Choose a backup, move the current data aside, restore, reopen."""
        from villagebook.storage import backup
        from villagebook.storage.lock import FolderLock
        from villagebook.ui.safety.backups import RestoreDialog

        data_dir = self.data_dir()
        dialog = RestoreDialog(data_dir, self.window)
        if not SafetyAsk.exec_dialog(dialog) or dialog.chosen is None:
            return None
        chosen = dialog.chosen
        question = self.tr(
            "Restore the backup of %1? The current data will be moved aside, not deleted."
        ).replace("%1", chosen.taken_at.strftime("%Y-%m-%d %H:%M"))
        if not SafetyAsk.confirm(self.window, self.tr("Restore a backup"), question):
            return None
        hold = FolderLock(data_dir)
        try:
            hold.acquire()  # keep the folder ours while the database is closed
            db = self.db()
            if db is not None:
                db.close()
            self._forget_db()
            aside = backup.restore(data_dir, chosen.path)
        except Exception as exc:
            hold.release()
            self._show_error(exc)
            self.window.open_data()  # type: ignore[attr-defined]
            return None
        self.window.open_data()  # type: ignore[attr-defined]
        hold.release()
        SafetyAsk.inform(
            self.window,
            self.tr("Backup restored"),
            self.tr("The data of %1 is back. The data it replaced was kept in %2.")
            .replace("%1", chosen.taken_at.strftime("%Y-%m-%d %H:%M"))
            .replace("%2", str(aside)),
        )
        return aside

    # --- closing -------------------------------------------------------------------------------

    def on_close(self) -> None:
        """Back up if anything changed since the last backup, then let the folder go."""
        from villagebook.storage import backup

        self.daily.stop()
        self.closed = True
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None
        db = self.db()
        if db is None:
            return
        try:
            backup.auto_backup(self.data_dir(), min_interval=dt.timedelta(0))
        except Exception:
            log.exception("backup on close failed")
        db.close()


def install(window: QMainWindow) -> SafetyHooks:
    hooks = SafetyHooks(window)
    window.safety = hooks  # type: ignore[attr-defined]
    return hooks
