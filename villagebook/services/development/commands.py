"""Changing development cases: start, record a step, assess, extend, end, keep a document.

Each function gathers what the input depends on (the case, the people it names, a linked
meeting), lets the pure validation of :mod:`villagebook.domain.development.validation`
decide, and only then writes.  The roster status follows the case through the roster's
own commands (one source of truth for a person's status).
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from sqlmodel import Session

from villagebook.domain.common.i18n import _
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.development import validation
from villagebook.domain.development.facts import Extension
from villagebook.domain.development.validation import (
    Applicant,
    CleanStep,
    RosterPerson,
    StepContext,
)
from villagebook.domain.development.values import (
    ENDING_STATUS,
    STARTABLE,
    CaseState,
    Ending,
    StepInput,
)
from villagebook.domain.development.workflow import DEFAULT, DevelopmentWorkflow
from villagebook.domain.roster.validation import PersonInput
from villagebook.domain.roster.values import DEVELOPMENT_PATH, ChangeReason, PartyStatus
from villagebook.services.attachments import add_attachment
from villagebook.services.development import _meetings
from villagebook.services.development.queries import (
    OWNER_TYPE,
    case_facts,
    get_case,
    get_step,
    open_case_of,
    steps_of,
    workflow_of,
)
from villagebook.services.roster import commands as roster_commands
from villagebook.services.roster import queries as roster_queries
from villagebook.storage.models import Attachment, Person
from villagebook.storage.models.development import (
    DevelopmentAssessment,
    DevelopmentCase,
    DevelopmentExtension,
    DevelopmentStep,
    DevelopmentStepPerson,
)


def _today(as_of: dt.date | None) -> dt.date:
    return as_of or dt.date.today()


# --- start -----------------------------------------------------------------------------------


def start_case(
    session: Session,
    branch_id: uuid.UUID,
    person_id: uuid.UUID,
    *,
    applied_on: dt.date | None = None,
    workflow: DevelopmentWorkflow = DEFAULT,
    historical: bool = False,
    as_of: dt.date | None = None,
    rules: RuleSet | None = None,
    case_id: uuid.UUID | None = None,
) -> DevelopmentCase:
    """Open a case for a roster person; with ``applied_on`` step 1 is recorded too."""
    person = session.get(Person, person_id)
    applicant = None
    if person is not None:
        busy = open_case_of(session, person_id) is not None
        applicant = Applicant(person.name, person.branch_id, person.status, busy)
    validation.validate_start(applicant, branch_id, historical=historical)
    case = DevelopmentCase(
        branch_id=branch_id,
        person_id=person_id,
        workflow_id=workflow.id,
        workflow_version=workflow.version,
        historical=historical,
    )
    if case_id is not None:
        case.id = case_id
    session.add(case)
    session.flush()
    if applied_on is not None:
        record_development_step(
            session, case.id, StepInput(1, applied_on), as_of=as_of, rules=rules
        )
    return case


def add_applicant(
    session: Session,
    branch_id: uuid.UUID,
    data: PersonInput,
    applied_on: dt.date,
    *,
    group_id: uuid.UUID | None = None,
    as_of: dt.date,
    rules: RuleSet | None = None,
) -> DevelopmentCase:
    """A new person in the roster as 入党申请人 from ``applied_on``, and their case with
    step 1 recorded (all or nothing)."""
    person = roster_commands.create_person(
        session,
        branch_id,
        data,
        status=PartyStatus.APPLICANT,
        status_on=applied_on,
        group_id=group_id,
        reason=ChangeReason.DEVELOPMENT,
        as_of=as_of,
    )
    return start_case(
        session, branch_id, person.id, applied_on=applied_on, as_of=as_of, rules=rules
    )


# --- record a step ---------------------------------------------------------------------------


def step_context(
    session: Session,
    case: DevelopmentCase,
    data: StepInput,
    *,
    historical: bool,
    today: dt.date,
    rules: RuleSet,
) -> StepContext:
    """Everything recording ``data`` depends on: the case, the people named, the meeting."""
    facts = case_facts(session, case.id)
    ids = [p.person_id for p in data.people if p.person_id is not None]
    book = roster_queries.StatusBook(session, ids)
    people = {}
    for person_id in ids:
        person = session.get(Person, person_id)
        if person is not None:
            people[person_id] = RosterPerson(
                person_id,
                person.name,
                person.branch_id,
                tuple(book.history.get(person_id, [])),
                tuple(book.discipline.get(person_id, [])),
            )
    meeting = None
    if data.meeting_id is not None:
        meeting = _meetings.linked_meeting(session, data.meeting_id, facts.person_name)
    return StepContext(
        facts=facts,
        branch_id=case.branch_id,
        person_id=case.person_id,
        state=case.state,
        historical=historical,
        today=today,
        rules=rules,
        people=people,
        meeting=meeting,
    )


def record_development_step(
    session: Session,
    case_id: uuid.UUID,
    data: StepInput,
    *,
    historical: bool = False,
    as_of: dt.date | None = None,
    rules: RuleSet | None = None,
) -> DevelopmentStep:
    """Record one step; the roster status follows when the workflow says so."""
    case = get_case(session, case_id)
    historical = historical or case.historical
    today = _today(as_of)
    context = step_context(
        session, case, data, historical=historical, today=today, rules=rules or RuleSet()
    )
    clean = validation.validate_development_step(data, context)
    step = _store_step(session, case_id, clean)
    wf = workflow_of(case)
    effect = wf.effects_of(clean.number)
    if effect is not None:
        dates = {s.number: s.done_on for s in steps_of(session, case_id)}
        sync_status(
            session,
            case.person_id,
            effect.status,
            dates[effect.date_of_step],
            historical=historical,
            as_of=today,
        )
    if clean.number == wf.last:
        case.state = CaseState.COMPLETED
        session.add(case)
    session.flush()
    return step


def _store_step(session: Session, case_id: uuid.UUID, clean: CleanStep) -> DevelopmentStep:
    ballot = clean.ballot
    step = DevelopmentStep(
        case_id=case_id,
        number=clean.number,
        done_on=clean.done_on,
        meeting_id=clean.meeting_id,
        expected_voting=ballot.expected_voting if ballot else None,
        present_voting=ballot.present_voting if ballot else None,
        yes=ballot.yes if ballot else None,
        no=ballot.no if ballot else None,
        abstain=ballot.abstain if ballot else None,
        written_yes=ballot.written_yes if ballot else None,
        training_days=clean.training_days,
        training_hours=clean.training_hours,
        publicity_from=clean.publicity_from,
        publicity_to=clean.publicity_to,
        result=clean.result,
        reason=clean.reason,
        note=clean.note,
    )
    session.add(step)
    session.flush()
    for order, item in enumerate(clean.people):
        session.add(
            DevelopmentStepPerson(
                step_id=step.id,
                role=item.role,
                person_id=item.person_id,
                name=item.name,
                sort_order=order,
            )
        )
    session.flush()
    return step


def sync_status(
    session: Session,
    person_id: uuid.UUID,
    status: PartyStatus,
    effective_on: dt.date,
    *,
    historical: bool = False,
    as_of: dt.date | None = None,
) -> None:
    """Make the roster say ``status`` from ``effective_on`` (one source of truth).

    Nothing is added if the history already has that status on that date.  An earlier
    step entered after a later status was recorded (a file entered afterwards) fills in
    the history before that later entry.
    """
    history = roster_queries.status_history(session, person_id)
    if any(h.status is status and h.effective_on == effective_on for h in history):
        return
    rank = {s: i for i, s in enumerate(DEVELOPMENT_PATH)}
    backfill = any(
        h.effective_on > effective_on and rank.get(h.status, -1) > rank.get(status, 99)
        for h in history
    )
    roster_commands.change_status(
        session,
        person_id,
        status,
        effective_on,
        reason=ChangeReason.DEVELOPMENT,
        as_of=as_of,
        allow_backdated=historical or backfill,
    )


# --- assessments, extension, ending ---------------------------------------------------------


def add_assessment(
    session: Session,
    case_id: uuid.UUID,
    assessed_on: dt.date,
    *,
    note: str = "",
    as_of: dt.date | None = None,
    historical: bool = False,
) -> DevelopmentAssessment:
    """A half-yearly assessment of an activist (DEV-ASSESS-6M)."""
    case = get_case(session, case_id)
    dates = {s.number: s.done_on for s in steps_of(session, case_id)}
    validation.validate_assessment(
        assessed_on,
        note,
        activist_on=dates.get(workflow_of(case).activist_from),
        today=_today(as_of),
        historical=historical or case.historical,
    )
    record = DevelopmentAssessment(case_id=case_id, assessed_on=assessed_on, note=note.strip())
    session.add(record)
    session.flush()
    return record


def extend_probation(
    session: Session,
    case_id: uuid.UUID,
    decided_on: dt.date,
    months: int,
    *,
    reason: str,
    as_of: dt.date | None = None,
    historical: bool = False,
    rules: RuleSet | None = None,
) -> DevelopmentExtension:
    """Extend the probation (DEV-EXTENSION: once only, 6 to 12 months), with a reason."""
    case = get_case(session, case_id)
    validation.validate_extension(
        Extension(decided_on, months, reason),
        case_facts(session, case_id),
        state=case.state,
        historical=historical or case.historical,
        today=_today(as_of),
        rules=rules or RuleSet(),
    )
    record = DevelopmentExtension(
        case_id=case_id, decided_on=decided_on, months=months, reason=reason.strip()
    )
    session.add(record)
    session.flush()
    return record


def end_case(
    session: Session,
    case_id: uuid.UUID,
    ending: Ending,
    ended_on: dt.date,
    *,
    reason: str,
    as_of: dt.date | None = None,
    historical: bool = False,
) -> DevelopmentCase:
    """End a case early (本人撤回 / 取消资格 / 迁出) with a reason; the roster follows."""
    case = get_case(session, case_id)
    steps = steps_of(session, case_id)
    validation.validate_ending(
        reason,
        ended_on,
        state=case.state,
        last_step_on=steps[-1].done_on if steps else None,
        today=_today(as_of),
    )
    case.state = CaseState.ENDED
    case.ending = ending
    case.ended_on = ended_on
    case.ending_reason = reason.strip()
    session.add(case)
    session.flush()
    status = ENDING_STATUS[ending]
    person = roster_queries.get_person(session, case.person_id)
    if status is not None and person.status in STARTABLE:
        sync_status(session, case.person_id, status, ended_on, historical=historical, as_of=as_of)
    return case


# --- documents -------------------------------------------------------------------------------


def attach_document(
    session: Session,
    data_dir: Path,
    step_id: uuid.UUID,
    source: Path,
    *,
    kind: str,
    note: str = "",
) -> Attachment:
    """Keep a document with a step (入党申请书, 思想汇报, 政治审查材料, 入党志愿书, ...)."""
    step = get_step(session, step_id)
    validation.validate_document_kind(kind)
    case = get_case(session, step.case_id)
    return add_attachment(
        session,
        data_dir,
        branch_id=case.branch_id,
        owner_type=OWNER_TYPE,
        owner_id=step.id,
        source=source,
        kind=kind,
        note=note,
        field="attachment",
        label=_("材料"),
    )
