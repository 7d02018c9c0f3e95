"""Required against held, kind by kind; attendance per member and per month."""

from __future__ import annotations

import datetime as dt

from villagebook.domain.common.rules import RuleSet
from villagebook.domain.meetings.tally import (
    AttendanceLine,
    HeldMeeting,
    member_attendance,
    monthly_rates,
    rate_text,
    row_rates,
    tally,
)
from villagebook.domain.meetings.values import MeetingKind, Presence

K = MeetingKind
Q3 = (dt.date(2026, 7, 1), dt.date(2026, 9, 30))


def _rows(meetings: list[HeldMeeting], as_of: dt.date = dt.date(2026, 11, 1)) -> dict[str, object]:
    rows = tally(
        *Q3,
        as_of=as_of,
        since=dt.date(2025, 1, 1),
        has_committee=True,
        groups=[("g1", "第一党小组")],
        meetings=meetings,
    )
    return {r.label: r for r in rows}


def test_a_month_without_a_committee_meeting_is_missing() -> None:
    held = [
        HeldMeeting(K.COMMITTEE, dt.date(2026, m, 3), None, dt.date(2026, m, 4)) for m in (7, 9)
    ]
    row = _rows(held)["支部委员会会议"]
    assert (row.required, row.held, row.missing) == (3, 2, ("2026年8月",))  # type: ignore[attr-defined]
    assert not row.met  # type: ignore[attr-defined]


def test_quarterly_and_yearly_kinds_and_groups() -> None:
    rows = _rows(
        [
            HeldMeeting(K.GENERAL, dt.date(2026, 8, 20)),
            HeldMeeting(K.GROUP, dt.date(2026, 7, 15), "g1"),
        ]
    )
    assert rows["支部党员大会"].required == 1 and rows["支部党员大会"].met  # type: ignore[attr-defined]
    assert rows["党课"].missing == ("2026年第3季度",)  # type: ignore[attr-defined]
    assert rows["组织生活会"].required == 0  # the year is not inside the quarter  # type: ignore[attr-defined]
    assert rows["第一党小组 党小组会"].missing == ("2026年8月", "2026年9月")  # type: ignore[attr-defined]


def test_periods_not_yet_over_are_pending_not_missing() -> None:
    row = _rows([], as_of=dt.date(2026, 8, 15))["主题党日"]
    assert (row.required, row.missing, row.pending) == (
        1,
        ("2026年7月",),
        ("2026年8月", "2026年9月"),
    )  # type: ignore[attr-defined]


def test_late_records_are_counted_by_the_rule_sets_working_days() -> None:
    late = HeldMeeting(K.GENERAL, dt.date(2026, 8, 20), None, dt.date(2026, 9, 1))
    assert _rows([late])["支部党员大会"].late == 1  # type: ignore[attr-defined]
    on_time = HeldMeeting(K.GENERAL, dt.date(2026, 8, 20), None, dt.date(2026, 8, 21))
    assert _rows([on_time])["支部党员大会"].late == 0  # type: ignore[attr-defined]
    lenient = RuleSet().replace({"MTG-RECORD-3WD.working_days": 20})
    rows = tally(
        *Q3,
        as_of=Q3[1],
        since=Q3[0],
        has_committee=False,
        groups=[],
        meetings=[late],
        rules=lenient,
    )
    assert next(r for r in rows if r.kind is K.GENERAL).late == 0


def _line(
    person: str, presence: Presence, day: dt.date, kind: K = K.GENERAL, expected: bool = True
) -> AttendanceLine:
    return AttendanceLine("m", kind, day, person, f"名{person}", expected, presence)


def test_attendance_per_member_and_per_month() -> None:
    day = dt.date(2026, 3, 5)
    lines = [
        _line("a", Presence.PRESENT, day),
        _line("a", Presence.LEAVE, day.replace(month=4)),
        _line("b", Presence.ABSENT, day),
        _line("b", Presence.PRESENT, day, expected=False),  # 列席 does not count
    ]
    a, b = member_attendance(lines)
    assert (a.expected, a.present, a.leave, a.absent, rate_text(a.rate)) == (2, 1, 1, 0, "50.0%")
    assert (b.expected, b.present, b.absent) == (1, 0, 1)
    assert monthly_rates(lines, 2026)[2:4] == [(1, 2), (0, 1)]
    assert rate_text(None) == "—"


def test_row_rates_follow_kind_and_group() -> None:
    rows = tally(
        *Q3, as_of=Q3[1], since=Q3[0], has_committee=False, groups=[("g1", "一组")], meetings=[]
    )
    lines = [
        AttendanceLine(
            "m", K.GROUP, dt.date(2026, 7, 1), "a", "甲", True, Presence.PRESENT, "", "g1"
        ),
        AttendanceLine(
            "m", K.GROUP, dt.date(2026, 7, 1), "b", "乙", True, Presence.ABSENT, "", "g1"
        ),
    ]
    rates = dict(zip([r.label for r in rows], row_rates(rows, lines), strict=True))
    assert rates["一组 党小组会"] == 0.5 and rates["支部党员大会"] is None
