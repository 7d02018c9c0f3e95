"""The one place development reads 三会一课 meeting records (the meetings capability's
narrow interface): a linked general meeting's date and counts, and the meetings to link.

Only the imports below name the meetings modules that offer ``meeting_summary`` and
``general_meetings`` (and, for the demo data, a general meeting that decides a motion)."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlmodel import Session

from villagebook.domain.development.values import Ballot, LinkedMeeting, MeetingChoice
from villagebook.services.meetings import commands as meeting_commands
from villagebook.services.meetings import queries as meeting_queries


def linked_meeting(
    session: Session, meeting_id: uuid.UUID, person_name: str
) -> LinkedMeeting | None:
    """The linked general meeting's date and ballot; None if there is no such record.

    The vote about this person is the one whose motion names them, else the first secret
    ballot, else the first vote.
    """
    summary = meeting_queries.meeting_summary(session, meeting_id)
    if summary is None:
        return None
    votes = list(summary.votes)
    vote = next((v for v in votes if person_name and person_name in v.motion), None)
    vote = (
        vote or next((v for v in votes if v.secret_ballot), None) or (votes[0] if votes else None)
    )
    ballot = None
    if vote is not None:
        ballot = Ballot(
            expected_voting=summary.expected_voting,
            present_voting=summary.present_voting,
            yes=vote.yes,
            no=vote.no,
            abstain=vote.abstain,
            written_yes=vote.written_yes,
        )
    return LinkedMeeting(summary.held_on, summary.title, ballot, summary.branch_id, summary.kind)


def general_meetings(session: Session, branch_id: uuid.UUID) -> list[MeetingChoice]:
    """The branch's general meetings (支部党员大会), by date: what a meeting step may link."""
    return [
        MeetingChoice(m.id, m.held_on, m.title)
        for m in meeting_queries.general_meetings(session, branch_id)
    ]


def general_meeting_days(session: Session, branch_id: uuid.UUID) -> frozenset[dt.date]:
    """The days on which the branch has a general-meeting record (DEV-MEETING-LINK)."""
    return meeting_queries.general_meeting_days(session, branch_id)


def general_meetings_on(
    session: Session, branch_id: uuid.UUID, day: dt.date
) -> list[MeetingChoice]:
    """The branch's general meetings held on ``day``: what a meeting step of that day links."""
    return [
        MeetingChoice(m.id, m.held_on, m.title)
        for m in meeting_queries.general_meetings(session, branch_id, day, day)
    ]


def hold_general_meeting(
    session: Session,
    branch_id: uuid.UUID,
    day: dt.date,
    texts: meeting_commands.MotionMeeting,
    *,
    as_of: dt.date,
) -> uuid.UUID:
    """A finalised general-meeting record of ``day`` deciding one motion (demo data)."""
    return meeting_commands.general_meeting_deciding(session, branch_id, day, texts, as_of=as_of).id


MotionMeeting = meeting_commands.MotionMeeting
