"""The app lock in the window: the unlock prompt, the password settings, the idle timer."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from villagebook.services.safety import applock

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

    def __init__(self, db: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
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
        self.resize(380, 160)

    def try_unlock(self) -> None:
        with self.db.read() as session:
            ok = applock.check_password(session, self.password.text())
        if ok:
            self.accept()
        else:
            self.message.setText(self.tr("Wrong password."))
            self.password.selectAll()
            self.password.setFocus()


class PasswordDialog(QDialog):
    """Set, change or remove the app lock password and the idle minutes."""

    def __init__(self, db: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("App lock"))
        with db.read() as session:
            enabled = applock.is_enabled(session)
            minutes = applock.idle_minutes(session)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.idle = QSpinBox()
        self.idle.setRange(*applock.IDLE_RANGE)
        self.idle.setValue(minutes)
        self.idle.setSuffix(self.tr(" min"))
        self.message = QLabel()
        self.message.setStyleSheet("color: #b71c1c")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Repeat"), self.repeat)
        form.addRow(self.tr("Lock after idle"), self.idle)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.remove = QPushButton(self.tr("Remove password"))
        self.remove.setEnabled(enabled)
        buttons.addButton(self.remove, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.remove.clicked.connect(self.remove_password)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "With a password, VillageBook asks for it on start and after the idle time. "
                "Only a hash of the password is kept."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def save(self) -> None:
        from villagebook.domain.common.errors import InputError

        try:
            with self.db.write() as session:
                applock.set_password(
                    session, self.password.text(), repeat=self.repeat.text(), idle=self.idle.value()
                )
        except InputError as exc:
            self.message.setText("\n".join(p.text() for p in exc.problems))
            return
        self.accept()

    def remove_password(self) -> None:
        with self.db.write() as session:
            applock.clear_password(session)
        self.accept()
