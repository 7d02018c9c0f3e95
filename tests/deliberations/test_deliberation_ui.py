"""The 四议两公开 page: the list model, the next-step editor with inline refusals, undo."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.conftest import app_context
from tests.deliberations import helpers as h
from villagebook.domain.deliberations.values import Category, MatterStatus, StepKind
from villagebook.services.deliberations import matters as dlb
from villagebook.storage.db import Database

pytestmark = pytest.mark.gui


@pytest.fixture
def ctx(qtbot: Any, demo_db: Database) -> Any:

    from villagebook.ui.app import create_application

    create_application()
    with demo_db.read() as session:
        branch_id = h.branch_id_of(session)
    return app_context(demo_db, branch_id)


def _page(qtbot: Any, ctx: Any) -> Any:
    from villagebook.ui.deliberations.page import DeliberationsPage

    page = DeliberationsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    return page


def _select_title(page: Any, title: str, round_no: int = 1) -> None:
    for row in range(page.model.rowCount()):
        item = page.model.row_at(row)
        if item.title == title and item.round_no == round_no:
            page.table.selectRow(row)
            return
    raise AssertionError(title)


def test_matters_model_passes_modeltester(qtmodeltester: Any, ctx: Any) -> None:
    from villagebook.ui.deliberations.model import MattersModel

    model = MattersModel(ctx.db, ctx.branch_id)
    assert model.rowCount() == 6
    qtmodeltester.check(model)


def test_page_shows_steps_and_what_is_next(qtbot: Any, ctx: Any, tmp_path: Any) -> None:
    page = _page(qtbot, ctx)
    _select_title(page, "后山集体土地流转（租赁）")
    assert "实施结果公开" in page.next_button.text()
    detail = page.detail.toPlainText()
    assert "党员大会审议" in detail and "DLB-RESULT" in detail and "第2稿" in detail
    assert page.end_action.isEnabled() is False  # the posting already ended
    page.grab().save(str(tmp_path / "page.png"))


def test_next_step_editor_refuses_bad_counts_inline(
    qtbot: Any, ctx: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from villagebook.ui.common.ask import Ask
    from villagebook.ui.deliberations.dialogs import StepDialog

    page = _page(qtbot, ctx)
    _select_title(page, "集体林地承包经营方案", 2)
    seen: dict[str, Any] = {}

    def drive(dialog: Any) -> bool:
        assert isinstance(dialog, StepDialog)
        assert dialog.step.kind is StepKind.MEMBER_MEETING
        assert dialog.counts["expected"].value() > 0  # voting members from the roster
        dialog.place.setText("村党群服务中心")
        dialog.counts["expected"].setValue(20)
        dialog.counts["present"].setValue(25)
        assert dialog.problem_labels["present"].isVisibleTo(dialog)  # shown while typing
        dialog.accept()
        seen["stayed"] = dialog.result() == 0
        seen["problem"] = dialog.problem_labels["present"].text()
        dialog.counts["present"].setValue(18)
        dialog.counts["yes"].setValue(15)
        dialog.counts["no"].setValue(2)
        dialog.counts["abstain"].setValue(1)
        seen["verdict"] = dialog.verdict.text()
        dialog.accept()
        return dialog.result() == 1

    monkeypatch.setattr(Ask, "exec_dialog", classmethod(lambda cls, d: drive(d)))
    page.record_next()
    assert seen["stayed"] and "多于应到" in seen["problem"]
    assert seen["verdict"].startswith("通过")
    assert "村民会议或村民代表会议决议" in page.next_button.text()


def test_one_shoulder_editor_offers_the_joint_entry(
    qtbot: Any, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:

    from villagebook.ui.app import create_application
    from villagebook.ui.common.ask import Ask

    create_application()
    with db.write() as session:
        branch_id = h.branch(session, one_shoulder=True)
        matter = h.matter(session, branch_id)
        matter_id = matter.id
    page = _page(qtbot, app_context(db, branch_id))

    def drive(dialog: Any) -> bool:
        assert dialog.joint.isVisibleTo(dialog)
        dialog.joint.setChecked(True)
        dialog.held_on.set_value(dt.date(2026, 5, 6))
        dialog.place.setText("村委会")
        dialog.accept()
        return dialog.result() == 1

    monkeypatch.setattr(Ask, "exec_dialog", classmethod(lambda cls, d: drive(d)))
    page.record_next()
    with db.read() as session:
        kinds = [s.kind for s in dlb.steps_of(session, matter_id)]
    assert kinds == [StepKind.PROPOSAL, StepKind.JOINT_MEETING]


def test_text_edit_undo_and_repropose(
    qtbot: Any, ctx: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from villagebook.ui.common.ask import Ask

    with ctx.db.write() as session:
        m = dlb.create_matter(
            session,
            ctx.branch_id,
            dlb.MatterInput("村级光伏电站收益分配", Category.COLLECTIVE_INCOME, "", "初稿"),
        )
        matter_id = m.id
    page = _page(qtbot, ctx)
    page.model.reload()
    page.select(matter_id)

    def drive(dialog: Any) -> bool:
        dialog.text.setPlainText("修改稿")
        dialog.accept()
        return dialog.result() == 1

    monkeypatch.setattr(Ask, "exec_dialog", classmethod(lambda cls, d: drive(d)))
    page.edit_text()
    with ctx.db.read() as session:
        assert dlb.current_text(session, matter_id).body == "修改稿"  # type: ignore[union-attr]
    ctx.undo_stack.undo()
    with ctx.db.read() as session:
        assert dlb.current_text(session, matter_id).body == "初稿"  # type: ignore[union-attr]

    _select_title(page, "集体林地承包经营方案", 1)
    assert page.repropose_action.isEnabled() is False  # already has a round 2
    with ctx.db.write() as session:
        dlb.reject(session, matter_id, "方案不成熟", dt.date.today())
    page.refresh()
    page.select(matter_id)
    assert page.repropose_action.isEnabled()
    page.repropose()
    with ctx.db.read() as session:
        rounds = dlb.rounds_of(session, dlb.get_matter(session, matter_id))
    assert [r.round_no for r in rounds] == [1, 2]
    assert rounds[1].status is MatterStatus.OPEN
