"""The meetings check provider: loads one branch's facts in a few queries, then the rules.

Checks start from the branch's first recorded meeting; a branch with no record yet is
checked from the start of the previous year (or its first member's date, if later), so a
new installation is not flooded with decades of "missing" meetings.  The rules themselves
are pure (:mod:`villagebook.domain.meetings.checks`).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable

import sqlalchemy as sa
from sqlmodel import Session, col, select

from villagebook.domain.common.findings import Finding
from villagebook.domain.meetings.checks import (
    CadenceInput,
    GroupFact,
    MeetingFact,
    PlanFact,
    SealFact,
    cadence_findings,
    finality_findings,
    record_findings,
)
from villagebook.domain.meetings.values import SECRETARY_ROLE, MeetingStatus, Presence
from villagebook.domain.roster.values import MEMBER_STATUSES
from villagebook.services.checks import CheckContext, CheckProvider
from villagebook.services.meetings import _finality, queries
from villagebook.services.meetings._absence import absence_checks
from villagebook.storage.models import GroupAssignment, PartyGroup, Person, StatusChange
from villagebook.storage.models.meetings import Meeting, MeetingAttendance, MeetingPlan


def _voting_counts(session: Session, branch_id: uuid.UUID) -> dict[uuid.UUID, tuple[int, int]]:
    """(expected voting, present voting) per meeting with votes, in one query."""
    present = sa.case((col(MeetingAttendance.presence) == Presence.PRESENT.value, 1), else_=0)
    query = (
        select(
            col(MeetingAttendance.meeting_id),
            sa.func.count(),
            sa.func.sum(present),
        )
        .join(Meeting, col(Meeting.id) == col(MeetingAttendance.meeting_id))
        .where(
            Meeting.branch_id == branch_id,
            col(MeetingAttendance.expected).is_(True),
            col(MeetingAttendance.voting).is_(True),
        )
        .group_by(col(MeetingAttendance.meeting_id))
    )
    return {row[0]: (int(row[1]), int(row[2] or 0)) for row in session.exec(query)}


def _first_member_date(session: Session, branch_id: uuid.UUID) -> dt.date | None:
    query = (
        select(sa.func.min(StatusChange.effective_on))
        .join(Person, col(Person.id) == col(StatusChange.person_id))
        .where(
            Person.branch_id == branch_id,
            col(StatusChange.status).in_([s.value for s in MEMBER_STATUSES]),
        )
    )
    value = session.exec(query).one()
    return value if isinstance(value, dt.date) else None


def _groups(session: Session, branch_id: uuid.UUID) -> list[GroupFact]:
    groups = session.exec(
        select(PartyGroup)
        .where(PartyGroup.branch_id == branch_id)
        .order_by(col(PartyGroup.sort_order))
    ).all()
    firsts = dict(
        session.exec(
            select(col(GroupAssignment.group_id), sa.func.min(GroupAssignment.effective_on))
            .where(col(GroupAssignment.group_id).in_([g.id for g in groups]))
            .group_by(col(GroupAssignment.group_id))
        ).all()
    )
    return [
        GroupFact(str(g.id), g.name, firsts[g.id]) for g in groups if firsts.get(g.id) is not None
    ]


def _secretary(session: Session, branch_id: uuid.UUID) -> uuid.UUID | None:
    return session.exec(
        select(col(Person.id)).where(
            Person.branch_id == branch_id, Person.committee_role == SECRETARY_ROLE
        )
    ).first()


def _meeting_facts(
    session: Session, branch_id: uuid.UUID, as_of: dt.date, secretary: uuid.UUID | None
) -> list[MeetingFact]:
    """The records up to ``as_of`` as facts (only the columns the rules read, as plain rows:
    a branch's ten years are some 600 records; the votes are only looked at, not parsed)."""
    rows = session.execute(
        sa.select(
            col(Meeting.id),
            col(Meeting.kind),
            col(Meeting.held_on),
            col(Meeting.title),
            col(Meeting.group_id),
            col(Meeting.lecturer_id),
            col(Meeting.finalised_on),
            sa.type_coerce(Meeting.votes, sa.String),
        )
        .where(col(Meeting.branch_id) == branch_id, col(Meeting.held_on) <= as_of)
        .order_by(col(Meeting.held_on))
    ).all()
    voted = {row[0] for row in rows if row[7] not in (None, "", "[]", "null")}
    counts = _voting_counts(session, branch_id) if voted else {}
    return [
        MeetingFact(
            id=str(meeting_id),
            kind=kind,
            held_on=held_on,
            title=title,
            group_id=str(group_id) if group_id else None,
            lecturer_is_secretary=secretary is not None and lecturer_id == secretary,
            finalised_on=finalised_on,
            has_votes=meeting_id in voted,
            expected_voting=counts.get(meeting_id, (0, 0))[0],
            present_voting=counts.get(meeting_id, (0, 0))[1],
        )
        for meeting_id, kind, held_on, title, group_id, lecturer_id, finalised_on, _votes in rows
    ]


def cadence_input(session: Session, ctx: CheckContext) -> CadenceInput:
    branch_id = ctx.branch.id
    secretary = _secretary(session, branch_id)
    facts = _meeting_facts(session, branch_id, ctx.as_of, secretary)
    if facts:
        start = facts[0].held_on
    else:
        first_member = _first_member_date(session, branch_id)
        start = dt.date(ctx.as_of.year - 1, 1, 1)
        if first_member is not None:
            start = max(start, first_member)
    plans = session.exec(select(MeetingPlan).where(MeetingPlan.branch_id == branch_id)).all()
    return CadenceInput(
        branch_id=str(branch_id),
        branch_name=ctx.branch.name,
        has_committee=ctx.branch.has_committee,
        start=start,
        as_of=ctx.as_of,
        meetings=facts,
        groups=_groups(session, branch_id),
        has_secretary=secretary is not None,
        plans=[PlanFact(p.year, p.quarter, p.filed_on) for p in plans] or None,
    )


def meeting_checks(session: Session, ctx: CheckContext) -> Iterable[Finding]:
    """MTG-* findings of one branch (DOMAIN.md §3)."""
    return cadence_findings(cadence_input(session, ctx), ctx.rules)


def finality_checks(session: Session, ctx: CheckContext) -> Iterable[Finding]:
    """MTG-TAMPERED / MTG-FINAL-UNVERIFIED: finalised records still as they were sealed."""
    rows = session.exec(
        select(Meeting)
        .where(Meeting.branch_id == ctx.branch.id, Meeting.status == MeetingStatus.FINALISED)
        .order_by(col(Meeting.held_on))
    ).all()
    broken = set(_finality.broken(session, [r.id for r in rows]))  # this branch's only
    facts = [
        SealFact(
            id=str(r.id),
            kind=r.kind,
            held_on=r.held_on,
            finalised_on=r.finalised_on,
            seal_intact=r.id not in broken,
            unverified=bool(r.names_shown and r.names_shown.unverified),
        )
        for r in rows
    ]
    # A finalisation date is compared with the real calendar, not a past ``--as-of``.
    return finality_findings(str(ctx.branch.id), facts, max(ctx.as_of, dt.date.today()))


def record_checks(session: Session, ctx: CheckContext) -> Iterable[Finding]:
    """MTG-THIN and MTG-CONSISTENCY: thin and self-contradicting records (DOMAIN.md §8)."""
    records = queries.records(session, ctx.branch.id, None, ctx.as_of)
    return record_findings(str(ctx.branch.id), records)


PROVIDERS: list[CheckProvider] = [meeting_checks, absence_checks, record_checks, finality_checks]
