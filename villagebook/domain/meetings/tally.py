"""Required against held: the organisational life of a period, kind by kind (pure).

The quarterly ledger, the annual report and the quarterly volume's compliance summary all
print the same figures: for each kind of activity (one row per Party group for group
meetings), how many the rules ask for in the period, how many were held and on which
dates, which months or quarters fell short, and how many records were finalised late.
The cadences are the rule set's (DOMAIN.md §3); a sub-period counts as required only when
it lies within the report's period, after the branch's first record, and has ended.
The attendance figures (per member, per month) are counted here too.
"""  # i18n: data (the labels are printed on official forms)

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from villagebook.domain.common.calendar import (
    Period,
    add_working_days,
    months_between,
    quarters_between,
    years_between,
)
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.meetings.values import KIND_LABELS, MeetingKind, Presence

#: Each kind's cadence: the rule parameter and the sub-periods it counts in.
CADENCES: dict[MeetingKind, tuple[str, Callable[[dt.date, dt.date], list[Period]]]] = {
    MeetingKind.GENERAL: ("MTG-GENERAL-Q.per_quarter", quarters_between),
    MeetingKind.COMMITTEE: ("MTG-COMMITTEE-M.per_month", months_between),
    MeetingKind.GROUP: ("MTG-GROUP-M.per_month", months_between),
    MeetingKind.LESSON: ("MTG-LESSON-Q.per_quarter", quarters_between),
    MeetingKind.THEME_DAY: ("MTG-THEMEDAY-M.per_month", months_between),
    MeetingKind.ORG_LIFE: ("MTG-ORGLIFE-Y.per_year", years_between),
    MeetingKind.APPRAISAL: ("MTG-APPRAISAL-Y.per_year", years_between),
    MeetingKind.TALKS: ("MTG-TALKS-Y.per_year", years_between),
}
#: Cadence words as printed (每月 / 每季度 / 每年).
CADENCE_WORDS: dict[Callable[[dt.date, dt.date], list[Period]], str] = {
    months_between: "每月",
    quarters_between: "每季度",
    years_between: "每年",
}


@dataclass(frozen=True)
class HeldMeeting:
    """A record as the tally reads it."""

    kind: MeetingKind
    held_on: dt.date
    group_id: str | None = None
    finalised_on: dt.date | None = None


@dataclass(frozen=True)
class ActivityRow:
    """One kind of activity (or one Party group's meetings) in a period."""

    kind: MeetingKind
    group_id: str | None
    label: str
    cadence: str  # e.g. "每月1次"
    required: int
    held: int
    dates: tuple[dt.date, ...]
    #: Sub-periods that ended short of the requirement (their Chinese labels).
    missing: tuple[str, ...]
    #: Sub-periods still running and short so far.
    pending: tuple[str, ...]
    #: Records finalised after the deadline (or still drafts past it).
    late: int

    @property
    def met(self) -> bool:
        return not self.missing


def _late(meeting: HeldMeeting, days: int, as_of: dt.date) -> bool:
    deadline = add_working_days(meeting.held_on, days)
    if meeting.finalised_on is not None:
        return meeting.finalised_on > deadline
    return as_of > deadline


def _row(
    kind: MeetingKind,
    group: tuple[str, str] | None,
    meetings: Sequence[HeldMeeting],
    window: tuple[dt.date, dt.date, dt.date, dt.date],
    rules: RuleSet,
) -> ActivityRow:
    start, end, as_of, since = window
    param, periods_of = CADENCES[kind]
    needed = rules.as_int(param)
    label = KIND_LABELS[kind] if group is None else f"{group[1]} {KIND_LABELS[kind]}"
    held = sorted(m.held_on for m in meetings)
    required = 0
    missing: list[str] = []
    pending: list[str] = []
    for period in periods_of(start, end):
        if period.start < start or period.end > end or period.end < since or needed <= 0:
            continue
        count = sum(1 for day in held if period.contains(day))
        if period.end > as_of:
            if count < needed:
                pending.append(period.label)
            continue
        required += needed
        if count < needed:
            missing.append(period.label)
    days = rules.as_int("MTG-RECORD-3WD.working_days")
    late = sum(1 for m in meetings if _late(m, days, as_of))
    return ActivityRow(
        kind=kind,
        group_id=group[0] if group else None,
        label=label,
        cadence=f"{CADENCE_WORDS[periods_of]}{needed}次" if needed > 0 else "不作要求",
        required=required,
        held=len(held),
        dates=tuple(held),
        missing=tuple(missing),
        pending=tuple(pending),
        late=late,
    )


