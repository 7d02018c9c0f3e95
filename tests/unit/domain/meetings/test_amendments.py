"""Corrections of finalised records, pure: what may be corrected and how values read."""

from __future__ import annotations

import datetime as dt
import uuid

from villagebook.domain.common.i18n import label
from villagebook.domain.meetings.amendments import (
    amendment_problems,
    attendance_problems,
    current_value,
    field_name_text,
    parse_value,
    presence_text,
)
from villagebook.domain.meetings.values import MeetingKind, MeetingRecord, MeetingStatus, Presence

FINALISED = dt.date(2026, 10, 16)


def _record() -> MeetingRecord:
    return MeetingRecord(
        id=uuid.uuid4(),
        branch_id=uuid.uuid4(),
        kind=MeetingKind.GENERAL,
        held_on=dt.date(2026, 10, 15),
        start_time=dt.time(9, 0),
        end_time=dt.time(11, 0),
        place="村委会议室",
        place_type="",
        group_id=None,
        title="",
        host_id=None,
        recorder_id=None,
        lecturer_id=None,
        lecturer_name="",
        topics=["一", "二"],
        speeches=[],
        resolutions="",
        votes=[],
        appraisals=[],
        note="",
        status=MeetingStatus.FINALISED,
        finalised_on=FINALISED,
        finalised_by="测试员",
    )


def test_a_correction_needs_a_finalised_record_a_reason_and_a_date_after_finalising() -> None:
    assert amendment_problems(MeetingStatus.FINALISED, FINALISED, "笔误", FINALISED) == []
    problems = amendment_problems(MeetingStatus.DRAFT, FINALISED, " ", FINALISED - dt.timedelta(1))
    assert [p.field for p in problems] == ["status", "reason", "amended_on"]


def test_values_read_as_the_text_an_amendment_keeps() -> None:
    record = _record()
    assert current_value(record, "topics") == "一\n二"
    assert current_value(record, "start_time") == "09:00"
    assert parse_value(record, "topics", "甲\n\n乙 ").value == ["甲", "乙"]
    assert parse_value(record, "end_time", "10:30").value == dt.time(10, 30)
    bad = parse_value(record, "start_time", "nine")
    assert bad.problem is not None and bad.problem.field == "start_time"
    backwards = parse_value(record, "end_time", "08:00")
    assert backwards.problem is not None and backwards.problem.field == "end_time"


def test_attendance_corrections_are_kept_in_chinese_and_need_a_leave_reason() -> None:
    assert presence_text("赵一", Presence.LEAVE, "生病住院") == "赵一：请假（生病住院）"
    assert presence_text("赵一", Presence.PRESENT, "") == "赵一：出席"
    assert [p.field for p in attendance_problems(True, Presence.LEAVE, "")] == ["new_value"]
    assert [p.field for p in attendance_problems(False, Presence.ABSENT, "")] == ["field_name"]
    assert label(field_name_text("attendance.x")) == "出席情况"
    assert field_name_text("place") == "地点" and field_name_text("attachment") == "附件"
