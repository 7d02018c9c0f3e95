from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.conftest import app_context
from tests.meetings.conftest import Village
from villagebook.domain.meetings.values import MeetingKind, MeetingStatus, Presence
from villagebook.services.meetings import records
from villagebook.storage.db import Database

pytestmark = pytest.mark.gui

DAY = dt.date(2026, 10, 15)


@pytest.fixture
def ctx(qtbot: Any, db: Database, village: Village) -> Any:
    from villagebook.ui.app import create_application

    create_application()
    return app_context(db, village.branch_id)


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, Any]:
    """Replace every modal step: confirmations say yes, dialogs are accepted as they are."""
    from villagebook.ui.meetings.page import Dialogs

    seen: dict[str, Any] = {"exec": []}

    def run(dialog: Any) -> bool:
        seen["exec"].append(dialog)
        hook = seen.get("hook")
        if hook is not None:
            return bool(hook(dialog))
        return False

    monkeypatch.setattr(Dialogs, "exec", classmethod(lambda cls, d: run(d)))
    monkeypatch.setattr(Dialogs, "confirm", classmethod(lambda cls, *a: True))
    monkeypatch.setattr(Dialogs, "save_file", classmethod(lambda cls, *a: tmp_path / "out.pdf"))
    return seen


def _editor(ctx: Any, qtbot: Any, **kw: Any) -> Any:
    from villagebook.ui.meetings.editor import MeetingEditor

    editor = MeetingEditor(ctx, **kw)
    qtbot.addWidget(editor)
    return editor


def test_models_pass_modeltester(qtbot: Any, qtmodeltester: Any, ctx: Any, db: Database) -> None:
    from villagebook.services.meetings import views
    from villagebook.ui.meetings.models import AttendanceModel, PeriodModel, period_columns

    with db.write() as session:
        records.create_meeting(
            session,
            ctx.branch_id,
            records.MeetingInput(MeetingKind.COMMITTEE, DAY, host_id=_secretary(db, ctx)),
            as_of=DAY,
        )
        entries = views.calendar_entries(
            session, ctx.branch_id, dt.date(2026, 1, 1), dt.date(2026, 12, 31)
        )
        rows = records.expected_attendance(session, ctx.branch_id, MeetingKind.GENERAL, DAY)
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


def _secretary(db: Database, ctx: Any) -> Any:
    from villagebook.services.meetings.records import last_defaults

    with db.read() as session:
        return last_defaults(session, ctx.branch_id).host_id


def test_period_view_shows_meetings_and_visible_gaps(qtbot: Any, ctx: Any, db: Database) -> None:
    from villagebook.ui.meetings.models import PeriodModel
    from villagebook.ui.meetings.page import MeetingsPage

    with db.write() as session:
        records.create_meeting(
            session,
            ctx.branch_id,
            records.MeetingInput(
                MeetingKind.COMMITTEE, dt.date(2026, 1, 5), host_id=_secretary(db, ctx)
            ),
            as_of=dt.date(2026, 11, 22),
        )
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


def test_fast_entry_saves_a_draft_with_defaults(
    qtbot: Any, ctx: Any, db: Database, village: Village
) -> None:
    editor = _editor(ctx, qtbot, kind=MeetingKind.GENERAL, day=DAY)
    assert len(editor.grid_model.rows) == 9  # everyone expected on the date, present
    assert editor._person(editor.host) == village.people["王书记"]  # offered: the secretary
    editor.topic_tab.template.setCurrentText("传达学习上级精神")
    editor.topic_tab.add_topic()
    editor.topic_tab.add_speech("王书记", "传达了县委全会精神。")
    # mark one person on leave through the grid, then undo and redo it
    index = editor.grid_model.index(0, editor.grid_model.PRESENCE)
    assert editor.grid_model.setData(index, Presence.LEAVE.value)
    editor.grid_model.setData(editor.grid_model.index(0, 3), "外出务工")
    assert editor.grid_model.rows[0].presence is Presence.LEAVE
    editor.undo.undo()
    editor.undo.undo()
    assert editor.grid_model.rows[0].presence is Presence.PRESENT
    editor.undo.redo()
    editor.undo.redo()
    editor.guests.setText("驻村第一书记、镇包村干部")
    assert editor.save()
    with db.read() as session:
        meeting = records.get_meeting(session, editor.meeting_id)
        rows = records.attendance_of(session, meeting.id)
    assert meeting.topics == ["传达学习上级精神"] and meeting.status is MeetingStatus.DRAFT
    assert sum(1 for r in rows if r.presence is Presence.LEAVE) == 1
    assert [r.name for r in rows if not r.expected] == ["驻村第一书记", "镇包村干部"]


