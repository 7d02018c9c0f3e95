from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from tests.conftest import TODAY
from villagebook.domain.common.errors import InputError
from villagebook.domain.roster.person import PersonInput
from villagebook.domain.roster.status import PartyStatus
from villagebook.services.roster import org
from villagebook.services.roster import people as roster
from villagebook.storage.db import Database
from villagebook.storage.models import Person, StatusChange

VALID = "11010519491231002X"


def _branch(db: Database):  # type: ignore[no-untyped-def]
    with db.write() as session:
        return org.create_branch(session, org.BranchInput(name="测试支部", village="测试村"))


def test_person_created_with_status_history_and_stamps(db: Database) -> None:
    branch = _branch(db)
    with db.write() as session:
        person = roster.create_person(
            session,
            branch.id,
            PersonInput(name="王芳", id_number=VALID),
            status=PartyStatus.FULL,
            status_on=dt.date(1990, 7, 1),
            as_of=TODAY,
        )
    with db.read() as session:
        stored = session.get(Person, person.id)
        assert stored is not None and stored.status is PartyStatus.FULL
        assert stored.created_by == "测试员"
        assert stored.birth_date == dt.date(1949, 12, 31)
        assert len(roster.status_history(session, person.id)) == 1


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (PersonInput(name="  "), "name"),
        (PersonInput(name="李四", birth_date=TODAY + dt.timedelta(days=3)), "birth_date"),
        (PersonInput(name="李四", id_number="110105194912310021"), "id_number"),
    ],
)
def test_bad_input_is_refused_and_nothing_saved(
    db: Database, data: PersonInput, field: str
) -> None:
    branch = _branch(db)
    with pytest.raises(InputError) as info, db.write() as session:
        roster.create_person(session, branch.id, data, as_of=TODAY)
    assert [p.field for p in info.value.problems] == [field]
    with db.read() as session:
        assert session.exec(select(Person)).all() == []
        assert session.exec(select(StatusChange)).all() == []


def test_duplicate_id_number_is_refused(db: Database) -> None:
    branch = _branch(db)
    with db.write() as session:
        roster.create_person(session, branch.id, PersonInput(name="王芳", id_number=VALID))
    with pytest.raises(InputError) as info, db.write() as session:
        roster.create_person(session, branch.id, PersonInput(name="李四", id_number=VALID))
    assert "王芳" in str(info.value)


def test_status_on_a_date_and_vote_eligibility(db: Database) -> None:
    branch = _branch(db)
    with db.write() as session:
        p = roster.create_person(
            session,
            branch.id,
            PersonInput(name="张三"),
            status=PartyStatus.PROBATIONARY,
            status_on=dt.date(2024, 5, 1),
            as_of=TODAY,
        )
        roster.change_status(session, p.id, PartyStatus.FULL, dt.date(2025, 5, 1), as_of=TODAY)
    with db.read() as session:
        before = roster.roster_on(session, branch.id, dt.date(2025, 4, 30))
        after = roster.roster_on(session, branch.id, dt.date(2025, 5, 1))
        assert roster.roster_on(session, branch.id, dt.date(2024, 4, 30)) == []
    assert before[0].status is PartyStatus.PROBATIONARY and not before[0].can_vote
    assert after[0].can_vote


def test_status_change_cannot_predate_the_last_one(db: Database) -> None:
    branch = _branch(db)
    with db.write() as session:
        p = roster.create_person(
            session,
            branch.id,
            PersonInput(name="张三"),
            status=PartyStatus.APPLICANT,
            status_on=dt.date(2025, 5, 1),
            as_of=TODAY,
        )
    with pytest.raises(InputError, match="生效日期"), db.write() as session:
        roster.change_status(session, p.id, PartyStatus.ACTIVIST, dt.date(2025, 4, 1), as_of=TODAY)


