"""The township in the window: 报送乡镇 on a branch, a township set up on the welcome page,
bundles imported on the 乡镇汇总 page, a branch viewed read-only, a comment sent back in a
receipt and shown on the branch."""

from __future__ import annotations

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


def test_a_branch_sends_and_a_township_merges_comments_and_answers(
    qtbot: Any, demo_db: Database, tmp_path: Path, drive: Any, monkeypatch: Any
) -> None:
    from villagebook.ui.common.ask import Ask
    from villagebook.ui.roster.page import RosterPage
    from villagebook.ui.township.page import TownshipPage
    from villagebook.ui.workbench.page import WorkbenchPage

    informed: list[str] = []
    monkeypatch.setattr(Ask, "inform", classmethod(lambda cls, p, t, text: informed.append(text)))
    monkeypatch.setattr(Ask, "confirm", classmethod(lambda cls, *a: True))
    bundle = tmp_path / "青山村.vbbundle"
    monkeypatch.setattr(Ask, "save_file", classmethod(lambda cls, *a: bundle))
    branch = _window(qtbot, demo_db.data_dir)
    assert branch.send_action.isEnabled() and not branch.township_action.isVisible()
    branch.send_action.trigger()
    assert bundle.is_file() and "变更" in informed[-1]

    township = _window(qtbot, tmp_path / "township")

    def fill(dialog: Any) -> bool:
        dialog.name.setText("中共石门镇委员会")
        dialog.township.setText("石门镇")
        dialog.county.setText("云岭县")
        return accept(dialog)

    drive.append(fill)
    township.welcome.township_button.click()
    page = township.stack.currentWidget()
    assert isinstance(page, TownshipPage)
    assert township.township_action.isEnabled() and not township.send_action.isEnabled()
    page.import_paths([bundle])
    assert page.table.rowCount() == 1
    assert page.table.item(0, 0).text() == "中共青山村支部委员会"
    assert "2/3" in page.table.item(0, 1).text()

    page.view_branch()  # the same pages the branch sees, read-only: 工作台 first
    assert isinstance(township.stack.currentWidget(), WorkbenchPage)
    assert "只读" in township.windowTitle()
    assert township.recorder_button is None or township.recorder_button.isHidden()
    township.nav.setCurrentRow(township.row_of("roster"))
    assert isinstance(township.stack.currentWidget(), RosterPage)
    township.township_action.trigger()
    page = township.stack.currentWidget()
    assert isinstance(page, TownshipPage)

    monkeypatch.setattr(Ask, "text", classmethod(lambda cls, *a: "请补开十月的主题党日"))
    page.comment()
    receipt = tmp_path / "回执.vbbundle"
    monkeypatch.setattr(Ask, "save_file", classmethod(lambda cls, *a: receipt))
    page.receipt()
    assert receipt.is_file()

    monkeypatch.setattr(Ask, "open_file", classmethod(lambda cls, *a: receipt))
    branch.receipt_action.trigger()
    assert "1" in informed[-1]
    seen: list[str] = []

    def look(dialog: Any) -> bool:
        panel = dialog.panel
        seen.extend(panel.list.item(i).text() for i in range(panel.list.count()))
        return False

    drive.append(look)
    branch.comments_action.trigger()
    assert any("请补开十月的主题党日" in line for line in seen)
