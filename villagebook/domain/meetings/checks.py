"""The MTG-* rule checks of organisational life (DOMAIN.md §3 and §8), on plain facts.

Given the meetings of one branch (as :class:`MeetingFact`), this finds the periods that
lack a required meeting, general meetings that voted without a quorum, and records that
were finalised late.  Given the records themselves, :func:`record_findings` finds the
finalised records that are thin (MTG-THIN) and the records that contradict themselves
(MTG-CONSISTENCY): these report, they never refuse.  Only complete periods are breaches;
the current period is reported as due when it ends within the next 30 days.  Checks begin
at ``CadenceInput.start`` (the branch's first recorded activity), never before.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

from villagebook.domain.common.calendar import (
    Period,
    add_working_days,
    calendar_known,
    months_between,
    quarters_between,
    years_between,
)
from villagebook.domain.common.findings import Finding, Severity
from villagebook.domain.common.i18n import N_, _, label
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.meetings.consistency import record_contradictions
from villagebook.domain.meetings.requirements import RecordContent, missing
from villagebook.domain.meetings.values import KIND_LABELS, MeetingKind, MeetingRecord, quorum_met

DUE_WINDOW_DAYS = 30


@dataclass(frozen=True)
class MeetingFact:
    id: str
    kind: MeetingKind
    held_on: dt.date
    title: str = ""
    group_id: str | None = None
    lecturer_is_secretary: bool = False
    finalised_on: dt.date | None = None
    has_votes: bool = False
    expected_voting: int = 0
    present_voting: int = 0


@dataclass(frozen=True)
class GroupFact:
    id: str
    name: str
    since: dt.date  # first day the group had a member


@dataclass(frozen=True)
class PlanFact:
    year: int
    quarter: int
    filed_on: dt.date


@dataclass(frozen=True)
class CadenceInput:
    branch_id: str
    branch_name: str
    has_committee: bool
    start: dt.date
    as_of: dt.date
    meetings: Sequence[MeetingFact]
    groups: Sequence[GroupFact] = ()
    has_secretary: bool = False
    plans: Sequence[PlanFact] | None = None  # None: the branch keeps no plans


@dataclass(frozen=True)
class _Rule:
    code: str
    kind: MeetingKind
    param: str
    periods: Callable[[dt.date, dt.date], list[Period]]
    severity: Severity
    #: What is missing (a kind's name; translate with ``label``).
    what: str


RULES = (
    _Rule(
        "MTG-GENERAL-Q",
        MeetingKind.GENERAL,
        "MTG-GENERAL-Q.per_quarter",
        quarters_between,
        Severity.ERROR,
        KIND_LABELS[MeetingKind.GENERAL],
    ),
    _Rule(
        "MTG-LESSON-Q",
        MeetingKind.LESSON,
        "MTG-LESSON-Q.per_quarter",
        quarters_between,
        Severity.WARNING,
        KIND_LABELS[MeetingKind.LESSON],
    ),
    _Rule(
        "MTG-THEMEDAY-M",
        MeetingKind.THEME_DAY,
        "MTG-THEMEDAY-M.per_month",
        months_between,
        Severity.ERROR,
        KIND_LABELS[MeetingKind.THEME_DAY],
    ),
    _Rule(
        "MTG-ORGLIFE-Y",
        MeetingKind.ORG_LIFE,
        "MTG-ORGLIFE-Y.per_year",
        years_between,
        Severity.ERROR,
        KIND_LABELS[MeetingKind.ORG_LIFE],
    ),
    _Rule(
        "MTG-APPRAISAL-Y",
        MeetingKind.APPRAISAL,
        "MTG-APPRAISAL-Y.per_year",
        years_between,
        Severity.WARNING,
        KIND_LABELS[MeetingKind.APPRAISAL],
    ),
    _Rule(
        "MTG-TALKS-Y",
        MeetingKind.TALKS,
        "MTG-TALKS-Y.per_year",
        years_between,
        Severity.WARNING,
        KIND_LABELS[MeetingKind.TALKS],
    ),
)
COMMITTEE_RULE = _Rule(
    "MTG-COMMITTEE-M",
    MeetingKind.COMMITTEE,
    "MTG-COMMITTEE-M.per_month",
    months_between,
    Severity.ERROR,
    KIND_LABELS[MeetingKind.COMMITTEE],
)
GROUP_RULE = _Rule(
    "MTG-GROUP-M",
    MeetingKind.GROUP,
    "MTG-GROUP-M.per_month",
    months_between,
    Severity.ERROR,
    KIND_LABELS[MeetingKind.GROUP],
)


#: The meeting kind each cadence rule asks for (a new record of it answers the rule).
KIND_OF_CODE: dict[str, MeetingKind] = {
    r.code: r.kind for r in (*RULES, COMMITTEE_RULE, GROUP_RULE)
}


def _counter(facts: Iterable[MeetingFact], periods: list[Period]) -> Counter[int]:
    """How many facts fall in each period (by index); periods are sorted and disjoint."""
    counts: Counter[int] = Counter()
    starts = [p.start for p in periods]
    for fact in facts:
        index = bisect_right(starts, fact.held_on) - 1
        if index >= 0 and periods[index].contains(fact.held_on):
            counts[index] += 1
    return counts


def _shortfall(period: Period, what: str, needed: int, count: int, *, complete: bool) -> str:
    if complete:
        return _(
            "{period}没有达到要求：{what}应至少{needed}次，实有{count}次",
            period=period.title,
            what=what,
            needed=needed,
            count=count,
        )
    return _(
        "{period}尚未召开{what}（应至少{needed}次），请在{end}前完成",
        period=period.label,
        what=what,
        needed=needed,
        end=period.end.isoformat(),
    )


def _period_findings(
    data: CadenceInput,
    rule: _Rule,
    needed: int,
    facts: Iterable[MeetingFact],
    start: dt.date,
    *,
    subject_prefix: str = "",
    what: str | None = None,
    subject_id: str | None = None,
) -> Iterator[Finding]:
    if needed <= 0 or start > data.as_of:
        return
    periods = rule.periods(start, data.as_of)
    counts = _counter(facts, periods)
    for index, period in enumerate(periods):
        count = counts[index]
        if count >= needed:
            continue
        complete = period.end < data.as_of
        if not complete and (period.end - data.as_of).days > DUE_WINDOW_DAYS:
            continue
        severity = rule.severity if complete else Severity.DUE
        message = _shortfall(period, what or label(rule.what), needed, count, complete=complete)
        yield Finding(
            rule.code,
            severity,
            f"{subject_prefix}{period.title}",
            message,
            branch_id=data.branch_id,
            subject_id=subject_id,
            period=period.label,
            due=period.end,
        )


def _secretary_lessons(data: CadenceInput, rules: RuleSet) -> Iterator[Finding]:
    needed = rules.as_int("MTG-LESSON-Q.secretary_per_year")
    if not data.has_secretary:
        return
    rule = _Rule(
        "MTG-LESSON-Q",
        MeetingKind.LESSON,
        "",
        years_between,
        Severity.WARNING,
        N_("支部书记讲党课"),
    )
    facts = [f for f in data.meetings if f.kind is MeetingKind.LESSON and f.lecturer_is_secretary]
    prefix = _("书记讲党课") + " "
    yield from _period_findings(data, rule, needed, facts, data.start, subject_prefix=prefix)


def _quorum(data: CadenceInput, rules: RuleSet) -> Iterator[Finding]:
    fraction = rules.as_float("MTG-QUORUM.present_fraction")
    for fact in data.meetings:
        if fact.kind is not MeetingKind.GENERAL or not fact.has_votes:
            continue
        if not quorum_met(fact.expected_voting, fact.present_voting, fraction):
            yield Finding(
                "MTG-QUORUM",
                Severity.ERROR,
                f"{fact.held_on.isoformat()} {MeetingKind.GENERAL.label}",
                _(
                    "进行了表决，但到会有表决权党员{present}名，不足应到{expected}名的{fraction:.0%}，"
                    "表决无效",
                    present=fact.present_voting,
                    expected=fact.expected_voting,
                    fraction=fraction,
                ),
                branch_id=data.branch_id,
                subject_id=fact.id,
            )


def _record_state(
    fact: MeetingFact, deadline: dt.date, days: int, as_of: dt.date
) -> tuple[Severity, str] | None:
    """How a record stands against MTG-RECORD-3WD: late, overdue, due, or fine (None)."""
    values = {"days": days, "deadline": deadline.isoformat()}
    if fact.finalised_on is not None:
        if fact.finalised_on <= deadline:
            return None
        on = fact.finalised_on.isoformat()
        text = _("记录于{on}定稿，晚于会后{days}个工作日（应在{deadline}前）", on=on, **values)
        return Severity.WARNING, text
    if as_of > deadline:
        text = _("记录尚未定稿，已超过会后{days}个工作日（应在{deadline}前）", **values)
        return Severity.WARNING, text
    return Severity.DUE, _("记录请在{deadline}前定稿（会后{days}个工作日）", **values)


def _records(data: CadenceInput, rules: RuleSet) -> Iterator[Finding]:
    days = rules.as_int("MTG-RECORD-3WD.working_days")
    for fact in data.meetings:
        deadline = add_working_days(fact.held_on, days)
        state = _record_state(fact, deadline, days, data.as_of)
        if state is None:
            continue
        severity, text = state
        note = "" if calendar_known(deadline) else _("（该年节假日安排未知，按周末计算）")
        yield Finding(
            "MTG-RECORD-3WD",
            severity,
            f"{fact.held_on.isoformat()} {fact.kind.label}",
            text + note,
            branch_id=data.branch_id,
            subject_id=fact.id,
            due=deadline,
        )


def _plans(data: CadenceInput, rules: RuleSet) -> Iterator[Finding]:
    """MTG-PLAN (optional): only for branches that keep quarterly plans."""
    if not data.plans:
        return
    day = rules.as_int("MTG-PLAN.day_of_quarter")
    filed = {(p.year, p.quarter): p.filed_on for p in data.plans}
    first = min(dt.date(p.year, 3 * p.quarter - 2, 1) for p in data.plans)
    for period in quarters_between(first, data.as_of):
        year, quarter = period.start.year, (period.start.month - 1) // 3 + 1
        deadline = period.start.replace(day=day)
        on = filed.get((year, quarter))
        if on is not None and on <= deadline:
            continue
        if on is None and data.as_of <= deadline:
            continue
        message = (
            _(
                "季度计划于{on}报送，晚于{deadline}",
                on=on.isoformat(),
                deadline=deadline.isoformat(),
            )
            if on
            else _("没有季度计划（应在{deadline}前报送）", deadline=deadline.isoformat())
        )
        yield Finding(
            "MTG-PLAN",
            Severity.WARNING,
            period.label,
            message,
            branch_id=data.branch_id,
            period=period.label,
            due=deadline,
        )


def cadence_findings(data: CadenceInput, rules: RuleSet) -> list[Finding]:
    """Every MTG-* finding of one branch."""
    findings: list[Finding] = []
    by_kind: dict[MeetingKind, list[MeetingFact]] = {k: [] for k in MeetingKind}
    for fact in data.meetings:
        by_kind[fact.kind].append(fact)
    for rule in RULES:
        needed = rules.as_int(rule.param)
        findings += _period_findings(data, rule, needed, by_kind[rule.kind], data.start)
    if data.has_committee:
        needed = rules.as_int(COMMITTEE_RULE.param)
        findings += _period_findings(
            data, COMMITTEE_RULE, needed, by_kind[MeetingKind.COMMITTEE], data.start
        )
    needed = rules.as_int(GROUP_RULE.param)
    for group in data.groups:
        facts = [f for f in by_kind[MeetingKind.GROUP] if f.group_id == group.id]
        findings += _period_findings(
            data,
            GROUP_RULE,
            needed,
            facts,
            max(data.start, group.since),
            subject_prefix=f"{group.name} ",
            what=_("党小组会（{group}）", group=group.name),
            subject_id=group.id,  # one finding per group and month (its key)
        )
    findings += _secretary_lessons(data, rules)
    findings += _quorum(data, rules)
    findings += _records(data, rules)
    findings += _plans(data, rules)
    return findings


# --- final means final (MTG-TAMPERED, MTG-FINAL-UNVERIFIED) ---------------------------------


@dataclass(frozen=True)
class SealFact:
    """A finalised record as the finality checks see it."""

    id: str
    kind: MeetingKind
    held_on: dt.date
    finalised_on: dt.date | None
    #: Its content still has the seal it got at finalisation (or at its last amendment).
    seal_intact: bool
    #: Its finalisation came in an exchange file without a seal.
    unverified: bool = False


def finality_findings(
    branch_id: str, facts: Iterable[SealFact], today: dt.date
) -> Iterator[Finding]:
    """MTG-TAMPERED: a finalised record changed other than by an amendment (its seal is
    broken), or finalised on a day after ``today``.  MTG-FINAL-UNVERIFIED: a finalisation
    imported without a seal, which could not be checked."""
    for fact in facts:
        subject = f"{fact.held_on.isoformat()} {fact.kind.label}"
        if not fact.seal_intact:
            message = _(
                "已定稿记录的内容与定稿校验值不符：定稿后未经登记更正被改动过"
                "（绕过程序修改，或导入了被改动的文件）"
            )
            yield Finding(
                "MTG-TAMPERED",
                Severity.ERROR,
                subject,
                message,
                branch_id=branch_id,
                subject_id=fact.id,
            )
        if fact.finalised_on is not None and fact.finalised_on > today:
            message = _("定稿日期{day}晚于今天", day=fact.finalised_on.isoformat())
            yield Finding(
                "MTG-TAMPERED",
                Severity.ERROR,
                subject,
                message,
                branch_id=branch_id,
                subject_id=fact.id,
                period="finalised_on",
            )
        if fact.unverified:
            message = _("定稿状态来自导入文件，文件中没有定稿校验值，无法核实定稿后是否被改动")
            yield Finding(
                "MTG-FINAL-UNVERIFIED",
                Severity.WARNING,
                subject,
                message,
                branch_id=branch_id,
                subject_id=fact.id,
            )


# --- the records themselves (DOMAIN.md §8) -----------------------------------------------------


def _subject(record: MeetingRecord) -> str:
    return f"{record.held_on.isoformat()} {record.kind.label}"


def thin_finding(branch_id: str, record: MeetingRecord) -> Finding | None:
    """MTG-THIN: a finalised record without what its kind needs."""
    if not record.finalised:
        return None
    lacking = missing(RecordContent.of(record))
    if not lacking:
        return None
    return Finding(
        "MTG-THIN",
        Severity.WARNING,
        _subject(record),
        _(
            "记录已定稿，但缺少{parts}，是一份“空壳”记录；请登记更正补全内容",
            parts=_("、").join(need.label for need in lacking),
        ),
        branch_id=branch_id,
        subject_id=str(record.id),
    )


def consistency_finding(branch_id: str, record: MeetingRecord) -> Finding | None:
    """MTG-CONSISTENCY: everything in one record that contradicts itself, as one finding."""
    found = record_contradictions(record)
    if not found:
        return None
    return Finding(
        "MTG-CONSISTENCY",
        Severity.ERROR,
        _subject(record),
        _("记录前后矛盾：{what}", what=_("；").join(c.message for c in found)),
        branch_id=branch_id,
        subject_id=str(record.id),
    )


def record_findings(branch_id: str, records: Iterable[MeetingRecord]) -> list[Finding]:
    """MTG-THIN and MTG-CONSISTENCY over a branch's records."""
    findings = []
    for record in records:
        for finding in (thin_finding(branch_id, record), consistency_finding(branch_id, record)):
            if finding is not None:
                findings.append(finding)
    return findings