def test_discipline_removes_the_vote(db: Database) -> None:
    branch = _branch(db)
    with db.write() as session:
        p = roster.create_person(
            session,
            branch.id,
            PersonInput(name="张三"),
            status=PartyStatus.FULL,
            status_on=dt.date(2000, 1, 1),
            as_of=TODAY,
        )
        roster.add_discipline(session, p.id, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    with db.read() as session:
        (during,) = roster.roster_on(session, branch.id, dt.date(2025, 6, 1))
        (after,) = roster.roster_on(session, branch.id, dt.date(2026, 1, 1))
    assert not during.can_vote and after.can_vote


def test_search_and_filter(demo_db: Database) -> None:
    with demo_db.read() as session:
        branch = org.first_branch(session)
        assert branch is not None
        everyone = roster.count_people(session, branch.id, roster.RosterFilter())
        full = roster.count_people(session, branch.id, roster.RosterFilter(status=PartyStatus.FULL))
        first = roster.page_people(session, branch.id, roster.RosterFilter(), 0, 1)[0]
        found = roster.page_people(
            session, branch.id, roster.RosterFilter(search=first.name[:1]), 0, 100
        )
    assert everyone == 40 and full == 26
    assert first in found


def _person(db: Database, **kwargs):  # type: ignore[no-untyped-def]
    branch = _branch(db)
    with db.write() as session:
        return roster.create_person(
            session,
            branch.id,
            PersonInput(name="张三"),
            status=kwargs.get("status", PartyStatus.APPLICANT),
            status_on=dt.date(2025, 5, 1),
            as_of=TODAY,
        )


def test_undo_add_removes_an_unreferenced_person(db: Database) -> None:
    person = _person(db)
    with db.write() as session:
        roster.remove_unreferenced_person(session, person.id)
    with db.read() as session:
        assert session.exec(select(Person)).all() == []
        assert session.exec(select(StatusChange)).all() == []


def test_undo_add_is_refused_once_something_refers_to_the_person(db: Database) -> None:
    person = _person(db, status=PartyStatus.FULL)
    with db.write() as session:
        roster.add_discipline(session, person.id, dt.date(2025, 6, 1), None)
    with pytest.raises(InputError, match="不能撤销添加"), db.write() as session:
        roster.remove_unreferenced_person(session, person.id)
    with db.write() as session:
        roster.change_status(session, person.id, PartyStatus.LEFT, dt.date(2025, 7, 1), as_of=TODAY)
    with db.read() as session:
        assert session.get(Person, person.id) is not None


def test_undo_status_change_restores_the_previous_status(db: Database) -> None:
    person = _person(db)
    with db.write() as session:
        first = roster.change_status(
            session, person.id, PartyStatus.ACTIVIST, dt.date(2025, 6, 1), as_of=TODAY
        )
        roster.change_status(
            session, person.id, PartyStatus.TARGET, dt.date(2025, 7, 1), as_of=TODAY
        )
    with pytest.raises(InputError, match="最近一次"), db.write() as session:
        roster.undo_status_change(session, first.id)
    with db.write() as session:
        latest = roster.status_history(session, person.id)[-1]
        restored = roster.undo_status_change(session, latest.id)
    assert restored.status is PartyStatus.ACTIVIST
    with db.write() as session:
        second = roster.status_history(session, person.id)[-1]
        roster.undo_status_change(session, second.id)
        (only,) = roster.status_history(session, person.id)
    with pytest.raises(InputError, match="第一条"), db.write() as session:
        roster.undo_status_change(session, only.id)


def test_undo_group_assignment_and_rename_group(db: Database) -> None:
    person = _person(db)
    with db.write() as session:
        group = org.create_group(session, person.branch_id, "第一党小组")
        org.create_group(session, person.branch_id, "第二党小组")
        assignment = roster.assign_group(session, person.id, group.id, TODAY, as_of=TODAY)
        assert session.get(Person, person.id).group_id == group.id  # type: ignore[union-attr]
        assert roster.undo_group_assignment(session, assignment.id).group_id is None
        assert org.rename_group(session, group.id, " 一组 ").name == "一组"
    with pytest.raises(InputError, match="已存在"), db.write() as session:
        org.rename_group(session, group.id, "第二党小组")


def test_person_input_round_trips_through_update(db: Database) -> None:
    person = _person(db)
    with db.write() as session:
        old = roster.person_input(roster.get_person(session, person.id))
        roster.update_person(session, person.id, PersonInput(name="张三丰"), as_of=TODAY)
        restored = roster.update_person(session, person.id, old, as_of=TODAY)
    assert restored.name == "张三"
