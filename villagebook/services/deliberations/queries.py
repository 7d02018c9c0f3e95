"""Reading deliberations: rounds, steps, text versions, the facts the rule checks take.

The functions take a session; :func:`detail`, :func:`summaries` and the ``*_record``
converters turn rows into the domain values the Book hands out.  Other capabilities may use
this module.  三会一课 records are read through ``_meetings`` only.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlmodel import Session, col, select

from villagebook.domain.common.errors import NotFoundError
from villagebook.domain.common.findings import Finding
from villagebook.domain.common.i18n import _
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.deliberations.amounts import yuan_text
from villagebook.domain.deliberations.checks import (
    DeliberationFacts,
    DeliberationStepFacts,
    evaluate,
)
from villagebook.domain.deliberations.values import (
    Channel,
    Counts,
    DeliberationDetail,
    DeliberationInput,
    DeliberationRecord,
    DeliberationStepRecord,
    DeliberationSummary,
    LinkedMeeting,
    TextVersion,
)
from villagebook.domain.deliberations.workflow import (
    STANDARD,
    DeliberationStepDef,
    DeliberationWorkflow,
    workflow,
)
from villagebook.services import attachments
from villagebook.services.deliberations import _meetings
from villagebook.services.deliberations._meetings import general_meeting_days, linked_meeting
from villagebook.services.roster import queries as roster_queries
from villagebook.storage.models import Attachment
from villagebook.storage.models.deliberations import (
    Deliberation,
    DeliberationStep,
    DeliberationText,
)

#: The owner type of a publication's photos in the attachment table.
OWNER_TYPE = "deliberation_step"


# --- rows --------------------------------------------------------------------------------------


def get_deliberation(session: Session, deliberation_id: uuid.UUID) -> Deliberation:
    row = session.get(Deliberation, deliberation_id)
    if row is None:
        raise NotFoundError(_("事项不存在：{id}", id=deliberation_id))
    return row


def get_step(session: Session, step_id: uuid.UUID) -> DeliberationStep:
    step = session.get(DeliberationStep, step_id)
    if step is None:
        raise NotFoundError(_("步骤不存在：{id}", id=step_id))
    return step


def list_deliberations(session: Session, branch_id: uuid.UUID) -> list[Deliberation]:
    """Every round of every deliberation of the branch, newest first."""
    query = (
        select(Deliberation)
        .where(Deliberation.branch_id == branch_id)
        .order_by(col(Deliberation.created_at).desc(), col(Deliberation.id))
    )
    return list(session.exec(query))


def _in_order(steps: list[DeliberationStep]) -> list[DeliberationStep]:
    return sorted(steps, key=lambda s: STANDARD.index(s.kind))


def steps_of(session: Session, deliberation_id: uuid.UUID) -> list[DeliberationStep]:
    """The recorded steps, in workflow order."""
    query = select(DeliberationStep).where(DeliberationStep.deliberation_id == deliberation_id)
    return _in_order(list(session.exec(query)))


def steps_by_deliberation(
    session: Session, deliberation_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[DeliberationStep]]:
    """The steps of many deliberations in a few queries, each list in workflow order."""
    found: dict[uuid.UUID, list[DeliberationStep]] = {i: [] for i in deliberation_ids}
    ids = list(deliberation_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        query = select(DeliberationStep).where(col(DeliberationStep.deliberation_id).in_(chunk))
        for step in session.exec(query):
            found[step.deliberation_id].append(step)
    return {key: _in_order(steps) for key, steps in found.items()}


def texts_of(session: Session, deliberation_id: uuid.UUID) -> list[DeliberationText]:
    query = (
        select(DeliberationText)
        .where(DeliberationText.deliberation_id == deliberation_id)
        .order_by(col(DeliberationText.version))
    )
    return list(session.exec(query))


def current_text(session: Session, deliberation_id: uuid.UUID) -> DeliberationText | None:
    """The newest version of the text (the working text)."""
    texts = texts_of(session, deliberation_id)
    return texts[-1] if texts else None


def next_round(session: Session, deliberation_id: uuid.UUID) -> Deliberation | None:
    """The round that re-proposed this one, if any."""
    query = select(Deliberation).where(Deliberation.previous_id == deliberation_id)
    return session.exec(query).first()


def rounds_of(session: Session, row: Deliberation) -> list[Deliberation]:
    """Every round of the deliberation, first to last (following ``previous_id`` both ways)."""
    chain = [row]
    while chain[0].previous_id is not None:
        earlier = session.get(Deliberation, chain[0].previous_id)
        if earlier is None:
            break
        chain.insert(0, earlier)
    while (later := next_round(session, chain[-1].id)) is not None:
        chain.append(later)
    return chain


def photos_of(session: Session, step_id: uuid.UUID) -> list[Attachment]:
    """The photos (or scans) of the posting a publication step keeps."""
    return attachments.attachments_of(session, OWNER_TYPE, step_id)


def workflow_of(row: Deliberation) -> DeliberationWorkflow:
    return workflow(row.workflow)


def next_step(session: Session, row: Deliberation) -> DeliberationStepDef | None:
    """What is next for an open round (None when closed or complete)."""
    if row.status.closed:
        return None
    return workflow_of(row).next_step({s.kind for s in steps_of(session, row.id)})


def voting_members(session: Session, branch_id: uuid.UUID, day: dt.date) -> int:
    """Voting Party members on ``day`` (full members not under 留党察看)."""
    return sum(1 for e in roster_queries.roster_on(session, branch_id, day) if e.can_vote)


def general_meetings(session: Session, branch_id: uuid.UUID) -> list[LinkedMeeting]:
    """The branch's general meeting records (三会一课) a member meeting step may link to."""
    return _meetings.general_meetings(session, branch_id)


