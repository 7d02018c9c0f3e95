"""Changing deliberations: rounds, their text versions, the steps in order, photos.

Every function gathers the facts it needs, lets the pure validation of
:mod:`villagebook.domain.deliberations.validation` decide, and raises an
:class:`InputError` listing every problem before anything is written.  Other capabilities
may use this module.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from sqlmodel import Session

from villagebook.domain.common.errors import InputError, Problem
from villagebook.domain.common.i18n import _
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.deliberations import validation
from villagebook.domain.deliberations.amounts import yuan_text
from villagebook.domain.deliberations.values import (
    DeliberationInput,
    DeliberationStatus,
    DeliberationStepInput,
    StepKind,
)
from villagebook.domain.deliberations.verdicts import assess
from villagebook.domain.deliberations.workflow import workflow_for
from villagebook.services import attachments
from villagebook.services.deliberations import _steps
from villagebook.services.deliberations._meetings import linked_meeting
from villagebook.services.deliberations.queries import (
    OWNER_TYPE,
    current_text,
    get_deliberation,
    get_step,
    next_round,
    steps_of,
    stored_counts,
    workflow_of,
)
from villagebook.services.roster import queries as roster_queries
from villagebook.storage.models import Attachment
from villagebook.storage.models.deliberations import (
    Deliberation,
    DeliberationStep,
    DeliberationText,
)


def _refuse_if(problems: list[Problem]) -> None:
    if problems:
        raise InputError(problems)


# --- the round and its text --------------------------------------------------------------------


def create_deliberation(
    session: Session,
    branch_id: uuid.UUID,
    data: DeliberationInput,
    *,
    previous: Deliberation | None = None,
) -> Deliberation:
    """A new deliberation (round 1), or the next round of ``previous``."""
    branch = roster_queries.get_branch(session, branch_id)
    cleaned, problems = validation.new_deliberation(data)
    _refuse_if(problems)
    flow = workflow_for(branch.secretary_is_director)
    row = Deliberation(
        branch_id=branch_id,
        title=cleaned.title,
        category=cleaned.category,
        amount_fen=cleaned.amount_fen,
        workflow=flow.key,
        workflow_version=flow.version,
        round_no=previous.round_no + 1 if previous else 1,
        previous_id=previous.id if previous else None,
        note=cleaned.note,
    )
    session.add(row)
    session.flush()
    session.add(DeliberationText(deliberation_id=row.id, version=1, body=cleaned.text))
    session.flush()
    return row


def update_deliberation(
    session: Session, deliberation_id: uuid.UUID, data: DeliberationInput
) -> Deliberation:
    """Change title, category, amount and note: only before the first step is recorded."""
    row = get_deliberation(session, deliberation_id)
    started = bool(steps_of(session, deliberation_id))
    cleaned, problems = validation.changed_header(data, started=started)
    _refuse_if(problems)
    row.title = cleaned.title
    row.category = cleaned.category
    row.amount_fen = cleaned.amount_fen
    row.note = cleaned.note
    session.add(row)
    session.flush()
    return row


def edit_text(session: Session, deliberation_id: uuid.UUID, body: str) -> DeliberationText:
    """Edit the working text; a version a step decided on stays, the edit is a new version."""
    row = get_deliberation(session, deliberation_id)
    text, problems = validation.edited_text(row.status, body)
    _refuse_if(problems)
    latest = current_text(session, deliberation_id)
    if latest is not None and latest.frozen_by is None:
        latest.body = text
        session.add(latest)
        session.flush()
        return latest
    if latest is not None and latest.body == text:
        return latest
    version = DeliberationText(
        deliberation_id=deliberation_id, version=(latest.version + 1 if latest else 1), body=text
    )
    session.add(version)
    session.flush()
    return version


def _close(
    session: Session,
    deliberation_id: uuid.UUID,
    status: DeliberationStatus,
    reason: str,
    day: dt.date,
    today: dt.date | None,
) -> Deliberation:
    row = get_deliberation(session, deliberation_id)
    text, problems = validation.closing(
        row.status,
        reason,
        day,
        today=today or dt.date.today(),
        previous=_steps.newest_dated(steps_of(session, deliberation_id)),
    )
    _refuse_if(problems)
    row.status = status
    row.status_on = day
    row.status_reason = text
    session.add(row)
    session.flush()
    return row


def withdraw(
    session: Session,
    deliberation_id: uuid.UUID,
    reason: str,
    day: dt.date,
    *,
    today: dt.date | None = None,
) -> Deliberation:
    """The branch withdraws the deliberation (撤回) at any step."""
    return _close(session, deliberation_id, DeliberationStatus.WITHDRAWN, reason, day, today)


def reject(
    session: Session,
    deliberation_id: uuid.UUID,
    reason: str,
    day: dt.date,
    *,
    today: dt.date | None = None,
) -> Deliberation:
    """The deliberation was not approved at its current step (未通过)."""
    return _close(session, deliberation_id, DeliberationStatus.REJECTED, reason, day, today)


def repropose(
    session: Session,
    deliberation_id: uuid.UUID,
    *,
    text: str | None = None,
    title: str | None = None,
) -> Deliberation:
    """A rejected round proposed again: a new round linked to the previous one."""
    previous = get_deliberation(session, deliberation_id)
    later = next_round(session, previous.id)
    _refuse_if(validation.reproposal(previous.status, later.round_no if later else None))
    last = current_text(session, deliberation_id)
    data = DeliberationInput(
        title=title or previous.title,
        category=previous.category,
        amount=yuan_text(previous.amount_fen),
        text=text if text is not None else (last.body if last else ""),
        note=previous.note,
    )
    return create_deliberation(session, previous.branch_id, data, previous=previous)


# --- steps ---------------------------------------------------------------------------------------


def record_deliberation_step(
    session: Session,
    deliberation_id: uuid.UUID,
    data: DeliberationStepInput,
    *,
    today: dt.date | None = None,
    rules: RuleSet | None = None,
) -> list[DeliberationStep]:
    """Record the next step (two, for a joint 一肩挑 entry); the text decided there freezes.

    A vote that fails (no quorum, or not enough yes votes) closes the round as rejected;
    the deliberation can then be proposed again as a new round.
    """
    row = get_deliberation(session, deliberation_id)
    data = validation.with_linked_meeting(data, linked_meeting(session, data.meeting_id))
    facts = _steps.next_step_facts(session, row, today or dt.date.today())
    _refuse_if(validation.step_problems(data, facts))
    kinds = [data.kind]
    if data.with_joint_meeting and data.kind is StepKind.PROPOSAL:
        kinds.append(StepKind.JOINT_MEETING)
    text = _steps.freeze_text(session, row.id, data.text, data.kind)
    flow = workflow_of(row)
    recorded = []
    for index, kind in enumerate(kinds):
        step = _steps.step_row(row, data, kind)
        step.held_with_previous = index > 0
        step.text_id = text.id
        linked = linked_meeting(session, step.meeting_id)
        counts = linked.counts if linked else stored_counts(step)
        result = assess(flow.step(kind), counts, rules or RuleSet())
        step.verdict = result.verdict
        session.add(step)
        recorded.append(step)
        _steps.advance(row, step, result)
    session.add(row)
    session.flush()
    return recorded


def end_publication(
    session: Session, step_id: uuid.UUID, posted_until: dt.date, *, today: dt.date | None = None
) -> DeliberationStep:
    """Fill in the last day of a publication that was still posted."""
    step = get_step(session, step_id)
    problems = validation.publication_end(
        step.posted_from, step.posted_until, posted_until, today or dt.date.today()
    )
    _refuse_if(problems)
    step.posted_until = posted_until
    session.add(step)
    session.flush()
    return step


def attach_photo(
    session: Session, data_dir: Path, step_id: uuid.UUID, source: Path, note: str = ""
) -> Attachment:
    """A photo (or scan) of the posting, kept with the publication step."""
    step = get_step(session, step_id)
    row = get_deliberation(session, step.deliberation_id)
    return attachments.add_attachment(
        session,
        data_dir,
        branch_id=row.branch_id,
        owner_type=OWNER_TYPE,
        owner_id=step.id,
        source=source,
        kind="photo",
        note=note,
        field="photo",
        label=_("公开照片"),
    )
