"""The meetings window: the period grid, the record editor, plans, printing, and Edit ▸ Undo
of a meeting edit through the window's route."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.conftest import app_context
from tests.integration.window.conftest import previewed, report_text
from tests.unit.services.meetings.village import Village, make_village
from villagebook.domain.meetings.periods import (
    period_columns,
)
from villagebook.domain.meetings.values import (
    MeetingInput,
    MeetingKind,
    MeetingStatus,
    Presence,
)
from villagebook.storage.db import Database
from villagebook.ui.ops import perform

pytestmark = pytest.mark.gui

DAY = dt.date(2026, 10, 15)


@pytest.fixture
def village(db: Database) -> Village:
    return make_village(db)


@pytest.fixture
def ctx(qtbot: Any, db: Database, village: Village) -> Any:
    from villagebook.ui.app import create_application

    create_application()
    return app_context(db, village.branch_id)


@pytest.fixture(autouse=True)
def _no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A message box would block the test: fail instead."""
    from villagebook.ui.errors import Messages

    def fail(cls: Any, parent: Any, title: str, text: str) -> None:
        raise AssertionError(f"{title}: {text}")

    monkeypatch.setattr(Messages, "critical", classmethod(fail))
    monkeypatch.setattr(Messages, "warning", classmethod(fail))


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, Any]:
    """Replace every modal step: confirmations say yes, dialogs go to ``hook`` (or are
    closed as cancelled), files are saved to ``out.pdf``."""
    from villagebook.ui.common.ask import Ask

    seen: dict[str, Any] = {"exec": []}

    def run(dialog: Any) -> bool:
        seen["exec"].append(dialog)
        hook = seen.get("hook")
        if hook is not None:
            return bool(hook(dialog))
        return False

    monkeypatch.setattr(Ask, "exec_dialog", classmethod(lambda cls, d: run(d)))
    monkeypatch.setattr(Ask, "confirm", classmethod(lambda cls, *a: True))
    monkeypatch.setattr(Ask, "save_file", classmethod(lambda cls, *a: tmp_path / "out.pdf"))
    return seen


def _editor(ctx: Any, qtbot: Any, **kw: Any) -> Any:
    from villagebook.ui.meetings.editor import MeetingEditor

    editor = MeetingEditor(ctx, **kw)
    qtbot.addWidget(editor)
    return editor


def _secretary(ctx: Any) -> Any:
    return ctx.book.meetings.defaults(ctx.branch_id).host_id


def _fill_content(editor: Any, ctx: Any) -> None:
    """What a committee meeting needs to be finalised: a topic, a speech, a resolution."""
    editor.topic_tab.template.setCurrentText("研究本月重点工作安排")
    editor.topic_tab.add_topic()
    host = _secretary(ctx)
    editor.topic_tab.add_speech(host, "", "布置了本月工作。")
    editor.vote_tab.resolutions.setPlainText("会议议定：各项工作由分管支委牵头。")


def _committee(ctx: Any, day: dt.date) -> Any:
    data = MeetingInput(MeetingKind.COMMITTEE, day, host_id=_secretary(ctx))
    return ctx.book.meetings.create(ctx.branch_id, data)


