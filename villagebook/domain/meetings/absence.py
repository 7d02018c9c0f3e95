"""MTG-ABSENT-6M: a member out of organisational life for six months without a valid reason.

党章 art. 9: a member who, without a valid reason, takes part in no organisational life
for six consecutive months is regarded as having left the Party; the branch must act
(DOMAIN.md §8).  The rule reads, for each full or probationary member, the activities they
were expected at (and any they attended) in date order:

- **took part**: present at any activity that day (also as 列席), or talked with in a
  谈心谈话 record;
- **excused**: 请假 with a reason (a valid reason; it keeps the member in touch);
- **missed**: 缺席, or 请假 without a reason.

A run of misses starts after the last activity the member took part in or was excused from
(or when the member's membership, or the branch's records, began).  When no participation
and no valid excuse follow for the rule's months (default 6), the member is flagged:

- still running on the check date: a breach (``error``), due 30 days before as ``due``;
- ended later by taking part again: ``warning`` (it happened; the branch notes what it did),
  for runs that ended within the last :data:`HORIZON_MONTHS` (older history is not
  reported again and again: the branch acts on what is current).

A run without any missed activity is not the member's doing (no meeting was held): the
cadence rules report that.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import NamedTuple

from villagebook.domain.common.calendar import add_months
from villagebook.domain.common.findings import Finding, Severity
from villagebook.domain.common.i18n import _
from villagebook.domain.common.rules import RuleSet

CODE = "MTG-ABSENT-6M"
PARAM = "MTG-ABSENT-6M.months"
DUE_WINDOW_DAYS = 30
#: Runs that ended (the member came back) longer ago than this are not reported.
HORIZON_MONTHS = 12


class Turnout(Enum):
    TOOK_PART = "took_part"
    EXCUSED = "excused"
    MISSED = "missed"


class Participation(NamedTuple):
    """A member at one activity on one day (a tuple: a branch's history has thousands)."""

    day: dt.date
    turnout: Turnout


@dataclass(frozen=True)
class MemberLife:
    """One member's organisational life as the rule reads it."""

    person_id: str
    name: str
    #: When the rule starts for this member: membership in the branch, or the branch's
    #: first record, whichever is later.
    since: dt.date
    events: Sequence[Participation]
    #: Activities missed between ``since`` and the first of ``events`` (when the history
    #: before the reported horizon is given as a summary, not event by event).
    missed_before: int = 0


@dataclass(frozen=True)
class AbsenceRun:
    """Months without taking part: from ``since`` up to ``until`` (None: still running)."""

    since: dt.date
    until: dt.date | None
    missed: int


def turnout(present: bool, on_leave: bool, reason: str) -> Turnout:
    """How one attendance line counts: present, 请假 with a reason, or a miss."""
    if present:
        return Turnout.TOOK_PART
    if on_leave and reason.strip():
        return Turnout.EXCUSED
    return Turnout.MISSED


def _days(events: Iterable[Participation]) -> list[tuple[dt.date, Turnout]]:
    """One turnout per day: taking part beats an excuse, an excuse beats a miss."""
    rank = {Turnout.TOOK_PART: 0, Turnout.EXCUSED: 1, Turnout.MISSED: 2}
    best: dict[dt.date, Turnout] = {}
    for event in events:
        current = best.get(event.day)
        if current is None or rank[event.turnout] < rank[current]:
            best[event.day] = event.turnout
    return sorted(best.items())


def absence_runs(life: MemberLife, as_of: dt.date, months: int) -> Iterator[AbsenceRun]:
    """Runs of missed activities lasting ``months`` or more (or still running on ``as_of``
    and due within 30 days)."""
    anchor = life.since
    missed = life.missed_before
    horizon = add_months(as_of, -HORIZON_MONTHS)
    for day, seen in _days(e for e in life.events if life.since <= e.day <= as_of):
        if seen is Turnout.MISSED:
            missed += 1
            continue
        if missed and day > add_months(anchor, months) and day >= horizon:
            yield AbsenceRun(anchor, day, missed)
        anchor, missed = day, 0
    if missed and (add_months(anchor, months) - as_of).days <= DUE_WINDOW_DAYS:
        yield AbsenceRun(anchor, None, missed)


def _finding(
    branch_id: str, life: MemberLife, run: AbsenceRun, as_of: dt.date, months: int
) -> Finding:
    reached = add_months(run.since, months)
    values = {"since": run.since.isoformat(), "months": months, "missed": run.missed}
    if run.until is not None:
        severity = Severity.WARNING
        message = _(
            "自{since}起连续{months}个月以上未参加组织生活（无正当理由缺席{missed}次），"
            "至{until}才再次参加；依照党章第九条，支部应说明处置情况",
            until=run.until.isoformat(),
            **values,
        )
    elif as_of >= reached:
        severity = Severity.ERROR
        message = _(
            "自{since}起连续{months}个月未参加组织生活（无正当理由缺席{missed}次）；"
            "依照党章第九条，支部应及时教育处置",
            **values,
        )
    else:
        severity = Severity.DUE
        message = _(
            "自{since}起未参加组织生活（无正当理由缺席{missed}次），"
            "到{reached}将满{months}个月，请及时联系谈心",
            reached=reached.isoformat(),
            **values,
        )
    return Finding(
        CODE,
        severity,
        life.name,
        message,
        branch_id=branch_id,
        subject_id=life.person_id,
        period=run.since.isoformat(),
        due=reached,
    )


def absence_findings(
    branch_id: str, members: Iterable[MemberLife], as_of: dt.date, rules: RuleSet | None = None
) -> list[Finding]:
    """MTG-ABSENT-6M for every member given (full and probationary members)."""
    months = (rules or RuleSet()).as_int(PARAM)
    if months <= 0:
        return []
    return [
        _finding(branch_id, life, run, as_of, months)
        for life in members
        for run in absence_runs(life, as_of, months)
    ]
