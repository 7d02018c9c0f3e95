"""The 四议两公开 page: the list model, the next-step editor with inline refusals, and
Edit ▸ Undo / Redo of what the page records (a step included) through the core."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import app_context
from tests.integration.window.conftest import previewed, report_text
from tests.unit.services.deliberations import helpers as h
from villagebook.domain.deliberations.values import (
    Category,
    DeliberationInput,
    DeliberationStatus,
    StepKind,
)
from villagebook.storage.db import Database

pytestmark = pytest.mark.gui

Drive = Callable[[Any], bool]


@pytest.fixture(autouse=True)
def _no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A message box would block a test: fail instead."""
    from villagebook.ui.common.ask import Ask
    from villagebook.ui.errors import Messages

    def fail(cls: Any, parent: Any, title: str, text: str) -> None:
        raise AssertionError(f"message box {title}: {text}")

    monkeypatch.setattr(Messages, "critical", classmethod(fail))
    monkeypatch.setattr(Messages, "warning", classmethod(fail))
    monkeypatch.setattr(Ask, "inform", classmethod(fail))


@pytest.fixture
def drive(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Drive]]:
    """Queue functions that act on the next modal dialogs instead of showing them."""
    from villagebook.ui.common.ask import Ask

    queue: list[Drive] = []

    def exec_dialog(dialog: Any) -> bool:
        assert queue, f"unexpected dialog {type(dialog).__name__}"
        return queue.pop(0)(dialog)

    monkeypatch.setattr(Ask, "exec_dialog", classmethod(lambda cls, d: exec_dialog(d)))
    yield queue
    assert not queue, "a queued dialog was never shown"


def accept(dialog: Any) -> bool:
    dialog.accept()
    return bool(dialog.result())


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


def _undo(page: Any, ctx: Any) -> None:
    """Edit ▸ Undo as the window runs it."""
    from villagebook.ui.ops import perform

    assert perform(page, ctx.book.undo) is not None


def _redo(page: Any, ctx: Any) -> None:
    from villagebook.ui.ops import perform

    assert perform(page, ctx.book.redo) is not None


def test_deliberations_model_passes_modeltester(qtmodeltester: Any, ctx: Any) -> None:
    from villagebook.ui.deliberations.model import DeliberationsModel

    model = DeliberationsModel(ctx.book, ctx.branch_id)
    assert model.rowCount() == 6
    qtmodeltester.check(model)


def test_page_shows_steps_and_what_is_next(qtbot: Any, ctx: Any, tmp_path: Any) -> None:
    page = _page(qtbot, ctx)
    _select_title(page, "后山集体土地流转（租赁）")
    assert "实施结果公开" in page.next_button.text()
    detail = page.detail.toPlainText()
    assert "党员大会审议" in detail and "DLB-RESULT" in detail and "第2稿" in detail
    assert "应到45、实到39（口径：村民代表）" in detail and "赞成36、反对2、弃权1" in detail
    assert "村务公开栏、村微信群" in detail and "照片0张" in detail
    assert "6. 实施结果公开：尚未办理" in detail
    assert page.end_action.isEnabled() is False  # the posting already ended
    page.grab().save(str(tmp_path / "page.png"))


def test_next_step_editor_refuses_bad_counts_inline(qtbot: Any, ctx: Any, drive: Any) -> None:
    from villagebook.ui.deliberations.dialogs import StepDialog

    page = _page(qtbot, ctx)
    _select_title(page, "集体林地承包经营方案", 2)
    seen: dict[str, Any] = {}

    def fill(dialog: Any) -> bool:
        assert isinstance(dialog, StepDialog)
        assert dialog.step.kind is StepKind.MEMBER_MEETING
        assert dialog.counts["expected"].value() > 0  # voting members from the roster
        dialog.place.setText("村党群服务中心")
        dialog.counts["expected"].setValue(20)
        dialog.counts["present"].setValue(25)  # refused while typing: no more than expected
        seen["present"] = dialog.counts["present"].value()
        dialog.counts["present"].setValue(18)
        dialog.counts["yes"].setValue(30)  # no more ballots than those present
        seen["yes"] = dialog.counts["yes"].value()
        dialog.counts["yes"].setValue(15)
        dialog.counts["no"].setValue(2)
        dialog.counts["abstain"].setValue(1)
        seen["verdict"] = dialog.verdict.text()
        return accept(dialog)

    drive.append(fill)
    page.record_next()
    assert seen["present"] == 20 and seen["yes"] == 18
    assert seen["verdict"].startswith("通过")
    assert "村民会议或村民代表会议决议" in page.next_button.text()


