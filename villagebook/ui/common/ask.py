"""Every modal question the window asks, behind class methods a test can replace.

Tests monkeypatch these (``monkeypatch.setattr(Ask, "open_file", ...)``) so they never block
on a native dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget


class Ask:
    @classmethod
    def open_file(cls, parent: QWidget | None, title: str, filters: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
        return Path(name) if name else None

    @classmethod
    def save_file(
        cls, parent: QWidget | None, title: str, suggested: str, filters: str
    ) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return Path(name) if name else None

    @classmethod
    def text(cls, parent: QWidget | None, title: str, label: str, value: str = "") -> str | None:
        text, ok = QInputDialog.getText(parent, title, label, text=value)
        return text if ok else None

    @classmethod
    def confirm(cls, parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    @classmethod
    def unsaved(cls, parent: QWidget | None, title: str, text: str) -> str:
        """Input would be lost: ``save``, ``discard`` or ``cancel`` (Esc, the window's X)."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        buttons = QMessageBox.StandardButton
        box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
        box.setDefaultButton(buttons.Save)
        box.setEscapeButton(buttons.Cancel)
        answer = box.exec()
        if answer == buttons.Save:
            return "save"
        return "discard" if answer == buttons.Discard else "cancel"

    @classmethod
    def recover(cls, parent: QWidget | None, title: str, text: str) -> str:
        """A draft was left by an interrupted editor: ``restore``, ``discard`` or ``later``."""
        from PySide6.QtCore import QCoreApplication

        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        restore = box.addButton(
            QCoreApplication.translate("Ask", "Restore"), QMessageBox.ButtonRole.AcceptRole
        )
        discard = box.addButton(
            QCoreApplication.translate("Ask", "Discard"), QMessageBox.ButtonRole.DestructiveRole
        )
        later = box.addButton(
            QCoreApplication.translate("Ask", "Later"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(restore)
        box.setEscapeButton(later)
        box.exec()
        clicked = box.clickedButton()
        if clicked is restore:
            return "restore"
        return "discard" if clicked is discard else "later"

    @classmethod
    def inform(cls, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    @classmethod
    def exec_dialog(cls, dialog: QWidget) -> bool:
        """Run a modal dialog; tests replace this to drive the dialog instead."""
        return bool(dialog.exec())  # type: ignore[attr-defined]
