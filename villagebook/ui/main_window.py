"""The main window: left navigation, one page per capability, created when first shown."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from villagebook import APP_NAME_ZH

PageFactory = Callable[["object", QWidget], QWidget]


class MainWindow(QMainWindow):
    """Shown before the database opens, so start-up feels instant; pages follow."""

    def __init__(self, data_dir: Path | None, actor: str | None) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.actor = actor
        self.context: object | None = None
        self.setWindowTitle(self.tr("VillageBook") + f" · {APP_NAME_ZH}")
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setMaximumWidth(160)
        self.stack = QStackedWidget()
        self._pages: dict[int, QWidget] = {}
        self._factories: list[Callable[[object, QWidget], QWidget]] = []
        for title, factory in self.page_entries():
            self.nav.addItem(QListWidgetItem(title))
            self._factories.append(factory)
            placeholder = QLabel(self.tr("Opening the records…"))
            placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.stack.addWidget(placeholder)
        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        self.setCentralWidget(splitter)
        self.nav.currentRowChanged.connect(self._show_page)
        self._build_menu()
        self._restore_geometry()

    def page_entries(self) -> list[tuple[str, Callable[[object, QWidget], QWidget]]]:
        """(navigation title, page factory) for each capability, in order."""
        from villagebook.ui import pages

        return pages.entries(self)

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self.file_menu = file_menu

    def open_data(self) -> None:
        """Open the database (imports the storage stack) and build the first page."""
        from villagebook.services import org
        from villagebook.storage.db import open_database
        from villagebook.ui.context import AppContext
        from villagebook.ui.errors import show_error

        try:
            db = open_database(self.data_dir, actor=self.actor)
        except Exception as exc:
            show_error(self, exc)
            return
        with db.read() as session:
            branch = org.first_branch(session)
            branch_id = branch.id if branch else None
            if branch is not None:
                self.setWindowTitle(f"{branch.name} · {APP_NAME_ZH}")
        self.context = AppContext(db=db, branch_id=branch_id)
        self._pages.clear()
        row = max(self.nav.currentRow(), 0)
        self.nav.setCurrentRow(row)
        self._show_page(row)

    def _show_page(self, row: int) -> None:
        if row < 0 or self.context is None:
            return
        if row not in self._pages:
            page = self._factories[row](self.context, self.stack)
            old = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            if old is not None:
                self.stack.removeWidget(old)
                old.deleteLater()
            self._pages[row] = page
        self.stack.setCurrentIndex(row)

    def page(self, row: int) -> QWidget | None:
        return self._pages.get(row)

    # --- remembered window state (QSettings) ---------------------------------------

    def _restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 720)
        state = settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        super().closeEvent(event)


def schedule_open(window: MainWindow) -> None:
    QTimer.singleShot(0, window.open_data)
