"""book.meetings: drafts, finalising, corrections, attachments and plans, as typed values."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.unit.services.meetings.village import TODAY, Village
from villagebook.domain.common.errors import InputError, LockedRecordError
from villagebook.domain.meetings.periods import (
    PlanItemInput,
)
from villagebook.domain.meetings.requirements import Need
from villagebook.domain.meetings.values import (
    AttendanceInput,
    MeetingInput,
    MeetingKind,
    MeetingStatus,
    Presence,
    Speech,
)
from villagebook.services.book import Book, Changes, NothingToUndo

DAY = dt.date(2026, 10, 15)


def _general(village: Village, **kw: object) -> MeetingInput:
    data = MeetingInput(
        kind=MeetingKind.GENERAL,
        held_on=DAY,
        start_time=dt.time(9, 0),
        end_time=dt.time(11, 0),
        place="村委会议室",
        host_id=village.people["王书记"],
        recorder_id=village.people["张委员"],
        topics=["传达学习上级精神"],
        speeches=[Speech(speaker_id=village.people["王书记"], speaker="王书记", summary="作说明")],
        resolutions="会议同意按上级要求抓好落实。",
    )
    for key, value in kw.items():
        setattr(data, key, value)
    return data


def _problems(info: pytest.ExceptionInfo[InputError]) -> set[str]:
    return {p.field for p in info.value.problems}


def test_attendance_defaults_to_every_member_on_the_date(
    meetings_book: Book, village: Village
) -> None:
    rows = meetings_book.meetings.create(village.branch_id, _general(village)).attendance
    names = {r.name for r in rows}
    # 9 members on the day (冯离开 transferred out in March; the villager is no member)
    assert len(rows) == 9
    assert "冯离开" not in names and "陈群众" not in names
    assert all(r.presence is Presence.PRESENT for r in rows)
    voting = {r.name for r in rows if r.voting}
    assert "郑预备" not in voting and "吴五" not in voting  # probationary / 留党察看
    assert len(voting) == 7


def test_bad_input_is_refused_with_every_field_named(meetings_book: Book, village: Village) -> None:
    data = _general(
        village,
        held_on=TODAY + dt.timedelta(days=1),
        start_time=dt.time(10, 0),
        end_time=dt.time(9, 0),
        host_id=village.people["陈群众"],
    )
    with pytest.raises(InputError) as info:
        meetings_book.meetings.create(village.branch_id, data)
    assert {"held_on", "end_time", "host_id"} <= _problems(info)
    assert any("不能晚于今天" in p.message for p in info.value.problems)
    assert meetings_book.meetings.records(village.branch_id) == []


def test_attendance_of_someone_who_had_left_is_refused(
    meetings_book: Book, village: Village
) -> None:
    data = _general(
        village, attendance=[AttendanceInput(village.people["冯离开"], "冯离开")], speeches=[]
    )
    with pytest.raises(InputError) as info:
        meetings_book.meetings.create(village.branch_id, data)
    assert _problems(info) == {"attendance[0].person_id"}
    assert "已转出" in info.value.problems[0].message


def test_more_ballots_than_members_present_is_refused(
    meetings_book: Book, village: Village
) -> None:
    from villagebook.domain.meetings.values import Vote

    data = _general(village, votes=[Vote(motion="通过决议", yes=6, no=1, abstain=1)])
    with pytest.raises(InputError) as info:
        meetings_book.meetings.create(village.branch_id, data)
    assert _problems(info) == {"votes[0].yes"}
    assert "多于到会有表决权的党员7名" in info.value.problems[0].message


def test_host_who_was_not_yet_a_member_is_refused(meetings_book: Book, village: Village) -> None:
    data = _general(village, held_on=dt.date(2019, 6, 1))
    with pytest.raises(InputError) as info:
        meetings_book.meetings.create(village.branch_id, data)
    assert "host_id" in _problems(info)


def test_leave_needs_a_reason_and_group_meeting_a_group(
    meetings_book: Book, village: Village
) -> None:
    data = _general(
        village,
        kind=MeetingKind.GROUP,
        attendance=[AttendanceInput(village.people["赵一"], "赵一", Presence.LEAVE)],
        speeches=[],
    )
    with pytest.raises(InputError) as info:
        meetings_book.meetings.create(village.branch_id, data)
    assert _problems(info) == {"attendance[0].reason", "group_id"}


def test_finalised_record_is_locked_and_amended(meetings_book: Book, village: Village) -> None:
    meetings = meetings_book.meetings
    meeting = meetings.create(village.branch_id, _general(village))
    meetings.finalise(meeting.id, on=dt.date(2026, 10, 16))
    with pytest.raises(LockedRecordError):
        meetings.update(meeting.id, _general(village, place="别处"))
    with pytest.raises(LockedRecordError):
        meetings.delete_draft(meeting.id)
    with pytest.raises(LockedRecordError):
        meetings.finalise(meeting.id)
    with pytest.raises(InputError):
        meetings.amend(meeting.id, "place", "村文化广场", "")
    meetings.amend(meeting.id, "place", "村文化广场", "记录笔误")
    meetings.amend_attendance(
        meeting.id, village.people["赵一"], Presence.LEAVE, "生病住院", "补记请假"
    )
    stored = meetings.record(meeting.id)
    history = meetings.amendments(meeting.id)
    rows = {r.name: r for r in stored.attendance}
    assert stored.place == "村文化广场" and stored.status is MeetingStatus.FINALISED
    assert (history[0].field_name, history[0].old_value, history[0].new_value) == (
        "place",
        "村委会议室",
        "村文化广场",
    )
    assert history[0].amended_by == "测试员" and history[0].reason == "记录笔误"
    assert history[1].old_value == "赵一：出席" and history[1].new_value == "赵一：请假（生病住院）"
    assert rows["赵一"].presence is Presence.LEAVE and rows["赵一"].reason == "生病住院"


def test_an_amendment_must_change_something_correctable(
    meetings_book: Book, village: Village
) -> None:
    meetings = meetings_book.meetings
    meeting = meetings.create(village.branch_id, _general(village))
    with pytest.raises(InputError) as info:
        meetings.amend(meeting.id, "place", "别处", "笔误")  # a draft is edited, not amended
    assert _problems(info) == {"status"}
    meetings.finalise(meeting.id, on=DAY)
    with pytest.raises(InputError) as info:
        meetings.amend(meeting.id, "host_id", "x", "笔误")
    assert _problems(info) == {"field_name"}
    with pytest.raises(InputError) as info:
        meetings.amend(meeting.id, "place", "村委会议室", "笔误")
    assert "新内容与原内容相同" in str(info.value)
    with pytest.raises(InputError) as info:
        meetings.amend_attendance(meeting.id, village.people["陈群众"], Presence.ABSENT, "", "补记")
    assert _problems(info) == {"field_name"}


def test_draft_can_be_edited_and_deleted(meetings_book: Book, village: Village) -> None:
    meetings = meetings_book.meetings
    meeting = meetings.create(village.branch_id, _general(village))
    data = meeting.to_input()
    data.place = "党员活动室"
    meetings.update(meeting.id, data)
    assert meetings.record(meeting.id).place == "党员活动室"
    meetings.delete_draft(meeting.id)
    assert meetings.records(village.branch_id) == []


def test_lesson_needs_lecturer_and_title(meetings_book: Book, village: Village) -> None:
    data = _general(village, kind=MeetingKind.LESSON)
    with pytest.raises(InputError) as info:
        meetings_book.meetings.create(village.branch_id, data)
    assert _problems(info) == {"lecturer_name", "title"}


def test_last_place_host_and_recorder_are_offered(meetings_book: Book, village: Village) -> None:
    meetings = meetings_book.meetings
    first = meetings.defaults(village.branch_id)
    meetings.create(village.branch_id, _general(village))
    after = meetings.defaults(village.branch_id)
    assert first.host_id == village.people["王书记"] and first.place == ""
    assert after.place == "村委会议室" and after.recorder_id == village.people["张委员"]
    assert meetings.places(village.branch_id) == ["村委会议室"]


def test_attachment_must_be_an_image_or_pdf(
    meetings_book: Book, village: Village, tmp_path: Path
) -> None:
    meetings = meetings_book.meetings
    bad = tmp_path / "签到表.docx"
    bad.write_bytes(b"PK\x03\x04 not a picture")
    good = tmp_path / "签到表.png"
    good.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 32)
    meeting = meetings.create(village.branch_id, _general(village))
    with pytest.raises(InputError) as info:
        meetings.add_attachment(meeting.id, bad)
    assert info.value.problems[0].label == "附件"
    added = meetings.add_attachment(meeting.id, good, kind="签到表")
    assert added.is_image and added.path.is_file()
    meetings.finalise(meeting.id, on=TODAY)
    with pytest.raises(InputError):
        meetings.add_attachment(meeting.id, good)
    assert [f.filename for f in meetings.attachments(meeting.id)] == ["签到表.png"]
    meetings.add_attachment(meeting.id, good, kind="照片", reason="补充照片")
    assert meetings.amendments(meeting.id)[-1].field_name == "attachment"


def test_quarterly_plan_and_one_action_to_a_draft(meetings_book: Book, village: Village) -> None:
    meetings = meetings_book.meetings
    items = [
        PlanItemInput(MeetingKind.GENERAL, dt.date(2026, 10, 10), "研究部署冬季工作"),
        PlanItemInput(MeetingKind.GROUP, dt.date(2026, 10, 12), "学习", village.groups[0]),
        PlanItemInput(MeetingKind.LESSON, dt.date(2026, 12, 28), "党课"),
    ]
    with pytest.raises(InputError) as info:
        bad = [PlanItemInput(MeetingKind.GROUP, dt.date(2027, 1, 2))]
        meetings.save_plan(village.branch_id, 2026, 4, bad, filed_on=TODAY)
    assert _problems(info) == {"items[0].planned_on", "items[0].group_id"}
    plan = meetings.save_plan(village.branch_id, 2026, 4, items, filed_on=TODAY)
    first = plan.items[0]
    meeting = meetings.start_planned(first.id)
    assert meeting.topics == ["研究部署冬季工作"] and meeting.status is MeetingStatus.DRAFT
    assert meeting.host_id == village.people["王书记"]
    with pytest.raises(InputError):
        meetings.start_planned(first.id)
    future = plan.items[2]
    with pytest.raises(InputError):
        meetings.start_planned(future.id)
    again = meetings.plan(village.branch_id, 2026, 4)
    assert again is not None and again.items[0].meeting_id == meeting.id


def test_one_more_planned_meeting_keeps_the_plan(meetings_book: Book, village: Village) -> None:
    meetings = meetings_book.meetings
    assert meetings.plan(village.branch_id, 2026, 4) is None
    item = PlanItemInput(MeetingKind.GENERAL, dt.date(2026, 10, 10), "研究部署冬季工作")
    meetings.add_plan_item(village.branch_id, 2026, 4, item)
    lesson = PlanItemInput(MeetingKind.LESSON, dt.date(2026, 12, 28), "党课")
    plan = meetings.add_plan_item(village.branch_id, 2026, 4, lesson)
    assert [i.topic for i in plan.items] == ["研究部署冬季工作", "党课"]
    assert plan.filed_on == TODAY


# --- the Book around it: undo, redo, change notices --------------------------------------------


def test_an_edit_of_a_draft_is_undone_and_redone(meetings_book: Book, village: Village) -> None:
    meetings = meetings_book.meetings
    seen: list[Changes] = []
    meetings_book.subscribe(seen.append)
    meeting = meetings.create(village.branch_id, _general(village))
    data = meeting.to_input()
    assert data.attendance is not None
    data.attendance[0] = AttendanceInput(
        data.attendance[0].person_id, data.attendance[0].name, Presence.LEAVE, "外出务工"
    )
    data.place = "党员活动室"
    meetings.update(meeting.id, data)
    assert seen[-1].touches("meetings") and meetings_book.undo_label() == "保存会议记录"
    meetings_book.undo()
    before = meetings.record(meeting.id)
    assert before.place == "村委会议室"
    assert all(a.presence is Presence.PRESENT for a in before.attendance)
    meetings_book.redo()
    after = meetings.record(meeting.id)
    assert after.place == "党员活动室" and after.attendance[0].presence is Presence.LEAVE
    meetings_book.undo()
    meetings_book.undo()  # the creation itself
    assert meetings.records(village.branch_id) == []


def test_finalising_cannot_be_undone(meetings_book: Book, village: Village) -> None:
    meetings = meetings_book.meetings
    meeting = meetings.create(village.branch_id, _general(village))
    meetings.finalise(meeting.id, on=DAY)
    assert meetings_book.undo_label() is None
    with pytest.raises(NothingToUndo):
        meetings_book.undo()
    assert meetings.record(meeting.id).finalised


def test_the_period_grid_and_lists(meetings_book: Book, village: Village) -> None:
    meetings = meetings_book.meetings
    assert meetings.period_grid(village.branch_id, 2026).first is None
    meetings.create(village.branch_id, _general(village))
    grid = meetings.period_grid(village.branch_id, 2026)
    assert grid.first == DAY and [e.held_on for e in grid.entries] == [DAY]
    assert [c.kind for c in grid.columns].count(MeetingKind.GROUP) == 2  # one per group
    entries = meetings.entries(village.branch_id, DAY, DAY)
    assert entries[0].title == "传达学习上级精神" and entries[0].status is MeetingStatus.DRAFT
    assert len(meetings.members_on(village.branch_id, DAY)) == 9
    group = meetings.expected_attendance(
        village.branch_id, MeetingKind.GROUP, DAY, village.groups[0]
    )
    assert group and all(r.expected for r in group)
    assert "传达学习上级精神" in meetings.topic_templates()


# --- no hollow record (DOMAIN.md §8) -----------------------------------------------------------


def test_a_blank_general_meeting_cannot_be_finalised_and_leaves_nothing(
    meetings_book: Book, village: Village
) -> None:
    blank = _general(village, topics=[], speeches=[], resolutions="")
    with pytest.raises(InputError) as info:
        meetings_book.meetings.finalise_input(village.branch_id, None, blank)
    assert _problems(info) == {"topics", "resolutions"}
    assert meetings_book.meetings.records(village.branch_id) == []  # no draft left behind


def test_finalising_a_thin_draft_is_refused_naming_what_is_missing(
    meetings_book: Book, village: Village
) -> None:
    meetings = meetings_book.meetings
    draft = meetings.create(village.branch_id, _general(village, speeches=[]))
    with pytest.raises(InputError) as info:
        meetings.finalise(draft.id, on=DAY)
    assert [p.label for p in info.value.problems] == ["发言摘要"]
    assert not meetings.record(draft.id).finalised
    assert meetings.missing_for_final(_general(village, speeches=[])) == [Need.SPEECHES]


def test_finalise_input_saves_and_locks_a_complete_record_in_one_step(
    meetings_book: Book, village: Village
) -> None:
    record = meetings_book.meetings.finalise_input(village.branch_id, None, _general(village))
    assert record.finalised and record.finalised_on == TODAY
    assert meetings_book.meetings.missing_for_final(_general(village)) == []


def test_the_editor_refuses_a_host_marked_absent(meetings_book: Book, village: Village) -> None:
    people = village.people
    data = _general(
        village,
        attendance=[
            AttendanceInput(people["王书记"], "王书记", Presence.ABSENT),
            AttendanceInput(people["赵一"], "赵一"),
        ],
        speeches=[Speech(speaker_id=people["赵一"], speaker="赵一", summary="同意")],
    )
    with pytest.raises(InputError) as info:
        meetings_book.meetings.create(village.branch_id, data)
    assert _problems(info) == {"host_id"}
    assert "登记为缺席" in info.value.problems[0].message
