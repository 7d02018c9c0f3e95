"""Recording a step: the facts validation needs, the frozen text, the row, the new status."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlmodel import Session

from villagebook.domain.deliberations.validation import DatedStep, NextStepFacts, drop_invisible
from villagebook.domain.deliberations.values import (
    DeliberationStatus,
    DeliberationStepInput,
    StepKind,
)
from villagebook.domain.deliberations.verdicts import Assessment
from villagebook.services.deliberations.queries import current_text, steps_of, workflow_of
from villagebook.storage.models.deliberations import (
    Deliberation,
    DeliberationStep,
    DeliberationText,
)


def newest_dated(steps: Sequence[DeliberationStep]) -> DatedStep | None:
    """The newest recorded step with a date (a publication's start, else a meeting's date)."""
    for step in reversed(steps):
        day = step.posted_from or step.held_on
        if day is not None:
            return DatedStep(step.kind, day)
    return None


def next_step_facts(session: Session, row: Deliberation, today: dt.date) -> NextStepFacts:
    """Everything the pure step validation needs to know about the round so far."""
    steps = steps_of(session, row.id)
    decided = next((s for s in steps if s.kind is StepKind.VILLAGER_DECISION), None)
    return NextStepFacts(
        status=row.status,
        workflow=workflow_of(row),
        done=frozenset(s.kind for s in steps),
        previous=newest_dated(steps),
        decided_on=decided.held_on if decided else None,
        today=today,
    )


def freeze_text(
    session: Session, deliberation_id: uuid.UUID, body: str | None, kind: StepKind
) -> DeliberationText:
    """The version the step decides: the working text (edited to ``body`` if given), frozen."""
    latest = current_text(session, deliberation_id)
    text = body.strip() if body is not None else (latest.body if latest else "")
    if latest is not None and latest.body == text:
        if latest.frozen_by is None:
            latest.frozen_by = kind
            session.add(latest)
            session.flush()
        return latest
    if latest is not None and latest.frozen_by is None:
        latest.body = text
        latest.frozen_by = kind
        session.add(latest)
        session.flush()
        return latest
    version = DeliberationText(
        deliberation_id=deliberation_id,
        version=(latest.version + 1 if latest else 1),
        body=text,
        frozen_by=kind,
    )
    session.add(version)
    session.flush()
    return version


def step_row(row: Deliberation, data: DeliberationStepInput, kind: StepKind) -> DeliberationStep:
    """The stored step; a vote typed without no/abstain counts them as 0."""
    voted = data.yes is not None
    return DeliberationStep(
        deliberation_id=row.id,
        kind=kind,
        held_on=data.held_on,
        place=drop_invisible(data.place).strip(),
        meeting_id=data.meeting_id,
        basis=data.basis,
        expected=data.expected,
        present=data.present,
        yes=data.yes,
        no=data.no if data.no is not None else (0 if voted else None),
        abstain=data.abstain if data.abstain is not None else (0 if voted else None),
        notice_on=data.notice_on,
        channels=",".join(c.value for c in data.channels),
        posted_from=data.posted_from,
        posted_until=data.posted_until,
        note=data.note.strip(),
    )


def advance(row: Deliberation, step: DeliberationStep, result: Assessment) -> None:
    """The round's status after ``step``: rejected on a failed vote, decided, completed."""
    if not step.verdict.ok:
        row.status = DeliberationStatus.REJECTED
        row.status_on = step.held_on
        # Stored, so in Chinese whatever the interface language.
        reason = f"{step.kind.chinese}{step.verdict.chinese}：{result.chinese_reason}"
        row.status_reason = reason[:500]
    elif step.kind is StepKind.VILLAGER_DECISION:
        row.status = DeliberationStatus.DECIDED
        row.status_on = step.held_on
    elif step.kind is StepKind.RESULT_PUBLICITY:
        row.status = DeliberationStatus.COMPLETED
        row.status_on = step.posted_from
