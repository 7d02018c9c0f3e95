"""Counts and votes of meeting records, as other capabilities read them (meeting_link)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlmodel import Session, col, select

from villagebook.domain.meetings.values import MeetingKind, MeetingStatus, Presence
from villagebook.services.meetings.meeting_link import MeetingSummary, VoteSummary
from villagebook.storage.models.meetings import Meeting, MeetingAttendance


def display_title(meeting: Meeting) -> str:
    if meeting.title:
        return meeting.title
    if meeting.topics:
        return "；".join(meeting.topics)[:100]
    return meeting.kind.label


def _summary(meeting: Meeting, attendance: Sequence[MeetingAttendance]) -> MeetingSummary:
    expected = [a for a in attendance if a.expected]
    voting = [a for a in expected if a.voting]
    return MeetingSummary(
        id=meeting.id,
        branch_id=meeting.branch_id,
        kind=meeting.kind.value,
        held_on=meeting.held_on,
        title=display_title(meeting),
        finalised=meeting.status is MeetingStatus.FINALISED,
        expected_voting=len(voting),
        present_voting=sum(1 for a in voting if a.presence is Presence.PRESENT),
        expected_members=len(expected),
        present_members=sum(1 for a in expected if a.presence is Presence.PRESENT),
        votes=tuple(
            VoteSummary(
                motion=str(v["motion"]),
                yes=int(v["yes"]),
                no=int(v["no"]),
                abstain=int(v["abstain"]),
                secret_ballot=bool(v["secret_ballot"]),
                written_yes=int(v.get("written_yes", 0)),
            )
            for v in meeting.votes
        ),
    )


def _attendance(session: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, list[MeetingAttendance]]:
    found: dict[uuid.UUID, list[MeetingAttendance]] = {i: [] for i in ids}
    if ids:
        rows = session.exec(
            select(MeetingAttendance).where(col(MeetingAttendance.meeting_id).in_(ids))
        )
        for row in rows:
            found[row.meeting_id].append(row)
    return found


def summary_of(session: Session, meeting_id: uuid.UUID) -> MeetingSummary | None:
    """The summary of one record, or None if there is no such record."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        return None
    return _summary(meeting, _attendance(session, [meeting.id])[meeting.id])


def general_meeting_summaries(
    session: Session,
    branch_id: uuid.UUID,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> list[MeetingSummary]:
    """Branch general meetings (支部党员大会) between start and end (inclusive), by date."""
    query = select(Meeting).where(
        Meeting.branch_id == branch_id, Meeting.kind == MeetingKind.GENERAL
    )
    if start is not None:
        query = query.where(col(Meeting.held_on) >= start)
    if end is not None:
        query = query.where(col(Meeting.held_on) <= end)
    meetings = list(session.exec(query.order_by(col(Meeting.held_on), col(Meeting.created_at))))
    attendance = _attendance(session, [m.id for m in meetings])
    return [_summary(m, attendance[m.id]) for m in meetings]
