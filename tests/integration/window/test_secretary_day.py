"""A secretary's day in the window (issue 11): nothing typed is lost, no hollow record,
speakers from the attendees, the home screen of what is due, handled findings that travel.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import TODAY
from tests.integration.window.conftest import accept
from villagebook.domain.meetings.values import MeetingKind, MeetingStatus, Presence
from villagebook.storage.db import Database

pytestmark = pytest.mark.gui


@pytest.fixture
def dated(qtbot: Any, demo_db: Database, branch_id: Any) -> Any:
    """The window's context on the demo branch, on the demo's own today."""
    from villagebook.services.book import Book
    from villagebook.ui.app import create_application
    from villagebook.ui.changes import ChangeHub
    from villagebook.ui.context import AppContext

    create_application()
    book = Book(demo_db, today=lambda: TODAY)
    book.actor = "王芳"
    return AppContext(book=book, branch_id=branch_id, hub=ChangeHub(book))


class _Answers(list[str]):
    def __init__(self, queue: list[str], asked: list[str]) -> None:
        super().__init__()
        self.queue, self.asked = queue, asked

    def append(self, answer: str) -> None:
        self.queue.append(answer)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> _Answers:
    """Answers to "save, discard or cancel?" in order; the questions asked are counted."""
    from villagebook.ui.common.ask import Ask

    queue: list[str] = []
    asked: list[str] = []

    def unsaved(cls: Any, parent: Any, title: str, text: str) -> str:
        asked.append(title)
        return queue.pop(0) if queue else "discard"  # (widgets closed after the test)

    monkeypatch.setattr(Ask, "unsaved", classmethod(unsaved))
    return _Answers(queue, asked)


def _meeting_editor(ctx: Any, **kw: Any) -> Any:
    from villagebook.ui.meetings.editor import MeetingEditor

    return MeetingEditor(ctx, **kw)


def _general(ctx: Any) -> Any:
    return _meeting_editor(ctx, kind=MeetingKind.GENERAL, day=TODAY)


def _case_and_step(ctx: Any) -> tuple[uuid.UUID, Any]:
    """An open case and the step it waits for."""
    for card in ctx.book.development.board(ctx.branch_id):
        case = ctx.book.development.case(card.case_id)
        if case.next_step is not None and not case.next_step.meeting:
            return case.id, case.next_step
    raise AssertionError("no open case")


def _dev_step(ctx: Any) -> Any:
    from villagebook.ui.development.dialogs import DevelopmentStepDialog

    case_id, step = _case_and_step(ctx)
    return DevelopmentStepDialog(ctx, case_id, step)


def _deliberation_step(ctx: Any) -> Any:
    from villagebook.ui.deliberations.page import step_dialog

    open_ids = [
        s.id
        for s in ctx.book.deliberations.summaries(ctx.branch_id)
        if s.next_step is not None and not s.status.closed
    ]
    return step_dialog(ctx, open_ids[0], None)


def _new_deliberation(ctx: Any) -> Any:
    from villagebook.ui.deliberations.dialogs import DeliberationDialog

    return DeliberationDialog(lambda data: ctx.book.deliberations.create(ctx.branch_id, data))


def _new_person(ctx: Any) -> Any:
    from villagebook.ui.roster.dialogs import PersonDialog

    def save(data: Any, extra: Any) -> None:
        ctx.book.roster.add_person(ctx.branch_id, data)

    return PersonDialog(save, ctx.book.roster.group_names(ctx.branch_id))


def _handled(ctx: Any) -> Any:
    from villagebook.ui.workbench.dialogs import HandledDialog

    finding = next(f for f in ctx.book.checks.run(branch_id=ctx.branch_id) if f.code == "MTG-THIN")
    return HandledDialog(ctx, ctx.branch_id, finding)


def _type(dialog: Any) -> None:
    """Type something a user would not want to lose."""
    from villagebook.ui.meetings.editor import MeetingEditor

    if isinstance(dialog, MeetingEditor):
        dialog.topic_tab.template.setCurrentText("讨论村道修缮，听取群众意见")
        dialog.topic_tab.add_topic()
    elif hasattr(dialog, "note") and hasattr(dialog.note, "setPlainText"):
        dialog.note.setPlainText("已补开支委会，记录见2026-11-25")
    elif hasattr(dialog, "title") and hasattr(dialog.title, "setText"):
        dialog.title.setText("村级光伏电站收益分配")
    elif hasattr(dialog, "name") and hasattr(dialog.name, "setText"):
        dialog.name.setText("钱新")
    else:
        dialog.note.setText("谈话中表示积极向党组织靠拢，")


EDITORS: dict[str, Callable[[Any], Any]] = {
    "meeting editor": _general,
    "development step": _dev_step,
    "deliberation step": _deliberation_step,
    "new deliberation": _new_deliberation,
    "new person": _new_person,
    "handled finding": _handled,
}


# --- nothing typed is lost ---------------------------------------------------------------------


@pytest.mark.parametrize("editor", list(EDITORS))
def test_closing_an_editor_with_unsaved_input_asks_first(
    qtbot: Any, dated: Any, answers: Any, editor: str
) -> None:
    dialog = EDITORS[editor](dated)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reject()  # nothing typed yet: it closes without a question
    assert answers.asked == [] and not dialog.isVisible()
    dialog = EDITORS[editor](dated)
    qtbot.addWidget(dialog)
    dialog.show()
    _type(dialog)
    answers.append("cancel")
    dialog.reject()  # Close / the window's X
    assert answers.asked and dialog.isVisible()  # Cancel keeps the typing
    answers.append("discard")
    dialog.reject()
    assert not dialog.isVisible()
    assert len(answers.asked) == 2


@pytest.mark.qt_log_ignore("This plugin does not support")  # the offscreen popup
@pytest.mark.parametrize(
    ("editor", "combo"),
    [("meeting editor", "kind"), ("new deliberation", "category"), ("new person", "gender")],
)
def test_escape_twice_in_a_combo_box_asks_first(
    qtbot: Any, dated: Any, answers: Any, editor: str, combo: str
) -> None:
    from PySide6.QtCore import Qt

    dialog = EDITORS[editor](dated)
    qtbot.addWidget(dialog)
    dialog.show()
    _type(dialog)
    box = getattr(dialog, combo)
    box.setFocus()
    box.showPopup()
    answers.append("cancel")
    qtbot.keyClick(box.view(), Qt.Key.Key_Escape)  # closes the list
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # would have closed the dialog
    assert answers.asked and dialog.isVisible()


def test_save_from_the_question_saves_the_typing(qtbot: Any, dated: Any, answers: Any) -> None:
    dialog = _new_person(dated)
    qtbot.addWidget(dialog)
    dialog.name.setText("钱新")
    answers.append("save")
    dialog.reject()
    assert dialog.result() == 1
    names = [p.name for p in dated.book.roster.on(dated.branch_id, TODAY)]
    assert "钱新" in names


def test_a_crashed_draft_is_offered_back_at_the_next_start(
    qtbot: Any, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Type in an editor, let the draft be written, "crash" (the editor is never closed),
    then open the data folder again: the typing is offered back and restored."""
    from villagebook.ui.app import create_application
    from villagebook.ui.common.ask import Ask
    from villagebook.ui.main_window import MainWindow
    from villagebook.ui.meetings.editor import MeetingEditor

    create_application()
    first = MainWindow(demo_db.data_dir, None)
    qtbot.addWidget(first)
    first.open_data()
    editor = MeetingEditor(first.context, kind=MeetingKind.COMMITTEE, day=TODAY)
    editor.topic_tab.template.setCurrentText("研究村道修缮，听取群众意见")
    editor.topic_tab.add_topic()
    editor.keeper.write()  # what the timer does every two seconds
    home = first.page(0)
    qtbot.waitUntil(lambda: not home.busy(), timeout=20000)
    drafts = first.book.drafts.pending()
    assert [d.title for d in drafts] == [f"{TODAY.isoformat()} 支部委员会会议"]
    first.stop_workers()  # a real crash stops every thread at once
    first.book.close()  # the crash: nothing closed properly, the draft file stays
    editor.keeper.active = False

    offered: list[str] = []
    restored: list[Any] = []
    monkeypatch.setattr(
        Ask, "recover", classmethod(lambda cls, p, t, text: offered.append(text) or "restore")
    )

    def look(cls: Any, dialog: Any) -> bool:
        assert isinstance(dialog, MeetingEditor)
        restored.append(
            (dialog.current_kind(), dialog.topic_tab.collect_topics(), dialog.problems.text())
        )
        dialog.keeper.finish()  # the user saved or discarded it on purpose
        return False

    monkeypatch.setattr(Ask, "exec_dialog", classmethod(look))
    second = MainWindow(demo_db.data_dir, None)
    qtbot.addWidget(second)
    second.open_data()
    qtbot.waitUntil(lambda: bool(restored))
    assert "支部委员会会议" in offered[0]
    kind, topics, notice = restored[0]
    assert kind is MeetingKind.COMMITTEE and topics == ["研究村道修缮，听取群众意见"]
    assert "已恢复" in notice
    assert second.book.drafts.pending() == []


