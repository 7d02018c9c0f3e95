"""Reading development cases: cases, steps, documents, the board, the choices a form offers.

Functions take a session and return storage rows or domain values; :mod:`.api` hands out
only the values.  Other capabilities may use this module (the development capability's
public read side), never the private ``_`` modules.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict

import sqlalchemy as sa
from sqlmodel import Session, col, select

from villagebook.domain.common.errors import NotFoundError
from villagebook.domain.common.i18n import _
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.development.facts import CaseFacts
from villagebook.domain.development.schedule import probation_end_of, timeline
from villagebook.domain.development.statistics import MILESTONE_STEPS, Milestones
from villagebook.domain.development.values import (
    STARTABLE,
    AssessmentRecord,
    Ballot,
    BoardCard,
    CaseState,
    DevelopmentCaseRecord,
    DevelopmentStepRecord,
    DocumentRecord,
    ExtensionRecord,
    MeetingChoice,
    PersonChoice,
    Role,
    StepPersonRecord,
)
from villagebook.domain.development.workflow import DevelopmentWorkflow, get_workflow
from villagebook.domain.roster.values import PartyStatus
from villagebook.services.development import _board, _facts, _meetings
from villagebook.services.roster import queries as roster_queries
from villagebook.storage.models import Attachment, Person
from villagebook.storage.models.development import (
    DevelopmentAssessment,
    DevelopmentCase,
    DevelopmentExtension,
    DevelopmentStep,
    DevelopmentStepPerson,
)

#: Attachments of a step carry this owner type.
OWNER_TYPE = "development_step"

load_facts = _facts.load_facts


def board(
    session: Session, branch_id: uuid.UUID, as_of: dt.date, rules: RuleSet | None = None
) -> list[BoardCard]:
    """Cards of the branch's open cases, by stage, most urgent first."""
    return _board.board(session, branch_id, as_of, rules)


def get_case(session: Session, case_id: uuid.UUID) -> DevelopmentCase:
    case = session.get(DevelopmentCase, case_id)
    if case is None:
        raise NotFoundError(_("发展党员档案不存在：{id}", id=case_id))
    return case


def get_step(session: Session, step_id: uuid.UUID) -> DevelopmentStep:
    step = session.get(DevelopmentStep, step_id)
    if step is None:
        raise NotFoundError(_("发展党员步骤不存在：{id}", id=step_id))
    return step


def workflow_of(case: DevelopmentCase) -> DevelopmentWorkflow:
    return get_workflow(case.workflow_id, case.workflow_version)


def case_facts(session: Session, case_id: uuid.UUID) -> CaseFacts:
    return load_facts(session, case_ids=[case_id])[0][1]


def open_case_of(session: Session, person_id: uuid.UUID) -> DevelopmentCase | None:
    return session.exec(
        select(DevelopmentCase).where(
            DevelopmentCase.person_id == person_id, DevelopmentCase.state == CaseState.OPEN
        )
    ).first()


def cases_of_person(session: Session, person_id: uuid.UUID) -> list[DevelopmentCase]:
    return list(
        session.exec(
            select(DevelopmentCase)
            .where(DevelopmentCase.person_id == person_id)
            .order_by(col(DevelopmentCase.created_at))
        )
    )


def steps_of(session: Session, case_id: uuid.UUID) -> list[DevelopmentStep]:
    return list(
        session.exec(
            select(DevelopmentStep)
            .where(DevelopmentStep.case_id == case_id)
            .order_by(col(DevelopmentStep.number))
        )
    )


def people_of(session: Session, step_id: uuid.UUID) -> list[DevelopmentStepPerson]:
    return list(
        session.exec(
            select(DevelopmentStepPerson)
            .where(DevelopmentStepPerson.step_id == step_id)
            .order_by(col(DevelopmentStepPerson.sort_order))
        )
    )


def assessments_of(session: Session, case_id: uuid.UUID) -> list[DevelopmentAssessment]:
    return list(
        session.exec(
            select(DevelopmentAssessment)
            .where(DevelopmentAssessment.case_id == case_id)
            .order_by(col(DevelopmentAssessment.assessed_on), col(DevelopmentAssessment.id))
        )
    )


def extensions_of(session: Session, case_id: uuid.UUID) -> list[DevelopmentExtension]:
    return list(
        session.exec(
            select(DevelopmentExtension)
            .where(DevelopmentExtension.case_id == case_id)
            .order_by(col(DevelopmentExtension.decided_on), col(DevelopmentExtension.created_at))
        )
    )


