"""Loading cases as plain facts for the rule checks, in a handful of queries per branch."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlmodel import Session, col, select

from villagebook.domain.development.facts import (
    Ballot,
    CaseFacts,
    Extension,
    StepFacts,
    StepPerson,
)
from villagebook.domain.development.workflow import CaseState, get_workflow
from villagebook.domain.status import PartyStatus
from villagebook.storage.models import Discipline, Person, StatusChange
from villagebook.storage.models.development import (
    DevelopmentAssessment,
    DevelopmentCase,
    DevelopmentExtension,
    DevelopmentStep,
    DevelopmentStepPerson,
)


def direct_ballot(step: DevelopmentStep) -> Ballot | None:
    """The counts entered on the step itself (used when no meeting record is linked)."""
    if step.expected_voting is None or step.present_voting is None or step.yes is None:
        return None
    return Ballot(
        expected_voting=step.expected_voting,
        present_voting=step.present_voting,
        yes=step.yes,
        no=step.no or 0,
        abstain=step.abstain or 0,
        written_yes=step.written_yes or 0,
    )


@dataclass(frozen=True)
class LinkedMeeting:
    held_on: dt.date
    title: str
    ballot: Ballot | None


def linked_meeting(
    session: Session, meeting_id: uuid.UUID, person_name: str
) -> LinkedMeeting | None:
    """The linked 三会一课 general meeting's date and ballot; None if meetings are unavailable.

    The vote about this person is the one whose motion names them, else the first secret
    ballot, else the first vote.
    """
    from villagebook.services import meeting_link

    try:
        summary = meeting_link.meeting_summary(session, meeting_id)
    except ImportError:
        return None
    if summary is None:
        return None
    votes = list(summary.votes)
    vote = next((v for v in votes if person_name and person_name in v.motion), None)
    vote = (
        vote or next((v for v in votes if v.secret_ballot), None) or (votes[0] if votes else None)
    )
    ballot = None
    if vote is not None:
        ballot = Ballot(
            expected_voting=summary.expected_voting,
            present_voting=summary.present_voting,
            yes=vote.yes,
            no=vote.no,
            abstain=vote.abstain,
            written_yes=vote.written_yes,
        )
    return LinkedMeeting(summary.held_on, summary.title, ballot)


class StatusBook:
    """Status and discipline of the people named on steps, on any date, from two queries."""

    def __init__(self, session: Session, person_ids: Iterable[uuid.UUID]) -> None:
        ids = list(set(person_ids))
        self.history: dict[uuid.UUID, list[tuple[dt.date, PartyStatus]]] = defaultdict(list)
        self.discipline: dict[uuid.UUID, list[tuple[dt.date, dt.date | None]]] = defaultdict(list)
        if not ids:
            return
        rows = session.exec(
            select(
                col(StatusChange.person_id),
                col(StatusChange.effective_on),
                col(StatusChange.status),
            )
            .where(col(StatusChange.person_id).in_(ids))
            .order_by(col(StatusChange.effective_on), col(StatusChange.created_at))
        ).all()
        for person_id, day, status in rows:
            self.history[person_id].append((day, status))
        for record in session.exec(select(Discipline).where(col(Discipline.person_id).in_(ids))):
            self.discipline[record.person_id].append((record.start_on, record.end_on))

    def status_on(self, person_id: uuid.UUID, day: dt.date) -> PartyStatus | None:
        current = None
        for effective, status in self.history.get(person_id, []):
            if effective <= day:
                current = status
        return current

    def disciplined_on(self, person_id: uuid.UUID, day: dt.date) -> bool:
        return any(
            start <= day and (end is None or day <= end)
            for start, end in self.discipline.get(person_id, [])
        )


def load_facts(
    session: Session,
    *,
    branch_id: uuid.UUID | None = None,
    case_ids: Iterable[uuid.UUID] | None = None,
    with_meetings: bool = True,
) -> list[tuple[DevelopmentCase, CaseFacts]]:
    """Cases of a branch (or the given cases) with everything the checks need."""
    query = select(DevelopmentCase, Person).join(
        Person, col(Person.id) == DevelopmentCase.person_id
    )
    if branch_id is not None:
        query = query.where(DevelopmentCase.branch_id == branch_id)
    if case_ids is not None:
        query = query.where(col(DevelopmentCase.id).in_(list(case_ids)))
    pairs = session.exec(query.order_by(col(Person.name), col(DevelopmentCase.id))).all()
    if not pairs:
        return []
    ids = [case.id for case, _ in pairs]
    steps: dict[uuid.UUID, list[DevelopmentStep]] = defaultdict(list)
    for step in session.exec(select(DevelopmentStep).where(col(DevelopmentStep.case_id).in_(ids))):
        steps[step.case_id].append(step)
    step_ids = [s.id for items in steps.values() for s in items]
    people: dict[uuid.UUID, list[DevelopmentStepPerson]] = defaultdict(list)
    for named in session.exec(
        select(DevelopmentStepPerson)
        .where(col(DevelopmentStepPerson.step_id).in_(step_ids))
        .order_by(col(DevelopmentStepPerson.sort_order))
    ):
        people[named.step_id].append(named)
    assessments: dict[uuid.UUID, list[dt.date]] = defaultdict(list)
    for case_id, day in session.exec(
        select(col(DevelopmentAssessment.case_id), col(DevelopmentAssessment.assessed_on)).where(
            col(DevelopmentAssessment.case_id).in_(ids)
        )
    ):
        assessments[case_id].append(day)
    extensions: dict[uuid.UUID, list[Extension]] = defaultdict(list)
    for ext in session.exec(
        select(DevelopmentExtension)
        .where(col(DevelopmentExtension.case_id).in_(ids))
        .order_by(col(DevelopmentExtension.decided_on), col(DevelopmentExtension.created_at))
    ):
        extensions[ext.case_id].append(Extension(ext.decided_on, ext.months, ext.reason))
    book = StatusBook(
        session, (p.person_id for items in people.values() for p in items if p.person_id)
    )
    result = []
    for case, person in pairs:
        step_facts = {}
        for step in steps[case.id]:
            step_facts[step.number] = _step_facts(
                session, step, people[step.id], book, person.name, with_meetings
            )
        facts = CaseFacts(
            case_id=str(case.id),
            person_name=person.name,
            birth_date=person.birth_date,
            steps=step_facts,
            assessments=tuple(sorted(assessments[case.id])),
            extensions=tuple(extensions[case.id]),
            is_open=case.state is CaseState.OPEN,
            workflow=get_workflow(case.workflow_id, case.workflow_version),
            branch_id=str(case.branch_id),
        )
        result.append((case, facts))
    return result


def _step_facts(
    session: Session,
    step: DevelopmentStep,
    people: list[DevelopmentStepPerson],
    book: StatusBook,
    person_name: str,
    with_meetings: bool,
) -> StepFacts:
    ballot = direct_ballot(step)
    done_on = step.done_on
    if with_meetings and step.meeting_id is not None:
        linked = linked_meeting(session, step.meeting_id, person_name)
        if linked is not None:
            done_on = linked.held_on
            ballot = linked.ballot or ballot
    return StepFacts(
        number=step.number,
        done_on=done_on,
        people=tuple(
            StepPerson(
                role=p.role,
                name=p.name,
                person_id=str(p.person_id) if p.person_id else None,
                status=book.status_on(p.person_id, done_on) if p.person_id else None,
                under_discipline=book.disciplined_on(p.person_id, done_on)
                if p.person_id
                else False,
            )
            for p in people
        ),
        ballot=ballot,
        training_days=step.training_days,
        training_hours=step.training_hours,
        publicity_from=step.publicity_from,
        publicity_to=step.publicity_to,
        reason=step.reason,
    )
