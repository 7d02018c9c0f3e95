"""``book.development``: each use case in one transaction, domain values out, undo from the core."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest

from tests.unit.services.development.conftest import TODAY, Branch
from tests.unit.services.development.test_commands import step_input, tiny_png
from villagebook.domain.common.errors import InputError, NotFoundError
from villagebook.domain.development.values import CaseState, Ending, TimelineState
from villagebook.domain.roster.values import PartyStatus
from villagebook.services.book import Book
from villagebook.storage.db import Database


@pytest.fixture
def dated_book(db: Database) -> Book:
    return Book(db, today=lambda: TODAY)


def _start(book: Book, b: Branch) -> uuid.UUID:
    return book.development.start_case(b.id, b.people["张三"], step_input(b, 1).done_on).id


def _status(book: Book, person_id: uuid.UUID) -> PartyStatus:
    return book.roster.person(person_id).status


def test_a_step_and_its_status_are_undone_and_redone_together(
    dated_book: Book, branch: Branch
) -> None:
    book, person = dated_book, branch.people["张三"]
    case_id = _start(book, branch)
    book.development.record_development_step(case_id, step_input(branch, 2))
    step = book.development.record_development_step(case_id, step_input(branch, 3))
    assert step.number == 3 and step.people == ()
    assert _status(book, person) is PartyStatus.ACTIVIST
    assert book.undo_label() == "记录发展党员第3步"
    book.undo()
    assert _status(book, person) is PartyStatus.APPLICANT
    case = book.development.case(case_id)
    assert case.done == {1, 2} and case.next_step is not None and case.next_step.number == 3
    book.redo()
    assert _status(book, person) is PartyStatus.ACTIVIST
    assert book.development.case(case_id).done == {1, 2, 3}


def test_undoing_the_start_removes_the_case_and_the_applicant_status(
    dated_book: Book, branch: Branch
) -> None:
    case_id = _start(dated_book, branch)
    assert _status(dated_book, branch.people["张三"]) is PartyStatus.APPLICANT
    dated_book.undo()
    assert _status(dated_book, branch.people["张三"]) is PartyStatus.MASSES
    with pytest.raises(NotFoundError):
        dated_book.development.case(case_id)


def test_the_case_record_with_its_timeline(dated_book: Book, branch: Branch) -> None:
    case_id = _start(dated_book, branch)
    talk = dated_book.development.record_development_step(case_id, step_input(branch, 2))
    assert [(p.role.value, p.name) for p in talk.people] == [("talker", "王书记")]
    case = dated_book.development.case(case_id)
    assert case.person_name == "张三" and case.person_status is PartyStatus.APPLICANT
    assert case.is_open and not case.can_assess and not case.can_extend
    assert [e.state for e in case.timeline[:4]] == [
        TimelineState.DONE,
        TimelineState.DONE,
        TimelineState.DUE,  # step 3 is next (no time rule sets its date)
        TimelineState.WAITING,
    ]
    assert case.timeline[1].people[0][1] == "王书记"
    assert dated_book.development.case_of_person(branch.people["张三"]) == case
    assert dated_book.development.case_of_person(branch.people["王书记"]) is None


def test_a_refusal_names_the_field_and_writes_nothing(dated_book: Book, branch: Branch) -> None:
    case_id = _start(dated_book, branch)
    label = dated_book.undo_label()
    with pytest.raises(InputError) as info:
        dated_book.development.record_development_step(case_id, step_input(branch, 3))
    assert "DEV-ORDER" in {p.field: p.message for p in info.value.problems}["number"]
    assert dated_book.undo_label() == label
    assert dated_book.development.case(case_id).done == {1}


def test_choices_for_the_forms(dated_book: Book, branch: Branch) -> None:
    dev = dated_book.development
    startable = {p.name for p in dev.startable_people(branch.id)}
    assert startable == {"张三", "小李", "郑预备"}
    _start(dated_book, branch)
    assert {p.name for p in dev.startable_people(branch.id)} == {"小李", "郑预备"}
    assert [p.name for p in dev.people_with_cases(branch.id)] == ["张三"]
    full = {p.name for p in dev.role_candidates(branch.id, TODAY)}
    assert full == {"王书记", "赵一", "钱二", "孙三", "周四", "吴五"}
    assert dev.role_candidates(branch.id, dt.date(2015, 6, 30)) == []
    assert dev.general_meetings(branch.id) == []


def test_assessment_extension_and_ending(dated_book: Book, branch: Branch) -> None:
    dev = dated_book.development
    case_id = _start(dated_book, branch)
    for number in (2, 3):
        dev.record_development_step(case_id, step_input(branch, number))
    assessment = dev.add_assessment(case_id, dt.date(2023, 9, 15), " 表现良好 ")
    assert assessment.note == "表现良好"
    assert dev.case(case_id).can_assess
    with pytest.raises(InputError):
        dev.extend_probation(case_id, dt.date(2023, 9, 20), 6, "考察")
    ended = dev.end_case(case_id, Ending.WITHDRAWN, dt.date(2023, 10, 1), "本人书面申请撤回")
    assert ended.state is CaseState.ENDED and ended.ending is Ending.WITHDRAWN
    assert ended.next_step is None and not ended.can_assess
    assert _status(dated_book, branch.people["张三"]) is PartyStatus.MASSES


def test_a_document_is_kept_and_its_undo_lets_it_go(
    dated_book: Book, branch: Branch, tmp_path: Path
) -> None:
    dev = dated_book.development
    case_id = _start(dated_book, branch)
    step = dev.case(case_id).steps[0]
    kept = dev.attach_document(step.id, tiny_png(tmp_path / "申请书.png"), "入党申请书")
    assert kept.step_number == 1 and kept.kind == "入党申请书" and len(kept.sha256) == 64
    assert dev.case(case_id).documents == (kept,)
    dated_book.undo()
    assert dev.case(case_id).documents == ()


def test_the_board(dated_book: Book, branch: Branch) -> None:
    case_id = _start(dated_book, branch)
    (card,) = dated_book.development.board(branch.id)
    assert card.case_id == case_id and card.next_step == 2 and card.code == "DEV-TALK-1M"
    assert card.next_label == "第2步 党组织派人谈话"


def test_a_new_applicant_joins_the_roster_with_step_1_in_one_action(demo_book: Book) -> None:
    """One path for a new applicant: the roster entry and the case with step 1, together."""
    from villagebook.domain.roster.validation import PersonInput
    from villagebook.domain.roster.values import PartyStatus

    branch = demo_book.roster.first_branch()
    assert branch is not None
    applied = dt.date(2026, 11, 2)
    case = demo_book.development.add_applicant(
        branch.id, PersonInput(name="王小川", gender="男", birth_date=dt.date(2000, 3, 1)), applied
    )
    assert case.person_name == "王小川" and [s.number for s in case.steps] == [1]
    assert case.steps[0].done_on == applied
    person = demo_book.roster.person(case.person_id)
    assert person.status is PartyStatus.APPLICANT
    history = demo_book.roster.status_history(case.person_id)
    assert [(h.status, h.effective_on) for h in history] == [(PartyStatus.APPLICANT, applied)]
    demo_book.undo()  # one step: both go
    assert demo_book.development.case_of_person(case.person_id) is None
