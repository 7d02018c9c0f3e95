"""The meetings commands below the Book: facts gathered once, rows written all or nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from tests.unit.services.meetings.village import TODAY, Village
from villagebook.domain.common.errors import InputError
from villagebook.domain.meetings.values import MeetingInput, MeetingKind, Speech
from villagebook.services.meetings import commands
from villagebook.services.roster import queries as roster_queries
from villagebook.storage.db import Database
from villagebook.storage.models.meetings import Meeting, MeetingAttendance

DAY = dt.date(2026, 10, 15)


def test_facts_hold_the_roster_on_the_date_and_the_groups(db: Database, village: Village) -> None:
    with db.read() as session:
        facts = commands.facts(session, village.branch_id, DAY, TODAY)
    assert facts.group_ids == frozenset(village.groups) and facts.as_of == TODAY
    assert {e.name for e in facts.roster} >= {"王书记", "陈群众"}
    assert "冯离开" in {e.name for e in facts.roster if not e.is_member}


def test_a_given_roster_spares_the_lookup_and_rows_are_typed(
    db: Database, village: Village
) -> None:
    data = MeetingInput(
        MeetingKind.COMMITTEE,
        DAY,
        host_id=village.people["王书记"],
        speeches=[Speech(speaker="王书记", summary="说明")],
    )
    with db.write() as session:
        roster = roster_queries.roster_on(session, village.branch_id, DAY)
        meeting = commands.create(session, village.branch_id, data, as_of=TODAY, roster=roster)
    with db.read() as session:
        stored = session.exec(select(Meeting)).one()
        rows = session.exec(select(MeetingAttendance)).all()
    assert stored.id == meeting.id and stored.speeches == [Speech(speaker="王书记", summary="说明")]
    assert {r.name for r in rows} == {"王书记", "李副书记", "张委员"}  # the committee


def test_nothing_is_written_when_input_is_refused(db: Database, village: Village) -> None:
    data = MeetingInput(MeetingKind.GENERAL, DAY)  # no host
    with pytest.raises(InputError), db.write() as session:
        commands.create(session, village.branch_id, data, as_of=TODAY)
    with db.read() as session:
        assert session.exec(select(Meeting)).all() == []
        assert session.exec(select(MeetingAttendance)).all() == []
