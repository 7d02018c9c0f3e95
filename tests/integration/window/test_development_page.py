"""The development page: the board by stage, starting and ending a case, its report entries."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.integration.window.development_fixtures import development_context, today_demo
from villagebook.storage.db import Database

pytestmark = pytest.mark.gui
__all__ = ["today_demo"]  # a fixture


def test_board_shows_every_open_case_by_stage(qtbot, qtmodeltester, today_demo: Database) -> None:  # type: ignore[no-untyped-def]
    from villagebook.ui.development.page import DevelopmentPage

    page = DevelopmentPage(development_context(today_demo))
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    counts = [m.rowCount() for m in page.models]
    assert sum(counts) == 10 and all(counts)
    for model in page.models:
        qtmodeltester.check(model)
    assert "10" in page.summary.text()
    page.grab().save(str(today_demo.data_dir / "board.png"))


def test_start_case_and_end_it(qtbot, today_demo: Database) -> None:  # type: ignore[no-untyped-def]
    from villagebook.ui.development.dialogs import EndDialog, StartCaseDialog
    from villagebook.ui.development.page import DevelopmentPage

    ctx = development_context(today_demo)
    page = DevelopmentPage(ctx)
    qtbot.addWidget(page)
    before = sum(m.rowCount() for m in page.models)
    dialog = StartCaseDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.person.count() >= 1  # the two villagers
    dialog.applied.set_value(dt.date.today() + dt.timedelta(days=2))
    dialog.accept()
    assert dialog.problem_labels["done_on"].text()
    dialog.applied.set_value(dt.date.today())
    dialog.accept()
    assert dialog.case_id is not None
    assert sum(m.rowCount() for m in page.models) == before + 1  # the board heard of it
    end = EndDialog(ctx, dialog.case_id)
    qtbot.addWidget(end)
    end.accept()
    assert end.problem_labels["ending_reason"].text()
    end.reason.setText("本人书面申请撤回")
    end.accept()
    assert end.result() == 1
    assert sum(m.rowCount() for m in page.models) == before


def test_report_entries_are_registered() -> None:
    from villagebook.ui.development.reports import report_entries

    assert {e.key for e in report_entries()} == {"dossier", "development_roster"}


def test_report_entries_print_through_the_book(  # type: ignore[no-untyped-def]
    qtbot, today_demo: Database, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QWidget

    from villagebook.ui.common.ask import Ask
    from villagebook.ui.development.reports import run_dossier, run_roster

    ctx = development_context(today_demo)
    parent = QWidget()
    qtbot.addWidget(parent)
    from villagebook.ui.common.printing import ReportDialog

    shown: list[Any] = []

    def run_dialog(cls: Any, dialog: Any) -> bool:
        if isinstance(dialog, ReportDialog):
            shown.append(dialog.report)
            return False
        return True  # the choice of a person: the first one

    monkeypatch.setattr(Ask, "exec_dialog", classmethod(run_dialog))
    for run, name in ((run_dossier, "发展党员全程纪实表"), (run_roster, "发展党员工作台账")):
        assert run(ctx, parent)
        assert shown[-1].data.startswith(b"%PDF") and name in shown[-1].file_name
