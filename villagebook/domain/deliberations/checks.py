"""The DLB-* rule checks over plain facts of one deliberation (no database, no session).

The services turn stored rows (and linked meeting records) into :class:`DeliberationFacts`;
``villagebook check``, the window and the import all use :func:`evaluate`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from villagebook.domain.common.findings import Finding, Severity
from villagebook.domain.common.i18n import _
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.deliberations.values import (
    Category,
    Counts,
    DeliberationStatus,
    StepKind,
)
from villagebook.domain.deliberations.verdicts import assess, count_problems
from villagebook.domain.deliberations.workflow import DeliberationWorkflow

#: An open result publication becomes a warning (not just information) after this many days.
RESULT_WARNING_DAYS = 180


@dataclass(frozen=True)
class DeliberationStepFacts:
    kind: StepKind
    held_on: dt.date | None
    counts: Counts | None = None
    notice_on: dt.date | None = None
    held_with_previous: bool = False
    posted_from: dt.date | None = None
    posted_until: dt.date | None = None
    #: The linked 三会一课 record (the Party member meeting), and whether it still exists.
    meeting_id: str | None = None
    meeting_found: bool = True


@dataclass(frozen=True)
class DeliberationFacts:
    id: str
    branch_id: str
    title: str
    category: Category
    workflow: DeliberationWorkflow
    status: DeliberationStatus
    round_no: int = 1
    steps: dict[StepKind, DeliberationStepFacts] = field(default_factory=dict)
    #: The days on which the branch has a general-meeting record (DLB-MEETING-LINK).
    general_meeting_days: frozenset[dt.date] = frozenset()

    @property
    def subject(self) -> str:
        if self.round_no > 1:
            return _("事项“{title}”（第{round}轮）", title=self.title, round=self.round_no)
        return _("事项“{title}”", title=self.title)


def names(kinds: Iterable[StepKind]) -> str:
    """Step names joined as a list in the interface language."""
    return _("、").join(k.label for k in kinds)


def evaluate(facts: DeliberationFacts, rules: RuleSet, as_of: dt.date) -> list[Finding]:
    """Every DLB finding of one deliberation on ``as_of``."""
    if facts.status is DeliberationStatus.WITHDRAWN:
        return []
    findings = _order(facts)
    findings += _skipped(facts)
    findings += _meetings(facts, rules)
    findings += _meeting_link(facts)
    findings += _publicity(facts, rules)
    findings += _result(facts, as_of)
    return findings


def _finding(
    facts: DeliberationFacts, code: str, message: str, severity: Severity = Severity.ERROR
) -> Finding:
    return Finding(
        code, severity, facts.subject, message, branch_id=facts.branch_id, subject_id=facts.id
    )


def _order(facts: DeliberationFacts) -> list[Finding]:
    """DLB-ORDER: each recorded step dated, on or after its predecessor's date."""
    found: list[Finding] = []
    previous: DeliberationStepFacts | None = None
    for step_def in facts.workflow.steps:
        step = facts.steps.get(step_def.kind)
        if step is None:
            continue
        day = step.posted_from if step_def.publication else step.held_on
        if day is None:
            found.append(_finding(facts, "DLB-ORDER", _("“{step}”没有日期", step=step.kind.label)))
            continue
        if step.held_with_previous and not (
            previous and facts.workflow.may_hold_together(previous.kind, step.kind)
        ):
            message = _(
                "“{step}”与上一步合并召开，只有“一肩挑”的村可以合并提议与两委商议",
                step=step.kind.label,
            )
            found.append(_finding(facts, "DLB-ORDER", message))
        if previous is not None:
            before = previous.posted_from if previous.posted_from else previous.held_on
            if before is not None and day < before:
                message = _(
                    "“{step}”（{day}）早于上一步“{previous}”（{before}）",
                    step=step.kind.label,
                    day=day.isoformat(),
                    previous=previous.kind.label,
                    before=before.isoformat(),
                )
                found.append(_finding(facts, "DLB-ORDER", message))
        previous = step
    return found


def _skipped(facts: DeliberationFacts) -> list[Finding]:
    """A step missing while a later one is recorded: DLB-SCOPE for a listed category."""
    kinds = [s.kind for s in facts.workflow.steps]
    recorded = [i for i, k in enumerate(kinds) if k in facts.steps]
    if not recorded:
        return []
    missing = [kinds[i] for i in range(max(recorded)) if kinds[i] not in facts.steps]
    if not missing:
        return []
    if facts.category.in_scope:
        message = _(
            "属于必须经“四议两公开”的事项（{category}），跳过了：{steps}",
            category=facts.category.label,
            steps=names(missing),
        )
        return [_finding(facts, "DLB-SCOPE", message)]
    return [_finding(facts, "DLB-ORDER", _("跳过了：{steps}", steps=names(missing)))]


def _counts_code(kind: StepKind, counts: Counts) -> str:
    if kind is StepKind.MEMBER_MEETING:
        return "DLB-MEMBER-QUORUM"
    return "DLB-ASSEMBLY-QUORUM" if counts.basis.is_assembly else "DLB-REPS-QUORUM"


