"""The MTG-* rule codes of DOMAIN.md §3, each with passing and failing cases."""

from __future__ import annotations

import datetime as dt

from villagebook.domain.common.findings import Finding, Severity
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.meetings.checks import (
    CadenceInput,
    GroupFact,
    MeetingFact,
    PlanFact,
    cadence_findings,
)
from villagebook.domain.meetings.values import MeetingKind

K = MeetingKind


def _facts(kind: MeetingKind, days: list[dt.date], **kw: object) -> list[MeetingFact]:
    return [
        MeetingFact(id=f"{kind}-{d}", kind=kind, held_on=d, finalised_on=d, **kw)  # type: ignore[arg-type]
        for d in days
    ]


def _monthly(kind: MeetingKind, year: int, months: range, **kw: object) -> list[MeetingFact]:
    return _facts(kind, [dt.date(year, m, 10) for m in months], **kw)


def _run(
    meetings: list[MeetingFact],
    *,
    start: dt.date = dt.date(2025, 1, 1),
    as_of: dt.date = dt.date(2026, 1, 10),
    has_committee: bool = False,
    groups: tuple[GroupFact, ...] = (),
    has_secretary: bool = False,
    plans: list[PlanFact] | None = None,
    rules: RuleSet | None = None,
) -> list[Finding]:
    data = CadenceInput(
        branch_id="b",
        branch_name="测试支部",
        has_committee=has_committee,
        start=start,
        as_of=as_of,
        meetings=meetings,
        groups=groups,
        has_secretary=has_secretary,
        plans=plans,
    )
    return cadence_findings(data, rules or RuleSet())


def _codes(findings: list[Finding], code: str, severity: Severity | None = None) -> list[str]:
    return [
        f.period or f.subject
        for f in findings
        if f.code == code and (severity is None or f.severity is severity)
    ]


def _complete_year() -> list[MeetingFact]:
    """Everything a branch without committee or groups needs in 2025."""
    return (
        _facts(K.GENERAL, [dt.date(2025, m, 5) for m in (1, 4, 7, 10)])
        + _facts(K.LESSON, [dt.date(2025, m, 6) for m in (2, 5, 8, 11)])
        + _monthly(K.THEME_DAY, 2025, range(1, 13))
        + _facts(K.ORG_LIFE, [dt.date(2025, 12, 20)])
        + _facts(K.APPRAISAL, [dt.date(2025, 12, 21)])
        + _facts(K.TALKS, [dt.date(2025, 11, 3)])
    )


def test_a_complete_year_has_no_breach() -> None:
    findings = _run(_complete_year())
    assert [f for f in findings if f.severity is Severity.ERROR] == []
    assert [f for f in findings if f.severity is Severity.WARNING] == []


def test_mtg_general_q_quarter_boundary() -> None:
    meetings = [m for m in _complete_year() if m.kind is not K.GENERAL]
    # 31 March counts for Q1, 1 April for Q2; Q3 and Q4 have none
    meetings += _facts(K.GENERAL, [dt.date(2025, 3, 31), dt.date(2025, 4, 1)])
    findings = _run(meetings)
    assert _codes(findings, "MTG-GENERAL-Q", Severity.ERROR) == ["2025年第3季度", "2025年第4季度"]
    message = next(f.message for f in findings if f.code == "MTG-GENERAL-Q")
    assert "支部党员大会应至少1次，实有0次" in message


def test_mtg_general_q_current_quarter_is_due_not_a_breach() -> None:
    findings = _run(_complete_year(), as_of=dt.date(2026, 3, 10))
    assert _codes(findings, "MTG-GENERAL-Q") == ["2026年第1季度"]
    assert _codes(findings, "MTG-GENERAL-Q", Severity.DUE) == ["2026年第1季度"]
    # far from the quarter's end: not even due yet
    assert _codes(_run(_complete_year(), as_of=dt.date(2026, 1, 10)), "MTG-GENERAL-Q") == []


def test_checks_start_at_the_first_activity() -> None:
    late_start = [m for m in _complete_year() if m.held_on >= dt.date(2025, 7, 1)]
    findings = _run(late_start, start=dt.date(2025, 7, 1))
    assert [f for f in findings if f.severity is Severity.ERROR] == []


def test_mtg_committee_m_only_with_a_committee() -> None:
    meetings = _complete_year() + _monthly(K.COMMITTEE, 2025, range(1, 13))
    assert _codes(_run(meetings, has_committee=True), "MTG-COMMITTEE-M", Severity.ERROR) == []
    gap = [m for m in meetings if not (m.kind is K.COMMITTEE and m.held_on.month == 6)]
    findings = _run(gap, has_committee=True)
    assert _codes(findings, "MTG-COMMITTEE-M", Severity.ERROR) == ["2025年6月"]
    assert _codes(findings, "MTG-COMMITTEE-M", Severity.DUE) == ["2026年1月"]
    assert _codes(_run(gap, has_committee=False), "MTG-COMMITTEE-M") == []


def test_mtg_group_m_per_group_from_its_first_member() -> None:
    groups = (
        GroupFact("g1", "第一党小组", dt.date(2020, 1, 1)),
        GroupFact("g2", "第二党小组", dt.date(2025, 11, 15)),
    )
    meetings = _complete_year() + _monthly(K.GROUP, 2025, range(1, 13), group_id="g1")
    meetings += _facts(K.GROUP, [dt.date(2025, 11, 20)], group_id="g2")
    findings = _run(meetings, groups=groups)
    errors = [f for f in findings if f.code == "MTG-GROUP-M" and f.severity is Severity.ERROR]
    assert [f.subject for f in errors] == ["第二党小组 2025年12月"]
    assert "党小组会（第二党小组）" in errors[0].message


