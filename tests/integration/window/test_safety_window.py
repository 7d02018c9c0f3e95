"""The safety features in the window: history, restore, back up to, one writer, damaged
database, app lock and idle time, backup on close.

A small window with the same four hooks as the main window drives them (the hooks are
what ``ui/main_window.py`` calls), holding its Book as ``window.book`` like the main window."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from tests.unit.storage.test_integrity import damage
from tests.unit.storage.test_lock import HOLDER
from villagebook import paths
from villagebook.domain.safety.values import AppLockSettings
from villagebook.services.book import Book
from villagebook.storage import backup
from villagebook.storage.db import Database
from villagebook.storage.models import Person

pytestmark = pytest.mark.gui


@pytest.fixture
def app(qtbot: Any) -> Any:
    from villagebook.ui.app import create_application

    return create_application()


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Replace every modal question; record what was asked."""
    from villagebook.ui.safety.ask import SafetyAsk

    record: dict[str, Any] = {"warn": [], "inform": [], "confirm": [], "dialogs": []}
    record["answer"] = True
    record["drive"] = []
    record["folder"] = None

    def warn(cls: Any, parent: Any, title: str, text: str) -> None:
        record["warn"].append(text)

    def inform(cls: Any, parent: Any, title: str, text: str) -> None:
        record["inform"].append(text)

    def confirm(cls: Any, parent: Any, title: str, text: str) -> bool:
        record["confirm"].append(text)
        return bool(record["answer"])

    def exec_dialog(cls: Any, dialog: Any) -> bool:
        record["dialogs"].append(dialog)
        drive: list[Callable[[Any], bool]] = record["drive"]
        return drive.pop(0)(dialog) if drive else False

    def folder(cls: Any, parent: Any, title: str) -> Path | None:
        return record["folder"]  # type: ignore[no-any-return]

    for name, fn in [
        ("warn", warn),
        ("inform", inform),
        ("confirm", confirm),
        ("exec_dialog", exec_dialog),
        ("folder", folder),
    ]:
        monkeypatch.setattr(SafetyAsk, name, classmethod(fn))
    return record


def make_window(qtbot: Any, data_dir: Path) -> Any:
    from PySide6.QtWidgets import QLabel, QMainWindow

    from villagebook.ui.safety.hooks import install

    class HookedWindow(QMainWindow):
        def __init__(self) -> None:
            super().__init__()
            self.data_dir = data_dir
            self.book: Book | None = None
            self.context: Any = None
            self.opened = 0
            self.file_menu = self.menuBar().addMenu("File")
            self.file_menu.addAction("Quit")
            self.setCentralWidget(QLabel("records"))
            install(self)

        def open_data(self) -> None:
            try:
                self.book = Book.open(self.data_dir, actor="测试员")
            except Exception as exc:
                if not self.safety.open_failed(exc):  # type: ignore[attr-defined]
                    raise
                return
            if not self.safety.after_open():  # type: ignore[attr-defined]
                return
            self.opened += 1

        def closeEvent(self, event: Any) -> None:
            self.safety.on_close()  # type: ignore[attr-defined]
            super().closeEvent(event)

    window = HookedWindow()
    qtbot.addWidget(window)
    return window


@pytest.fixture
def demo_dir(demo_db: Database) -> Path:
    backup.auto_backup(demo_db.data_dir, dt.datetime(2026, 11, 20, 9, 0))
    demo_db.close()
    return demo_db.data_dir


@pytest.fixture
def window(app: Any, qtbot: Any, demo_dir: Path, asked: dict[str, Any]) -> Iterator[Any]:
    win = make_window(qtbot, demo_dir)
    win.open_data()
    assert win.opened == 1
    yield win
    if win.book is not None:
        win.book.close()


def _names(path: Path) -> list[str]:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM person ORDER BY id")]
    finally:
        conn.close()


