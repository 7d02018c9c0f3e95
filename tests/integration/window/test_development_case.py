"""The case view: the timeline, the step editor's refusals, and Edit ▸ Undo / Redo of a
recorded step (the person's roster status comes back with it)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.integration.window.development_fixtures import development_context, today_demo
from villagebook.domain.development.values import TimelineState
from villagebook.domain.roster.values import PartyStatus
from villagebook.storage.db import Database

pytestmark = pytest.mark.gui
__all__ = ["today_demo"]  # a fixture


def test_case_view_timeline_and_step_editor_refuses_impossible_dates(  # type: ignore[no-untyped-def]
    qtbot, qtmodeltester, today_demo: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from villagebook.ui.common.ask import Ask
    from villagebook.ui.development.case_view import CaseView
    from villagebook.ui.development.dialogs import DevelopmentStepDialog
    from villagebook.ui.development.page import DevelopmentPage

    ctx = development_context(today_demo)
    page = DevelopmentPage(ctx)
    qtbot.addWidget(page)
    card = page.models[0].cards[0]  # the applicant whose talk is overdue
    view = CaseView(ctx, card.case_id)
    qtbot.addWidget(view)
    qtmodeltester.check(view.model)
    assert view.model.rows[0].state == TimelineState.DONE
    assert view.model.rows[1].state == TimelineState.OVERDUE
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
    # No reload by hand: the view heard of the new step from the Book's change notice.
    assert view.model.rows[1].state == TimelineState.DONE
    view.grab().save(str(today_demo.data_dir / "case.png"))


def _applicant_before_step_3(page: Any) -> Any:
    return next(c for c in page.models[0].cards if c.next_step == 3)


def _status(ctx: Any, person_id: Any) -> PartyStatus:
    return ctx.book.roster.person(person_id).status


def _stage_of(page: Any, case_id: Any) -> int:
    return next(
        n
        for n, model in enumerate(page.models, 1)
        if any(c.case_id == case_id for c in model.cards)
    )


def test_undo_and_redo_a_recorded_step_from_the_page(qtbot, today_demo: Database) -> None:  # type: ignore[no-untyped-def]
    from villagebook.ui.development.case_view import CaseView
    from villagebook.ui.development.dialogs import DevelopmentStepDialog
    from villagebook.ui.development.page import DevelopmentPage
    from villagebook.ui.ops import perform

    ctx = development_context(today_demo)
    page = DevelopmentPage(ctx)
    qtbot.addWidget(page)
    card = _applicant_before_step_3(page)
    assert _status(ctx, card.person_id) is PartyStatus.APPLICANT
    view = CaseView(ctx, card.case_id)
    qtbot.addWidget(view)
    assert view.next_step is not None and view.next_step.number == 3
    dialog = DevelopmentStepDialog(ctx, card.case_id, view.next_step)
    qtbot.addWidget(dialog)
    dialog.accept()  # step 3 (推荐和确定入党积极分子) today: the person becomes an activist
    assert dialog.result() == 1
    assert _status(ctx, card.person_id) is PartyStatus.ACTIVIST
    assert view.model.rows[2].state == TimelineState.DONE
    assert _stage_of(page, card.case_id) == 2
    assert ctx.book.undo_label() == "记录发展党员第3步"

    perform(page, ctx.book.undo)  # the window's route for Edit ▸ Undo
    assert _status(ctx, card.person_id) is PartyStatus.APPLICANT
    history = ctx.book.roster.status_history(card.person_id)
    assert [h.status for h in history][-1] is PartyStatus.APPLICANT
    assert view.model.rows[2].state is not TimelineState.DONE
    assert view.next_step is not None and view.next_step.number == 3
    assert _stage_of(page, card.case_id) == 1

    perform(page, ctx.book.redo)
    assert _status(ctx, card.person_id) is PartyStatus.ACTIVIST
    assert view.model.rows[2].state == TimelineState.DONE
    assert _stage_of(page, card.case_id) == 2


def test_undo_from_the_main_window_takes_back_step_and_status(  # type: ignore[no-untyped-def]
    qtbot, today_demo: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from villagebook.ui.app import create_application
    from villagebook.ui.common.ask import Ask
    from villagebook.ui.development.case_view import CaseView
    from villagebook.ui.development.page import DevelopmentPage
    from villagebook.ui.main_window import MainWindow

    create_application()
    window = MainWindow(today_demo.data_dir, "测试员")
    qtbot.addWidget(window)
    window.show()
    window.open_data()
    page = window.go_to(window.row_of("development"))
    assert isinstance(page, DevelopmentPage)
    card = _applicant_before_step_3(page)

    def drive(dialog: Any) -> bool:
        if isinstance(dialog, CaseView):  # the case view: record the next step, then close
            dialog.record_next()
            return True
        dialog.accept()  # the step editor, as filled in: today
        return bool(dialog.result())

    monkeypatch.setattr(Ask, "exec_dialog", classmethod(lambda cls, d: drive(d)))
    page.open_case(card.case_id)
    book = window.book
    assert book is not None
    assert book.roster.person(card.person_id).status is PartyStatus.ACTIVIST
    assert _stage_of(page, card.case_id) == 2
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert book.roster.person(card.person_id).status is PartyStatus.APPLICANT
    assert _stage_of(page, card.case_id) == 1
    window.redo_action.trigger()
    assert book.roster.person(card.person_id).status is PartyStatus.ACTIVIST
    assert _stage_of(page, card.case_id) == 2
