"""What other capabilities read of a meeting record: counts and votes (queries)."""

from __future__ import annotations

import datetime as dt

from tests.unit.services.meetings.village import TODAY, Village
from villagebook.domain.meetings.values import (
    AttendanceInput,
    MeetingInput,
    MeetingKind,
    Presence,
    Vote,
)
from villagebook.services.book import Book
from villagebook.services.meetings import commands, queries
from villagebook.storage.db import Database

DAY = dt.date(2026, 10, 15)


def _general(village: Village, **kw: object) -> MeetingInput:
    data = MeetingInput(
        kind=MeetingKind.GENERAL,
        held_on=DAY,
        host_id=village.people["王书记"],
        recorder_id=village.people["张委员"],
        topics=["传达学习上级精神"],
    )
    for key, value in kw.items():
        setattr(data, key, value)
    return data


def test_summary_through_the_queries_other_capabilities_use(
    db: Database, village: Village, meetings_book: Book
) -> None:
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
        votes=[Vote(motion="接收郑预备为预备党员", yes=5, written_yes=1, secret_ballot=True)],
    )
    with db.write() as session:
        meeting = commands.create(session, village.branch_id, data, as_of=TODAY)
    with db.read() as session:
        summary = queries.meeting_summary(session, meeting.id)
        listed = queries.general_meetings(session, village.branch_id, DAY, DAY)
    assert summary is not None and listed == [summary]
    assert (summary.expected_voting, summary.present_voting) == (7, 5)
    assert (summary.expected_members, summary.present_members) == (9, 7)
    assert summary.votes[0].written_yes == 1 and summary.votes[0].secret_ballot
    assert not summary.finalised and summary.held_on == DAY
    assert summary.kind == "general" and summary.title == "传达学习上级精神"
    assert meetings_book.meetings.summary(meeting.id) == summary
    assert meetings_book.meetings.general_meetings(village.branch_id) == [summary]


def test_no_summary_for_an_unknown_record(db: Database, village: Village) -> None:
    import uuid

    with db.read() as session:
        assert queries.meeting_summary(session, uuid.uuid4()) is None
        assert queries.general_meetings(session, village.branch_id) == []


def test_records_come_with_their_attendance_in_grid_order(db: Database, village: Village) -> None:
    data = _general(
        village,
        attendance=[
            AttendanceInput(None, "驻村第一书记", expected=False),
            AttendanceInput(village.people["赵一"], "赵一"),
        ],
    )
    with db.write() as session:
        meeting = commands.create(session, village.branch_id, data, as_of=TODAY)
    with db.read() as session:
        (record,) = queries.records(session, village.branch_id, DAY, DAY, MeetingKind.GENERAL)
        assert queries.record(session, meeting.id) == record
    assert [a.name for a in record.attendance] == ["赵一", "驻村第一书记"]
