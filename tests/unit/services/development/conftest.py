"""A small branch for the development service tests."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

import pytest

from villagebook.domain.roster import values as roster_values
from villagebook.domain.roster.validation import PersonInput
from villagebook.domain.roster.values import PartyStatus
from villagebook.services.roster import commands as roster_commands
from villagebook.storage.db import Database

TODAY = dt.date(2026, 11, 22)


@dataclass
class Branch:
    id: uuid.UUID
    people: dict[str, uuid.UUID]


@pytest.fixture
def branch(db: Database) -> Branch:
    """6 full members (one under 留党察看), 1 probationary, and 张三 (born 1990) who applies."""
    with db.write() as session:
        b = roster_commands.create_branch(
            session, roster_values.BranchInput(name="中共测试村支部", village="测试村")
        )
        people = {}
        for name, status in (
            ("王书记", PartyStatus.FULL),
            ("赵一", PartyStatus.FULL),
            ("钱二", PartyStatus.FULL),
            ("孙三", PartyStatus.FULL),
            ("周四", PartyStatus.FULL),
            ("吴五", PartyStatus.FULL),
            ("郑预备", PartyStatus.PROBATIONARY),
        ):
            person = roster_commands.create_person(
                session,
                b.id,
                PersonInput(name=name),
                status=status,
                status_on=dt.date(2015, 7, 1),
                as_of=TODAY,
            )
            people[name] = person.id
        roster_commands.add_discipline(session, people["吴五"], dt.date(2020, 1, 1), None)
        applicant = roster_commands.create_person(
            session,
            b.id,
            PersonInput(name="张三", birth_date=dt.date(1990, 5, 1)),
            status_on=dt.date(2010, 1, 1),
            as_of=TODAY,
        )
        people["张三"] = applicant.id
        young = roster_commands.create_person(
            session,
            b.id,
            PersonInput(name="小李", birth_date=dt.date(2008, 6, 1)),
            status_on=dt.date(2010, 1, 1),
            as_of=TODAY,
        )
        people["小李"] = young.id
    return Branch(b.id, people)
