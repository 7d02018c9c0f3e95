"""The DLB-* rule checks over plain facts of one matter (no database, no session).

The services turn stored rows (and linked meeting records) into :class:`MatterFacts`;
``villagebook check``, the window and the import all use :func:`evaluate`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from villagebook.domain.common.findings import Finding, Severity
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.deliberations.values import (
    Category,
    Counts,
    MatterStatus,
    StepKind,
    Workflow,
    assess,
    count_problems,
)

#: An open result publication becomes a warning (not just information) after this many days.
RESULT_WARNING_DAYS = 180


@dataclass(frozen=True)
class StepFacts:
    kind: StepKind
    held_on: dt.date | None
    counts: Counts | None = None
    notice_on: dt.date | None = None
    held_with_previous: bool = False
    posted_from: dt.date | None = None
    posted_until: dt.date | None = None


@dataclass(frozen=True)
class MatterFacts:
    id: str
    branch_id: str
    title: str
    category: Category
    workflow: Workflow
    status: MatterStatus
    round_no: int = 1
    steps: dict[StepKind, StepFacts] = field(default_factory=dict)

    @property
    def subject(self) -> str:
        suffix = f"（第{self.round_no}轮）" if self.round_no > 1 else ""
        return f"事项“{self.title}”{suffix}"


def evaluate(matter: MatterFacts, rules: RuleSet, as_of: dt.date) -> list[Finding]:
    """Every DLB finding of one matter on ``as_of``."""
    if matter.status is MatterStatus.WITHDRAWN:
        return []
    findings = _order(matter)
    findings += _skipped(matter)
    findings += _meetings(matter, rules)
    findings += _publicity(matter, rules, as_of)
    findings += _result(matter, as_of)
    return findings


def _finding(
    matter: MatterFacts, code: str, message: str, severity: Severity = Severity.ERROR
) -> Finding:
    return Finding(
        code, severity, matter.subject, message, branch_id=matter.branch_id, subject_id=matter.id
    )


def _order(matter: MatterFacts) -> list[Finding]:
    """DLB-ORDER: each recorded step dated, on or after its predecessor's date."""
    found: list[Finding] = []
    previous: StepFacts | None = None
    for step_def in matter.workflow.steps:
        step = matter.steps.get(step_def.kind)
        if step is None:
            continue
        day = step.posted_from if step_def.publication else step.held_on
        if day is None:
            found.append(_finding(matter, "DLB-ORDER", f"“{step.kind.label}”没有日期"))
            continue
        if step.held_with_previous and not (
            previous and matter.workflow.may_hold_together(previous.kind, step.kind)
        ):
            found.append(
                _finding(
                    matter,
                    "DLB-ORDER",
                    f"“{step.kind.label}”与上一步合并召开，只有“一肩挑”的村可以合并提议与两委商议",
                )
            )
        if previous is not None:
            before = previous.posted_from if previous.posted_from else previous.held_on
            if before is not None and day < before:
                found.append(
                    _finding(
                        matter,
                        "DLB-ORDER",
                        f"“{step.kind.label}”（{day.isoformat()}）早于上一步"
                        f"“{previous.kind.label}”（{before.isoformat()}）",
                    )
                )
        previous = step
    return found


def _skipped(matter: MatterFacts) -> list[Finding]:
    """A step missing while a later one is recorded: DLB-SCOPE for listed matters."""
    kinds = [s.kind for s in matter.workflow.steps]
    recorded = [i for i, k in enumerate(kinds) if k in matter.steps]
    if not recorded:
        return []
    missing = [kinds[i] for i in range(max(recorded)) if kinds[i] not in matter.steps]
    if not missing:
        return []
    names = "、".join(k.label for k in missing)
    if matter.category.in_scope:
        return [
            _finding(
                matter,
                "DLB-SCOPE",
                f"属于必须经“四议两公开”的事项（{matter.category.label}），跳过了：{names}",
            )
        ]
    return [_finding(matter, "DLB-ORDER", f"跳过了：{names}")]


