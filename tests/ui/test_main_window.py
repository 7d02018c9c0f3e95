from __future__ import annotations

import pytest

from villagebook.storage.db import Database

pytestmark = pytest.mark.gui


def test_main_window_shows_demo_roster(qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    from villagebook.ui.app import create_application
    from villagebook.ui.main_window import MainWindow
    from villagebook.ui.roster.page import RosterPage

    create_application()
    window = MainWindow(demo_db.data_dir, "测试员")
    qtbot.addWidget(window)
    window.show()
    window.open_data()
    page = window.page(0)
    assert isinstance(page, RosterPage)
    assert page.model.rowCount() == 40


def test_roster_model_passes_modeltester(qtbot, qtmodeltester, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    from villagebook.ui.roster.model import RosterModel

    model = RosterModel(demo_db, _branch_id(demo_db))
    qtmodeltester.check(model)


def _branch_id(db: Database):  # type: ignore[no-untyped-def]
    from villagebook.services import org

    with db.read() as session:
        branch = org.first_branch(session)
        assert branch is not None
        return branch.id