def test_mtg_lesson_q_and_the_secretary_lesson() -> None:
    meetings = [m for m in _complete_year() if not (m.kind is K.LESSON and m.held_on.month == 8)]
    findings = _run(meetings, has_secretary=True)
    assert _codes(findings, "MTG-LESSON-Q", Severity.WARNING) == ["2025年第3季度", "2025年"]
    assert any(f.subject.startswith("书记讲党课") for f in findings)
    meetings += _facts(K.LESSON, [dt.date(2025, 9, 1)], lecturer_is_secretary=True)
    assert _codes(_run(meetings, has_secretary=True), "MTG-LESSON-Q") == []


def test_mtg_themeday_m_month_boundary() -> None:
    meetings = [m for m in _complete_year() if m.kind is not K.THEME_DAY]
    meetings += _facts(K.THEME_DAY, [dt.date(2025, m, 1) for m in range(1, 13) if m != 2])
    meetings += _facts(K.THEME_DAY, [dt.date(2025, 1, 31)])  # two in January, none in February
    assert _codes(_run(meetings), "MTG-THEMEDAY-M", Severity.ERROR) == ["2025年2月"]


def test_mtg_orglife_y_year_boundary() -> None:
    meetings = [m for m in _complete_year() if m.kind is not K.ORG_LIFE]
    meetings += _facts(K.ORG_LIFE, [dt.date(2026, 1, 2)])  # early next year: 2025 still missing
    findings = _run(meetings)
    assert _codes(findings, "MTG-ORGLIFE-Y", Severity.ERROR) == ["2025年"]
    assert _codes(_run(_complete_year()), "MTG-ORGLIFE-Y") == []


def test_mtg_appraisal_y_and_talks_y() -> None:
    meetings = [m for m in _complete_year() if m.kind not in (K.APPRAISAL, K.TALKS)]
    findings = _run(meetings)
    assert _codes(findings, "MTG-APPRAISAL-Y", Severity.WARNING) == ["2025年"]
    assert _codes(findings, "MTG-TALKS-Y", Severity.WARNING) == ["2025年"]
    assert _codes(_run(_complete_year()), "MTG-APPRAISAL-Y") == []


def test_thresholds_come_from_the_rule_set() -> None:
    rules = RuleSet().replace({"MTG-GENERAL-Q.per_quarter": 2})
    findings = _run(_complete_year(), rules=rules)
    assert len(_codes(findings, "MTG-GENERAL-Q", Severity.ERROR)) == 4


def test_mtg_quorum_finding_for_a_general_meeting_that_voted() -> None:
    good = MeetingFact(
        "ok",
        K.GENERAL,
        dt.date(2025, 4, 5),
        finalised_on=dt.date(2025, 4, 5),
        has_votes=True,
        expected_voting=10,
        present_voting=5,
    )
    bad = MeetingFact(
        "bad",
        K.GENERAL,
        dt.date(2025, 7, 5),
        finalised_on=dt.date(2025, 7, 5),
        has_votes=True,
        expected_voting=10,
        present_voting=4,
    )
    findings = _run([*_complete_year(), good, bad])
    assert [f.subject_id for f in findings if f.code == "MTG-QUORUM"] == ["bad"]
    assert "不足应到10名的50%" in next(f.message for f in findings if f.code == "MTG-QUORUM")


def _record(held: dt.date, finalised: dt.date | None) -> MeetingFact:
    return MeetingFact("m", K.COMMITTEE, held, finalised_on=finalised)


def test_mtg_record_3wd_over_the_national_day_holiday_week() -> None:
    # 30 Sep 2025: 1-8 Oct are holidays, 11 Oct (a Saturday) a make-up working day
    held = dt.date(2025, 9, 30)
    on_time = _run([_record(held, dt.date(2025, 10, 11))], as_of=dt.date(2025, 10, 20))
    late = _run([_record(held, dt.date(2025, 10, 13))], as_of=dt.date(2025, 10, 20))
    assert _codes(on_time, "MTG-RECORD-3WD") == []
    assert [f.severity for f in late if f.code == "MTG-RECORD-3WD"] == [Severity.WARNING]
    assert "应在2025-10-11前" in next(f.message for f in late if f.code == "MTG-RECORD-3WD")


def test_mtg_record_3wd_make_up_sunday_counts_as_a_working_day() -> None:
    held = dt.date(2025, 9, 26)  # Friday; Sunday 28 Sep was a make-up working day
    late = _run([_record(held, dt.date(2025, 10, 9))], as_of=dt.date(2025, 10, 20))
    assert "应在2025-09-30前" in next(f.message for f in late if f.code == "MTG-RECORD-3WD")


def test_mtg_record_3wd_unfinalised_is_due_then_late() -> None:
    held = dt.date(2025, 12, 30)
    due = _run([_record(held, None)], as_of=dt.date(2025, 12, 31))
    late = _run([_record(held, None)], as_of=dt.date(2026, 1, 10))
    assert [f.severity for f in due if f.code == "MTG-RECORD-3WD"] == [Severity.DUE]
    assert [f.severity for f in late if f.code == "MTG-RECORD-3WD"] == [Severity.WARNING]


def test_mtg_plan_filed_by_the_fifth() -> None:
    plans = [PlanFact(2025, 1, dt.date(2025, 1, 5)), PlanFact(2025, 2, dt.date(2025, 4, 8))]
    findings = _run(_complete_year(), plans=plans, as_of=dt.date(2025, 7, 20))
    assert _codes(findings, "MTG-PLAN") == ["2025年第2季度", "2025年第3季度"]
    assert _codes(_run(_complete_year()), "MTG-PLAN") == []  # branch keeps no plans