def _meetings(facts: DeliberationFacts, rules: RuleSet) -> list[Finding]:
    found: list[Finding] = []
    last_kind = max((facts.workflow.index(k) for k in facts.steps), default=-1)
    for kind in (StepKind.MEMBER_MEETING, StepKind.VILLAGER_DECISION):
        step = facts.steps.get(kind)
        if step is None or step.counts is None:
            continue
        code = _counts_code(kind, step.counts)
        for problem in count_problems(step.counts):
            message = _(
                "“{step}”{label}：{problem}",
                step=kind.label,
                label=problem.label,
                problem=problem.message,
            )
            found.append(_finding(facts, code, message))
        # A rejected round that stopped at this step handled its failed vote correctly.
        stopped_here = (
            facts.status is DeliberationStatus.REJECTED and facts.workflow.index(kind) == last_kind
        )
        result = assess(facts.workflow.step(kind), step.counts, rules)
        if not result.verdict.ok and result.code and not stopped_here:
            message = _(
                "“{step}”{verdict}：{reason}",
                step=kind.label,
                verdict=result.verdict.label,
                reason=result.reason,
            )
            found.append(_finding(facts, result.code, message))
        if kind is StepKind.VILLAGER_DECISION and step.counts.basis.is_assembly:
            found += _notice(facts, step, rules)
    return found


def _meeting_link(facts: DeliberationFacts) -> list[Finding]:
    """DLB-MEETING-LINK: the Party member meeting (step 3) is a branch general meeting whose
    record exists and is linked (DOMAIN.md §8).  A record of that day left unlinked is a
    warning; no record of that day at all is a breach."""
    step = facts.steps.get(StepKind.MEMBER_MEETING)
    if step is None or (step.meeting_id is not None and step.meeting_found):
        return []
    if step.meeting_id is not None:
        message = _("“{step}”所关联的支部党员大会记录已不存在", step=step.kind.label)
        return [_finding(facts, "DLB-MEETING-LINK", message)]
    day = step.held_on.isoformat() if step.held_on else _("（无日期）")
    if step.held_on is not None and step.held_on in facts.general_meeting_days:
        message = _(
            "“{step}”（{day}）有支部党员大会记录，但没有关联该记录", step=step.kind.label, day=day
        )
        return [_finding(facts, "DLB-MEETING-LINK", message, Severity.WARNING)]
    message = _(
        "“{step}”（{day}）没有支部党员大会记录：党员大会审议须有会议记录，请补记该次会议并关联",
        step=step.kind.label,
        day=day,
    )
    return [_finding(facts, "DLB-MEETING-LINK", message)]


def _notice(facts: DeliberationFacts, step: DeliberationStepFacts, rules: RuleSet) -> list[Finding]:
    """DLB-NOTICE-10D: a 村民会议 is announced at least N days ahead."""
    days = rules.as_int("DLB-NOTICE-10D.days")
    if step.held_on is None:
        return []
    if step.notice_on is None:
        message = _("村民会议没有记录通知日期")
        return [_finding(facts, "DLB-NOTICE-10D", message, Severity.WARNING)]
    ahead = (step.held_on - step.notice_on).days
    if ahead >= days:
        return []
    latest = step.held_on - dt.timedelta(days=days)
    message = _(
        "村民会议{held}召开，{notice}才通知（提前{ahead}天），应不晚于{latest}通知",
        held=step.held_on.isoformat(),
        notice=step.notice_on.isoformat(),
        ahead=ahead,
        latest=latest.isoformat(),
    )
    return [_finding(facts, "DLB-NOTICE-10D", message)]


def _publicity(facts: DeliberationFacts, rules: RuleSet) -> list[Finding]:
    """DLB-PUBLICITY: each publication stays posted at least N days."""
    days = rules.as_int("DLB-PUBLICITY.days")
    found: list[Finding] = []
    decided = facts.steps.get(StepKind.VILLAGER_DECISION)
    for kind in (StepKind.RESOLUTION_PUBLICITY, StepKind.RESULT_PUBLICITY):
        step = facts.steps.get(kind)
        if step is None or step.posted_from is None:
            continue
        if decided and decided.held_on and step.posted_from < decided.held_on:
            message = _(
                "“{step}”开始日期{start}早于决议日期{decided}",
                step=kind.label,
                start=step.posted_from.isoformat(),
                decided=decided.held_on.isoformat(),
            )
            found.append(_finding(facts, "DLB-ORDER", message))
        end = step.posted_until
        if end is None:
            continue  # still posted
        posted = (end - step.posted_from).days + 1
        if posted < days:
            message = _(
                "“{step}”只公开了{posted}天（{start}至{end}），至少应公开{days}天",
                step=kind.label,
                posted=posted,
                start=step.posted_from.isoformat(),
                end=end.isoformat(),
                days=days,
            )
            found.append(_finding(facts, "DLB-PUBLICITY", message))
    return found


def _result(facts: DeliberationFacts, as_of: dt.date) -> list[Finding]:
    """DLB-RESULT: a decided deliberation whose result is not yet published stays open."""
    decided = facts.steps.get(StepKind.VILLAGER_DECISION)
    if (
        facts.status is DeliberationStatus.REJECTED
        or decided is None
        or decided.held_on is None
        or StepKind.RESULT_PUBLICITY in facts.steps
    ):
        return []
    days = (as_of - decided.held_on).days
    severity = Severity.WARNING if days > RESULT_WARNING_DAYS else Severity.INFO
    message = _(
        "{decided}决议，已{days}天，实施结果尚未公开",
        decided=decided.held_on.isoformat(),
        days=days,
    )
    return [_finding(facts, "DLB-RESULT", message, severity)]