def documents_of(session: Session, step_ids: list[uuid.UUID]) -> list[Attachment]:
    """The documents kept with these steps, oldest first."""
    if not step_ids:
        return []
    query = (
        select(Attachment)
        .where(Attachment.owner_type == OWNER_TYPE, col(Attachment.owner_id).in_(step_ids))
        .order_by(col(Attachment.created_at))
    )
    return list(session.exec(query))


# --- the choices a form offers ---------------------------------------------------------------


def startable_people(session: Session, branch_id: uuid.UUID) -> list[PersonChoice]:
    """People of the branch a case may be started for (not a full member, none open)."""
    busy = set(
        session.exec(
            select(DevelopmentCase.person_id).where(
                DevelopmentCase.branch_id == branch_id, DevelopmentCase.state == CaseState.OPEN
            )
        )
    )
    people = session.exec(
        select(Person)
        .where(Person.branch_id == branch_id, col(Person.status).in_(list(STARTABLE)))
        .order_by(col(Person.name))
    )
    return [PersonChoice(p.id, p.name, p.status) for p in people if p.id not in busy]


def people_with_cases(session: Session, branch_id: uuid.UUID) -> list[PersonChoice]:
    """Everyone of the branch with a development case (whose dossier can be printed)."""
    rows = session.exec(
        select(Person)
        .join(DevelopmentCase, col(DevelopmentCase.person_id) == Person.id)
        .where(DevelopmentCase.branch_id == branch_id)
        .order_by(col(Person.name))
        .distinct()
    ).all()
    return [PersonChoice(p.id, p.name, p.status) for p in rows]


def role_candidates(session: Session, branch_id: uuid.UUID, day: dt.date) -> list[PersonChoice]:
    """Full members on ``day``: who may be named talker, contact or introducer."""
    return [
        PersonChoice(e.person_id, e.name, e.status)
        for e in roster_queries.roster_on(session, branch_id, day)
        if e.status is PartyStatus.FULL
    ]


def general_meetings(session: Session, branch_id: uuid.UUID) -> list[MeetingChoice]:
    return _meetings.general_meetings(session, branch_id)


# --- rows as the records the Book hands out ---------------------------------------------


def step_record(
    step: DevelopmentStep, people: list[DevelopmentStepPerson]
) -> DevelopmentStepRecord:
    ballot = None
    if (
        step.expected_voting is not None
        and step.present_voting is not None
        and step.yes is not None
    ):
        ballot = Ballot(
            step.expected_voting,
            step.present_voting,
            step.yes,
            step.no or 0,
            step.abstain or 0,
            step.written_yes or 0,
        )
    return DevelopmentStepRecord(
        id=step.id,
        case_id=step.case_id,
        number=step.number,
        done_on=step.done_on,
        meeting_id=step.meeting_id,
        ballot=ballot,
        training_days=step.training_days,
        training_hours=step.training_hours,
        publicity_from=step.publicity_from,
        publicity_to=step.publicity_to,
        result=step.result,
        reason=step.reason,
        note=step.note,
        people=tuple(StepPersonRecord(p.role, p.person_id, p.name) for p in people),
    )


def assessment_record(row: DevelopmentAssessment) -> AssessmentRecord:
    return AssessmentRecord(row.id, row.case_id, row.assessed_on, row.note)


def extension_record(row: DevelopmentExtension) -> ExtensionRecord:
    return ExtensionRecord(row.id, row.case_id, row.decided_on, row.months, row.reason)


def document_record(row: Attachment, step_number: int) -> DocumentRecord:
    return DocumentRecord(row.id, row.owner_id, step_number, row.kind, row.filename, row.sha256)


def step_records(session: Session, case_id: uuid.UUID) -> list[DevelopmentStepRecord]:
    """A case's steps with the people named on them (two queries)."""
    steps = steps_of(session, case_id)
    people: dict[uuid.UUID, list[DevelopmentStepPerson]] = defaultdict(list)
    if steps:
        for p in session.exec(
            select(DevelopmentStepPerson)
            .where(col(DevelopmentStepPerson.step_id).in_([s.id for s in steps]))
            .order_by(col(DevelopmentStepPerson.sort_order))
        ):
            people[p.step_id].append(p)
    return [step_record(s, people[s.id]) for s in steps]


