"""A small branch for the meetings tests: a committee, two groups, members of every kind."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from villagebook.domain.roster import values as roster_values
from villagebook.domain.roster.validation import PersonInput
from villagebook.domain.roster.values import PartyStatus
from villagebook.services.roster import commands as roster_commands
from villagebook.storage.db import Database

TODAY = dt.date(2026, 11, 22)


@dataclass
class Village:
    branch_id: uuid.UUID
    groups: list[uuid.UUID]
    people: dict[str, uuid.UUID]


def make_village(db: Database) -> Village:
    """8 full members (one under 留党察看), 1 probationary, 1 who left, 1 villager."""
    since = dt.date(2020, 1, 1)
    with db.write() as session:
        branch = roster_commands.create_branch(
            session,
            roster_values.BranchInput(name="中共测试村支部", village="测试村", has_committee=True),
        )
        groups = [roster_commands.create_group(session, branch.id, n).id for n in ("一组", "二组")]
        people: dict[str, uuid.UUID] = {}
        plan = [
            ("王书记", PartyStatus.FULL, "书记"),
            ("李副书记", PartyStatus.FULL, "副书记"),
            ("张委员", PartyStatus.FULL, "组织委员"),
            ("赵一", PartyStatus.FULL, ""),
            ("钱二", PartyStatus.FULL, ""),
            ("孙三", PartyStatus.FULL, ""),
            ("周四", PartyStatus.FULL, ""),
            ("吴五", PartyStatus.FULL, ""),
            ("郑预备", PartyStatus.PROBATIONARY, ""),
            ("冯离开", PartyStatus.FULL, ""),
            ("陈群众", PartyStatus.MASSES, ""),
        ]
        for index, (name, status, role) in enumerate(plan):
            group = groups[index % 2] if status is not PartyStatus.MASSES else None
            person = roster_commands.create_person(
                session,
                branch.id,
                PersonInput(name=name, committee_role=role),
                status=status,
                status_on=since,
                group_id=group,
                as_of=TODAY,
            )
            people[name] = person.id
        roster_commands.change_status(
            session, people["冯离开"], PartyStatus.TRANSFERRED_OUT, dt.date(2026, 3, 1), as_of=TODAY
        )
        roster_commands.add_discipline(session, people["吴五"], dt.date(2026, 1, 1), None)
        return Village(branch.id, groups, people)
