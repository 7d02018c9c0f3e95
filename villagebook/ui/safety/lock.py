"""The app lock in the window: the unlock prompt, the password settings, the idle timer."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from villagebook.domain.common.errors import InputError, Problem
from villagebook.domain.safety.validation import IDLE_MINUTES_RANGE
from villagebook.ui.common.form import FormDialog
from villagebook.ui.common.screen import fit_dialog

if TYPE_CHECKING:
    from villagebook.services.book import Book

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    """Emits :attr:`idle` after ``minutes`` without keyboard or mouse input in the app."""

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.set_minutes(minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        self.timer.setInterval(max(1, minutes) * 60_000)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self.timer.isActive():
            self.timer.start()
        return False

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class UnlockDialog(QDialog):
    """Asks for the password; accepted only with the right one (rejecting quits the app).

    ``check`` decides (default: the open Book's app lock); it returns False or raises
    PasswordRequired (a wrong password, or wait after too many) with the reason shown.
    The recovery key is accepted wherever the password is.
    """

    def __init__(
        self,
        book: Book | None,
        parent: QWidget | None = None,
        check: Callable[[str], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.book = book
        self.check = check or self._check_book
        self.setWindowTitle(self.tr("VillageBook is locked"))
        self.password = QLineEdit()
        self.password.setObjectName("unlockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b71c1c")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox()
        unlock = buttons.addButton(self.tr("Unlock"), QDialogButtonBox.ButtonRole.AcceptRole)
        unlock.setDefault(True)
        buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.try_unlock)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The records hold personal data. Enter the password (or the recovery key) "
                "to continue."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.password)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        fit_dialog(self, 420, 170)

    def _check_book(self, password: str) -> bool:
        assert self.book is not None
        return self.book.safety.check_password(password)

    def try_unlock(self) -> None:
        from villagebook.domain.safety.errors import PasswordRequired, TryLater

        try:
            ok = self.check(self.password.text())
        except TryLater as exc:
            ok = False
            self.message.setText(
                self.tr("Too many wrong passwords. Try again in %1 seconds.").replace(
                    "%1", str(exc.seconds)
                )
            )
        except PasswordRequired:
            ok = False
            self.message.setText(self.tr("Wrong password."))
        else:
            if not ok:
                self.message.setText(self.tr("Wrong password."))
        if ok:
            self.accept()
        else:
            self.password.selectAll()
            self.password.setFocus()


class RecoveryKeyDialog(QDialog):
    """The recovery key, shown once when the lock is turned on, with Print…."""

    def __init__(self, recovery_key: str, folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recovery_key = recovery_key
        self.folder = folder
        self.setWindowTitle(self.tr("Recovery key"))
        intro = QLabel(
            self.tr(
                "The data folder is now encrypted. If the password is forgotten, only this "
                "recovery key opens it. Print it or write it down, and give it to the "
                "township Party committee to keep in its safe. It is shown only this once."
            )
        )
        intro.setWordWrap(True)
        self.key = QLabel(recovery_key)
        self.key.setObjectName("recoveryKey")
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(16)
        font.setBold(True)
        self.key.setFont(font)
        self.key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QDialogButtonBox()
        self.print_button = buttons.addButton(
            self.tr("Print…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        done = buttons.addButton(self.tr("I have kept it"), QDialogButtonBox.ButtonRole.AcceptRole)
        done.setDefault(True)
        self.print_button.clicked.connect(self.print_key)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.key)
        layout.addWidget(buttons)
        self.resize(560, 220)

    def sheet(self) -> str:
        """The printed page (HTML): the key, the folder, what it is for."""
        title = self.tr("VillageBook recovery key")
        folder = self.tr("Data folder: %1").replace("%1", html.escape(self.folder))
        note = self.tr(
            "Keep this sheet in the township's safe. Anyone holding it can open the data."
        )
        return (
            f"<h2>{html.escape(title)}</h2><p>{folder}</p>"
            f"<p style='font-family: monospace; font-size: 20pt'><b>"
            f"{html.escape(self.recovery_key)}</b></p><p>{html.escape(note)}</p>"
        )

    def print_key(self) -> None:
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        document = QTextDocument()
        document.setHtml(self.sheet())
        document.print_(printer)


class PasswordDialog(FormDialog):
    """Set, change or remove the app lock password and the idle minutes."""

    def __init__(self, book: Book, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("App lock"), parent)
        self.book = book
        settings = book.safety.app_lock()
        self.enabled = settings.enabled
        self.recovery_key = ""
        self.current = QLineEdit()
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.idle = QSpinBox()
        self.idle.setRange(*IDLE_MINUTES_RANGE)
        self.idle.setValue(settings.idle_minutes)
        self.idle.setSuffix(self.tr(" min"))
        if self.enabled:
            self.add_row(self.tr("Current password"), self.current, "current")
        new_label = self.tr("New password") if self.enabled else self.tr("Password")
        self.add_row(new_label, self.password, "password")
        self.add_row(self.tr("Repeat"), self.repeat, "repeat")
        self.add_row(self.tr("Lock after idle"), self.idle, "idle_minutes")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.remove = QPushButton(self.tr("Remove password"))
        self.remove.setEnabled(settings.enabled)
        self.buttons.addButton(self.remove, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.remove.clicked.connect(self.remove_password)
        intro = QLabel(
            self.tr(
                "With a password, VillageBook asks for it on start and after the idle time, "
                "and keeps the data folder encrypted: the database, its backups and exports. "
                "Only a hash of the password is kept; a recovery key is shown once."
            )
        )
        intro.setWordWrap(True)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, intro)
        self.finish_tab_order()

    def _current(self) -> str | None:
        return (self.current.text() or None) if self.enabled else None

    def save(self) -> None:
        from villagebook.domain.safety.errors import PasswordRequired

        try:
            settings = self.book.safety.set_app_lock(
                self.password.text(),
                repeat=self.repeat.text(),
                idle_minutes=self.idle.value(),
                current=self._current(),
            )
        except PasswordRequired as exc:
            raise InputError.single("current", self.tr("Current password"), str(exc)) from exc
        self.recovery_key = settings.recovery_key

    def remove_password(self) -> None:
        from villagebook.domain.safety.errors import PasswordRequired

        try:
            self.book.safety.clear_app_lock(self._current())
        except PasswordRequired as exc:
            self.show_problems([Problem("current", self.tr("Current password"), str(exc))])
            return
        except Exception as exc:
            from villagebook.ui.errors import show_error

            show_error(self, exc)
            return
        QDialog.accept(self)  # closed as accepted without saving the (empty) fields
