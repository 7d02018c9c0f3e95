"""The one place 四议两公开 reads 三会一课 meeting records: a linked general meeting's date and
counts (step 3, 党员大会审议), and the general meetings a step may link to.

Only the import below names the meetings module that offers ``meeting_summary`` and
``general_meetings``; the protocols say what this capability reads of their summaries.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Protocol

from sqlmodel import Session

from villagebook.domain.deliberations.values import Basis, Counts, LinkedMeeting
from villagebook.services.meetings import commands as meeting_commands
from villagebook.services.meetings import queries as meeting_queries


class _Vote(Protocol):
    @property
    def yes(self) -> int: ...

    @property
    def written_yes(self) -> int: ...

    @property
    def no(self) -> int: ...

    @property
    def abstain(self) -> int: ...


class _Summary(Protocol):
    @property
    def id(self) -> uuid.UUID: ...

    @property
    def held_on(self) -> dt.date: ...

    @property
    def title(self) -> str: ...

    @property
    def expected_voting(self) -> int: ...

    @property
    def present_voting(self) -> int: ...

    @property
    def votes(self) -> Sequence[_Vote]: ...


def _linked(summary: _Summary) -> LinkedMeeting:
    """The record's date, and its voting members and first vote as the step's counts."""
    first = summary.votes[0] if summary.votes else None
    counts = Counts(
        Basis.VOTING_MEMBERS,
        summary.expected_voting,
        summary.present_voting,
        first.yes + first.written_yes if first else None,
        first.no if first else None,
        first.abstain if first else None,
    )
    return LinkedMeeting(summary.id, summary.held_on, summary.title, counts)


def linked_meeting(session: Session, meeting_id: uuid.UUID | None) -> LinkedMeeting | None:
    """The 三会一课 meeting a step links to, if the meetings capability has it."""
    if meeting_id is None:
        return None
    try:
        summary = meeting_queries.meeting_summary(session, meeting_id)
    except ImportError:
        return None
    return _linked(summary) if summary is not None else None


def general_meetings(session: Session, branch_id: uuid.UUID) -> list[LinkedMeeting]:
    """The branch's general meeting records a member meeting step may link to."""
    try:
        found = meeting_queries.general_meetings(session, branch_id)
    except ImportError:
        return []
    return [_linked(m) for m in found]


def general_meeting_days(session: Session, branch_id: uuid.UUID) -> frozenset[dt.date]:
    """The days on which the branch has a general-meeting record (DLB-MEETING-LINK)."""
    try:
        return meeting_queries.general_meeting_days(session, branch_id)
    except ImportError:
        return frozenset()


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
