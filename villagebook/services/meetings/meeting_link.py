"""The narrow interface other capabilities use to refer to 三会一课 meeting records.

Development (admission and conversion meetings) and 四议两公开 (the Party member
meeting) link to a general meeting by id and read its counts through these functions,
so they never depend on the meetings tables directly.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlmodel import Session


@dataclass(frozen=True)
class VoteSummary:
    motion: str
    yes: int
    no: int
    abstain: int
    secret_ballot: bool
    #: Written opinions of absent voting members counted in (DEV-ADMIT-VOTE).
    written_yes: int = 0


@dataclass(frozen=True)
class MeetingSummary:
    id: uuid.UUID
    branch_id: uuid.UUID
    kind: str  # e.g. "general" for 支部党员大会
    held_on: dt.date
    title: str
    finalised: bool
    expected_voting: int  # voting members expected on that date
    present_voting: int  # voting members present
    expected_members: int  # all members expected (full + probationary)
    present_members: int
    votes: tuple[VoteSummary, ...]


def meeting_summary(session: Session, meeting_id: uuid.UUID) -> MeetingSummary | None:
    """The summary of one meeting record, or None if there is no such record."""
    from villagebook.services.meetings import summary_of

    result: MeetingSummary | None = summary_of(session, meeting_id)
    return result


def general_meetings(
    session: Session,
    branch_id: uuid.UUID,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> list[MeetingSummary]:
    """Branch general meetings (支部党员大会) between start and end, by date."""
    from villagebook.services.meetings import general_meeting_summaries

    result: list[MeetingSummary] = general_meeting_summaries(session, branch_id, start, end)
    return result
