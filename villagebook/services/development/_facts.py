"""Loading cases as plain facts for the rule checks, in a handful of queries per branch.

Steps and the people on them are read as plain rows keyed by text ids (joined to the
cases, never a long ``IN`` list), which keeps a check of thousands of cases fast.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from villagebook.domain.development.facts import CaseFacts, Extension, StepFacts, StepPerson
from villagebook.domain.development.values import Ballot, CaseState, Role
from villagebook.domain.development.workflow import get_workflow
from villagebook.services.development._meetings import general_meeting_days, linked_meeting
from villagebook.services.roster.queries import StatusBook
from villagebook.storage.dialect import hex_key
from villagebook.storage.models import Person
from villagebook.storage.models.development import (
    DevelopmentAssessment,
    DevelopmentCase,
    DevelopmentExtension,
    DevelopmentStep,
    DevelopmentStepPerson,
)


def _ballot_of(
    expected: int | None,
    present: int | None,
    yes: int | None,
    no: int | None,
    abstain: int | None,
    written: int | None,
) -> Ballot | None:
    if expected is None or present is None or yes is None:
        return None
    return Ballot(expected, present, yes, no or 0, abstain or 0, written or 0)


def case_assessments(conn: Any, where: Any) -> dict[str, list[dt.date]]:
    """Assessment dates of the cases matching ``where``, keyed by case id hex (one query)."""
    assessments: dict[str, list[dt.date]] = defaultdict(list)
    for case_key, day in conn.execute(
        sa.select(
            hex_key(DevelopmentAssessment.case_id),
            col(DevelopmentAssessment.assessed_on),
        )
        .join(DevelopmentCase, col(DevelopmentCase.id) == DevelopmentAssessment.case_id)
        .where(where)
    ):
        assessments[case_key].append(day)
    return assessments


def case_extensions(conn: Any, where: Any) -> dict[str, list[Extension]]:
    """Probation extensions of the cases matching ``where``, in order (one query)."""
    extensions: dict[str, list[Extension]] = defaultdict(list)
    for case_key, day, months, reason in conn.execute(
        sa.select(
            hex_key(DevelopmentExtension.case_id),
            col(DevelopmentExtension.decided_on),
            col(DevelopmentExtension.months),
            col(DevelopmentExtension.reason),
        )
        .join(DevelopmentCase, col(DevelopmentCase.id) == DevelopmentExtension.case_id)
        .where(where)
        .order_by(col(DevelopmentExtension.decided_on), col(DevelopmentExtension.created_at))
    ):
        extensions[case_key].append(Extension(day, months, reason))
    return extensions


def load_facts(
    session: Session,
    *,
    branch_id: uuid.UUID | None = None,
    case_ids: Iterable[uuid.UUID] | None = None,
    with_meetings: bool = True,
) -> list[tuple[DevelopmentCase, CaseFacts]]:
    """Cases of a branch (or the given cases) with everything the checks need."""
    conditions = []
    if branch_id is not None:
        conditions.append(col(DevelopmentCase.branch_id) == branch_id)
    if case_ids is not None:
        conditions.append(col(DevelopmentCase.id).in_(list(case_ids)))
    chosen = sa.and_(sa.true(), *conditions)
    query = select(DevelopmentCase, Person).join(
        Person, col(Person.id) == DevelopmentCase.person_id
    )
    pairs = session.exec(
        query.where(chosen).order_by(col(Person.name), col(DevelopmentCase.id))
    ).all()
    if not pairs:
        return []
    conn = session.connection()
    people = _step_people(conn, chosen)
    steps = _step_rows(conn, chosen)
    assessments = case_assessments(conn, chosen)
    extensions = case_extensions(conn, chosen)
    book = StatusBook(session, (p for items in people.values() for _, p, _ in items if p))
    days: dict[uuid.UUID, frozenset[dt.date]] = {}
    result = []
    for case, person in pairs:
        if with_meetings and case.branch_id not in days:
            days[case.branch_id] = general_meeting_days(session, case.branch_id)
        key = case.id.hex
        step_facts = {
            row.number: _step_facts(
                session, row, people[row.step_key], book, person.name, with_meetings
            )
            for row in steps[key]
        }
        facts = _case_facts(case, person, step_facts, assessments[key], extensions[key])
        facts = replace(facts, general_meeting_days=days.get(case.branch_id, frozenset()))
        result.append((case, facts))
    return result


def _case_facts(
    case: DevelopmentCase,
    person: Person,
    steps: dict[int, StepFacts],
    assessments: list[dt.date],
    extensions: list[Extension],
) -> CaseFacts:
    return CaseFacts(
        case_id=str(case.id),
        person_name=person.name,
        birth_date=person.birth_date,
        steps=steps,
        assessments=tuple(sorted(assessments)),
        extensions=tuple(extensions),
        is_open=case.state is CaseState.OPEN,
        workflow=get_workflow(case.workflow_id, case.workflow_version),
        branch_id=str(case.branch_id),
    )


StepPeople = dict[str, list[tuple[Role, uuid.UUID | None, str]]]


def _step_people(conn: Any, chosen: Any) -> StepPeople:
    """(role, person id, name) of everyone named on the chosen cases' steps, by step key."""
    S, P = DevelopmentStep, DevelopmentStepPerson
    people: StepPeople = defaultdict(list)
    for step_key, role, person_id, name in conn.execute(
        sa.select(hex_key(P.step_id), col(P.role), col(P.person_id), col(P.name))
        .join(S, col(S.id) == P.step_id)
        .join(DevelopmentCase, col(DevelopmentCase.id) == S.case_id)
        .where(chosen)
        .order_by(col(P.sort_order))
    ):
        people[step_key].append((role, person_id, name))
    return people