def test_menu_actions_sit_before_quit(window: Any) -> None:
    texts = [a.text() for a in window.file_menu.actions()]
    assert texts[-1] == "Quit"
    assert window.safety.backup_action in window.file_menu.actions()
    assert window.safety.restore_action.isEnabled() and window.safety.lock_action.isEnabled()


def test_history_dialog_lists_a_records_changes(window: Any, qtmodeltester: Any) -> None:
    from villagebook.ui.safety.history import AuditHistoryDialog

    with window.book.database.write() as session:
        person = session.exec(select(Person).order_by(Person.name)).first()
        assert person is not None
        person.note = "补充了备注"
        session.add(person)
        person_id, name = person.id, person.name
    dialog = AuditHistoryDialog(window.book.safety.history(person_id), name, window)
    qtmodeltester.check(dialog.model)
    model = dialog.model
    assert model.rowCount() == len(model.entries) >= 2
    last = model.rowCount() - 1
    assert model.index(last, 1).data() == "测试员"
    assert "备注" in model.index(last, 4).data() and "补充了备注" in model.index(last, 4).data()
    dialog.show()
    dialog.grab().save(str(paths.default_data_dir().parent / "history.png"))


def test_restore_from_the_window_round_trip(
    window: Any, asked: dict[str, Any], qtmodeltester: Any
) -> None:
    data_dir = window.data_dir
    before = _names(paths.database_path(data_dir))
    with window.book.database.write() as session:
        for person in session.exec(select(Person)).all()[:3]:
            person.name = "恢复前改的"
            session.add(person)

    def pick_first(dialog: Any) -> bool:
        qtmodeltester.check(dialog.model)
        assert dialog.model.rowCount() == 1
        assert "人员 40" in dialog.details.text()
        dialog.grab().save(str(paths.default_data_dir().parent / "restore.png"))
        return dialog.chosen is not None

    asked["drive"].append(pick_first)
    aside = window.safety.restore()
    assert aside is not None and aside.parent == data_dir
    assert "恢复前改的" in _names(aside / paths.DB_FILENAME)
    assert _names(paths.database_path(data_dir)) == before
    assert window.opened == 2 and window.book is not None
    assert asked["inform"] and str(aside) in asked["inform"][-1]


def test_back_up_to_a_folder(window: Any, asked: dict[str, Any], tmp_path: Path) -> None:
    asked["folder"] = tmp_path / "usb"
    asked["folder"].mkdir()
    target = window.safety.backup_to()
    assert target is not None and target.parent == tmp_path / "usb" / backup.MANUAL_FOLDER
    assert backup.describe(target).counts["person"] == 40


def test_backup_on_close_when_something_changed(window: Any) -> None:
    data_dir = window.data_dir
    count = len(list(paths.backups_dir(data_dir).glob("villagebook-*.sqlite3")))
    with window.book.database.write() as session:
        person = session.exec(select(Person)).first()
        assert person is not None
        person.note = "关闭前修改"
        session.add(person)
    window.close()
    assert len(list(paths.backups_dir(data_dir).glob("villagebook-*.sqlite3"))) == count + 1
    assert window.book is not None and not window.book.database.lock.acquired


def test_second_instance_is_refused_naming_the_first(
    app: Any, qtbot: Any, demo_dir: Path, asked: dict[str, Any]
) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(demo_dir)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        win = make_window(qtbot, demo_dir)
        win.show()
        win.open_data()
        assert win.opened == 0 and win.book is None
        assert f"进程 {proc.pid}" in asked["warn"][-1]
        qtbot.waitUntil(lambda: not win.isVisible())
    finally:
        proc.kill()
        proc.communicate()


def test_damaged_database_offers_the_newest_good_backup(
    app: Any, qtbot: Any, demo_dir: Path, asked: dict[str, Any]
) -> None:
    damage(paths.database_path(demo_dir))
    win = make_window(qtbot, demo_dir)
    win.open_data()
    assert "已损坏" in asked["confirm"][-1] and "人员 40" in asked["confirm"][-1]
    assert list(demo_dir.glob("damaged-*"))
    qtbot.waitUntil(lambda: win.opened == 1)
    win.book.close()