def test_a_development_step_draft_comes_back_in_its_dialog(qtbot: Any, dated: Any) -> None:
    from villagebook.ui.development.dialogs import DevelopmentStepDialog

    case_id, step = _case_and_step(dated)
    dialog = DevelopmentStepDialog(dated, case_id, step)
    dialog.note.setText("谈话中表示积极向党组织靠拢，")
    assert dialog.keeper is not None
    dialog.keeper.write()
    again = DevelopmentStepDialog(dated, case_id, step)  # after a crash
    assert again.note.text() == "谈话中表示积极向党组织靠拢，"
    assert again.notice.isVisibleTo(again) or again.notice.text()


# --- no hollow record ------------------------------------------------------------------------


def test_a_blank_general_meeting_cannot_be_finalised(
    qtbot: Any, dated: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from villagebook.ui.common.ask import Ask

    asked: list[str] = []
    monkeypatch.setattr(Ask, "confirm", classmethod(lambda cls, p, t, text: asked.append(t)))
    before = len(dated.book.meetings.records(dated.branch_id))
    editor = _general(dated)
    qtbot.addWidget(editor)
    assert "议题" in editor.needs.text() and "决议" in editor.needs.text()
    editor.finalise()
    assert asked == []  # not even asked: it names what is missing
    assert "议题" in editor.problems.text() and "决议" in editor.problems.text()
    assert editor.status is MeetingStatus.DRAFT and editor.meeting_id is None
    assert len(dated.book.meetings.records(dated.branch_id)) == before


def test_answering_no_to_finalise_leaves_nothing_behind(
    qtbot: Any, dated: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from villagebook.ui.common.ask import Ask

    before = len(dated.book.meetings.records(dated.branch_id))
    editor = _general(dated)
    qtbot.addWidget(editor)
    _complete(editor, dated)
    monkeypatch.setattr(Ask, "confirm", classmethod(lambda cls, *a: False))
    editor.finalise()
    assert editor.meeting_id is None
    assert len(dated.book.meetings.records(dated.branch_id)) == before
    monkeypatch.setattr(Ask, "confirm", classmethod(lambda cls, *a: True))
    editor.finalise()
    record = dated.book.meetings.record(editor.meeting_id)
    assert record.finalised and record.finalised_by == "王芳"  # the recorder, not the login


def _complete(editor: Any, ctx: Any) -> None:
    editor.topic_tab.template.setCurrentText("传达学习上级精神")
    editor.topic_tab.add_topic()
    host = editor._person(editor.host)
    name = editor.host.currentText().split("（")[0]
    editor.topic_tab.add_speech(host, name, "传达了县委全会精神，同意，")
    editor.vote_tab.resolutions.setPlainText("会议同意，按上级要求抓好落实。")


# --- consistent records: the editor prevents what it can -----------------------------------


def test_speakers_can_only_be_chosen_from_those_present(qtbot: Any, dated: Any) -> None:
    from PySide6.QtWidgets import QComboBox

    editor = _general(dated)
    qtbot.addWidget(editor)
    rows = editor.grid_model.rows
    absent = rows[2].name
    index = editor.grid_model.index(2, editor.grid_model.PRESENCE)
    editor.grid_model.setData(index, Presence.ABSENT.value)
    editor.guests.setText("驻村第一书记")
    editor.topic_tab.add_speech(None, "", "")
    box = editor.topic_tab.speeches.cellWidget(0, 0)
    assert isinstance(box, QComboBox) and not box.isEditable()  # picked, never typed
    choices = [box.itemText(i) for i in range(1, box.count())]
    assert absent not in choices and "驻村第一书记" in choices
    assert choices == [r.name for r in rows if r.presence is Presence.PRESENT] + ["驻村第一书记"]
    box.setCurrentText("驻村第一书记")
    editor.topic_tab.speeches.item(0, 1).setText("讲了政策，")
    speech = editor.topic_tab.collect_speeches()[0]
    assert speech.speaker == "驻村第一书记" and speech.speaker_id is None
    # marking a speaker absent afterwards: the save names the contradiction
    editor.topic_tab.add_speech(rows[0].person_id, rows[0].name, "发言")
    editor.grid_model.setData(editor.grid_model.index(0, editor.grid_model.PRESENCE), "absent")
    editor.grid_model.setData(editor.grid_model.index(0, 3), "")
    assert not editor.save()
    assert "登记为缺席" in editor.problems.text()


def test_vote_fields_refuse_sums_above_those_present(qtbot: Any, dated: Any) -> None:
    from villagebook.domain.meetings.values import Vote

    editor = _general(dated)
    qtbot.addWidget(editor)
    present = editor.vote_tab.present_voting
    assert present > 3
    editor.vote_tab.add_vote(Vote(motion="道路硬化", yes=present - 2))
    editor.vote_tab.votes.item(0, 2).setText("5")  # no: above those present
    assert editor.vote_tab.votes.item(0, 2).text() == "0"
    assert (
        "不能多于" in editor.vote_tab.limit.text()
        or "cannot exceed" in editor.vote_tab.limit.text()
    )
    editor.vote_tab.votes.item(0, 2).setText("1")
    assert editor.vote_tab.votes.item(0, 2).text() == "1" and not editor.vote_tab.limit.isVisibleTo(
        editor
    )
    assert editor.vote_tab.votes.item(0, 6).text() in ("通过", "passed")


def test_a_step_that_needs_a_meeting_offers_that_dates_meetings_or_creates_one(
    qtbot: Any, dated: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from villagebook.ui.common.ask import Ask
    from villagebook.ui.development.dialogs import DevelopmentStepDialog
    from villagebook.ui.meetings.editor import MeetingEditor

    case = next(
        c
        for card in dated.book.development.board(dated.branch_id)
        if (c := dated.book.development.case(card.case_id)).next_step is not None
        and c.next_step.number in (15, 23)
    )
    dialog = DevelopmentStepDialog(dated, case.id, case.next_step)
    qtbot.addWidget(dialog)
    assert dialog.link is not None
    general = dated.book.meetings.general_meetings(dated.branch_id)[-1]
    dialog.done_on.set_value(general.held_on)
    assert dialog.link.meeting_id() == general.id  # the meeting of that date, offered
    assert not dialog.counts["yes"].isEnabled()  # its counts win
    day = TODAY - dt.timedelta(days=3)
    dialog.done_on.set_value(day)
    assert dialog.link.meeting_id() is None and "没有支部党员大会记录" in dialog.link.note.text()

    def create(cls: Any, editor: Any) -> bool:
        assert isinstance(editor, MeetingEditor)
        assert editor.current_kind() is MeetingKind.GENERAL and editor.current_day() == day
        topics = editor.topic_tab.collect_topics()
        assert topics and case.person_name in topics[0]
        _complete(editor, dated)
        assert editor.save()
        return True

    monkeypatch.setattr(Ask, "exec_dialog", classmethod(create))
    created = dialog.link.create_record()
    assert created is not None and dialog.link.meeting_id() == created


# --- the home screen --------------------------------------------------------------------------


def test_the_home_screen_lists_the_demo_branchs_due_items_and_opens_the_right_record(
    qtbot: Any, dated: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from villagebook.domain.common.agenda import Section, TargetKind, Urgency
    from villagebook.ui.common.ask import Ask
    from villagebook.ui.development.case_view import CaseView
    from villagebook.ui.meetings.editor import MeetingEditor
    from villagebook.ui.workbench.page import WorkbenchPage

    page = WorkbenchPage(dated)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.agenda is not None, timeout=20000)  # off the UI thread
    items = page.items()
    titles = [i.title for i in items]
    assert items[0].urgency is Urgency.OVERDUE  # most urgent first
    assert any("组织生活会尚未召开" in t for t in titles)  # still due this year
    assert any("2026年6月" in t and "支部委员会会议" in t for t in titles)  # missed
    assert any(i.section is Section.DEVELOPMENT and "马金山" in i.title for i in items)
    assert any(i.code == "MTG-THIN" for i in items) and any(
        i.code == "DEV-MEETING-LINK" for i in items
    )
    assert any(i.section is Section.BACKUP for i in items)
    assert all(i.detail.startswith(i.code) for i in items if i.code)  # code and source
    opened: list[Any] = []

    def look(cls: Any, dialog: Any) -> bool:
        opened.append(dialog)
        return False

    monkeypatch.setattr(Ask, "exec_dialog", classmethod(look))
    draft = next(i for i in items if i.section is Section.DRAFTS)
    page.open_item(_row(page, draft))
    assert isinstance(opened[-1], MeetingEditor) and opened[-1].meeting_id == draft.target.id
    due = next(
        i for i in items if i.target.kind is TargetKind.NEW_MEETING and "组织生活会" in i.title
    )
    page.open_item(_row(page, due))
    editor = opened[-1]
    assert isinstance(editor, MeetingEditor) and editor.meeting_id is None
    assert editor.current_kind() is MeetingKind.ORG_LIFE and editor.current_day() == TODAY
    group = next(i for i in items if i.code == "MTG-GROUP-M")
    assert group.target.kind in (TargetKind.MEETING, TargetKind.NEW_MEETING)
    case = next(i for i in items if i.section is Section.DEVELOPMENT)
    page.open_item(_row(page, case))
    assert isinstance(opened[-1], CaseView) and opened[-1].case_id == case.target.id


def _row(page: Any, item: Any) -> Any:
    for index in range(page.tree.topLevelItemCount()):
        row = page.tree.topLevelItem(index)
        if row.data(0, 256) is item:
            return row
    raise AssertionError(item.title)


def test_the_home_screen_checks_again_after_a_change(qtbot: Any, dated: Any) -> None:
    from villagebook.ui.workbench.page import WorkbenchPage

    page = WorkbenchPage(dated)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.agenda is not None, timeout=20000)
    first = page.agenda
    drafts = [i for i in page.items() if i.section.value == "drafts"]
    dated.book.meetings.delete_draft(drafts[0].target.id)
    qtbot.waitUntil(lambda: page.agenda is not first, timeout=20000)
    assert len([i for i in page.items() if i.section.value == "drafts"]) == len(drafts) - 1


def test_a_finding_marked_handled_survives_export_and_import(
    qtbot: Any, dated: Any, drive: Any, tmp_path: Path
) -> None:
    from villagebook.services.book import Book
    from villagebook.ui.workbench.page import WorkbenchPage

    page = WorkbenchPage(dated)
    qtbot.addWidget(page)
    page.refresh_now()
    thin = next(i for i in page.items() if i.code == "MTG-THIN")
    page.tree.setCurrentItem(_row(page, thin))
    assert page.handle_button.isEnabled() and page.rule_button.isEnabled()

    def note(dialog: Any) -> bool:
        dialog.note.setPlainText("已登记更正，补全了发言摘要，")
        return accept(dialog)

    drive.append(note)
    page.mark_handled()
    page.refresh_now()
    handled = next(i for i in page.items() if i.code == "MTG-THIN")
    assert handled.handled and page.items()[-1].handled  # handled ones go last
    assert handled.finding.handled.handled_by == "王芳"
    document = tmp_path / "export.json"
    dated.book.exchange.export(dated.branch_id, document)
    with Book.open(tmp_path / "other", actor="导入", today=lambda: TODAY) as other:
        branch = other.exchange.import_file(document)
        again = [i for i in other.agenda(branch).items if i.code == "MTG-THIN"]
        assert again and again[0].handled
        assert again[0].finding.handled.note == "已登记更正，补全了发言摘要，"
        assert again[0].finding.handled.handled_by == "王芳"


def test_what_is_this_rule_shows_the_rule_and_its_source(
    qtbot: Any, dated: Any, drive: Any
) -> None:
    from villagebook.ui.workbench.dialogs import RuleDialog
    from villagebook.ui.workbench.page import WorkbenchPage

    page = WorkbenchPage(dated)
    qtbot.addWidget(page)
    page.refresh_now()
    link = next(i for i in page.items() if i.code == "DLB-MEETING-LINK")
    page.tree.setCurrentItem(_row(page, link))
    shown: list[str] = []

    def look(dialog: Any) -> bool:
        assert isinstance(dialog, RuleDialog)
        shown.append(dialog.text.toPlainText())
        return False

    drive.append(look)
    page.explain_rule()
    assert "党员大会审议" in shown[0] and "§8" in shown[0] and "四议两公开" in shown[0]
