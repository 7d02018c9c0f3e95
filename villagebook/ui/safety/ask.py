"""The modal questions of the safety dialogs, behind class methods a test can replace.

The shared :class:`~villagebook.ui.common.ask.Ask` plus a folder chooser and a warning.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from villagebook.ui.common.ask import Ask


class SafetyAsk(Ask):
    @classmethod
    def folder(cls, parent: QWidget | None, title: str) -> Path | None:
        name = QFileDialog.getExistingDirectory(parent, title)
        return Path(name) if name else None

    @classmethod
    def warn(cls, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)
