from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.meetings.conftest import TODAY, Village
from villagebook.domain.common.errors import InputError, LockedRecordError
from villagebook.domain.meetings.values import MeetingKind, MeetingStatus, Presence
from villagebook.services.meetings import amendments, meeting_link, records
from villagebook.services.meetings.records import (
    AttendanceInput,
    MeetingInput,
    VoteInput,
)
from villagebook.storage.db import Database

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
    )
    for key, value in kw.items():
        setattr(data, key, value)
    return data


def _problems(info: pytest.ExceptionInfo[InputError]) -> set[str]:
    return {p.field for p in info.value.problems}


def test_attendance_defaults_to_every_member_on_the_date(db: Database, village: Village) -> None:
    with db.write() as session:
        meeting = records.create_meeting(session, village.branch_id, _general(village), as_of=TODAY)
        rows = records.attendance_of(session, meeting.id)
    names = {r.name for r in rows}
    # 9 members on the day (冯离开 transferred out in March; the villager is no member)
    assert len(rows) == 9
    assert "冯离开" not in names and "陈群众" not in names
    assert all(r.presence is Presence.PRESENT for r in rows)
    voting = {r.name for r in rows if r.voting}
    assert "郑预备" not in voting and "吴五" not in voting  # probationary / 留党察看
    assert len(voting) == 7


def test_summary_through_meeting_link(db: Database, village: Village) -> None:
    attendance = [
        AttendanceInput(village.people[n], n)
        for n in ("王书记", "李副书记", "张委员", "赵一", "钱二", "郑预备", "吴五")
    ] + [
        AttendanceInput(village.people["孙三"], "孙三", Presence.LEAVE, "外出务工"),
        AttendanceInput(village.people["周四"], "周四", Presence.ABSENT),
        AttendanceInput(None, "驻村第一书记", expected=False),
    ]
    data = _general(
        village,
        attendance=attendance,
        votes=[VoteInput("接收郑预备为预备党员", yes=5, written_yes=1, secret_ballot=True)],
    )
    with db.write() as session:
        meeting = records.create_meeting(session, village.branch_id, data, as_of=TODAY)
    with db.read() as session:
        summary = meeting_link.meeting_summary(session, meeting.id)
        listed = meeting_link.general_meetings(session, village.branch_id, DAY, DAY)
    assert summary is not None and listed == [summary]
    assert (summary.expected_voting, summary.present_voting) == (7, 5)
    assert (summary.expected_members, summary.present_members) == (9, 7)
    assert summary.votes[0].written_yes == 1 and summary.votes[0].secret_ballot
    assert not summary.finalised and summary.held_on == DAY


def test_bad_input_is_refused_with_every_field_named(db: Database, village: Village) -> None:
    data = _general(
        village,
        held_on=TODAY + dt.timedelta(days=1),
        start_time=dt.time(10, 0),
        end_time=dt.time(9, 0),
        host_id=village.people["陈群众"],
    )
    with pytest.raises(InputError) as info, db.write() as session:
        records.create_meeting(session, village.branch_id, data, as_of=TODAY)
    assert {"held_on", "end_time", "host_id"} <= _problems(info)
    assert any("不能晚于今天" in p.message for p in info.value.problems)
    with db.read() as session:
        assert records.list_meetings(session, village.branch_id) == []


def test_attendance_of_someone_who_had_left_is_refused(db: Database, village: Village) -> None:
    data = _general(village, attendance=[AttendanceInput(village.people["冯离开"], "冯离开")])
    with pytest.raises(InputError) as info, db.write() as session:
        records.create_meeting(session, village.branch_id, data, as_of=TODAY)
    assert _problems(info) == {"attendance[0].person_id"}
    assert "已转出" in info.value.problems[0].message


def test_more_ballots_than_members_present_is_refused(db: Database, village: Village) -> None:
    data = _general(village, votes=[VoteInput("通过决议", yes=6, no=1, abstain=1)])
    with pytest.raises(InputError) as info, db.write() as session:
        records.create_meeting(session, village.branch_id, data, as_of=TODAY)
    assert _problems(info) == {"votes[0].yes"}
    assert "多于到会有表决权的党员7名" in info.value.problems[0].message


def test_host_who_was_not_yet_a_member_is_refused(db: Database, village: Village) -> None:
    data = _general(village, held_on=dt.date(2019, 6, 1))
    with pytest.raises(InputError) as info, db.write() as session:
        records.create_meeting(session, village.branch_id, data, as_of=TODAY)
    assert "host_id" in _problems(info)


def test_leave_needs_a_reason_and_group_meeting_a_group(db: Database, village: Village) -> None:
    data = _general(
        village,
        kind=MeetingKind.GROUP,
        attendance=[AttendanceInput(village.people["赵一"], "赵一", Presence.LEAVE)],
    )
    with pytest.raises(InputError) as info, db.write() as session:
        records.create_meeting(session, village.branch_id, data, as_of=TODAY)
    assert _problems(info) == {"attendance[0].reason", "group_id"}


