"""The meetings check provider on stored records (the SQL side of the MTG-* rules)."""

from __future__ import annotations

import datetime as dt

from tests.unit.services.meetings.village import TODAY, Village
from villagebook.domain.common.findings import Severity
from villagebook.domain.meetings.values import (
    AttendanceInput,
    MeetingInput,
    MeetingKind,
    Presence,
    Speech,
    Vote,
)
from villagebook.services.checks import CheckContext
from villagebook.services.meetings import commands
from villagebook.services.meetings.checks import (
    PROVIDERS,
    cadence_input,
    finality_checks,
    meeting_checks,
    record_checks,
)
from villagebook.services.roster import queries as roster_queries
from villagebook.storage.db import Database


def _speech(village: Village) -> Speech:
    return Speech(speaker_id=village.people["王书记"], speaker="王书记", summary="作说明")


def _ctx(db: Database, village: Village) -> CheckContext:
    with db.read() as session:
        return CheckContext(roster_queries.get_branch(session, village.branch_id), TODAY)


def test_a_branch_without_records_is_checked_from_last_year(db: Database, village: Village) -> None:
    ctx = _ctx(db, village)
    with db.read() as session:
        data = cadence_input(session, ctx)
        findings = list(meeting_checks(session, ctx))
    assert data.start == dt.date(2025, 1, 1)
    periods = {f.period for f in findings if f.code == "MTG-GENERAL-Q"}
    assert "2025年第1季度" in periods and "2024年第4季度" not in periods


def test_mtg_quorum_from_stored_attendance(db: Database, village: Village) -> None:
    present = ("王书记", "李副书记", "张委员")  # 3 of 7 voting members
    attendance = [
        AttendanceInput(
            village.people[n],
            n,
            Presence.PRESENT if n in present else Presence.ABSENT,
        )
        for n in ("王书记", "李副书记", "张委员", "赵一", "钱二", "孙三", "周四", "吴五", "郑预备")
    ]
    day = dt.date(2026, 10, 15)
    with db.write() as session:
        bad = commands.create(
            session,
            village.branch_id,
            MeetingInput(
                MeetingKind.GENERAL,
                day,
                host_id=village.people["王书记"],
                attendance=attendance,
                topics=["研究工作"],
                speeches=[_speech(village)],
                votes=[Vote(motion="一项决议", yes=3)],
            ),
            as_of=TODAY,
        )
        commands.finalise(session, bad.id, on=day, as_of=TODAY)
        good = commands.create(
            session,
            village.branch_id,
            MeetingInput(
                MeetingKind.GENERAL,
                day + dt.timedelta(days=1),
                host_id=village.people["王书记"],
                topics=["研究工作"],
                speeches=[_speech(village)],
                votes=[Vote(motion="另一项决议", yes=6)],
            ),
            as_of=TODAY,
        )
        commands.finalise(session, good.id, on=day + dt.timedelta(days=1), as_of=TODAY)
    ctx = _ctx(db, village)
    with db.read() as session:
        findings = list(meeting_checks(session, ctx))
    quorum = [f for f in findings if f.code == "MTG-QUORUM"]
    assert [f.subject_id for f in quorum] == [str(bad.id)]
    assert quorum[0].severity is Severity.ERROR and "到会有表决权党员3名" in quorum[0].message
    assert not [f for f in findings if f.code == "MTG-RECORD-3WD"]


def test_the_providers_are_registered() -> None:
    assert [meeting_checks, record_checks, finality_checks] == PROVIDERS
