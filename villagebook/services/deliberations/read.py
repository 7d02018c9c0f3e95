"""四议两公开 queries: matters, steps, text versions, rounds, facts for the rule checks."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from villagebook.domain.common.errors import NotFoundError
from villagebook.domain.common.findings import Finding
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.deliberations.rules import MatterFacts, StepFacts, evaluate
from villagebook.domain.deliberations.values import (
    Basis,
    Category,
    Counts,
    MatterStatus,
    StepDef,
    StepKind,
    Workflow,
    workflow,
)
from villagebook.domain.meetings.values import MeetingSummary
from villagebook.services.meetings.queries import meeting_summary
from villagebook.services.roster import queries as roster_queries
from villagebook.storage.models import Attachment
from villagebook.storage.models.deliberations import (
    Deliberation,
    DeliberationStep,
    DeliberationText,
)

OWNER_TYPE = "deliberation_step"
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff]")


def clean_text(value: str) -> str:
    """Drop invisible characters; keep full-width Chinese punctuation as typed."""
    return _INVISIBLE.sub("", value or "")


TITLE_MAX = 100
TEXT_MAX = 20000


# --- reading ------------------------------------------------------------------------------


def get_matter(session: Session, matter_id: uuid.UUID) -> Deliberation:
    matter = session.get(Deliberation, matter_id)
    if matter is None:
        raise NotFoundError(f"事项不存在：{matter_id}")
    return matter


def list_matters(session: Session, branch_id: uuid.UUID) -> list[Deliberation]:
    query = (
        select(Deliberation)
        .where(Deliberation.branch_id == branch_id)
        .order_by(col(Deliberation.created_at).desc(), col(Deliberation.id))
    )
    return list(session.exec(query))


def steps_of(session: Session, matter_id: uuid.UUID) -> list[DeliberationStep]:
    rows = session.exec(
        select(DeliberationStep).where(DeliberationStep.deliberation_id == matter_id)
    ).all()
    order = workflow("standard")
    return sorted(rows, key=lambda s: order.index(s.kind))


def texts_of(session: Session, matter_id: uuid.UUID) -> list[DeliberationText]:
    query = (
        select(DeliberationText)
        .where(DeliberationText.deliberation_id == matter_id)
        .order_by(col(DeliberationText.version))
    )
    return list(session.exec(query))


def current_text(session: Session, matter_id: uuid.UUID) -> DeliberationText | None:
    texts = texts_of(session, matter_id)
    return texts[-1] if texts else None


def rounds_of(session: Session, matter: Deliberation) -> list[Deliberation]:
    """Every round of the matter, first to last (following ``previous_id`` both ways)."""
    chain = [matter]
    while chain[0].previous_id is not None:
        earlier = session.get(Deliberation, chain[0].previous_id)
        if earlier is None:
            break
        chain.insert(0, earlier)
    while True:
        later = next_round(session, chain[-1].id)
        if later is None:
            break
        chain.append(later)
    return chain


def next_round(session: Session, matter_id: uuid.UUID) -> Deliberation | None:
    """The round that re-proposed this one, if any."""
    return session.exec(select(Deliberation).where(Deliberation.previous_id == matter_id)).first()


def photos_of(session: Session, step_id: uuid.UUID) -> list[Attachment]:
    from villagebook.services.attachments import attachments_of

    return attachments_of(session, OWNER_TYPE, step_id)


def voting_members(session: Session, branch_id: uuid.UUID, day: dt.date) -> int:
    """Voting Party members on ``day`` (full members not under 留党察看)."""
    return sum(1 for e in roster_queries.roster_on(session, branch_id, day) if e.can_vote)


def linked_meeting(session: Session, meeting_id: uuid.UUID | None) -> MeetingSummary | None:
    """The 三会一课 meeting a step links to, if the meetings capability is there."""
    if meeting_id is None:
        return None
    try:
        return meeting_summary(session, meeting_id)
    except ImportError:
        return None


def step_counts(session: Session, step: DeliberationStep) -> Counts | None:
    """The step's counts; a linked meeting record's counts win when present."""
    summary = linked_meeting(session, step.meeting_id)
    if summary is not None:
        first = summary.votes[0] if summary.votes else None
        return Counts(
            Basis.VOTING_MEMBERS,
            summary.expected_voting,
            summary.present_voting,
            first.yes + first.written_yes if first else None,
            first.no if first else None,
            first.abstain if first else None,
        )
    if step.basis is None:
        return None
    return Counts(step.basis, step.expected, step.present, step.yes, step.no, step.abstain)


def step_date(session: Session, step: DeliberationStep) -> dt.date | None:
    summary = linked_meeting(session, step.meeting_id)
    return summary.held_on if summary is not None else step.held_on


def steps_by_matter(
    session: Session, matter_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[DeliberationStep]]:
    """The steps of many matters in a few queries, each list in workflow order."""
    found: dict[uuid.UUID, list[DeliberationStep]] = {i: [] for i in matter_ids}
    ids = list(matter_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        query = select(DeliberationStep).where(col(DeliberationStep.deliberation_id).in_(chunk))
        for step in session.exec(query):
            found[step.deliberation_id].append(step)
    order = workflow("standard")
    for steps in found.values():
        steps.sort(key=lambda s: order.index(s.kind))
    return found


def facts_of(
    session: Session, matter: Deliberation, steps: Sequence[DeliberationStep] | None = None
) -> MatterFacts:
    facts: dict[StepKind, StepFacts] = {}
    for step in steps if steps is not None else steps_of(session, matter.id):
        facts[step.kind] = StepFacts(
            kind=step.kind,
            held_on=step_date(session, step),
            counts=step_counts(session, step),
            notice_on=step.notice_on,
            held_with_previous=step.held_with_previous,
            posted_from=step.posted_from,
            posted_until=step.posted_until,
        )
    return MatterFacts(
        id=str(matter.id),
        branch_id=str(matter.branch_id),
        title=matter.title,
        category=matter.category,
        workflow=workflow(matter.workflow),
        status=matter.status,
        round_no=matter.round_no,
        steps=facts,
    )


def findings_of(
    session: Session,
    matter: Deliberation,
    as_of: dt.date,
    rules: RuleSet | None = None,
    steps: Sequence[DeliberationStep] | None = None,
) -> list[Finding]:
    return evaluate(facts_of(session, matter, steps), rules or RuleSet(), as_of)


def next_step(session: Session, matter: Deliberation) -> StepDef | None:
    """What is next for an open matter (None when closed or complete)."""
    if matter.status.closed:
        return None
    done = {s.kind for s in steps_of(session, matter.id)}
    return workflow(matter.workflow).next_step(done)


@dataclass(frozen=True)
class MatterRow:
    """One line of the matters list."""

    id: uuid.UUID
    title: str
    category: Category
    amount_fen: int | None
    round_no: int
    status: MatterStatus
    last_step: StepKind | None
    next_step: StepKind | None
    last_date: dt.date | None
    codes: tuple[str, ...] = field(default_factory=tuple)


def matter_rows(
    session: Session, branch_id: uuid.UUID, as_of: dt.date, rules: RuleSet | None = None
) -> list[MatterRow]:
    rows = []
    matters = list_matters(session, branch_id)
    all_steps = steps_by_matter(session, [m.id for m in matters])
    for matter in matters:
        steps = all_steps[matter.id]
        done = {s.kind for s in steps}
        nxt = None if matter.status.closed else workflow(matter.workflow).next_step(done)
        last = steps[-1] if steps else None
        findings = findings_of(session, matter, as_of, rules, steps)
        rows.append(
            MatterRow(
                id=matter.id,
                title=matter.title,
                category=matter.category,
                amount_fen=matter.amount_fen,
                round_no=matter.round_no,
                status=matter.status,
                last_step=last.kind if last else None,
                next_step=nxt.kind if nxt else None,
                last_date=(last.posted_from or last.held_on) if last else None,
                codes=tuple(sorted({f.code for f in findings})),
            )
        )
    return rows


def workflow_of(matter: Deliberation) -> Workflow:
    return workflow(matter.workflow)
