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
    from villagebook.ui.preferences import FONT_KEY, LANG_KEY, apply_font_size

    create_application()
    yield QSettings()
    for key in (LANG_KEY, FONT_KEY):
        QSettings().remove(key)
    apply_font_size(10)


def test_settings_saves_language_and_applies_the_font_size_at_once(
    qtbot: Any, settings: Any, drive: Any, monkeypatch: Any, demo_db: Any
) -> None:
    from PySide6.QtWidgets import QApplication

    from villagebook.ui.common.ask import Ask
    from villagebook.ui.main_window import MainWindow

    told: list[str] = []
    monkeypatch.setattr(Ask, "inform", classmethod(lambda cls, p, t, text: told.append(text)))
    window = MainWindow(demo_db.data_dir, None)
    qtbot.addWidget(window)
    window.open_data()
    width = window.nav.width()

    def fill(dialog: Any) -> bool:
        assert dialog.language.currentData() == "zh_CN"  # Chinese by default
        assert dialog.font_size.currentData() == "standard"
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        dialog.font_size.setCurrentIndex(dialog.font_size.findData("largest"))
        return accept(dialog)

    drive.append(fill)
    window.settings_action.trigger()
    assert settings.value("language") == "en" and settings.value("font_size") == "largest"
    assert told and "下次启动" in told[0]
    assert QApplication.instance().font().pointSize() == 14  # 特大, everywhere, at once
    assert "15pt" in window.nav.styleSheet() and window.nav.width() > width


def test_the_recorder_is_chosen_in_the_status_bar(
    qtbot: Any, settings: Any, drive: Any, monkeypatch: Any, demo_db: Any
) -> None:
    """Changes name the recorder chosen in the window; the login is technical detail."""
    from villagebook.ui.common.ask import Ask
    from villagebook.ui.main_window import MainWindow
    from villagebook.ui.recorders import RecordersDialog

    window = MainWindow(demo_db.data_dir, None)
    qtbot.addWidget(window)
    window.open_data()
    book, branch_id = window.book, window.context.branch_id
    secretary = book.roster.recorders(branch_id)[0].name
    assert book.actor == secretary and secretary in window.recorder_button.text()
    monkeypatch.setattr(Ask, "text", classmethod(lambda cls, *a: "李明"))

    def manage(dialog: Any) -> bool:
        assert isinstance(dialog, RecordersDialog)
        dialog.add()
        assert dialog.list.count() == 2
        return False

    drive.append(manage)
    window.manage_recorders()
    names = [a.text() for a in window.recorder_button.menu().actions() if a.isCheckable()]
    assert names == [secretary, "李明"]
    window.record_as("李明")
    assert book.actor == "李明" and "李明" in window.recorder_button.text()
    person = book.roster.add_person(branch_id, _person("钱新"))
    history = book.safety.history(person.id)
    assert history[0].actor == "李明" and history[0].login == book.login != "李明"


def _person(name: str) -> Any:
    from villagebook.domain.roster.validation import PersonInput

    return PersonInput(name=name)


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