def test_finalised_record_is_locked_and_amended(db: Database, village: Village) -> None:
    with db.write() as session:
        meeting = records.create_meeting(session, village.branch_id, _general(village), as_of=TODAY)
        records.finalise_meeting(session, meeting.id, on=dt.date(2026, 10, 16))
    with pytest.raises(LockedRecordError), db.write() as session:
        records.update_meeting(session, meeting.id, _general(village, place="别处"), as_of=TODAY)
    with pytest.raises(LockedRecordError), db.write() as session:
        records.delete_meeting(session, meeting.id)
    with pytest.raises(InputError), db.write() as session:
        amendments.amend_meeting(session, meeting.id, "place", "村文化广场", "", on=TODAY)
    with db.write() as session:
        amendments.amend_meeting(session, meeting.id, "place", "村文化广场", "记录笔误", on=TODAY)
        amendments.amend_meeting(
            session,
            meeting.id,
            f"attendance.{village.people['赵一']}",
            "leave:生病住院",
            "补记请假",
            on=TODAY,
        )
    with db.read() as session:
        stored = records.get_meeting(session, meeting.id)
        history = records.amendments_of(session, meeting.id)
        rows = {r.name: r for r in records.attendance_of(session, meeting.id)}
    assert stored.place == "村文化广场" and stored.status is MeetingStatus.FINALISED
    assert (history[0].field_name, history[0].old_value, history[0].new_value) == (
        "place",
        "村委会议室",
        "村文化广场",
    )
    assert history[0].amended_by == "测试员" and history[0].reason == "记录笔误"
    assert rows["赵一"].presence is Presence.LEAVE and rows["赵一"].reason == "生病住院"


def test_draft_can_be_edited_and_deleted(db: Database, village: Village) -> None:
    with db.write() as session:
        meeting = records.create_meeting(session, village.branch_id, _general(village), as_of=TODAY)
        data = records.input_of(session, meeting)
        data.place = "党员活动室"
        records.update_meeting(session, meeting.id, data, as_of=TODAY)
        assert records.get_meeting(session, meeting.id).place == "党员活动室"
        records.delete_meeting(session, meeting.id)
        assert records.list_meetings(session, village.branch_id) == []


def test_lesson_needs_lecturer_and_title(db: Database, village: Village) -> None:
    data = _general(village, kind=MeetingKind.LESSON)
    with pytest.raises(InputError) as info, db.write() as session:
        records.create_meeting(session, village.branch_id, data, as_of=TODAY)
    assert _problems(info) == {"lecturer_name", "title"}


def test_last_place_host_and_recorder_are_offered(db: Database, village: Village) -> None:
    with db.write() as session:
        first = records.last_defaults(session, village.branch_id)
        records.create_meeting(session, village.branch_id, _general(village), as_of=TODAY)
        after = records.last_defaults(session, village.branch_id)
    assert first.host_id == village.people["王书记"] and first.place == ""
    assert after.place == "村委会议室" and after.recorder_id == village.people["张委员"]


def test_attachment_must_be_an_image_or_pdf(db: Database, village: Village, tmp_path: Path) -> None:
    bad = tmp_path / "签到表.docx"
    bad.write_bytes(b"PK\x03\x04 not a picture")
    good = tmp_path / "签到表.png"
    good.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 32)
    with db.write() as session:
        meeting = records.create_meeting(session, village.branch_id, _general(village), as_of=TODAY)
    with pytest.raises(InputError) as info, db.write() as session:
        amendments.add_meeting_attachment(session, db.data_dir, meeting.id, bad)
    assert info.value.problems[0].label == "附件"
    with db.write() as session:
        amendments.add_meeting_attachment(session, db.data_dir, meeting.id, good, kind="签到表")
        records.finalise_meeting(session, meeting.id, on=TODAY)
    with pytest.raises(InputError), db.write() as session:
        amendments.add_meeting_attachment(session, db.data_dir, meeting.id, good)
    with db.read() as session:
        files = amendments.meeting_attachments(session, meeting.id)
    assert [f.filename for f in files] == ["签到表.png"]


def test_quarterly_plan_and_one_action_to_a_draft(db: Database, village: Village) -> None:
    from villagebook.services.meetings import plans

    items = [
        plans.PlanItemInput(MeetingKind.GENERAL, dt.date(2026, 10, 10), "研究部署冬季工作"),
        plans.PlanItemInput(MeetingKind.GROUP, dt.date(2026, 10, 12), "学习", village.groups[0]),
        plans.PlanItemInput(MeetingKind.LESSON, dt.date(2026, 12, 28), "党课"),
    ]
    with pytest.raises(InputError) as info, db.write() as session:
        bad = [plans.PlanItemInput(MeetingKind.GROUP, dt.date(2027, 1, 2))]
        plans.save_plan(session, village.branch_id, 2026, 4, bad, filed_on=TODAY)
    assert _problems(info) == {"items[0].planned_on", "items[0].group_id"}
    with db.write() as session:
        plan = plans.save_plan(session, village.branch_id, 2026, 4, items, filed_on=TODAY)
        first = plans.plan_items(session, plan.id)[0]
        meeting = plans.start_planned(session, first.id, as_of=TODAY)
        assert meeting.topics == ["研究部署冬季工作"] and meeting.status is MeetingStatus.DRAFT
        assert meeting.host_id == village.people["王书记"]
        with pytest.raises(InputError):
            plans.start_planned(session, first.id, as_of=TODAY)
        future = plans.plan_items(session, plan.id)[2]
        with pytest.raises(InputError):
            plans.start_planned(session, future.id, as_of=TODAY)