def test_a_recorded_step_is_undone_and_redone_from_the_window(
    qtbot: Any, ctx: Any, drive: Any
) -> None:
    page = _page(qtbot, ctx)
    _select_title(page, "农村人居环境整治：垃圾分类收集点建设")
    deliberation_id = page.selected_id()
    assert "党员大会审议" in page.next_button.text()

    def fill(dialog: Any) -> bool:
        dialog.place.setText("村党群服务中心")
        dialog.counts["present"].setValue(dialog.counts["expected"].value())
        dialog.counts["yes"].setValue(dialog.counts["expected"].value())
        return accept(dialog)

    drive.append(fill)
    page.record_next()
    steps = ctx.book.deliberations.steps(deliberation_id)
    assert steps[-1].kind is StepKind.MEMBER_MEETING
    assert "村民会议或村民代表会议决议" in page.next_button.text()
    assert ctx.book.undo_label() == "登记“党员大会审议”"

    _undo(page, ctx)
    assert [s.kind for s in ctx.book.deliberations.steps(deliberation_id)] == [
        StepKind.PROPOSAL,
        StepKind.JOINT_MEETING,
    ]
    assert page.selected_id() == deliberation_id
    assert "党员大会审议" in page.next_button.text()  # the page refreshed itself
    assert "3. 党员大会审议：尚未办理" in page.detail.toPlainText()

    _redo(page, ctx)
    assert ctx.book.deliberations.steps(deliberation_id)[-1].id == steps[-1].id
    assert "村民会议或村民代表会议决议" in page.next_button.text()


def test_main_window_undo_takes_back_a_new_deliberation(
    qtbot: Any, demo_db: Database, drive: Any
) -> None:
    from villagebook.ui.app import create_application
    from villagebook.ui.deliberations.page import DeliberationsPage
    from villagebook.ui.main_window import MainWindow

    create_application()
    window = MainWindow(demo_db.data_dir, "测试员")
    qtbot.addWidget(window)
    window.show()
    window.open_data()
    window.page_actions[window.row_of("deliberations")].trigger()
    page = window.stack.currentWidget()
    assert isinstance(page, DeliberationsPage)

    def fill(dialog: Any) -> bool:
        dialog.title.setText("村级光伏电站收益分配")
        dialog.category.setCurrentIndex(list(Category).index(Category.COLLECTIVE_INCOME))
        assert dialog.text is not None
        dialog.text.setPlainText("村党支部提议：光伏电站收益按户分红。")
        return accept(dialog)

    drive.append(fill)
    page.new_action.trigger()
    assert page.model.rowCount() == 7
    assert page.model.row_at(page.table.currentIndex().row()).title == "村级光伏电站收益分配"
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert page.model.rowCount() == 6
    window.redo_action.trigger()
    assert page.model.rowCount() == 7


def test_one_shoulder_editor_offers_the_joint_entry(qtbot: Any, db: Database, drive: Any) -> None:
    from villagebook.ui.app import create_application

    create_application()
    with db.write() as session:
        branch_id = h.branch(session, one_shoulder=True)
        deliberation_id = h.deliberation(session, branch_id).id
    ctx = app_context(db, branch_id)
    page = _page(qtbot, ctx)

    def fill(dialog: Any) -> bool:
        assert dialog.joint.isVisibleTo(dialog)
        dialog.joint.setChecked(True)
        dialog.held_on.set_value(dt.date(2026, 5, 6))
        dialog.place.setText("村委会")
        return accept(dialog)

    drive.append(fill)
    page.record_next()
    kinds = [s.kind for s in ctx.book.deliberations.steps(deliberation_id)]
    assert kinds == [StepKind.PROPOSAL, StepKind.JOINT_MEETING]
    assert "党员大会审议" in page.next_button.text()


def test_text_edit_undo_and_repropose(qtbot: Any, ctx: Any, drive: Any) -> None:
    created = ctx.book.deliberations.create(
        ctx.branch_id,
        DeliberationInput("村级光伏电站收益分配", Category.COLLECTIVE_INCOME, "", "初稿"),
    )
    page = _page(qtbot, ctx)
    page.select_deliberation(created.id)

    def edit(dialog: Any) -> bool:
        dialog.text.setPlainText("修改稿")
        return accept(dialog)

    drive.append(edit)
    page.edit_text()
    assert ctx.book.deliberations.detail(created.id).current_text == "修改稿"
    _undo(page, ctx)
    assert ctx.book.deliberations.detail(created.id).current_text == "初稿"

    _select_title(page, "集体林地承包经营方案", 1)
    assert page.repropose_action.isEnabled() is False  # already has a round 2
    ctx.book.deliberations.reject(created.id, "方案不成熟", dt.date.today())
    page.select_deliberation(created.id)
    assert page.repropose_action.isEnabled()  # the page refreshed from the notice
    page.repropose()
    rounds = ctx.book.deliberations.rounds(created.id)
    assert [r.round_no for r in rounds] == [1, 2]
    assert rounds[1].status is DeliberationStatus.OPEN
    assert page.selected_id() == rounds[1].id
    _undo(page, ctx)
    assert [r.round_no for r in ctx.book.deliberations.rounds(created.id)] == [1]