def test_models_pass_modeltester(qtbot: Any, qtmodeltester: Any, ctx: Any) -> None:
    from villagebook.ui.meetings.models import AttendanceModel, PeriodModel

    _committee(ctx, DAY)
    meetings = ctx.book.meetings
    entries = meetings.entries(ctx.branch_id, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    rows = meetings.expected_attendance(ctx.branch_id, MeetingKind.GENERAL, DAY)
    period = PeriodModel()
    period.set_data(
        2026,
        period_columns(True, []),
        entries,
        first=dt.date(2026, 9, 1),
        today=dt.date(2026, 11, 22),
    )
    qtmodeltester.check(period)
    attendance = AttendanceModel()
    attendance.set_rows(rows, {r.person_id for r in rows if r.person_id})
    qtmodeltester.check(attendance)


def test_period_view_shows_meetings_and_visible_gaps(qtbot: Any, ctx: Any) -> None:
    from villagebook.ui.meetings.models import PeriodModel
    from villagebook.ui.meetings.page import MeetingsPage

    _committee(ctx, dt.date(2026, 1, 5))
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.today = dt.date(2026, 11, 22)
    page.year.setValue(2026)
    page.reload()
    model = page.model
    committee = next(i for i, c in enumerate(model.columns) if c.kind is MeetingKind.COMMITTEE)
    text = model.data(model.index(0, committee))
    assert text in ("day 5*", "5日*")  # a draft, held on the 5th
    assert model.is_gap(1, committee)  # February: no committee meeting
    assert not model.is_gap(10, committee)  # November is not complete yet
    general = next(i for i, c in enumerate(model.columns) if c.kind is MeetingKind.GENERAL)
    assert model.is_gap(2, general) and not model.is_gap(
        1, general
    )  # shown in the quarter's last month
    assert model.data(model.index(0, committee), PeriodModel.IdsRole)


def test_fast_entry_saves_a_draft_with_defaults(qtbot: Any, ctx: Any, village: Village) -> None:
    editor = _editor(ctx, qtbot, kind=MeetingKind.GENERAL, day=DAY)
    assert len(editor.grid_model.rows) == 9  # everyone expected on the date, present
    assert editor._person(editor.host) == village.people["王书记"]  # offered: the secretary
    editor.topic_tab.template.setCurrentText("传达学习上级精神")
    editor.topic_tab.add_topic()
    editor.topic_tab.add_speech(village.people["王书记"], "王书记", "传达了县委全会精神。")
    editor.guests.setText("驻村第一书记、镇包村干部")
    assert editor.save()
    # mark one person on leave through the grid and save: an edit Edit ▸ Undo takes back
    index = editor.grid_model.index(0, editor.grid_model.PRESENCE)
    assert editor.grid_model.setData(index, Presence.LEAVE.value)
    editor.grid_model.setData(editor.grid_model.index(0, 3), "外出务工")
    assert editor.grid_model.rows[0].presence is Presence.LEAVE
    assert editor.save()
    meeting = ctx.book.meetings.record(editor.meeting_id)
    rows = meeting.attendance
    assert meeting.topics == ["传达学习上级精神"] and meeting.status is MeetingStatus.DRAFT
    assert meeting.speeches[0].speaker == "王书记"
    assert sum(1 for r in rows if r.presence is Presence.LEAVE) == 1
    assert [r.name for r in rows if not r.expected] == ["驻村第一书记", "镇包村干部"]
    perform(editor, ctx.book.undo)
    undone = ctx.book.meetings.record(editor.meeting_id).attendance
    assert all(r.presence is Presence.PRESENT for r in undone)
    perform(editor, ctx.book.redo)
    redone = ctx.book.meetings.record(editor.meeting_id).attendance
    assert sum(1 for r in redone if r.presence is Presence.LEAVE) == 1
    assert editor.save()  # nothing changed since: nothing written, nothing to undo
    assert ctx.book.undo_label() == "保存会议记录"


def test_bad_input_is_shown_in_the_editor_and_nothing_saved(qtbot: Any, ctx: Any) -> None:
    editor = _editor(ctx, qtbot, kind=MeetingKind.LESSON, day=DAY)
    editor.start.setTime(editor.start.time().fromString("10:00", "HH:mm"))
    editor.end.setTime(editor.end.time().fromString("09:00", "HH:mm"))
    assert not editor.save()
    text = editor.problems.text()
    assert "结束时间" in text and "授课人" in text and "党课题目" in text
    assert ctx.book.meetings.records(ctx.branch_id) == []


def test_finalise_locks_and_amend_records_history(
    qtbot: Any, ctx: Any, dialogs: dict[str, Any], tmp_path: Path
) -> None:
    from villagebook.ui.meetings.attachments import AmendDialog

    editor = _editor(ctx, qtbot, kind=MeetingKind.COMMITTEE, day=DAY)
    _fill_content(editor, ctx)
    editor.finalise()
    assert editor.status is MeetingStatus.FINALISED
    assert not editor.save_button.isEnabled() and editor.amend_button.isEnabled()
    flags = editor.grid_model.flags(editor.grid_model.index(0, 2))
    assert not (flags & Qt.ItemFlag.ItemIsEditable)
    assert ctx.book.undo_label() is None  # finalising cannot be undone

    def amend(dialog: Any) -> bool:
        assert isinstance(dialog, AmendDialog)
        dialog.field.setCurrentIndex(dialog.field.findData("place"))
        dialog.value.setPlainText("村文化广场")
        dialog.reason.setText("地点记错")
        dialog.accept()
        return dialog.result() == 1

    dialogs["hook"] = amend
    editor.amend()
    assert editor.amendments.rowCount() == 1
    assert editor.amendments.item(0, 3).text() != "村文化广场"
    assert editor.amendments.item(0, 4).text() == "村文化广场"
    assert editor.place.currentText() == "村文化广场"

    def refused(dialog: Any) -> bool:
        dialog.field.setCurrentIndex(dialog.field.count() - 1)  # someone's attendance
        dialog.presence.setCurrentIndex(dialog.presence.findData(Presence.LEAVE.value))
        dialog.accept()  # no leave reason, no reason for the correction
        assert dialog.problem_labels["reason"].text()
        return dialog.result() == 1

    dialogs["hook"] = refused
    editor.amend()
    assert editor.amendments.rowCount() == 1
    shown: list[Any] = []
    dialogs["hook"] = previewed(shown)
    editor.print_pdf()
    assert "村文化广场" in report_text(shown[0])


def test_attachment_thumbnails(
    qtbot: Any, ctx: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QColor, QImage

    from villagebook.ui.common.ask import Ask

    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    photo = tmp_path / "照片.png"
    image.save(str(photo))
    editor = _editor(ctx, qtbot, kind=MeetingKind.COMMITTEE, day=DAY)
    assert editor.save()
    monkeypatch.setattr(Ask, "open_file", classmethod(lambda cls, *a: photo))
    editor.attachments.add()
    assert editor.attachments.list.count() == 1
    assert not editor.attachments.list.item(0).icon().isNull()


def test_report_entries_print_pdfs(
    qtbot: Any, ctx: Any, dialogs: dict[str, Any], tmp_path: Path
) -> None:
    from villagebook.ui.meetings import reports
    from villagebook.ui.reports.registry import entries

    _committee(ctx, DAY)
    keys = {e.key for e in reports.report_entries()}
    assert keys == {"minutes", "volume"}
    shown: list[Any] = []
    preview = previewed(shown)
    dialogs["hook"] = lambda dialog: preview(dialog) if hasattr(dialog, "report") else True
    parent = _editor(ctx, qtbot)
    minutes = next(e for e in reports.report_entries() if e.key == "minutes")
    assert minutes.run(ctx, parent)
    assert "支部委员会会议记录" in report_text(shown[-1])
    assert shown[-1].file_name.endswith(f"支部委员会会议记录-{DAY.isoformat()}")
    volume = next(e for e in reports.report_entries() if e.key == "volume")
    assert volume.run(ctx, parent)
    assert "合订本" in shown[-1].file_name
    assert not (tmp_path / "out.pdf").exists()  # previewed, not written: Save… writes
    assert {"minutes", "volume"} <= {e.key for e in entries()}


def test_appraisal_votes_and_topic_edits_undone(qtbot: Any, ctx: Any) -> None:
    from PySide6.QtWidgets import QComboBox, QTableWidgetItem

    from villagebook.domain.meetings.values import AppraisalVerdict, Vote

    editor = _editor(ctx, qtbot, kind=MeetingKind.APPRAISAL, day=DAY)
    assert editor.tabs.isTabEnabled(editor.appraisal_index)
    table = editor.appraisal_tab.table
    assert table.rowCount() == 9
    table.setItem(0, 1, QTableWidgetItem("认真学习，带头致富"))
    box = table.cellWidget(0, 3)
    assert isinstance(box, QComboBox)
    box.setCurrentIndex(box.findData(AppraisalVerdict.EXCELLENT.value))
    editor.topic_tab.template.setCurrentText("民主评议党员")
    editor.topic_tab.add_topic()
    editor.topic_tab.template.setCurrentText("多余的议题")
    editor.topic_tab.add_topic()
    editor.vote_tab.add_vote(Vote(motion="评定结果", yes=4))  # 7 voting members expected
    result = editor.vote_tab.votes.item(0, editor.vote_tab.RESULT).text()
    assert result in ("passed", "通过")
    assert editor.save()
    editor.topic_tab.topics.setCurrentRow(1)
    editor.topic_tab.remove_topic()
    assert editor.topic_tab.collect_topics() == ["民主评议党员"]
    editor.vote_tab.votes.item(0, 1).setText("3")
    assert editor.vote_tab.votes.item(0, editor.vote_tab.RESULT).text() in ("not passed", "未通过")
    assert editor.save()
    meeting = ctx.book.meetings.record(editor.meeting_id)
    assert len(meeting.appraisals) == 1
    assert meeting.appraisals[0].verdict is AppraisalVerdict.EXCELLENT
    assert meeting.topics == ["民主评议党员"] and meeting.votes[0].yes == 3
    perform(editor, ctx.book.undo)
    undone = ctx.book.meetings.record(editor.meeting_id)
    assert undone.topics == ["民主评议党员", "多余的议题"] and undone.votes[0].yes == 4
    perform(editor, ctx.book.redo)
    assert ctx.book.meetings.record(editor.meeting_id).topics == ["民主评议党员"]


def test_a_meeting_edit_is_undone_and_redone_from_the_window(
    qtbot: Any, ctx: Any, dialogs: dict[str, Any]
) -> None:
    """New record and an edit through the page's editor; Edit ▸ Undo's route takes them
    back and the grid follows the change notices."""
    from villagebook.ui.meetings.page import MeetingsPage

    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.year.setValue(2026)
    committee = next(i for i, c in enumerate(page.model.columns) if c.kind is MeetingKind.COMMITTEE)
    october = DAY.month - 1

    def new(editor: Any) -> bool:
        editor.place.setCurrentText("村委会议室")
        assert editor.save()
        return True

    dialogs["hook"] = new
    page.new_record(kind=MeetingKind.COMMITTEE, day=DAY)
    (entry,) = page.model.entries_at(october, committee)

    def edit(editor: Any) -> bool:
        editor.grid_model.setData(editor.grid_model.index(0, 2), Presence.ABSENT.value)
        editor.place.setCurrentText("党员活动室")
        assert editor.save()
        return True

    dialogs["hook"] = edit
    page.open_record(entry.id)
    assert ctx.book.meetings.record(entry.id).place == "党员活动室"
    assert perform(page, ctx.book.undo) is not None
    before = ctx.book.meetings.record(entry.id)
    assert before.place == "村委会议室"
    assert all(a.presence is Presence.PRESENT for a in before.attendance)
    assert perform(page, ctx.book.redo) is not None
    after = ctx.book.meetings.record(entry.id)
    assert after.place == "党员活动室" and after.attendance[0].presence is Presence.ABSENT
    perform(page, ctx.book.undo)
    perform(page, ctx.book.undo)  # the new record itself
    assert page.model.entries_at(october, committee) == []
    perform(page, ctx.book.redo)
    assert [e.id for e in page.model.entries_at(october, committee)] == [entry.id]


def test_a_planned_meeting_becomes_a_draft_in_one_click(
    qtbot: Any, ctx: Any, dialogs: dict[str, Any]
) -> None:
    from villagebook.ui.meetings.page import MeetingsPage, PlanItemDialog

    page = MeetingsPage(ctx)
    qtbot.addWidget(page)

    def plan(dialog: Any) -> bool:
        assert isinstance(dialog, PlanItemDialog)
        dialog.kind.setCurrentIndex(dialog.kind.findData(MeetingKind.GENERAL.value))
        dialog.topic.setText("研究部署冬季工作")
        dialog.accept()
        return dialog.result() == 1

    dialogs["hook"] = plan
    page.plan.add_item()
    assert page.plan.table.rowCount() == 1  # reloaded from the change notice
    opened: list[Any] = []

    def open_editor(editor: Any) -> bool:
        qtbot.addWidget(editor)
        opened.append(editor)
        return False

    dialogs["hook"] = open_editor
    page.plan.table.selectRow(0)
    page.plan.start_selected()
    assert len(opened) == 1 and opened[0].meeting_id is not None
    assert opened[0].topic_tab.collect_topics() == ["研究部署冬季工作"]
    assert page.plan.items[0].meeting_id == opened[0].meeting_id
