"""MTG-ABSENT-6M (党章 art. 9): six months without organisational life and without a valid
reason.  请假 with a reason is a valid reason; 缺席, or 请假 without a reason, is not."""

from __future__ import annotations

import datetime as dt

from villagebook.domain.common.findings import Severity
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.meetings.absence import (
    CODE,
    MemberLife,
    Participation,
    Turnout,
    absence_findings,
    turnout,
)

START = dt.date(2026, 1, 1)


def _monthly(turnouts: list[Turnout], first: dt.date = dt.date(2026, 1, 10)) -> list[Participation]:
    """One activity on the 10th of each month from ``first``."""
    days = [first.replace(month=first.month + i) for i in range(len(turnouts))]
    return [Participation(day, t) for day, t in zip(days, turnouts, strict=True)]


def _life(turnouts: list[Turnout]) -> MemberLife:
    return MemberLife("p1", "张三", START, _monthly(turnouts))


T, E, M = Turnout.TOOK_PART, Turnout.EXCUSED, Turnout.MISSED


def test_mtg_absent_6m_flags_six_months_missed_without_a_valid_reason() -> None:
    life = _life([T, M, M, M, M, M, M, M])  # took part in January, then missed Feb–Aug
    findings = absence_findings("b", [life], dt.date(2026, 8, 20))
    assert [(f.code, f.severity, f.subject_id) for f in findings] == [(CODE, Severity.ERROR, "p1")]
    assert findings[0].period == "2026-01-10" and findings[0].due == dt.date(2026, 7, 10)
    assert "党章第九条" in findings[0].message or "Constitution" in findings[0].message


def test_mtg_absent_6m_passes_when_leave_was_asked_with_a_reason() -> None:
    """外出务工 with 请假 and a reason each time: a valid reason, nothing to flag."""
    life = _life([T, E, E, E, E, E, E, E])
    assert absence_findings("b", [life], dt.date(2026, 8, 20)) == []


def test_mtg_absent_6m_leave_without_a_reason_is_not_valid() -> None:
    assert turnout(False, True, "") is Turnout.MISSED
    assert turnout(False, True, "  ") is Turnout.MISSED
    assert turnout(False, True, "外出务工") is Turnout.EXCUSED
    assert turnout(False, False, "外出务工") is Turnout.MISSED  # 缺席 stays a miss
    assert turnout(True, False, "") is Turnout.TOOK_PART


def test_mtg_absent_6m_passes_when_the_member_took_part_within_six_months() -> None:
    life = _life([T, M, M, M, M, T, M, M])  # June: took part again
    assert absence_findings("b", [life], dt.date(2026, 8, 20)) == []


def test_mtg_absent_6m_warns_of_a_run_that_ended_late() -> None:
    """Back after more than six months: it happened, the branch states what it did."""
    life = _life([T, M, M, M, M, M, M, M, T])  # back in September
    [finding] = absence_findings("b", [life], dt.date(2026, 9, 20))
    assert finding.severity is Severity.WARNING and "2026-09-10" in finding.message


def test_mtg_absent_6m_is_due_in_the_month_before() -> None:
    life = _life([T, M, M, M, M, M])  # Feb–Jun missed; six months reached on 10 July
    [finding] = absence_findings("b", [life], dt.date(2026, 6, 20))
    assert finding.severity is Severity.DUE and finding.due == dt.date(2026, 7, 10)
    assert absence_findings("b", [life], dt.date(2026, 5, 20)) == []


def test_mtg_absent_6m_counts_from_membership_and_needs_a_missed_activity() -> None:
    joined = MemberLife("p2", "李四", dt.date(2026, 3, 1), _monthly([M, M, M, M, M, M, M, M]))
    [finding] = absence_findings("b", [joined], dt.date(2026, 9, 20))
    assert finding.period == "2026-03-01"  # not from January: not yet a member then
    no_meetings = MemberLife("p3", "王五", START, [])
    assert absence_findings("b", [no_meetings], dt.date(2026, 12, 31)) == []


def test_mtg_absent_6m_takes_part_beats_a_miss_on_the_same_day() -> None:
    day = dt.date(2026, 4, 10)
    events = [*_monthly([T, M, M, M, M, M, M, M]), Participation(day, T)]
    assert (
        absence_findings("b", [MemberLife("p1", "张三", START, events)], dt.date(2026, 8, 20)) == []
    )


def test_mtg_absent_6m_months_come_from_the_rule_set() -> None:
    life = _life([T, M, M, M, M])
    stricter = RuleSet().replace({"MTG-ABSENT-6M.months": 3})
    assert [f.severity for f in absence_findings("b", [life], dt.date(2026, 5, 20), stricter)] == [
        Severity.ERROR
    ]
    off = RuleSet().replace({"MTG-ABSENT-6M.months": 0})
    assert absence_findings("b", [life], dt.date(2026, 12, 20), off) == []


def test_mtg_absent_6m_a_run_that_ended_over_a_year_ago_is_not_reported_again() -> None:
    life = _life([T, M, M, M, M, M, M, M, T])  # back on 10 September 2026
    assert len(absence_findings("b", [life], dt.date(2027, 9, 1))) == 1
    assert absence_findings("b", [life], dt.date(2027, 9, 20)) == []


def test_mtg_absent_6m_history_before_the_horizon_as_a_summary() -> None:
    """The misses before the first event given count as if given one by one."""
    summary = MemberLife(
        "p1", "张三", dt.date(2026, 1, 10), _monthly([M, M], dt.date(2026, 7, 10)), 5
    )
    [finding] = absence_findings("b", [summary], dt.date(2026, 8, 20))
    assert finding.period == "2026-01-10" and "7" in finding.message
