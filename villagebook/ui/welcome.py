"""The welcome page, shown while the data folder holds no branch yet."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from villagebook.ui.common.ask import Ask
from villagebook.ui.ops import perform_busy


class WelcomePage(QWidget):
    """Three ways to start: create a branch, import a JSON file, or try the demo village."""

    def __init__(
        self, book: Any, on_ready: Callable[[uuid.UUID], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.book = book
        self.on_ready = on_ready
        title = QLabel(self.tr("Welcome to VillageBook"))
        title.setStyleSheet("font-size: 22px; font-weight: bold;")
        intro = QLabel(
            self.tr(
                "This data folder holds no Party branch yet. Start by creating your branch, "
                "by importing an exchange file (JSON), or by trying the demo village."
            )
        )
        intro.setWordWrap(True)
        folder = QLabel(self.tr("Data folder: %1").replace("%1", str(book.data_dir)))
        folder.setStyleSheet("color: #555;")
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.create_button = QPushButton(self.tr("Create my branch…"))
        self.import_button = QPushButton(self.tr("Import a JSON file…"))
        self.demo_button = QPushButton(self.tr("Create the demo village (青山村)"))
        self.township_button = QPushButton(self.tr("Set up a township or county installation…"))
        self.create_button.clicked.connect(self.create_branch)
        self.import_button.clicked.connect(self.import_json)
        self.demo_button.clicked.connect(self.create_demo)
        self.township_button.clicked.connect(self.create_township)
        box = QWidget()
        box.setMaximumWidth(520)
        column = QVBoxLayout(box)
        column.setSpacing(12)
        column.addWidget(title)
        column.addWidget(intro)
        for button in (
            self.create_button,
            self.import_button,
            self.demo_button,
            self.township_button,
        ):
            button.setMinimumHeight(36)
            column.addWidget(button)
        column.addWidget(folder)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def create_branch(self) -> None:
        from villagebook.ui.settings import BranchDialog

        dialog = BranchDialog(self.book, None, self)
        if Ask.exec_dialog(dialog) and dialog.branch_id is not None:
            self.on_ready(dialog.branch_id)

    def import_json(self) -> None:
        from villagebook.ui.common.exchange import import_file

        branch_id = import_file(self, self.book)
        if branch_id is not None:
            self.on_ready(branch_id)

    def create_demo(self) -> None:
        branch = perform_busy(
            self, self.tr("Creating the demo village…"), lambda: self.book.create_demo(force=True)
        )
        if branch is not None:
            self.on_ready(branch.id)

    def create_township(self) -> None:
        """A township (or county) installation: it holds its branches' bundles, read-only."""
        from villagebook.ui.township.dialogs import TownshipInitDialog

        dialog = TownshipInitDialog(self.book, self)
        if Ask.exec_dialog(dialog) and dialog.unit is not None:
            self.on_ready(dialog.unit.id)