def test_damaged_database_left_alone_when_the_user_declines(
    app: Any, qtbot: Any, demo_dir: Path, asked: dict[str, Any]
) -> None:
    damage(paths.database_path(demo_dir))
    asked["answer"] = False
    win = make_window(qtbot, demo_dir)
    win.open_data()
    assert not list(demo_dir.glob("damaged-*")) and win.opened == 0


def _set_password(data_dir: Path, password: str = "abcd1234", idle: int = 5) -> None:
    with Book.open(data_dir) as book:
        book.safety.set_app_lock(password, idle_minutes=idle)
    Book.forget_keys()  # the window is a new program: it must ask for the password


@pytest.fixture
def slow_typist(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ten seconds pass between two password attempts (the retry delay is 1 s after one)."""
    import itertools

    from villagebook.storage import attempts

    monkeypatch.setattr(attempts, "clock", itertools.count(1_000_000, 10).__next__)


def test_app_lock_on_start_wrong_then_right_password(
    app: Any, qtbot: Any, demo_dir: Path, asked: dict[str, Any], slow_typist: None
) -> None:
    _set_password(demo_dir)
    seen: list[str] = []

    def type_passwords(dialog: Any) -> bool:
        assert not dialog.parent().centralWidget().isVisible()  # records hidden while locked
        dialog.password.setText("wrong")
        dialog.try_unlock()
        seen.append(dialog.message.text())
        dialog.password.setText("abcd1234")
        dialog.try_unlock()
        return dialog.result() == 1

    asked["drive"].append(type_passwords)
    win = make_window(qtbot, demo_dir)
    win.show()
    win.open_data()
    assert seen and seen[0]
    assert win.opened == 1
    assert win.centralWidget().isVisible()
    win.book.close()


def test_app_lock_quit_closes_the_window(
    app: Any, qtbot: Any, demo_dir: Path, asked: dict[str, Any]
) -> None:
    _set_password(demo_dir)
    asked["drive"].append(lambda dialog: False)
    win = make_window(qtbot, demo_dir)
    win.show()
    win.open_data()
    assert win.opened == 0
    qtbot.waitUntil(lambda: not win.isVisible())


def test_idle_time_locks_and_activity_resets_the_timer(
    window: Any, qtbot: Any, asked: dict[str, Any]
) -> None:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    window.book.safety.set_app_lock("abcd1234", idle_minutes=1)
    watcher = window.safety.watcher
    watcher.timer.setInterval(300)
    watcher.timer.start()
    qtbot.wait(200)
    QApplication.sendEvent(
        window, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier)
    )
    assert watcher.timer.remainingTime() > 200  # activity restarted the countdown
    locked: list[bool] = []

    def unlock(dialog: Any) -> bool:
        locked.append(True)
        dialog.password.setText("abcd1234")
        dialog.try_unlock()
        return dialog.result() == 1

    asked["drive"].append(unlock)
    with qtbot.waitSignal(watcher.idle, timeout=2000):
        pass
    assert locked == [True]
    assert watcher.timer.isActive()


def test_password_dialog_sets_and_removes_the_lock(window: Any, asked: dict[str, Any]) -> None:
    from villagebook.ui.safety.lock import PasswordDialog, RecoveryKeyDialog

    dialog = PasswordDialog(window.book, window)
    dialog.password.setText("abcd")
    dialog.repeat.setText("abcd")
    dialog.accept()  # the Save button: refused, the problem shown under the field
    assert "至少6个字符" in dialog.problem_labels["password"].text()
    assert dialog.result() != 1
    dialog.password.setText("abcd1234")
    dialog.repeat.setText("abcd1234")
    dialog.idle.setValue(7)
    dialog.accept()
    assert dialog.result() == 1
    assert window.book.safety.app_lock() == AppLockSettings(enabled=True, idle_minutes=7)
    assert window.book.safety.app_lock().encrypted and dialog.recovery_key
    shown = RecoveryKeyDialog(dialog.recovery_key, str(window.book.data_dir), window)
    assert shown.key.text() == dialog.recovery_key and dialog.recovery_key in shown.sheet()
    dialog = PasswordDialog(window.book, window)
    assert dialog.remove.isEnabled()
    dialog.remove_password()  # the current password is needed
    assert dialog.result() != 1 and dialog.problem_labels["current"].text()
    dialog.current.setText("abcd1234")
    dialog.remove_password()
    assert dialog.result() == 1
    assert not window.book.safety.app_lock().enabled


def test_turning_the_lock_on_in_the_window_shows_the_recovery_key_once(
    window: Any, asked: dict[str, Any]
) -> None:
    def fill(dialog: Any) -> bool:
        dialog.password.setText("abcd1234")
        dialog.repeat.setText("abcd1234")
        dialog.accept()
        return dialog.result() == 1

    asked["drive"] += [fill, lambda dialog: True]
    window.safety.lock_settings()
    assert type(asked["dialogs"][-1]).__name__ == "RecoveryKeyDialog"
    assert len(asked["dialogs"][-1].recovery_key) == 39


# --- the real main window's hooks ------------------------------------------------------------


@pytest.fixture
def main_window(app: Any, qtbot: Any, demo_dir: Path, asked: dict[str, Any]) -> Iterator[Any]:
    from villagebook.ui.main_window import MainWindow

    win = MainWindow(demo_dir, "测试员")
    qtbot.addWidget(win)
    win.open_data()
    assert win.book is not None and win.book.database.lock.acquired
    yield win
    if win.book is not None:
        win.book.close()


def test_main_window_has_the_safety_actions_and_backs_up_on_close(
    main_window: Any, demo_dir: Path
) -> None:
    actions = main_window.file_menu.actions()
    assert main_window.safety.restore_action in actions
    assert main_window.safety.backup_action in actions
    with main_window.book.database.write() as session:
        person = session.exec(select(Person)).first()
        assert person is not None
        person.note = "关闭窗口前的修改"
        session.add(person)
    before = len(list(paths.backups_dir(demo_dir).glob("villagebook-*.sqlite3")))
    main_window.close()
    after = list(paths.backups_dir(demo_dir).glob("villagebook-*.sqlite3"))
    assert len(after) == before + 1


def test_roster_context_menu_opens_a_persons_change_log(
    main_window: Any, qtbot: Any, asked: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMenu

    from villagebook.ui.safety.history import AuditHistoryDialog

    monkeypatch.setattr(QMenu, "popup", lambda self, *args: None)  # no grab offscreen

    page = main_window.roster_page()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    rect = page.table.visualRect(page.model.index(0, 0))
    page._context_menu(rect.center())
    menu = page.findChildren(QMenu)[-1]
    action = next(a for a in menu.actions() if a.text() in ("Change log…", "修改记录…"))
    assert action.isEnabled()
    asked["drive"].append(lambda dialog: True)
    action.trigger()
    dialog = asked["dialogs"][-1]
    assert isinstance(dialog, AuditHistoryDialog)
    assert dialog.model.rowCount() >= 1
    assert page.model.person_at(0).name in dialog.windowTitle()
    menu.close()


def test_main_window_restore_reopens_the_restored_data(
    main_window: Any, asked: dict[str, Any], demo_dir: Path
) -> None:
    before = _names(paths.database_path(demo_dir))
    old_book = main_window.book
    with old_book.database.write() as session:
        person = session.exec(select(Person)).first()
        assert person is not None
        person.name = "恢复前改的"
        session.add(person)
    asked["drive"].append(lambda dialog: dialog.chosen is not None)
    aside = main_window.safety.restore()
    assert aside is not None and "恢复前改的" in _names(aside / paths.DB_FILENAME)
    assert _names(paths.database_path(demo_dir)) == before
    book = main_window.book
    assert book is not None and book is not old_book and book.database.lock.acquired
    assert main_window.context is not None and main_window.context.book is book
    assert main_window.safety.backup_action.isEnabled()
