from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.integration.window.conftest import accept
from villagebook.storage.db import Database

pytestmark = pytest.mark.gui


def _window(qtbot: Any, data_dir: Path) -> Any:
    from villagebook.ui.app import create_application
    from villagebook.ui.main_window import MainWindow

    create_application()
    window = MainWindow(data_dir, "测试员")
    qtbot.addWidget(window)
    window.show()
    window.open_data()
    return window


def test_main_window_shows_demo_roster(qtbot: Any, demo_db: Database) -> None:
    from villagebook.ui.roster.page import RosterPage
    from villagebook.ui.workbench.page import WorkbenchPage

    window = _window(qtbot, demo_db.data_dir)
    assert isinstance(window.page(0), WorkbenchPage)  # the window opens on 工作台
    page = window.roster_page()
    assert isinstance(page, RosterPage)
    assert page.model.rowCount() == 40
    assert window.windowTitle().startswith("中共青山村")
    assert window.file_menu.title() == "文件(&F)"


def test_roster_model_passes_modeltester(qtbot: Any, qtmodeltester: Any, ctx: Any) -> None:
    from villagebook.ui.roster.model import RosterModel

    qtmodeltester.check(RosterModel(ctx.book, ctx.branch_id))


def test_ctrl_number_switches_pages_and_ctrl_n_adds(
    qtbot: Any, demo_db: Database, drive: Any
) -> None:
    from villagebook.ui.reports.page import ReportsPage

    window = _window(qtbot, demo_db.data_dir)
    shortcuts = [a.shortcut().toString() for a in window.page_actions]
    assert shortcuts == [f"Ctrl+{n}" for n in range(1, 8)]
    window.page_actions[5].trigger()
    assert isinstance(window.stack.currentWidget(), ReportsPage)
    assert window.nav.currentRow() == 5

    def fill(dialog: Any) -> bool:
        dialog.name.setText("钱新")
        return accept(dialog)

    drive.append(fill)
    assert window.new_person_action.shortcut().toString() == "Ctrl+N"
    window.new_person_action.trigger()
    roster = window.page(window.row_of("roster"))
    assert window.stack.currentWidget() is roster and roster.model.total == 41
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert roster.model.total == 40
    assert window.redo_action.shortcuts()[0].toString() == "Ctrl+Shift+Z"
    window.find_action.trigger()
    assert window.find_action.shortcut().toString() == "Ctrl+F"


def test_welcome_page_creates_a_branch(qtbot: Any, data_dir: Path, drive: Any) -> None:
    from villagebook.ui.recorders import RecorderSetupDialog
    from villagebook.ui.welcome import WelcomePage
    from villagebook.ui.workbench.page import WorkbenchPage

    window = _window(qtbot, data_dir)
    assert isinstance(window.stack.currentWidget(), WelcomePage)
    assert not window.nav.isEnabled() and not window.export_action.isEnabled()
    seen: dict[str, str] = {}

    def fill(dialog: Any) -> bool:
        assert not accept(dialog)  # empty names are refused inline
        seen["problem"] = dialog.problem_labels["name"].text()
        dialog.name.setText("中共石门村支部委员会")
        dialog.village.setText("石门村")
        dialog.has_committee.setChecked(True)
        return accept(dialog)

    def recorders(dialog: Any) -> bool:  # the first run: who keeps the records
        assert isinstance(dialog, RecorderSetupDialog)
        dialog.name.setText("王芳")
        dialog.others.setPlainText("李明\n")
        return accept(dialog)

    drive.extend([fill, recorders])
    window.welcome.create_button.click()
    assert "支部名称" in seen["problem"]
    assert isinstance(window.stack.currentWidget(), WorkbenchPage)
    assert window.windowTitle().startswith("中共石门村支部委员会")
    assert window.nav.isEnabled()
    assert window.book.actor == "王芳"  # changes name the recorder, not the login
    assert "王芳" in window.recorder_button.text()
    names = [r.name for r in window.book.roster.recorders(window.context.branch_id)]
    assert names == ["王芳", "李明"]


def test_welcome_page_import_refused_lists_every_problem(
    qtbot: Any, data_dir: Path, tmp_path: Path, drive: Any, monkeypatch: Any
) -> None:
    from villagebook.ui.common.ask import Ask
    from villagebook.ui.welcome import WelcomePage

    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "villagebook-exchange", "version": 1}), "utf-8")
    monkeypatch.setattr(Ask, "open_file", classmethod(lambda cls, *a: bad))
    window = _window(qtbot, data_dir)
    listed: list[str] = []

    def look(dialog: Any) -> bool:
        listed.extend(dialog.list.item(i).text() for i in range(dialog.list.count()))
        return False

    drive.append(look)
    window.welcome.import_button.click()
    assert len(listed) >= 3 and any("branch" in line for line in listed)
    assert isinstance(window.stack.currentWidget(), WelcomePage)


