"""Light queries for the meetings window: the period calendar and pick lists."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session, col, select

from villagebook.domain.meetings.values import MeetingKind, MeetingStatus
from villagebook.services.meetings.summary import display_title
from villagebook.services.roster.queries import RosterEntry, roster_on
from villagebook.storage.models.meetings import Meeting


@dataclass(frozen=True)
class CalendarEntry:
    id: uuid.UUID
    kind: MeetingKind
    held_on: dt.date
    group_id: uuid.UUID | None
    status: MeetingStatus
    title: str


def calendar_entries(
    session: Session, branch_id: uuid.UUID, start: dt.date, end: dt.date
) -> list[CalendarEntry]:
    """Every record between start and end (one query, only the columns the view shows)."""
    rows = session.exec(
        select(Meeting)
        .where(
            Meeting.branch_id == branch_id,
            col(Meeting.held_on) >= start,
            col(Meeting.held_on) <= end,
        )
        .order_by(col(Meeting.held_on))
    ).all()
    return [
        CalendarEntry(m.id, m.kind, m.held_on, m.group_id, m.status, display_title(m)) for m in rows
    ]


def first_meeting_date(session: Session, branch_id: uuid.UUID) -> dt.date | None:
    value = session.exec(
        select(sa.func.min(Meeting.held_on)).where(Meeting.branch_id == branch_id)
    ).one()
    return value if isinstance(value, dt.date) else None


def places(session: Session, branch_id: uuid.UUID, limit: int = 10) -> list[str]:
    """Places used before, most recent first (offered by the editor)."""
    rows = session.exec(
        select(col(Meeting.place), sa.func.max(Meeting.held_on))
        .where(Meeting.branch_id == branch_id, col(Meeting.place) != "")
        .group_by(col(Meeting.place))
        .order_by(sa.func.max(Meeting.held_on).desc())
        .limit(limit)
    ).all()
    return [str(r[0]) for r in rows]


def members_on(session: Session, branch_id: uuid.UUID, day: dt.date) -> list[RosterEntry]:
    """Members on ``day`` (host, recorder, lecturer and speaker choices)."""
    return [e for e in roster_on(session, branch_id, day) if e.is_member]