def _meetings(matter: MatterFacts, rules: RuleSet) -> list[Finding]:
    found: list[Finding] = []
    last_kind = max((matter.workflow.index(k) for k in matter.steps), default=-1)
    for kind in (StepKind.MEMBER_MEETING, StepKind.VILLAGER_DECISION):
        step = matter.steps.get(kind)
        if step is None or step.counts is None:
            continue
        code_for_counts = (
            "DLB-MEMBER-QUORUM"
            if kind is StepKind.MEMBER_MEETING
            else ("DLB-REPS-QUORUM" if not step.counts.basis.is_assembly else "DLB-ASSEMBLY-QUORUM")
        )
        for _field, label, message in count_problems(step.counts):
            found.append(_finding(matter, code_for_counts, f"“{kind.label}”{label}：{message}"))
        # A rejected matter that stopped at this step handled its failed vote correctly.
        stopped_here = (
            matter.status is MatterStatus.REJECTED and matter.workflow.index(kind) == last_kind
        )
        result = assess(matter.workflow.step(kind), step.counts, rules)
        if not result.verdict.ok and result.code and not stopped_here:
            found.append(
                _finding(
                    matter, result.code, f"“{kind.label}”{result.verdict.label}：{result.reason}"
                )
            )
        if kind is StepKind.VILLAGER_DECISION and step.counts.basis.is_assembly:
            found += _notice(matter, step, rules)
    return found


def _notice(matter: MatterFacts, step: StepFacts, rules: RuleSet) -> list[Finding]:
    """DLB-NOTICE-10D: a 村民会议 is announced at least N days ahead."""
    days = rules.as_int("DLB-NOTICE-10D.days")
    if step.held_on is None:
        return []
    if step.notice_on is None:
        return [_finding(matter, "DLB-NOTICE-10D", "村民会议没有记录通知日期", Severity.WARNING)]
    ahead = (step.held_on - step.notice_on).days
    if ahead < days:
        latest = step.held_on - dt.timedelta(days=days)
        return [
            _finding(
                matter,
                "DLB-NOTICE-10D",
                f"村民会议{step.held_on.isoformat()}召开，{step.notice_on.isoformat()}才通知"
                f"（提前{ahead}天），应不晚于{latest.isoformat()}通知",
            )
        ]
    return []


def _publicity(matter: MatterFacts, rules: RuleSet, as_of: dt.date) -> list[Finding]:
    """DLB-PUBLICITY: each publication stays posted at least N days."""
    days = rules.as_int("DLB-PUBLICITY.days")
    found: list[Finding] = []
    decided = matter.steps.get(StepKind.VILLAGER_DECISION)
    for kind in (StepKind.RESOLUTION_PUBLICITY, StepKind.RESULT_PUBLICITY):
        step = matter.steps.get(kind)
        if step is None or step.posted_from is None:
            continue
        if decided and decided.held_on and step.posted_from < decided.held_on:
            found.append(
                _finding(
                    matter,
                    "DLB-ORDER",
                    f"“{kind.label}”开始日期{step.posted_from.isoformat()}早于决议日期"
                    f"{decided.held_on.isoformat()}",
                )
            )
        end = step.posted_until
        if end is None:
            continue  # still posted
        posted = (end - step.posted_from).days + 1
        if posted < days:
            found.append(
                _finding(
                    matter,
                    "DLB-PUBLICITY",
                    f"“{kind.label}”只公开了{posted}天（{step.posted_from.isoformat()}至"
                    f"{end.isoformat()}），至少应公开{days}天",
                )
            )
    return found


def _result(matter: MatterFacts, as_of: dt.date) -> list[Finding]:
    """DLB-RESULT: a decided matter whose result is not yet published stays open."""
    decided = matter.steps.get(StepKind.VILLAGER_DECISION)
    if (
        matter.status is MatterStatus.REJECTED
        or decided is None
        or decided.held_on is None
        or StepKind.RESULT_PUBLICITY in matter.steps
    ):
        return []
    days = (as_of - decided.held_on).days
    severity = Severity.WARNING if days > RESULT_WARNING_DAYS else Severity.INFO
    return [
        _finding(
            matter,
            "DLB-RESULT",
            f"{decided.held_on.isoformat()}决议，已{days}天，实施结果尚未公开",
            severity,
        )
    ]
