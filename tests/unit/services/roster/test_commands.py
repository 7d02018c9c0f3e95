from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from tests.conftest import TODAY
from villagebook.domain.common.errors import InputError
from villagebook.domain.roster import values as roster_values
from villagebook.domain.roster.validation import PersonInput
from villagebook.domain.roster.values import PartyStatus
from villagebook.services.book import Book
from villagebook.services.roster import commands as roster_commands
from villagebook.services.roster import queries as roster_queries
from villagebook.storage.db import Database
from villagebook.storage.models import Person, StatusChange
from villagebook.storage.undo import UndoConflict

VALID = "11010519491231002X"


def _branch(db: Database):  # type: ignore[no-untyped-def]
    with db.write() as session:
        return roster_commands.create_branch(
            session, roster_values.BranchInput(name="测试支部", village="测试村")
        )


def test_person_created_with_status_history_and_stamps(db: Database) -> None:
    branch = _branch(db)
    with db.write() as session:
        person = roster_commands.create_person(
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
        assert len(roster_queries.status_history(session, person.id)) == 1


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
        roster_commands.create_person(session, branch.id, data, as_of=TODAY)
    assert [p.field for p in info.value.problems] == [field]
    with db.read() as session:
        assert session.exec(select(Person)).all() == []
        assert session.exec(select(StatusChange)).all() == []


def test_duplicate_id_number_is_refused(db: Database) -> None:
    branch = _branch(db)
    with db.write() as session:
        roster_commands.create_person(session, branch.id, PersonInput(name="王芳", id_number=VALID))
    with pytest.raises(InputError) as info, db.write() as session:
        roster_commands.create_person(session, branch.id, PersonInput(name="李四", id_number=VALID))
    assert "王芳" in str(info.value)


def test_status_on_a_date_and_vote_eligibility(db: Database) -> None:
    branch = _branch(db)
    with db.write() as session:
        p = roster_commands.create_person(
            session,
            branch.id,
            PersonInput(name="张三"),
            status=PartyStatus.PROBATIONARY,
            status_on=dt.date(2024, 5, 1),
            as_of=TODAY,
        )
        roster_commands.change_status(
            session, p.id, PartyStatus.FULL, dt.date(2025, 5, 1), as_of=TODAY
        )
    with db.read() as session:
        before = roster_queries.roster_on(session, branch.id, dt.date(2025, 4, 30))
        after = roster_queries.roster_on(session, branch.id, dt.date(2025, 5, 1))
        assert roster_queries.roster_on(session, branch.id, dt.date(2024, 4, 30)) == []
    assert before[0].status is PartyStatus.PROBATIONARY and not before[0].can_vote
    assert after[0].can_vote


def test_status_change_cannot_predate_the_last_one(db: Database) -> None:
    branch = _branch(db)
    with db.write() as session:
        p = roster_commands.create_person(
            session,
            branch.id,
            PersonInput(name="张三"),
            status=PartyStatus.APPLICANT,
            status_on=dt.date(2025, 5, 1),
            as_of=TODAY,
        )
    with pytest.raises(InputError, match="生效日期"), db.write() as session:
        roster_commands.change_status(
            session, p.id, PartyStatus.ACTIVIST, dt.date(2025, 4, 1), as_of=TODAY
        )


def test_discipline_removes_the_vote(db: Database) -> None:
    branch = _branch(db)
    with db.write() as session:
        p = roster_commands.create_person(
            session,
            branch.id,
            PersonInput(name="张三"),
            status=PartyStatus.FULL,
            status_on=dt.date(2000, 1, 1),
            as_of=TODAY,
        )
        roster_commands.add_discipline(session, p.id, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    with db.read() as session:
        (during,) = roster_queries.roster_on(session, branch.id, dt.date(2025, 6, 1))
        (after,) = roster_queries.roster_on(session, branch.id, dt.date(2026, 1, 1))
    assert not during.can_vote and after.can_vote


def test_search_and_filter(demo_db: Database) -> None:
    with demo_db.read() as session:
        branch = roster_queries.first_branch(session)
        assert branch is not None
        everyone = roster_queries.count_people(session, branch.id, roster_queries.RosterFilter())
        full = roster_queries.count_people(
            session, branch.id, roster_queries.RosterFilter(status=PartyStatus.FULL)
        )
        first = roster_queries.page_people(session, branch.id, roster_queries.RosterFilter(), 0, 1)[
            0
        ]
        found = roster_queries.page_people(
            session, branch.id, roster_queries.RosterFilter(search=first.name[:1]), 0, 100
        )
    assert everyone == 40 and full == 26
    assert first in found


def _person(db: Database, **kwargs):  # type: ignore[no-untyped-def]
    branch = _branch(db)
    with db.write() as session:
        return roster_commands.create_person(
            session,
            branch.id,
            PersonInput(name="张三"),
            status=kwargs.get("status", PartyStatus.APPLICANT),
            status_on=dt.date(2025, 5, 1),
            as_of=TODAY,
        )


def test_undo_add_removes_an_unreferenced_person(book: Book) -> None:
    branch = book.roster.create_branch(roster_values.BranchInput(name="测试支部", village="测试村"))
    book.roster.add_person(branch.id, PersonInput(name="张三"), status=PartyStatus.APPLICANT)
    book.undo()
    with book.reading() as session:
        assert session.exec(select(Person)).all() == []
        assert session.exec(select(StatusChange)).all() == []


def test_undo_add_is_refused_once_something_refers_to_the_person(book: Book, db: Database) -> None:
    branch = book.roster.create_branch(roster_values.BranchInput(name="测试支部", village="测试村"))
    person = book.roster.add_person(branch.id, PersonInput(name="张三"), status=PartyStatus.FULL)
    with db.write() as session:  # a record made outside the Book's undo history
        roster_commands.add_discipline(session, person.id, dt.date(2025, 6, 1), None)
    with pytest.raises(UndoConflict, match="不能撤销添加"):
        book.undo()
    assert book.undo_label() == "新建支部"  # the refused step is dropped, older ones stay
    assert book.roster.person(person.id).status is PartyStatus.FULL


def test_undo_status_change_restores_the_previous_status(book: Book) -> None:
    branch = book.roster.create_branch(roster_values.BranchInput(name="测试支部", village="测试村"))
    person = book.roster.add_person(
        branch.id,
        PersonInput(name="张三"),
        status=PartyStatus.APPLICANT,
        status_on=dt.date(2025, 5, 1),
    )
    book.roster.change_status(person.id, PartyStatus.ACTIVIST, dt.date(2025, 6, 1))
    book.roster.change_status(person.id, PartyStatus.TARGET, dt.date(2025, 7, 1))
    book.undo()  # only the latest change can be taken back first: undo is a stack
    assert book.roster.person(person.id).status is PartyStatus.ACTIVIST
    book.undo()
    (only,) = book.roster.status_history(person.id)
    assert only.status is PartyStatus.APPLICANT
    book.redo()
    assert book.roster.person(person.id).status is PartyStatus.ACTIVIST


def test_undo_group_assignment_and_rename_group(db: Database) -> None:
    person = _person(db)
    with db.write() as session:
        group = roster_commands.create_group(session, person.branch_id, "第一党小组")
        roster_commands.create_group(session, person.branch_id, "第二党小组")
        assignment = roster_commands.assign_group(session, person.id, group.id, TODAY, as_of=TODAY)
        assert session.get(Person, person.id).group_id == group.id  # type: ignore[union-attr]
        assert assignment.group_id == group.id
        assert roster_commands.rename_group(session, group.id, " 一组 ").name == "一组"
    with pytest.raises(InputError, match="已存在"), db.write() as session:
        roster_commands.rename_group(session, group.id, "第二党小组")


def test_person_input_round_trips_through_update(db: Database) -> None:
    person = _person(db)
    with db.write() as session:
        old = roster_queries.person_input(roster_queries.get_person(session, person.id))
        roster_commands.update_person(session, person.id, PersonInput(name="张三丰"), as_of=TODAY)
        restored = roster_commands.update_person(session, person.id, old, as_of=TODAY)
    assert restored.name == "张三"