def case_record(
    session: Session, case_id: uuid.UUID, as_of: dt.date, rules: RuleSet
) -> DevelopmentCaseRecord:
    """The whole case: steps, assessments, extensions, documents and the timeline."""
    case = get_case(session, case_id)
    facts = case_facts(session, case_id)
    person = roster_queries.get_person(session, case.person_id)
    steps = step_records(session, case_id)
    numbers = {s.id: s.number for s in steps}
    documents = sorted(
        (document_record(a, numbers[a.owner_id]) for a in documents_of(session, list(numbers))),
        key=lambda d: d.step_number,
    )
    wf = facts.workflow
    return DevelopmentCaseRecord(
        id=case.id,
        branch_id=case.branch_id,
        person_id=case.person_id,
        person_name=person.name,
        person_status=person.status,
        workflow=wf,
        state=case.state,
        historical=case.historical,
        note=case.note,
        ending=case.ending,
        ended_on=case.ended_on,
        ending_reason=case.ending_reason,
        steps=tuple(steps),
        assessments=tuple(assessment_record(a) for a in assessments_of(session, case_id)),
        extensions=tuple(extension_record(e) for e in extensions_of(session, case_id)),
        documents=tuple(documents),
        timeline=tuple(timeline(facts, as_of, rules)),
        probation_end=probation_end_of(facts, rules),
        next_step=wf.next_step(facts.done) if case.state is CaseState.OPEN else None,
    )


def milestones(session: Session, branch_id: uuid.UUID) -> list[Milestones]:
    """Every case of the branch with its milestone dates and people (the 台账's columns)."""
    result = []
    for case, facts in load_facts(session, branch_id=branch_id, with_meetings=True):
        person = session.get(Person, case.person_id)  # loaded with the cases
        dates = {key: day for key, number in MILESTONE_STEPS.items() if (day := facts.date(number))}
        contacts = facts.steps[5].people_in(Role.CONTACT) if 5 in facts.steps else []
        introducers = facts.steps[9].people_in(Role.INTRODUCER) if 9 in facts.steps else []
        result.append(
            Milestones(
                case_id=str(case.id),
                person_id=str(case.person_id),
                name=facts.person_name,
                gender=person.gender if person else "",
                birth_date=facts.birth_date,
                education=person.education if person else "",
                is_open=facts.is_open,
                dates=dates,
                contacts=tuple(p.name for p in contacts),
                introducers=tuple(p.name for p in introducers),
            )
        )
    return result


def steps_between(
    session: Session, branch_id: uuid.UUID, start: dt.date, end: dt.date
) -> list[tuple[str, int, str, dt.date]]:
    """(person, step number, step name, date) of every step recorded within the period."""
    found = []
    for _case, facts in load_facts(session, branch_id=branch_id, with_meetings=True):
        for number, step in sorted(facts.steps.items()):
            if start <= step.done_on <= end:
                name = facts.workflow.step(number).name
                found.append((facts.person_name, number, name, step.done_on))
    return sorted(found, key=lambda x: (x[3], x[0], x[1]))


def milestone_dates(session: Session, branch_id: uuid.UUID) -> list[Milestones]:
    """Every case's milestone dates only (the funnel), in two queries: a linked general
    meeting's date wins, as everywhere."""
    numbers = {number: key for key, number in MILESTONE_STEPS.items()}
    rows = session.execute(
        sa.select(
            col(DevelopmentStep.case_id),
            col(DevelopmentStep.number),
            col(DevelopmentStep.done_on),
            col(DevelopmentStep.meeting_id),
        )
        .join(DevelopmentCase, col(DevelopmentCase.id) == col(DevelopmentStep.case_id))
        .where(
            col(DevelopmentCase.branch_id) == branch_id,
            col(DevelopmentStep.number).in_(list(numbers)),
        )
    ).all()
    linked = _meetings.meeting_dates(session, [r[3] for r in rows if r[3] is not None])
    dates: dict[uuid.UUID, dict[str, dt.date]] = defaultdict(dict)
    for case_id, number, done_on, meeting_id in rows:
        dates[case_id][numbers[number]] = linked.get(meeting_id, done_on) if meeting_id else done_on
    return [
        Milestones(str(case_id), "", "", "", None, "", True, found)
        for case_id, found in dates.items()
    ]