def test_header_edit_withdraw_and_undo(qtbot: Any, ctx: Any, drive: Any) -> None:
    created = ctx.book.deliberations.create(
        ctx.branch_id, DeliberationInput("村道路灯", Category.PUBLIC_WELFARE, "5000", "提议")
    )
    page = _page(qtbot, ctx)
    page.select_deliberation(created.id)
    assert page.edit_action.isEnabled()

    def rename(dialog: Any) -> bool:
        assert dialog.text is None and dialog.amount.text() == "5000.00"
        dialog.title.setText("村道路灯（二期）")
        return accept(dialog)

    def withdraw(dialog: Any) -> bool:
        dialog.reason.setPlainText("上级项目已覆盖")
        return accept(dialog)

    drive.extend([rename, withdraw])
    page.edit_deliberation()
    assert ctx.book.deliberations.get(created.id).title == "村道路灯（二期）"
    page.withdraw()
    assert ctx.book.deliberations.get(created.id).status is DeliberationStatus.WITHDRAWN
    assert not page.withdraw_action.isEnabled() and not page.next_button.isEnabled()
    _undo(page, ctx)
    assert page.withdraw_action.isEnabled() and page.next_button.isEnabled()
    _undo(page, ctx)
    assert ctx.book.deliberations.get(created.id).title == "村道路灯"


def test_a_refused_step_keeps_the_dialog_open(qtbot: Any, ctx: Any, drive: Any) -> None:
    page = _page(qtbot, ctx)
    _select_title(page, "农村人居环境整治：垃圾分类收集点建设")

    def empty_place(dialog: Any) -> bool:
        dialog.accept()
        assert dialog.result() == 0
        assert dialog.problem_labels["place"].text() == "会议地点：不能为空"
        return False

    drive.append(empty_place)
    page.record_next()
    assert ctx.book.undo_label() is None


def test_posting_ended_and_photo(
    qtbot: Any, ctx: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from villagebook.ui.common.ask import Ask

    created = ctx.book.deliberations.create(
        ctx.branch_id, DeliberationInput("村道路灯", Category.PUBLIC_WELFARE, "", "提议")
    )
    for step in (h.proposal(), h.joint(), h.members(), h.villagers(), h.publication(until=None)):
        ctx.book.deliberations.record_step(created.id, step)
    page = _page(qtbot, ctx)
    page.select_deliberation(created.id)
    assert page.end_action.isEnabled() and page.photo_action.isEnabled()
    photo = tmp_path / "board.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    monkeypatch.setattr(Ask, "open_file", classmethod(lambda cls, *a: photo))
    monkeypatch.setattr(Ask, "text", classmethod(lambda cls, *a: "2026-05-31"))
    page.add_photo()
    assert "照片1张" in page.detail.toPlainText()
    page.end_posting()
    assert not page.end_action.isEnabled()
    assert "2026年5月21日至2026年5月31日" in page.detail.toPlainText()


def test_report_entries_print_the_chosen_deliberation(
    qtbot: Any, ctx: Any, drive: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from villagebook.ui.deliberations.reports import report_entries

    record, sheet = report_entries()
    page = _page(qtbot, ctx)
    chosen: dict[str, Any] = {}

    def choose_lease(dialog: Any) -> bool:
        combo = dialog.deliberation
        chosen["count"] = combo.count()
        titles = [combo.itemText(i) for i in range(combo.count())]
        combo.setCurrentIndex(next(i for i, t in enumerate(titles) if "土地流转" in t))
        return True

    shown: list[Any] = []
    drive.extend([choose_lease, previewed(shown)])
    assert record.run(ctx, page)
    assert "实施结果公开" in report_text(shown[0])
    assert chosen["count"] == 6
    assert shown[0].file_name.endswith("四议两公开工作记录-后山集体土地流转（租赁）")
    drive.extend([choose_lease, previewed(shown)])
    assert sheet.run(ctx, page)
    assert "后山集体土地流转（租赁）" in report_text(shown[1])
    assert chosen["count"] == 3  # decided or completed only


def test_the_page_speaks_english(qtbot: Any, ctx: Any) -> None:
    from villagebook import language
    from villagebook.ui.app import create_application

    create_application(english=True)
    language.use("en")
    try:
        page = _page(qtbot, ctx)
        _select_title(page, "后山集体土地流转（租赁）")
        detail = page.detail.toPlainText()
        button = page.next_button.text()
        header = page.model.headerData(0, page.table.horizontalHeader().orientation())
    finally:
        language.use("zh_CN")
        create_application()
    assert "Result published" in button
    assert "3. Party member meeting | Passed" in detail
    assert "expected 45, present 39 (basis: villagers' representatives)" in detail
    assert "Lease or disposal of collective assets | 120,000.00 yuan | Round 1" in detail
    assert "6. Result published: not yet taken" in detail and "第" not in detail
    assert header == "Deliberation"


def test_fill_replaces_placeholders_once() -> None:
    from villagebook.ui.deliberations.detail import fill

    assert fill("%1: %2", "100%2", "x") == "100%2: x"
    assert fill("%2-%1", 1, 2) == "2-1"