# --- this month's, this quarter's and this year's required activities (the home screen) --------


class DutyState(StrEnum):
    HELD = "held"  # the period has what it needs
    DUE = "due"  # the current period still needs it
    MISSED = "missed"  # the period just ended without it


@dataclass(frozen=True)
class Duty:
    """One required activity of one period: held, still due, or missed."""

    code: str
    kind: MeetingKind
    period: Period
    needed: int
    held: tuple[MeetingFact, ...]
    state: DutyState
    group_id: str | None = None
    group_name: str = ""


def _duties_of(
    data: CadenceInput,
    rule: _Rule,
    needed: int,
    facts: list[MeetingFact],
    start: dt.date,
    group: GroupFact | None = None,
) -> Iterator[Duty]:
    if needed <= 0:
        return
    periods = rule.periods(start, data.as_of)
    if not periods:
        return
    # the current period, and the one before it (only shown when it was missed)
    for period in periods[-2:]:
        held = tuple(f for f in facts if period.contains(f.held_on))
        current = period.contains(data.as_of)
        if len(held) >= needed:
            state = DutyState.HELD
        else:
            state = DutyState.DUE if current else DutyState.MISSED
        if not current and state is DutyState.HELD:
            continue
        yield Duty(
            rule.code,
            rule.kind,
            period,
            needed,
            held,
            state,
            group_id=group.id if group else None,
            group_name=group.name if group else "",
        )


def duties(data: CadenceInput, rules: RuleSet) -> list[Duty]:
    """The required activities of the current month, quarter and year (and a miss in the
    period just ended), per kind and Party group: held, still due or missed."""
    by_kind: dict[MeetingKind, list[MeetingFact]] = {k: [] for k in MeetingKind}
    for fact in data.meetings:
        by_kind[fact.kind].append(fact)
    found: list[Duty] = []
    chosen = list(RULES) + ([COMMITTEE_RULE] if data.has_committee else [])
    for rule in chosen:
        needed = rules.as_int(rule.param)
        found += _duties_of(data, rule, needed, by_kind[rule.kind], data.start)
    needed = rules.as_int(GROUP_RULE.param)
    for group in data.groups:
        facts = [f for f in by_kind[MeetingKind.GROUP] if f.group_id == group.id]
        found += _duties_of(data, GROUP_RULE, needed, facts, max(data.start, group.since), group)
    return found