def test_export_then_import_through_the_window(
    qtbot: Any, demo_db: Database, tmp_path: Path, monkeypatch: Any
) -> None:
    from villagebook.ui.common.ask import Ask

    exported = tmp_path / "export.json"
    informed: list[str] = []
    monkeypatch.setattr(Ask, "save_file", classmethod(lambda cls, *a: exported))
    monkeypatch.setattr(Ask, "open_file", classmethod(lambda cls, *a: exported))
    monkeypatch.setattr(Ask, "inform", classmethod(lambda cls, p, t, text: informed.append(text)))
    window = _window(qtbot, demo_db.data_dir)
    window.export_action.trigger()
    document = json.loads(exported.read_text("utf-8"))
    assert len(document["people"]) == 40
    empty = _window(qtbot, tmp_path / "other")
    empty.welcome.import_button.click()
    assert informed and "export.json" in informed[0]
    assert empty.roster_page().model.total == 40
    assert empty.book.actor == window.book.actor  # the recorders came with the file


def test_welcome_page_creates_the_demo(qtbot: Any, data_dir: Path) -> None:
    window = _window(qtbot, data_dir)
    window.welcome.demo_button.click()
    assert window.roster_page().model.total == 40
    secretary = window.book.roster.recorders(window.context.branch_id)[0].name
    assert window.book.actor == secretary  # the demo's secretary keeps its records


def test_about_names_the_data_folder_and_font_licence(
    qtbot: Any, demo_db: Database, monkeypatch: Any
) -> None:
    from villagebook.ui.common.ask import Ask

    texts: list[str] = []
    monkeypatch.setattr(Ask, "inform", classmethod(lambda cls, p, t, text: texts.append(text)))
    window = _window(qtbot, demo_db.data_dir)
    window.about()
    assert str(demo_db.data_dir) in texts[0] and "Apache" in texts[0]
    assert "LGPL" in texts[0] and "PySide6" in texts[0] and "reportlab 5" in texts[0]


def test_unexpected_errors_are_logged_and_name_the_log_file(
    tmp_path: Path, monkeypatch: Any
) -> None:
    import logging

    from villagebook import applog
    from villagebook.ui import errors

    path = applog.setup_logging(tmp_path)
    assert path == tmp_path / "logs" / "villagebook.log"
    monkeypatch.setattr(errors, "LOG_FILE", path)
    shown: list[str] = []
    monkeypatch.setattr(
        errors.Messages, "critical", classmethod(lambda cls, p, t, text: shown.append(text))
    )
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        errors.excepthook(RuntimeError, exc, exc.__traceback__)
    assert str(path) in shown[0] and "boom" in shown[0]
    for handler in logging.getLogger("villagebook").handlers:
        handler.flush()
    assert "RuntimeError: boom" in path.read_text("utf-8")
    logger = logging.getLogger("villagebook")
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()
    logger.setLevel(logging.NOTSET)


def test_a_broken_page_shows_an_error_not_a_crash(
    qtbot: Any, demo_db: Database, monkeypatch: Any
) -> None:
    from villagebook.ui.errors import Messages

    shown: list[str] = []
    monkeypatch.setattr(
        Messages, "critical", classmethod(lambda cls, p, t, text: shown.append(text))
    )
    window = _window(qtbot, demo_db.data_dir)

    def broken(ctx: Any, parent: Any) -> Any:
        raise RuntimeError("page failed")

    window._factories[1] = broken
    window.go_to(1)
    assert shown and "page failed" in shown[0]
    assert window.stack.currentIndex() == 1


def test_ctrl_f_focuses_the_search(qtbot: Any, demo_db: Database) -> None:
    window = _window(qtbot, demo_db.data_dir)
    window.go_to(4)
    window.activateWindow()
    window.find_action.trigger()
    roster = window.page(window.row_of("roster"))
    assert window.stack.currentWidget() is roster
    qtbot.waitUntil(lambda: roster.search.hasFocus())


def test_window_is_shown_before_any_heavy_import(demo_db: Database) -> None:
    """Start-up stays light: no sqlalchemy/sqlmodel/pydantic/reportlab before the first frame."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", VILLAGEBOOK_BENCH_EXIT="shown")
    demo_db.close()
    result = subprocess.run(
        [sys.executable, "-m", "villagebook", "--data-dir", str(demo_db.data_dir)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "heavy=none" in result.stdout, result.stdout


def test_long_work_shows_a_progress_dialog_and_returns_or_raises(qtbot: Any) -> None:
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMainWindow, QProgressDialog

    from villagebook.ui.common.busy import SHOW_AFTER_MS, run_busy

    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    seen: list[bool] = []

    def look() -> None:
        seen.extend(d.isVisible() for d in window.findChildren(QProgressDialog))

    QTimer.singleShot(SHOW_AFTER_MS + 200, look)
    assert run_busy(window, "…", lambda: time.sleep((SHOW_AFTER_MS + 500) / 1000) or 42) == 42
    assert seen == [True]
    with pytest.raises(ValueError, match="bad"):
        run_busy(window, "…", lambda: int("bad"))