# --- domain values --------------------------------------------------------------------------------


def deliberation_record(row: Deliberation) -> DeliberationRecord:
    return DeliberationRecord(
        id=row.id,
        branch_id=row.branch_id,
        title=row.title,
        category=row.category,
        amount_fen=row.amount_fen,
        workflow=row.workflow,
        workflow_version=row.workflow_version,
        round_no=row.round_no,
        previous_id=row.previous_id,
        status=row.status,
        status_on=row.status_on,
        status_reason=row.status_reason,
        note=row.note,
    )


def deliberation_input(session: Session, row: Deliberation) -> DeliberationInput:
    """The header and working text as an edit dialog starts from."""
    text = current_text(session, row.id)
    return DeliberationInput(
        row.title, row.category, yuan_text(row.amount_fen), text.body if text else "", row.note
    )


def text_version(row: DeliberationText) -> TextVersion:
    return TextVersion(row.id, row.version, row.body, row.frozen_by)


def stored_counts(row: DeliberationStep) -> Counts | None:
    if row.basis is None:
        return None
    return Counts(row.basis, row.expected, row.present, row.yes, row.no, row.abstain)


def step_record(
    session: Session, row: DeliberationStep, *, photos: int | None = None
) -> DeliberationStepRecord:
    return DeliberationStepRecord(
        id=row.id,
        deliberation_id=row.deliberation_id,
        kind=row.kind,
        held_on=row.held_on,
        place=row.place,
        held_with_previous=row.held_with_previous,
        meeting_id=row.meeting_id,
        counts=stored_counts(row),
        notice_on=row.notice_on,
        verdict=row.verdict,
        channels=tuple(Channel(c) for c in row.channels.split(",") if c),
        posted_from=row.posted_from,
        posted_until=row.posted_until,
        text_id=row.text_id,
        note=row.note,
        linked=linked_meeting(session, row.meeting_id),
        photos=len(photos_of(session, row.id)) if photos is None else photos,
    )


# --- the rule checks -----------------------------------------------------------------------------


