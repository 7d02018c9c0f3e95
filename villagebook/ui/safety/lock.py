"""The app lock in the window: the unlock prompt, the password settings, the idle timer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
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

from villagebook.domain.safety.validation import IDLE_MINUTES_RANGE
from villagebook.ui.common.form import FormDialog
from villagebook.ui.common.screen import fit_dialog
from villagebook.ui.ops import perform

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
    """Asks for the password; accepted only with the right one (rejecting quits the app)."""

    def __init__(self, book: Book, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.setWindowTitle(self.tr("VillageBook is locked"))
        self.password = QLineEdit()
        self.password.setObjectName("unlockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b71c1c")
        buttons = QDialogButtonBox()
        unlock = buttons.addButton(self.tr("Unlock"), QDialogButtonBox.ButtonRole.AcceptRole)
        unlock.setDefault(True)
        buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.try_unlock)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The records hold personal data. Enter the password to continue."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.password)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        fit_dialog(self, 380, 160)

    def try_unlock(self) -> None:
        if perform(self, lambda: self.book.safety.check_password(self.password.text())):
            self.accept()
        else:
            self.message.setText(self.tr("Wrong password."))
            self.password.selectAll()
            self.password.setFocus()


class PasswordDialog(FormDialog):
    """Set, change or remove the app lock password and the idle minutes."""

    def __init__(self, book: Book, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("App lock"), parent)
        self.book = book
        settings = book.safety.app_lock()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.idle = QSpinBox()
        self.idle.setRange(*IDLE_MINUTES_RANGE)
        self.idle.setValue(settings.idle_minutes)
        self.idle.setSuffix(self.tr(" min"))
        self.add_row(self.tr("Password"), self.password, "password")
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
                "With a password, VillageBook asks for it on start and after the idle time. "
                "Only a hash of the password is kept."
            )
        )
        intro.setWordWrap(True)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, intro)
        self.finish_tab_order()

    def save(self) -> None:
        self.book.safety.set_app_lock(
            self.password.text(), repeat=self.repeat.text(), idle_minutes=self.idle.value()
        )

    def remove_password(self) -> None:
        if perform(self, self.book.safety.clear_app_lock) is not None:
            QDialog.accept(self)  # closed as accepted without saving the (empty) fields
