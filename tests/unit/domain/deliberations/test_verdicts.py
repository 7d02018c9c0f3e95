"""The verdict of a meeting step: quorum and vote rules, and impossible counts."""

from __future__ import annotations

from villagebook.domain.common.rules import RuleSet
from villagebook.domain.deliberations.values import Basis, Counts, DeliberationVerdict, StepKind
from villagebook.domain.deliberations.verdicts import assess, count_problems
from villagebook.domain.deliberations.workflow import STANDARD


def test_assess_verdicts() -> None:
    step = STANDARD.step(StepKind.VILLAGER_DECISION)
    assert assess(step, Counts(Basis.REPRESENTATIVES, 45, 40, 30), RuleSet()).verdict is (
        DeliberationVerdict.PASSED
    )
    assert assess(step, Counts(Basis.REPRESENTATIVES, 45, 20, 20), RuleSet()).verdict is (
        DeliberationVerdict.NO_QUORUM
    )
    assert (
        assess(STANDARD.step(StepKind.PROPOSAL), None, RuleSet()).verdict
        is DeliberationVerdict.RECORDED
    )


def test_a_failed_quorum_names_its_rule_and_reason() -> None:
    result = assess(
        STANDARD.step(StepKind.MEMBER_MEETING),
        Counts(Basis.VOTING_MEMBERS, 26, 12, 12),
        RuleSet(),
    )
    assert (result.verdict, result.code) == (DeliberationVerdict.NO_QUORUM, "DLB-MEMBER-QUORUM")
    assert result.reason == "有表决权的党员应到26名、实到12名，不足半数"
    assert result.chinese_reason == result.reason
    two_thirds = RuleSet().replace({"DLB-REPS-QUORUM.present_fraction": 2 / 3})
    reps = assess(
        STANDARD.step(StepKind.VILLAGER_DECISION),
        Counts(Basis.REPRESENTATIVES, 45, 29, 20),
        two_thirds,
    )
    assert reps.reason == "村民代表45名、到会29名，不足2/3"


def test_a_failed_vote_names_its_rule() -> None:
    members = assess(
        STANDARD.step(StepKind.MEMBER_MEETING),
        Counts(Basis.VOTING_MEMBERS, 30, 16, 15),
        RuleSet(),
    )
    assert (members.verdict, members.code) == (DeliberationVerdict.REJECTED, "DLB-MEMBER-QUORUM")
    assert members.reason == "赞成15票，未超过应到有表决权党员30名的半数"
    villagers = assess(
        STANDARD.step(StepKind.VILLAGER_DECISION),
        Counts(Basis.REPRESENTATIVES, 45, 40, 20),
        RuleSet(),
    )
    assert villagers.code == "DLB-VILLAGER-VOTE"
    assert villagers.reason == "赞成20票，未超过到会40人的半数"


def test_assembly_quorum_by_adults_or_households() -> None:
    step = STANDARD.step(StepKind.VILLAGER_DECISION)
    adults = assess(step, Counts(Basis.ADULT_VILLAGERS, 800, 400, 300), RuleSet())
    assert adults.code == "DLB-ASSEMBLY-QUORUM" and "未超过半数" in adults.reason
    households = assess(step, Counts(Basis.HOUSEHOLDS, 300, 199, 150), RuleSet())
    assert households.code == "DLB-ASSEMBLY-QUORUM" and "不足2/3" in households.reason
    assert assess(step, Counts(Basis.HOUSEHOLDS, 300, 200, 150), RuleSet()).verdict is (
        DeliberationVerdict.PASSED
    )


def test_impossible_counts() -> None:
    problems = count_problems(Counts(Basis.REPRESENTATIVES, 45, 50, 40, 8, 5))
    assert [p.field for p in problems] == ["present", "yes"]
    assert problems[0].message == "实到50人多于应到45人（村民代表）"
    assert problems[1].message == "赞成、反对、弃权共53票，多于实到50人"
    negative = count_problems(Counts(Basis.REPRESENTATIVES, 5, 3, -1, 0, 0))
    assert [(p.field, p.message) for p in negative] == [("yes", "不能为负数")]
    assert count_problems(Counts(Basis.REPRESENTATIVES, 45, 40, 30, 5, 5)) == []