def _step_facts(session: Session, row: DeliberationStep) -> DeliberationStepFacts:
    linked = linked_meeting(session, row.meeting_id)
    return DeliberationStepFacts(
        kind=row.kind,
        held_on=linked.held_on if linked else row.held_on,
        counts=linked.counts if linked else stored_counts(row),
        notice_on=row.notice_on,
        held_with_previous=row.held_with_previous,
        posted_from=row.posted_from,
        posted_until=row.posted_until,
        meeting_id=str(row.meeting_id) if row.meeting_id is not None else None,
        meeting_found=row.meeting_id is None or linked is not None,
    )


def facts_of(
    session: Session,
    row: Deliberation,
    steps: Sequence[DeliberationStep] | None = None,
    meeting_days: frozenset[dt.date] | None = None,
) -> DeliberationFacts:
    """``meeting_days``: the branch's general-meeting days, when the caller has them."""
    recorded = steps if steps is not None else steps_of(session, row.id)
    if meeting_days is None:
        meeting_days = general_meeting_days(session, row.branch_id)
    return DeliberationFacts(
        general_meeting_days=meeting_days,
        id=str(row.id),
        branch_id=str(row.branch_id),
        title=row.title,
        category=row.category,
        workflow=workflow_of(row),
        status=row.status,
        round_no=row.round_no,
        steps={s.kind: _step_facts(session, s) for s in recorded},
    )


def findings_of(
    session: Session,
    row: Deliberation,
    as_of: dt.date,
    rules: RuleSet | None = None,
    steps: Sequence[DeliberationStep] | None = None,
    meeting_days: frozenset[dt.date] | None = None,
) -> list[Finding]:
    facts = facts_of(session, row, steps, meeting_days)
    return evaluate(facts, rules or RuleSet(), as_of)


# --- what the window shows ---------------------------------------------------------------------


def summaries(
    session: Session, branch_id: uuid.UUID, as_of: dt.date, rules: RuleSet | None = None
) -> list[DeliberationSummary]:
    """The deliberations list: each round with its last and next step and its rule codes."""
    found = []
    rows = list_deliberations(session, branch_id)
    all_steps = steps_by_deliberation(session, [r.id for r in rows])
    days = general_meeting_days(session, branch_id)
    for row in rows:
        steps = all_steps[row.id]
        done = {s.kind for s in steps}
        following = None if row.status.closed else workflow_of(row).next_step(done)
        last = steps[-1] if steps else None
        findings = findings_of(session, row, as_of, rules, steps, days)
        found.append(
            DeliberationSummary(
                id=row.id,
                title=row.title,
                category=row.category,
                amount_fen=row.amount_fen,
                round_no=row.round_no,
                status=row.status,
                last_step=last.kind if last else None,
                next_step=following.kind if following else None,
                last_date=(last.posted_from or last.held_on) if last else None,
                codes=tuple(sorted({f.code for f in findings})),
            )
        )
    return found


def detail(
    session: Session,
    deliberation_id: uuid.UUID,
    as_of: dt.date,
    rules: RuleSet | None = None,
    *,
    with_findings: bool = True,
) -> DeliberationDetail:
    """A deliberation step by step, with its texts, rounds and (unless not wanted) findings."""
    row = get_deliberation(session, deliberation_id)
    steps = steps_of(session, row.id)
    previous = session.get(Deliberation, row.previous_id) if row.previous_id else None
    following = None if row.status.closed else workflow_of(row).next_step({s.kind for s in steps})
    return DeliberationDetail(
        deliberation=deliberation_record(row),
        steps=tuple(step_record(session, s) for s in steps),
        texts=tuple(text_version(t) for t in texts_of(session, row.id)),
        previous=deliberation_record(previous) if previous else None,
        proposed_again=next_round(session, row.id) is not None,
        next_step=following.kind if following else None,
        findings=tuple(findings_of(session, row, as_of, rules, steps)) if with_findings else (),
    )
