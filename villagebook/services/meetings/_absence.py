"""MTG-ABSENT-6M's facts: each member's attendance lines, talks and membership start.

The rule itself is pure (:mod:`villagebook.domain.meetings.absence`); this module reads what
it needs in four queries whatever the number of records.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Iterable

from sqlmodel import Session

from villagebook.domain.common.findings import Finding
from villagebook.domain.meetings.absence import (
    MemberLife,
    Participation,
    Turnout,
    absence_findings,
    turnout,
)
from villagebook.domain.meetings.values import Presence
from villagebook.domain.roster.values import MEMBER_STATUSES
from villagebook.services.checks import CheckContext
from villagebook.services.meetings import queries
from villagebook.services.roster import queries as roster_queries


def _member_since(history: list[tuple[dt.date, object]], as_of: dt.date) -> dt.date | None:
    """The first day of the membership that lasts to ``as_of`` (None: not a member)."""
    since: dt.date | None = None
    for day, status in history:
        if day > as_of:
            break
        member = status in MEMBER_STATUSES
        since = (since or day) if member else None
    return since


def member_lives(session: Session, branch_id: uuid.UUID, as_of: dt.date) -> list[MemberLife]:
    """Every member on ``as_of`` with their participation since joining (or the first
    record of the branch, if later)."""
    first = queries.first_meeting_date(session, branch_id)
    members = roster_queries.members_on(session, branch_id, as_of)
    if first is None or not members:
        return []
    book = roster_queries.StatusBook(session, [m.person_id for m in members])
    events: dict[str, list[Participation]] = defaultdict(list)
    for line in queries.attendance_lines(session, branch_id, end=as_of):
        if line.person_id is None:
            continue
        seen = turnout(
            line.presence is Presence.PRESENT, line.presence is Presence.LEAVE, line.reason
        )
        if line.expected or seen is Turnout.TOOK_PART:
            events[line.person_id].append(Participation(line.held_on, seen))
    for day, person in queries.talk_partners(session, branch_id, as_of):
        events[str(person)].append(Participation(day, Turnout.TOOK_PART))
    lives = []
    for member in members:
        since = _member_since(book.history.get(member.person_id, []), as_of)
        key = str(member.person_id)
        lives.append(MemberLife(key, member.name, max(since or first, first), events[key]))
    return lives


def absence_checks(session: Session, ctx: CheckContext) -> Iterable[Finding]:
    """MTG-ABSENT-6M findings of one branch (DOMAIN.md §8)."""
    lives = member_lives(session, ctx.branch.id, ctx.as_of)
    return absence_findings(str(ctx.branch.id), lives, ctx.as_of, ctx.rules)
