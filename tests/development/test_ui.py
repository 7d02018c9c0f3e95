"""The development page: board, case view, step editor refusals (pytest-qt)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.conftest import app_context
from villagebook.services import registry
from villagebook.storage.db import Database

pytestmark = pytest.mark.gui


def _ctx(db: Database) -> Any:
    from villagebook.services.roster import queries as roster_queries

    with db.read() as session:
        branch = roster_queries.first_branch(session)
    return app_context(db, branch.id if branch else None)


@pytest.fixture
def today_demo(db: Database) -> Database:

    with db.write() as session:
        registry.create_demo(session, today=dt.date.today())
    return db


def test_board_shows_every_open_case_by_stage(qtbot, qtmodeltester, today_demo: Database) -> None:  # type: ignore[no-untyped-def]
    from villagebook.ui.development.page import DevelopmentPage

    page = DevelopmentPage(_ctx(today_demo))
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    counts = [m.rowCount() for m in page.models]
    assert sum(counts) == 10 and all(counts)
    for model in page.models:
        qtmodeltester.check(model)
    assert "10" in page.summary.text()
    page.grab().save(str(today_demo.data_dir / "board.png"))


def test_case_view_timeline_and_step_editor_refuses_impossible_dates(  # type: ignore[no-untyped-def]
    qtbot, qtmodeltester, today_demo: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from villagebook.ui.common.ask import Ask
    from villagebook.ui.development.case_view import CaseView
    from villagebook.ui.development.dialogs import DevelopmentStepDialog
    from villagebook.ui.development.page import DevelopmentPage
    from villagebook.ui.development.timeline import DONE, OVERDUE

    ctx = _ctx(today_demo)
    page = DevelopmentPage(ctx)
    qtbot.addWidget(page)
    card = page.models[0].cards[0]  # the applicant whose talk is overdue
    view = CaseView(ctx, card.case_id)
    qtbot.addWidget(view)
    qtmodeltester.check(view.model)
    assert view.model.rows[0].state == DONE
    assert view.model.rows[1].state == OVERDUE
    assert view.next_step is not None and view.next_step.number == 2
    dialog = DevelopmentStepDialog(ctx, card.case_id, view.next_step)
    qtbot.addWidget(dialog)
    dialog.done_on.set_value(dt.date(2000, 1, 1))  # before the application
    dialog.accept()
    assert dialog.isVisible() is False or dialog.result() == 0
    assert "DEV-ORDER" in dialog.problem_labels["done_on"].text()
    assert dialog.problem_labels["talker"].text()  # no talker chosen
    dialog.done_on.set_value(dt.date.today())
    dialog.pickers[next(iter(dialog.pickers))].item(0).setCheckState(
        dialog.pickers[next(iter(dialog.pickers))].item(0).checkState().Checked
    )
    monkeypatch.setattr(
        Ask, "exec_dialog", classmethod(lambda cls, d: d.accept() or d.result() == 1)
    )
    dialog.accept()
    assert dialog.result() == 1
    view.reload()
    assert view.model.rows[1].state == DONE
    view.grab().save(str(today_demo.data_dir / "case.png"))


def test_start_case_and_end_it(qtbot, today_demo: Database) -> None:  # type: ignore[no-untyped-def]
    from villagebook.ui.development.dialogs import EndDialog, StartCaseDialog

    ctx = _ctx(today_demo)
    dialog = StartCaseDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.person.count() >= 1  # the two villagers
    dialog.applied.set_value(dt.date.today() + dt.timedelta(days=2))
    dialog.accept()
    assert dialog.problem_labels["done_on"].text()
    dialog.applied.set_value(dt.date.today())
    dialog.accept()
    assert dialog.case_id is not None
    end = EndDialog(ctx, dialog.case_id)
    qtbot.addWidget(end)
    end.accept()
    assert end.problem_labels["ending_reason"].text()
    end.reason.setText("本人书面申请撤回")
    end.accept()
    assert end.result() == 1


def test_report_entries_are_registered() -> None:
    from villagebook.ui.development.reports import report_entries

    assert {e.key for e in report_entries()} == {"dossier", "development_roster"}
