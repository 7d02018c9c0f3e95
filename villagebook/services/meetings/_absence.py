"""MTG-ABSENT-6M's facts: each member's attendance lines, talks and membership start.

The rule itself is pure (:mod:`villagebook.domain.meetings.absence`); this module reads what
it needs in four queries whatever the number of records.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence

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


def _member_since(history: Sequence[tuple[dt.date, object]], as_of: dt.date) -> dt.date | None:
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
    events: dict[str, list[Participation]] = defaultdict(list)  # by the id's 32 hex digits
    present, leave = Presence.PRESENT.value, Presence.LEAVE.value
    for day, person, expected, presence, reason in queries.participation(session, branch_id, as_of):
        if presence == present:  # most lines: no need to weigh a reason
            seen = Turnout.TOOK_PART
        else:
            seen = turnout(False, presence == leave, reason or "")
        if expected or seen is Turnout.TOOK_PART:
            events[person].append(Participation(day, seen))
    for day, talked in queries.talk_partners(session, branch_id, as_of):
        events[talked.hex].append(Participation(day, Turnout.TOOK_PART))
    lives = []
    for member in members:
        since = _member_since(book.history.get(member.person_id, []), as_of)
        mine = events[member.person_id.hex]
        lives.append(
            MemberLife(str(member.person_id), member.name, max(since or first, first), mine)
        )
    return lives


def absence_checks(session: Session, ctx: CheckContext) -> Iterable[Finding]:
    """MTG-ABSENT-6M findings of one branch (DOMAIN.md §8)."""
    lives = member_lives(session, ctx.branch.id, ctx.as_of)
    return absence_findings(str(ctx.branch.id), lives, ctx.as_of, ctx.rules)