def test_bad_input_is_shown_in_the_editor_and_nothing_saved(
    qtbot: Any, ctx: Any, db: Database
) -> None:
    editor = _editor(ctx, qtbot, kind=MeetingKind.LESSON, day=DAY)
    editor.start.setTime(editor.start.time().fromString("10:00", "HH:mm"))
    editor.end.setTime(editor.end.time().fromString("09:00", "HH:mm"))
    assert not editor.save()
    text = editor.problems.text()
    assert "结束时间" in text and "授课人" in text and "党课题目" in text
    with db.read() as session:
        assert records.list_meetings(session, ctx.branch_id) == []


def test_finalise_locks_and_amend_records_history(
    qtbot: Any, ctx: Any, db: Database, dialogs: dict[str, Any], tmp_path: Path
) -> None:
    from villagebook.ui.meetings.attachments import AmendDialog

    editor = _editor(ctx, qtbot, kind=MeetingKind.COMMITTEE, day=DAY)
    editor.finalise()
    assert editor.status is MeetingStatus.FINALISED
    assert not editor.save_button.isEnabled() and editor.amend_button.isEnabled()
    flags = editor.grid_model.flags(editor.grid_model.index(0, 2))
    assert not (flags & Qt.ItemFlag.ItemIsEditable)

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
    editor.print_pdf()
    assert (tmp_path / "out.pdf").stat().st_size > 1000


def test_attachment_thumbnails(
    qtbot: Any, ctx: Any, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QColor, QImage

    from villagebook.ui.meetings.page import Dialogs

    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    photo = tmp_path / "照片.png"
    image.save(str(photo))
    editor = _editor(ctx, qtbot, kind=MeetingKind.COMMITTEE, day=DAY)
    assert editor.save()
    monkeypatch.setattr(Dialogs, "open_file", classmethod(lambda cls, *a: photo))
    editor.attachments.add()
    assert editor.attachments.list.count() == 1
    assert not editor.attachments.list.item(0).icon().isNull()


def test_report_entries_print_pdfs(
    qtbot: Any, ctx: Any, db: Database, dialogs: dict[str, Any], tmp_path: Path
) -> None:
    from villagebook.ui.meetings import reports
    from villagebook.ui.reports.registry import entries

    with db.write() as session:
        records.create_meeting(
            session,
            ctx.branch_id,
            records.MeetingInput(MeetingKind.COMMITTEE, DAY, host_id=_secretary(db, ctx)),
            as_of=DAY,
        )
    keys = {e.key for e in reports.report_entries()}
    assert keys == {"minutes", "volume"}
    dialogs["hook"] = lambda dialog: True
    parent = _editor(ctx, qtbot)
    minutes = next(e for e in reports.report_entries() if e.key == "minutes")
    assert minutes.run(ctx, parent) == tmp_path / "out.pdf"
    assert (tmp_path / "out.pdf").stat().st_size > 1000
    assert {"minutes", "volume"} <= {e.key for e in entries()}


def test_appraisal_votes_and_topic_undo(qtbot: Any, ctx: Any, db: Database) -> None:
    from PySide6.QtWidgets import QComboBox, QTableWidgetItem

    from villagebook.domain.meetings.values import AppraisalVerdict
    from villagebook.services.meetings.records import VoteInput

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
    editor.undo.undo()
    assert editor.topic_tab.collect_topics() == ["民主评议党员"]
    editor.vote_tab.add_vote(VoteInput("评定结果", yes=4))  # 7 voting members expected
    result = editor.vote_tab.votes.item(0, editor.vote_tab.RESULT).text()
    assert result in ("passed", "通过")
    editor.vote_tab.votes.item(0, 1).setText("3")
    assert editor.vote_tab.votes.item(0, editor.vote_tab.RESULT).text() in ("not passed", "未通过")
    assert editor.save()
    with db.read() as session:
        meeting = records.get_meeting(session, editor.meeting_id)
    assert len(meeting.appraisals) == 1
    assert meeting.appraisals[0]["verdict"] == "excellent"
    assert meeting.topics == ["民主评议党员"] and meeting.votes[0]["yes"] == 3