def tally(
    start: dt.date,
    end: dt.date,
    *,
    as_of: dt.date,
    since: dt.date,
    has_committee: bool,
    groups: Sequence[tuple[str, str]],
    meetings: Sequence[HeldMeeting],
    rules: RuleSet | None = None,
) -> list[ActivityRow]:
    """Every kind's row for ``[start, end]``; ``since`` is the branch's first record (no
    requirement before it), ``groups`` are ``(id, name)`` of the Party groups."""
    rules = rules or RuleSet()
    window = (start, end, as_of, since)
    inside = [m for m in meetings if start <= m.held_on <= end]
    rows = []
    for kind in MeetingKind:
        of_kind = [m for m in inside if m.kind is kind]
        if kind is MeetingKind.COMMITTEE and not has_committee:
            continue
        if kind is MeetingKind.GROUP:
            for group in groups:
                mine = [m for m in of_kind if m.group_id == group[0]]
                rows.append(_row(kind, group, mine, window, rules))
            continue
        rows.append(_row(kind, None, of_kind, window, rules))
    return rows


# --- attendance ------------------------------------------------------------------------------


@dataclass(frozen=True)
class AttendanceLine:
    """One person on one record's attendance grid (an expected member, or 列席)."""

    meeting_id: str
    kind: MeetingKind
    held_on: dt.date
    person_id: str | None
    name: str
    expected: bool
    presence: Presence
    reason: str = ""
    group_id: str | None = None


@dataclass(frozen=True)
class MemberAttendance:
    """One member's attendance over a period: 应参加 / 参加 / 请假 / 缺席."""

    person_id: str
    name: str
    expected: int
    present: int
    leave: int
    absent: int

    @property
    def rate(self) -> float | None:
        return self.present / self.expected if self.expected else None


def rate_text(rate: float | None) -> str:
    """A rate as printed: 87.5% (— when nothing was expected)."""
    return "—" if rate is None else f"{rate * 100:.1f}%"


def member_attendance(lines: Iterable[AttendanceLine]) -> list[MemberAttendance]:
    """Per member (expected lines only), sorted by name."""
    counts: dict[str, list[int]] = {}
    names: dict[str, str] = {}
    for line in lines:
        if not line.expected or line.person_id is None:
            continue
        row = counts.setdefault(line.person_id, [0, 0, 0, 0])
        names[line.person_id] = line.name
        row[0] += 1
        row[1 + (PRESENCE_ORDER.index(line.presence))] += 1
    return sorted(
        (MemberAttendance(pid, names[pid], *row) for pid, row in counts.items()),
        key=lambda m: m.name,
    )


PRESENCE_ORDER = (Presence.PRESENT, Presence.LEAVE, Presence.ABSENT)


def overall_rate(lines: Iterable[AttendanceLine]) -> tuple[int, int]:
    """(present, expected) over expected members' lines."""
    expected = [line for line in lines if line.expected]
    return sum(1 for line in expected if line.presence is Presence.PRESENT), len(expected)


def monthly_rates(lines: Iterable[AttendanceLine], year: int) -> list[tuple[int, int]]:
    """(present, expected) for each month of ``year`` (12 pairs)."""
    months = [[0, 0] for _ in range(12)]
    for line in lines:
        if line.expected and line.held_on.year == year:
            months[line.held_on.month - 1][1] += 1
            if line.presence is Presence.PRESENT:
                months[line.held_on.month - 1][0] += 1
    return [(p, e) for p, e in months]


def row_rates(rows: Iterable[ActivityRow], lines: Iterable[AttendanceLine]) -> list[float | None]:
    """The attendance rate of each activity row (its kind, and its Party group if any)."""
    counts: dict[tuple[MeetingKind, str | None], list[int]] = {}
    for line in lines:
        if not line.expected:
            continue
        key = (line.kind, line.group_id if line.kind is MeetingKind.GROUP else None)
        pair = counts.setdefault(key, [0, 0])
        pair[1] += 1
        pair[0] += line.presence is Presence.PRESENT
    rates: list[float | None] = []
    for row in rows:
        present, expected = counts.get((row.kind, row.group_id), [0, 0])
        rates.append(present / expected if expected else None)
    return rates