def _step_rows(conn: Any, chosen: Any) -> dict[str, list[Any]]:
    """The chosen cases' steps as plain rows, by case key."""
    S = DevelopmentStep
    steps: dict[str, list[Any]] = defaultdict(list)
    for row in conn.execute(
        sa.select(
            hex_key(S.case_id).label("case_key"),
            hex_key(S.id).label("step_key"),
            col(S.number),
            col(S.done_on),
            col(S.meeting_id),
            col(S.expected_voting),
            col(S.present_voting),
            col(S.yes),
            col(S.no),
            col(S.abstain),
            col(S.written_yes),
            col(S.training_days),
            col(S.training_hours),
            col(S.publicity_from),
            col(S.publicity_to),
            col(S.reason),
        )
        .join(DevelopmentCase, col(DevelopmentCase.id) == S.case_id)
        .where(chosen)
    ):
        steps[row.case_key].append(row)
    return steps


def _step_facts(
    session: Session,
    row: Any,
    people: list[tuple[Role, uuid.UUID | None, str]],
    book: StatusBook,
    person_name: str,
    with_meetings: bool,
) -> StepFacts:
    ballot = _ballot_of(
        row.expected_voting, row.present_voting, row.yes, row.no, row.abstain, row.written_yes
    )
    done_on = row.done_on
    found = True
    if with_meetings and row.meeting_id is not None:
        linked = linked_meeting(session, row.meeting_id, person_name)
        found = linked is not None
        if linked is not None:
            done_on = linked.held_on
            ballot = linked.ballot or ballot
    return StepFacts(
        meeting_id=str(row.meeting_id) if row.meeting_id is not None else None,
        meeting_found=found,
        number=row.number,
        done_on=done_on,
        people=tuple(
            StepPerson(
                role=role,
                name=name,
                person_id=str(person_id) if person_id else None,
                status=book.status_on(person_id, done_on) if person_id else None,
                under_discipline=book.disciplined_on(person_id, done_on) if person_id else False,
            )
            for role, person_id, name in people
        ),
        ballot=ballot,
        training_days=row.training_days,
        training_hours=row.training_hours,
        publicity_from=row.publicity_from,
        publicity_to=row.publicity_to,
        reason=row.reason,
    )
