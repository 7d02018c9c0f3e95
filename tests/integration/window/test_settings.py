from __future__ import annotations

from typing import Any

import pytest

from tests.integration.window.conftest import accept
from villagebook.services.roster import queries as roster_queries

pytestmark = pytest.mark.gui


@pytest.fixture
def settings(qtbot: Any) -> Any:
    from PySide6.QtCore import QSettings

    from villagebook.ui.app import create_application
    from villagebook.ui.preferences import ACTOR_KEY, LANG_KEY

    create_application()
    yield QSettings()
    for key in (LANG_KEY, ACTOR_KEY):
        QSettings().remove(key)


def test_settings_saves_language_and_recorder(
    qtbot: Any, settings: Any, drive: Any, monkeypatch: Any, demo_db: Any
) -> None:
    from villagebook.ui.common.ask import Ask
    from villagebook.ui.main_window import MainWindow

    told: list[str] = []
    monkeypatch.setattr(Ask, "inform", classmethod(lambda cls, p, t, text: told.append(text)))
    window = MainWindow(demo_db.data_dir, None)
    qtbot.addWidget(window)
    window.open_data()

    def fill(dialog: Any) -> bool:
        assert dialog.language.currentData() == "zh_CN"  # Chinese by default
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        dialog.actor.setText(" 王芳 ")
        return accept(dialog)

    drive.append(fill)
    window.settings_action.trigger()
    assert settings.value("language") == "en" and settings.value("actor") == "王芳"
    assert told and "下次启动" in told[0]
    assert demo_db.actor != "王芳" and window.book.actor == "王芳"


def test_branch_settings_and_groups(qtbot: Any, ctx: Any, drive: Any, monkeypatch: Any) -> None:
    from villagebook.ui.common.ask import Ask
    from villagebook.ui.settings import BranchDialog, GroupsDialog

    dialog = BranchDialog(ctx.book, ctx.branch_id)
    qtbot.addWidget(dialog)
    assert dialog.village.text() == "青山村" and dialog.has_committee.isChecked()
    dialog.village.setText("  ")
    assert not accept(dialog)
    assert "村名" in dialog.problem_labels["village"].text()
    dialog.village.setText("新青山村")
    dialog.one_shoulder.setChecked(True)
    assert accept(dialog)
    with ctx.book.reading() as session:
        branch = roster_queries.get_branch(session, ctx.branch_id)
        assert branch.village == "新青山村" and branch.secretary_is_director

    answers = iter(["第三党小组", "三组"])
    monkeypatch.setattr(Ask, "text", classmethod(lambda cls, *a: next(answers)))
    groups = GroupsDialog(ctx.book, ctx.branch_id)
    qtbot.addWidget(groups)
    groups.add_group()
    assert groups.list.count() == 3
    groups.list.setCurrentRow(2)
    groups.rename_group()
    with ctx.book.reading() as session:
        names = [g.name for g in roster_queries.list_groups(session, ctx.branch_id)]
    assert names[-1] == "三组"
