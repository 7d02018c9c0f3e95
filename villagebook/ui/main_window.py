"""The main window: left navigation, one page per capability, created when first shown.

Shown before the database opens, so start-up feels instant; the storage stack is imported
on the first turn of the event loop (:meth:`MainWindow.open_data`).  Keep module-level
imports here light.

It opens on 工作台 (what is due), sizes itself from the screen's available geometry
(maximised below 1280×720), follows the chosen font size, says who is recording in the
status bar, and offers back what an interrupted editor held.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings, QSize, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from villagebook import __version__

if TYPE_CHECKING:
    import uuid

PageFactory = Callable[[Any, QWidget], QWidget]

NAV_STYLE = """
QListWidget#navigation {
    qproperty-horizontalScrollBarPolicy: ScrollBarAlwaysOff;
    border: none;
    background: #f4f1ec;
    font-size: %(points)dpt;
    outline: 0;
}
QListWidget#navigation::item { padding: %(pad)dpx 18px; color: #333; }
QListWidget#navigation::item:hover { background: #ebe4da; }
QListWidget#navigation::item:selected { background: #b71c1c; color: white; }
QListWidget#navigation::item:disabled { color: #aaa; }
"""


def shortcuts(*keys: str | QKeySequence.StandardKey) -> list[QKeySequence]:
    """Key sequences for ``setShortcuts``: a standard key expands to the platform's bindings.

    Always a list: the first ``QAction.setShortcut`` call (with its overloads) costs PySide6
    30-40 ms at start-up, ``setShortcuts`` does not.  Plain strings after a standard key are
    the fallback where the platform defines no binding for it.
    """
    found: list[QKeySequence] = []
    for key in keys:
        if isinstance(key, str):
            sequence = QKeySequence(key)
            if sequence not in found:
                found.append(sequence)
        else:
            found += QKeySequence.keyBindings(key)
    return found


class MainWindow(QMainWindow):
    #: Emitted once the database is open and the first page (or the welcome page) is shown.
    data_opened = Signal()

    def __init__(self, data_dir: Path | None, actor: str | None) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.actor = actor
        #: The core Book, once :meth:`open_data` has opened the data folder.
        self.book: Any = None
        self.hub: Any = None
        self.context: Any = None
        self.setWindowTitle(self.tr("VillageBook"))
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.stack = _PageStack()
        self._pages: dict[int, QWidget] = {}
        self._factories: list[PageFactory] = []
        self._keys: list[str] = []
        for key, title, factory in self.page_entries():
            self.nav.addItem(QListWidgetItem(title))
            self._factories.append(factory)
            self._keys.append(key)
            self.stack.addWidget(self._placeholder())
        self.font_changed()
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        # At the largest font a page may need more room than a 1366×768 screen has: it then
        # scrolls inside the window instead of pushing the window past the screen's edge.
        self.scroller = QScrollArea()
        self.scroller.setObjectName("pageScroller")
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidget(self.stack)
        row.addWidget(self.scroller, 1)
        self.setCentralWidget(central)
        self.welcome: QWidget | None = None
        self.nav.currentRowChanged.connect(self._show_page)
        self._build_menus()
        #: True on a small screen (below 1280×720): the window shows maximised.
        self.maximise = False
        self._restore_geometry()
        #: Backups, restore, one writer, app lock: installed on the first loop turn
        #: (``open_data``), so its imports do not delay the first frame.
        self.safety: Any = None
        #: Who records in this window (the recorder's name on every change).
        self.recorder_button: Any = None
        self._drafts_offered = False

    def font_changed(self) -> None:
        """The font size changed (文件 → 设置): the navigation follows."""
        from PySide6.QtGui import QFont, QFontMetrics
        from PySide6.QtWidgets import QApplication

        points = max(QApplication.font().pointSize(), 8)
        self.nav.setStyleSheet(NAV_STYLE % {"points": points + 1, "pad": points})
        titles = [self.nav.item(row).text() for row in range(self.nav.count())]
        font = QFont(QApplication.font())
        font.setPointSize(points + 1)
        metrics = QFontMetrics(font)
        width = max((metrics.horizontalAdvance(t) for t in titles), default=80)
        self.nav.setFixedWidth(width + 36 + 2 * points)

    def page_kind(self, row: int) -> str:
        """The key of the page at ``row`` (workbench, roster, meetings, ...)."""
        return self._keys[row] if 0 <= row < len(self._keys) else ""

    def row_of(self, key: str) -> int:
        return self._keys.index(key) if key in self._keys else -1

    def install_safety(self) -> Any:
        if self.safety is None:
            from villagebook.ui.safety.hooks import install

            self.safety = install(self)
        return self.safety

    def _placeholder(self) -> QLabel:
        label = QLabel(self.tr("Opening the records…"))
        # A style sheet, not setAlignment: PySide6 builds the whole Qt namespace (~30 ms)
        # on first use of ``Qt``, which start-up defers until after the window is shown.
        label.setStyleSheet("qproperty-alignment: AlignCenter;")
        return label

    def page_entries(self) -> list[tuple[str, str, PageFactory]]:
        """(key, navigation title, page factory) for each page, in order."""
        from villagebook.ui import pages

        return pages.entries(self)

    # --- menus ---------------------------------------------------------------------------

    def _action(self, menu: Any, text: str, slot: Callable[[], object], *keys: Any) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())
        if keys:
            action.setShortcuts(shortcuts(*keys))
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.import_action = self._action(file_menu, self.tr("&Import JSON…"), self.import_json)
        self.export_action = self._action(file_menu, self.tr("&Export JSON…"), self.export_json)
        file_menu.addSeparator()
        self.send_action = self._action(
            file_menu, self.tr("Send to &township…"), self.send_to_township
        )
        self.receipt_action = self._action(
            file_menu, self.tr("Import township &receipt…"), self.import_receipt
        )
        self.comments_action = self._action(
            file_menu, self.tr("Township &comments…"), self.township_comments
        )
        self.township_action = self._action(
            file_menu, self.tr("Township &summary"), self.show_township
        )
        file_menu.addSeparator()
        self.branch_action = self._action(
            file_menu, self.tr("&Branch settings…"), self.branch_settings
        )
        self.groups_action = self._action(file_menu, self.tr("Party &groups…"), self.party_groups)
        self.recorders_action = self._action(
            file_menu, self.tr("&Recorders…"), self.manage_recorders
        )
        self.settings_action = self._action(
            file_menu, self.tr("&Settings…"), self.settings, QKeySequence.StandardKey.Preferences
        )
        file_menu.addSeparator()
        self._action(
            file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, "Ctrl+Q"
        )
        self.file_menu = file_menu

        edit_menu = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self._action(
            edit_menu, self.tr("Undo"), self.undo, QKeySequence.StandardKey.Undo, "Ctrl+Z"
        )
        self.redo_action = self._action(
            edit_menu, self.tr("Redo"), self.redo, "Ctrl+Shift+Z", "Ctrl+Y"
        )
        edit_menu.addSeparator()
        self.new_person_action = self._action(
            edit_menu, self.tr("&New person…"), self.new_person, "Ctrl+N"
        )
        self.find_action = self._action(
            edit_menu, self.tr("&Find in roster"), self.find_in_roster, "Ctrl+F"
        )
        self.edit_menu = edit_menu

        view_menu = bar.addMenu(self.tr("&View"))
        self.page_actions: list[QAction] = []
        for row in range(self.nav.count()):
            title = self.nav.item(row).text()
            keys = [f"Ctrl+{row + 1}"] if row < 9 else []
            self.page_actions.append(
                self._action(view_menu, title, functools.partial(self.go_to, row), *keys)
            )

        help_menu = bar.addMenu(self.tr("&Help"))
        self.guide_action = self._action(
            help_menu,
            self.tr("&User guide"),
            self.user_guide,
            QKeySequence.StandardKey.HelpContents,
            "F1",
        )
        help_menu.addSeparator()
        self._action(help_menu, self.tr("&About VillageBook"), self.about)
        self._enable_data_actions()

    # --- undo / redo: the Book keeps the history, the window labels and triggers it ------

    def undo(self) -> None:
        from villagebook.ui.ops import perform

        if self.book is not None and self.book.undo_label() is not None:
            label = self.book.undo_label()
            perform(self, self.book.undo, success=self.tr("Undone: %1").replace("%1", label))

    def redo(self) -> None:
        from villagebook.ui.ops import perform

        if self.book is not None and self.book.redo_label() is not None:
            label = self.book.redo_label()
            perform(self, self.book.redo, success=self.tr("Redone: %1").replace("%1", label))

    def _update_undo_actions(self, _changes: object = None) -> None:
        undo = self.book.undo_label() if self.book is not None else None
        redo = self.book.redo_label() if self.book is not None else None
        self.undo_action.setEnabled(undo is not None)
        self.redo_action.setEnabled(redo is not None)
        self.undo_action.setText(
            self.tr("Undo %1").replace("%1", undo) if undo else self.tr("Undo")
        )
        self.redo_action.setText(
            self.tr("Redo %1").replace("%1", redo) if redo else self.tr("Redo")
        )

    def _enable_data_actions(self) -> None:
        self._update_undo_actions()
        has_db = self.book is not None
        has_branch = self.context is not None
        self.import_action.setEnabled(has_db)
        for action in (
            self.export_action,
            self.branch_action,
            self.groups_action,
            self.recorders_action,
            self.new_person_action,
            self.find_action,
            *self.page_actions,
        ):
            action.setEnabled(has_branch)
        self.nav.setEnabled(has_branch)
        township = self.book is not None and self.is_township()
        for action in (self.send_action, self.receipt_action, self.comments_action):
            action.setEnabled(has_branch and not township)
        self.township_action.setEnabled(township)
        self.township_action.setVisible(township)

    # --- opening the data ------------------------------------------------------------------

    def open_data(self) -> None:
        """Open the database (imports the storage stack) and build the first page."""
        import logging

        from villagebook.services.book import Book
        from villagebook.ui.changes import ChangeHub
        from villagebook.ui.errors import show_error

        self.install_safety()
        from villagebook.ui.preferences import saved_database_url

        try:
            self.book = Book.open(self.data_dir, actor=self.actor, url=saved_database_url())
        except Exception as exc:
            if not self.safety.open_failed(exc):  # folder in use, damaged database
                show_error(self, exc)
            return
        self.hub = ChangeHub(self.book, self)
        self.hub.changed.connect(self._on_changes)
        if not self.safety.after_open():  # one writer; the app lock
            return
        logging.getLogger(__name__).info(
            "opened %s (recorder: %s)", self.book.path, self.book.actor
        )
        self.load_branch()
        self.data_opened.emit()

    def _on_changes(self, changes: Any) -> None:
        self._update_undo_actions()
        if self.context is not None and changes.touches("roster"):
            branch = self.book.roster.first_branch()
            if branch is not None and branch.id == self.context.branch_id:
                self.setWindowTitle(self._title(branch.name))

    def _title(self, branch_name: str | None = None) -> str:
        """The window title in the interface language: the branch and the program."""
        app = self.tr("VillageBook")
        return f"{branch_name} · {app}" if branch_name else app

    def load_branch(self, branch_id: uuid.UUID | None = None) -> None:
        """Show ``branch_id`` (default: the first branch), or the welcome page if none."""
        from villagebook.ui.context import AppContext

        self._role = None  # read again: the welcome page may have just made a township
        if self.is_township() and (branch_id is None or branch_id == self._own_unit()):
            self._reset_pages()
            self.context = None
            self._show_township()
            self._enable_data_actions()
            return
        branch = (
            self.book.roster.branch(branch_id) if branch_id else self.book.roster.first_branch()
        )
        name = branch.name if branch else None
        found = branch.id if branch else None
        if name and self.is_township():
            name = self.tr("%1 (read-only)").replace("%1", name)
        self._reset_pages()
        if found is None:
            self.context = None
            self.setWindowTitle(self._title())
            self._show_welcome()
        else:
            self.context = AppContext(book=self.book, branch_id=found, hub=self.hub)
            self.setWindowTitle(self._title(name))
            if self.is_township():  # read-only: the inspector records nothing of the branch
                self._show_recorder()
            else:
                self._set_recorder(found)
            row = max(self.nav.currentRow(), 0)
            self.nav.setCurrentRow(row)
            self._show_page(row)
            QTimer.singleShot(0, self._offer_drafts)
        self._enable_data_actions()

    # --- who is recording ----------------------------------------------------------------

    def _set_recorder(self, branch_id: uuid.UUID) -> None:
        """The recorder of this window: named at the first run, chosen among several."""
        from villagebook.ui.recorders import choose_recorder

        name = choose_recorder(self.book, branch_id, self, self.actor)
        if name:
            self.book.actor = name
        self._show_recorder()

    def _show_recorder(self) -> None:
        from PySide6.QtWidgets import QMenu, QToolButton

        if self.recorder_button is None:
            self.recorder_button = QToolButton()
            self.recorder_button.setObjectName("recorder")
            self.recorder_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            self.recorder_button.setAutoRaise(True)
            self.statusBar().addPermanentWidget(self.recorder_button)
        if self.book is None or self.context is None or self.is_township():
            self.recorder_button.hide()
            return
        self.recorder_button.show()
        self.recorder_button.setText(self.tr("Recorder: %1").replace("%1", self.book.actor))
        menu = QMenu(self.recorder_button)
        for recorder in self.book.roster.recorders(self.context.branch_id):
            action = menu.addAction(recorder.name)
            action.setCheckable(True)
            action.setChecked(recorder.name == self.book.actor)
            action.triggered.connect(functools.partial(self.record_as, recorder.name))
        menu.addSeparator()
        manage = menu.addAction(self.tr("Manage recorders…"))
        manage.triggered.connect(lambda _checked=False: self.manage_recorders())
        self.recorder_button.setMenu(menu)

    def record_as(self, name: str, _checked: bool = False) -> None:
        """From now on, changes name ``name`` (remembered on this computer)."""
        from villagebook.ui.recorders import remember

        if self.book is None or self.context is None:
            return
        self.book.actor = name
        remember(self.context.branch_id, name)
        self._show_recorder()
        from villagebook.ui.ops import confirm

        confirm(self, self.tr("Recording as %1").replace("%1", name))

    def manage_recorders(self) -> None:
        from villagebook.ui.common.ask import Ask
        from villagebook.ui.recorders import RecordersDialog

        if self.context is None:
            return
        Ask.exec_dialog(RecordersDialog(self.book, self.context.branch_id, self))
        names = [r.name for r in self.book.roster.recorders(self.context.branch_id)]
        if names and self.book.actor not in names:
            self.record_as(names[0])
        self._show_recorder()

    def _offer_drafts(self) -> None:
        """What an interrupted editor held is offered back, once per session."""
        if self._drafts_offered or self.context is None:
            return
        self._drafts_offered = True
        from villagebook.ui.common.recovery import offer_drafts

        offer_drafts(self)

    def stop_workers(self) -> None:
        """Stop the pages' background work (the home screen's checks) and wait for it."""
        for page in self._pages.values():
            stop = getattr(page, "stop", None)
            if callable(stop):
                stop()

    def _reset_pages(self) -> None:
        self.stop_workers()
        for row in list(self._pages):
            old = self._pages.pop(row)
            self.stack.insertWidget(row, self._placeholder())
            self.stack.removeWidget(old)
            old.deleteLater()
        if self.welcome is not None:
            self.stack.removeWidget(self.welcome)
            self.welcome.deleteLater()
            self.welcome = None

    def is_township(self) -> bool:
        """True on a township or county installation (its branches' records are read-only)."""
        if self.book is None:
            return False
        if getattr(self, "_role", None) is None:
            self._role = self.book.township.role()
        return str(self._role) != "branch"

    def _own_unit(self) -> Any:
        return self.book.township.own_unit()

    def _show_township(self) -> None:
        from villagebook.ui.township.page import TownshipPage

        unit = self._own_unit()
        name = self.book.roster.branch(unit).name if unit else ""
        self.setWindowTitle(self._title(name))
        self.welcome = TownshipPage(self.book, self.load_branch, self.stack)
        self.stack.addWidget(self.welcome)
        self.stack.setCurrentWidget(self.welcome)

    def show_township(self) -> None:
        if self.is_township():
            self.load_branch(None)

    def send_to_township(self) -> None:
        from villagebook.ui.township.actions import send_to_township

        if self.context is not None:
            send_to_township(self, self.book, self.context.branch_id)

    def import_receipt(self) -> None:
        from villagebook.ui.township.actions import import_receipt

        if self.book is not None:
            import_receipt(self, self.book)

    def township_comments(self) -> None:
        from villagebook.ui.common.ask import Ask
        from villagebook.ui.township.comments import CommentsDialog

        if self.context is not None:
            Ask.exec_dialog(CommentsDialog(self.book, self.context.branch_id, self))

    def _show_welcome(self) -> None:
        from villagebook.ui.welcome import WelcomePage

        self.welcome = WelcomePage(self.book, self.load_branch, self.stack)
        self.stack.addWidget(self.welcome)
        self.stack.setCurrentWidget(self.welcome)

    def _show_page(self, row: int) -> None:
        if row < 0 or self.context is None:
            return
        if row not in self._pages:
            try:
                page = self._factories[row](self.context, self.stack)
            except Exception as exc:  # one broken page must not take the window down
                from villagebook.ui.errors import show_error

                show_error(self, exc)
                page = QLabel(self.tr("This page could not be opened."))
                page.setStyleSheet("qproperty-alignment: AlignCenter;")
            old = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            if old is not None:
                self.stack.removeWidget(old)
                old.deleteLater()
            self._pages[row] = page
        self.stack.setCurrentIndex(row)

    def page(self, row: int) -> QWidget | None:
        return self._pages.get(row)

    def go_to(self, row: int) -> QWidget | None:
        if self.context is None or not 0 <= row < self.nav.count():
            return None
        self.nav.setCurrentRow(row)
        self._show_page(row)
        return self.page(row)

    # --- actions -----------------------------------------------------------------------------

    def roster_page(self) -> Any:
        return self.go_to(self.row_of("roster"))

    def new_person(self) -> None:
        page = self.roster_page()
        if page is not None:
            page.new_person()

    def find_in_roster(self) -> None:
        page = self.roster_page()
        if page is not None:
            page.focus_search()

    def import_json(self) -> None:
        from villagebook.ui.common.exchange import import_file

        if self.book is None:
            return
        branch_id = import_file(self, self.book)
        if branch_id is not None and self.context is None:
            self.load_branch(branch_id)

    def export_json(self) -> None:
        from villagebook.ui.common.exchange import export_file

        if self.context is not None:
            export_file(self, self.book, self.context.branch_id)

    def branch_settings(self) -> None:
        from villagebook.ui.common.ask import Ask
        from villagebook.ui.settings import BranchDialog

        if self.context is None:
            return
        Ask.exec_dialog(BranchDialog(self.book, self.context.branch_id, self))

    def party_groups(self) -> None:
        from villagebook.ui.common.ask import Ask
        from villagebook.ui.settings import GroupsDialog

        if self.context is None:
            return
        Ask.exec_dialog(GroupsDialog(self.book, self.context.branch_id, self))

    def settings(self) -> None:
        from villagebook.ui.common.ask import Ask
        from villagebook.ui.settings import SettingsDialog

        Ask.exec_dialog(SettingsDialog(self, book=self.book))

    def user_guide(self) -> None:
        """帮助: the user guide inside the window (offline)."""
        from villagebook.ui.help import HelpWindow

        HelpWindow.show_for(self)

    def about(self) -> None:
        from villagebook import about, paths
        from villagebook.ui.common.ask import Ask

        folder = self.book.data_dir if self.book is not None else self.data_dir
        carried = about.bundle()
        licenses = carried.licenses or paths.resource("fonts")
        text = self.tr(
            "VillageBook %1: offline records of a village Party branch.\n\n"
            "Data folder: %2\n\n"
            "VillageBook is free software under the Apache License 2.0. It carries:\n"
            "- Python %3 (Python Software Foundation License)\n"
            "- Qt %4 with PySide6 and shiboken6, used under the GNU LGPL v3 (you may "
            "replace them with your own build of the same version)\n"
            "- the WenQuanYi Micro Hei font, used under the Apache License 2.0\n"
            "- the Python packages listed below, each under its own licence\n\n"
            "Licence texts and the Qt third-party notices: %5\n\n"
            "Exact versions: %6"
        )
        text = (
            text.replace("%1", __version__)
            .replace("%2", str(folder or ""))
            .replace("%3", carried.python)
            .replace("%4", carried.qt)
            .replace("%5", str(licenses))
            .replace("%6", carried.versions())
        )
        Ask.inform(self, self.tr("About VillageBook"), text)

    # --- remembered window state (QSettings) ---------------------------------------

    def _restore_geometry(self) -> None:
        """The size the screen allows (taskbar excluded), or the last one if it still fits."""
        from villagebook.ui.common.screen import available, centre_on, window_size

        settings = QSettings()
        geometry = settings.value("window/geometry")
        area = available(self)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
            # A geometry saved on another screen can come back too large or unusably small.
            QTimer.singleShot(0, self._ensure_usable_size)
        else:
            size, maximise = window_size(area)
            self.resize(size)
            centre_on(self, area)
            self.maximise = maximise
        state = settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

    def _ensure_usable_size(self) -> None:
        from villagebook.ui.common.screen import available, centre_on, window_size

        if self.isMaximized() or self.isFullScreen():
            return
        area = available(self)
        frame = self.frameGeometry()
        too_small = self.width() < 640 or self.height() < 420
        too_large = frame.width() > area.width() or frame.height() > area.height()
        if too_small or too_large or not area.intersects(frame):
            size, maximise = window_size(area)
            self.resize(size)
            centre_on(self, area)
            if maximise:
                self.showMaximized()

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        self.stop_workers()  # nothing reads the folder while it is backed up and closed
        if self.safety is not None:
            self.safety.on_close()  # back up if anything changed, let the folder go
        super().closeEvent(event)


class _PageStack(QStackedWidget):
    """A page stack as large as the page shown (not the largest page ever opened)."""

    def __init__(self) -> None:
        super().__init__()
        self.currentChanged.connect(lambda _row: self.updateGeometry())

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()


def show_window(window: MainWindow) -> None:
    """Show the window at its size, maximised on a small screen."""
    if window.maximise:
        window.showMaximized()
    else:
        window.show()


def schedule_open(window: MainWindow) -> None:
    QTimer.singleShot(0, window.open_data)
