"""MTG-ABSENT-6M's facts: each member's attendance lines, talks and membership start.

The rule itself is pure (:mod:`villagebook.domain.meetings.absence`); this module reads what
it needs in four queries whatever the number of records.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlmodel import Session

from villagebook.domain.common.calendar import add_months
from villagebook.domain.common.findings import Finding
from villagebook.domain.meetings.absence import (
    HORIZON_MONTHS,
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
    record of the branch, if later).

    Ten years of a branch are some 11,000 attendance lines: the lines of the reported
    horizon are read one by one; before it, each member's last day present or excused and
    the activities missed since are enough (what runs on into the horizon)."""
    first = queries.first_meeting_date(session, branch_id)
    members = roster_queries.members_on(session, branch_id, as_of)
    if first is None or not members:
        return []
    horizon = add_months(as_of, -HORIZON_MONTHS)
    book = roster_queries.StatusBook(session, [m.person_id for m in members])
    talks: dict[str, list[dt.date]] = defaultdict(list)
    for day, talked in queries.talk_partners(session, branch_id, as_of):
        talks[talked.hex].append(day)
    events = _events(queries.participation(session, branch_id, as_of, horizon), talks, horizon)
    last_ok = queries.last_present(session, branch_id, horizon)
    early = _events(
        queries.participation(session, branch_id, horizon - dt.timedelta(days=1), only_absent=True),
        talks,
        None,
        before=horizon,
    )
    lives = []
    for member in members:
        key = member.person_id.hex
        since = max(_member_since(book.history.get(member.person_id, []), as_of) or first, first)
        anchor, missed = _before(since, last_ok.get(key), early.get(key, []))
        lives.append(
            MemberLife(str(member.person_id), member.name, anchor, events.get(key, []), missed)
        )
    return lives


def _events(
    rows: Iterable[Any],
    talks: dict[str, list[dt.date]],
    start: dt.date | None,
    *,
    before: dt.date | None = None,
) -> dict[str, list[Participation]]:
    """The participation of each person (by the id's 32 hex digits) in ``rows``, with the
    talks from ``start`` (or, with ``before``, the talks before that day)."""
    found: dict[str, list[Participation]] = defaultdict(list)
    present, leave = Presence.PRESENT.value, Presence.LEAVE.value
    for day, person, expected, presence, reason in rows:
        if presence == present:  # most lines: no need to weigh a reason
            seen = Turnout.TOOK_PART
        else:
            seen = turnout(False, presence == leave, reason or "")
        if expected or seen is Turnout.TOOK_PART:
            found[person].append(Participation(day, seen))
    for person, days in talks.items():
        for day in days:
            if (start is None or day >= start) and (before is None or day < before):
                found[person].append(Participation(day, Turnout.TOOK_PART))
    return found


def _before(
    since: dt.date, present: dt.date | None, early: list[Participation]
) -> tuple[dt.date, int]:
    """Where a member's run stands when the horizon opens: the last day they took part or
    were excused (or ``since``), and the days missed after it."""
    anchor = max(since, present) if present else since
    for event in early:
        if event.turnout is not Turnout.MISSED and event.day > anchor:
            anchor = event.day
    missed_days = {e.day for e in early if e.turnout is Turnout.MISSED and e.day > anchor}
    return anchor, len(missed_days)


def absence_checks(session: Session, ctx: CheckContext) -> Iterable[Finding]:
    """MTG-ABSENT-6M findings of one branch (DOMAIN.md §8)."""
    lives = member_lives(session, ctx.branch.id, ctx.as_of)
    return absence_findings(str(ctx.branch.id), lives, ctx.as_of, ctx.rules)
