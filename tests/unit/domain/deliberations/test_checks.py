"""Every DLB rule code, with a passing and a failing case, on plain facts."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from villagebook.domain.common.findings import Severity
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.deliberations.checks import (
    DeliberationFacts,
    DeliberationStepFacts,
    evaluate,
)
from villagebook.domain.deliberations.values import (
    Basis,
    Category,
    Counts,
    DeliberationStatus,
    StepKind,
)
from villagebook.domain.deliberations.workflow import ONE_SHOULDER, STANDARD

D = dt.date
AS_OF = D(2026, 11, 22)
MEETING = "meeting-1"  # the linked general-meeting record of the Party member meeting


def _steps(**changes: DeliberationStepFacts | None) -> dict[StepKind, DeliberationStepFacts]:
    steps = {
        StepKind.PROPOSAL: DeliberationStepFacts(StepKind.PROPOSAL, D(2026, 5, 6)),
        StepKind.JOINT_MEETING: DeliberationStepFacts(StepKind.JOINT_MEETING, D(2026, 5, 8)),
        StepKind.MEMBER_MEETING: DeliberationStepFacts(
            StepKind.MEMBER_MEETING,
            D(2026, 5, 12),
            Counts(Basis.VOTING_MEMBERS, 26, 22, 20, 2, 0),
            meeting_id=MEETING,
        ),
        StepKind.VILLAGER_DECISION: DeliberationStepFacts(
            StepKind.VILLAGER_DECISION,
            D(2026, 5, 20),
            Counts(Basis.REPRESENTATIVES, 45, 38, 35, 3, 0),
        ),
        StepKind.RESOLUTION_PUBLICITY: DeliberationStepFacts(
            StepKind.RESOLUTION_PUBLICITY,
            None,
            posted_from=D(2026, 5, 21),
            posted_until=D(2026, 5, 30),
        ),
        StepKind.RESULT_PUBLICITY: DeliberationStepFacts(
            StepKind.RESULT_PUBLICITY,
            None,
            posted_from=D(2026, 10, 10),
            posted_until=D(2026, 10, 20),
        ),
    }
    for name, value in changes.items():
        kind = StepKind(name)
        if value is None:
            steps.pop(kind)
        else:
            steps[kind] = value
    return steps


def _deliberation(
    steps: dict[StepKind, DeliberationStepFacts] | None = None,
    *,
    category: Category = Category.PUBLIC_WELFARE,
    status: DeliberationStatus = DeliberationStatus.COMPLETED,
    one_shoulder: bool = False,
) -> DeliberationFacts:
    return DeliberationFacts(
        id="m1",
        branch_id="b1",
        title="村组道路硬化",
        category=category,
        workflow=ONE_SHOULDER if one_shoulder else STANDARD,
        status=status,
        steps=steps if steps is not None else _steps(),
    )


def _codes(facts: DeliberationFacts, rules: RuleSet | None = None) -> list[str]:
    return [f.code for f in evaluate(facts, rules or RuleSet(), AS_OF)]


def test_a_complete_deliberation_has_no_findings() -> None:
    assert _codes(_deliberation()) == []


def test_dlb_order_dates_out_of_order() -> None:
    steps = _steps(joint_meeting=DeliberationStepFacts(StepKind.JOINT_MEETING, D(2026, 5, 1)))
    findings = evaluate(_deliberation(steps), RuleSet(), AS_OF)
    assert [f.code for f in findings] == ["DLB-ORDER"]
    assert "早于上一步" in findings[0].message


def test_dlb_order_undated_step() -> None:
    steps = _steps(
        member_meeting=DeliberationStepFacts(StepKind.MEMBER_MEETING, None, meeting_id=MEETING)
    )
    assert "DLB-ORDER" in _codes(_deliberation(steps))


def test_dlb_order_skipped_step_of_an_unlisted_deliberation() -> None:
    steps = _steps(joint_meeting=None)
    assert _codes(_deliberation(steps, category=Category.OTHER)) == ["DLB-ORDER"]


def test_dlb_order_publication_before_the_resolution() -> None:
    steps = _steps(
        resolution_publicity=DeliberationStepFacts(
            StepKind.RESOLUTION_PUBLICITY,
            None,
            posted_from=D(2026, 5, 18),
            posted_until=D(2026, 5, 30),
        )
    )
    assert "DLB-ORDER" in _codes(_deliberation(steps))


def test_dlb_scope_listed_deliberation_that_skipped_steps() -> None:
    steps = _steps(member_meeting=None, joint_meeting=None)
    findings = evaluate(_deliberation(steps, category=Category.WAGE_SUBSIDY), RuleSet(), AS_OF)
    assert [f.code for f in findings] == ["DLB-SCOPE"]
    assert "党员大会审议" in findings[0].message and "误工补贴" in findings[0].message


def test_dlb_scope_listed_deliberation_in_order_passes() -> None:
    assert _codes(_deliberation(category=Category.WAGE_SUBSIDY)) == []


def test_one_shoulder_steps_held_together() -> None:
    together = _steps(
        joint_meeting=DeliberationStepFacts(
            StepKind.JOINT_MEETING, D(2026, 5, 6), held_with_previous=True
        )
    )
    assert _codes(_deliberation(together, one_shoulder=True)) == []
    # The standard workflow does not allow one meeting for both (DLB-ORDER).
    assert _codes(_deliberation(together)) == ["DLB-ORDER"]


def _member(expected: int, present: int, yes: int) -> DeliberationFacts:
    return _deliberation(
        _steps(
            member_meeting=DeliberationStepFacts(
                StepKind.MEMBER_MEETING,
                D(2026, 5, 12),
                Counts(Basis.VOTING_MEMBERS, expected, present, yes, present - yes, 0),
                meeting_id=MEETING,
            )
        )
    )


def test_dlb_member_quorum_half_by_default() -> None:
    assert _codes(_member(26, 13, 14 - 1)) == ["DLB-MEMBER-QUORUM"]  # 13 yes of 26: not > half
    assert _codes(_member(26, 13, 13)) == ["DLB-MEMBER-QUORUM"]
    assert _codes(_member(26, 14, 14)) == []  # 14 present ≥ 13, 14 yes > 13
    assert _codes(_member(26, 12, 12)) == ["DLB-MEMBER-QUORUM"]  # too few present


def test_dlb_member_quorum_two_thirds_configurable() -> None:
    two_thirds = RuleSet().replace({"DLB-MEMBER-QUORUM.present_fraction": 2 / 3})
    assert _codes(_member(30, 18, 17), two_thirds) == ["DLB-MEMBER-QUORUM"]  # 18 < 20
    assert _codes(_member(30, 20, 17), two_thirds) == []
    assert _codes(_member(30, 18, 17)) == []  # half is enough by default


def test_dlb_member_quorum_yes_counts_against_expected_not_present() -> None:
    # 16 present of 30, 15 yes: a majority of those present, but not more than 15 (half of 30).
    findings = evaluate(_member(30, 16, 15), RuleSet(), AS_OF)
    assert [f.code for f in findings] == ["DLB-MEMBER-QUORUM"]
    assert "未通过" in findings[0].message


def _villagers(
    basis: Basis, expected: int, present: int, yes: int, **kw: object
) -> DeliberationFacts:
    return _deliberation(
        _steps(
            villager_decision=DeliberationStepFacts(
                StepKind.VILLAGER_DECISION,
                D(2026, 5, 20),
                Counts(basis, expected, present, yes, present - yes, 0),
                notice_on=kw.get("notice_on", D(2026, 5, 8)),  # type: ignore[arg-type]
            )
        )
    )


def test_dlb_assembly_quorum_adult_villagers() -> None:
    assert _codes(_villagers(Basis.ADULT_VILLAGERS, 800, 401, 300)) == []
    assert _codes(_villagers(Basis.ADULT_VILLAGERS, 800, 400, 300)) == ["DLB-ASSEMBLY-QUORUM"]


def test_dlb_assembly_quorum_households() -> None:
    assert _codes(_villagers(Basis.HOUSEHOLDS, 300, 200, 150)) == []
    assert _codes(_villagers(Basis.HOUSEHOLDS, 300, 199, 150)) == ["DLB-ASSEMBLY-QUORUM"]


def test_dlb_reps_quorum() -> None:
    assert _codes(_villagers(Basis.REPRESENTATIVES, 45, 30, 20)) == []
    assert _codes(_villagers(Basis.REPRESENTATIVES, 45, 29, 20)) == ["DLB-REPS-QUORUM"]


def test_dlb_reps_quorum_more_present_than_members() -> None:
    findings = evaluate(_villagers(Basis.REPRESENTATIVES, 45, 50, 40), RuleSet(), AS_OF)
    assert [f.code for f in findings] == ["DLB-REPS-QUORUM"]
    assert "多于应到" in findings[0].message


def test_dlb_villager_vote_more_than_half_of_present() -> None:
    assert _codes(_villagers(Basis.REPRESENTATIVES, 45, 40, 21)) == []
    assert _codes(_villagers(Basis.REPRESENTATIVES, 45, 40, 20)) == ["DLB-VILLAGER-VOTE"]


def test_dlb_notice_10d() -> None:
    on_time = _villagers(Basis.ADULT_VILLAGERS, 800, 500, 400, notice_on=D(2026, 5, 10))
    assert _codes(on_time) == []
    late = _villagers(Basis.ADULT_VILLAGERS, 800, 500, 400, notice_on=D(2026, 5, 11))
    findings = evaluate(late, RuleSet(), AS_OF)
    assert [f.code for f in findings] == ["DLB-NOTICE-10D"]
    assert "2026-05-10" in findings[0].message
    missing = _villagers(Basis.HOUSEHOLDS, 300, 250, 200, notice_on=None)
    assert [(f.code, f.severity) for f in evaluate(missing, RuleSet(), AS_OF)] == [
        ("DLB-NOTICE-10D", Severity.WARNING)
    ]


def test_dlb_notice_10d_not_for_a_representatives_meeting() -> None:
    assert _codes(_villagers(Basis.REPRESENTATIVES, 45, 40, 30, notice_on=None)) == []


def _posted(start: dt.date, until: dt.date | None) -> DeliberationFacts:
    return _deliberation(
        _steps(
            resolution_publicity=DeliberationStepFacts(
                StepKind.RESOLUTION_PUBLICITY, None, posted_from=start, posted_until=until
            )
        )
    )


def test_dlb_publicity_at_least_seven_days() -> None:
    assert _codes(_posted(D(2026, 5, 21), D(2026, 5, 27))) == []  # 7 days
    findings = evaluate(_posted(D(2026, 5, 21), D(2026, 5, 26)), RuleSet(), AS_OF)
    assert [f.code for f in findings] == ["DLB-PUBLICITY"]
    assert "6天" in findings[0].message
    assert _codes(_posted(D(2026, 5, 21), None)) == []  # still posted
    ten = RuleSet().replace({"DLB-PUBLICITY.days": 10})
    assert _codes(_posted(D(2026, 5, 21), D(2026, 5, 27)), ten) == ["DLB-PUBLICITY"]


def test_dlb_result_open_with_days() -> None:
    open_round = _deliberation(_steps(result_publicity=None), status=DeliberationStatus.DECIDED)
    findings = evaluate(open_round, RuleSet(), D(2026, 9, 1))
    assert [f.code for f in findings] == ["DLB-RESULT"]
    assert findings[0].severity is Severity.INFO
    assert "104天" in findings[0].message
    later = evaluate(open_round, RuleSet(), AS_OF)
    assert later[0].severity is Severity.WARNING
    assert "186天" in later[0].message
    assert _codes(_deliberation()) == []  # result published


def test_rejected_deliberation_that_stopped_is_not_a_breach() -> None:
    steps = _steps(villager_decision=None, resolution_publicity=None, result_publicity=None)
    steps[StepKind.MEMBER_MEETING] = DeliberationStepFacts(
        StepKind.MEMBER_MEETING,
        D(2026, 5, 12),
        Counts(Basis.VOTING_MEMBERS, 26, 20, 10, 10, 0),
        meeting_id=MEETING,
    )
    assert _codes(_deliberation(steps, status=DeliberationStatus.REJECTED)) == []
    assert _codes(_deliberation(steps, status=DeliberationStatus.OPEN)) == ["DLB-MEMBER-QUORUM"]


def test_withdrawn_deliberation_has_no_findings() -> None:
    assert (
        _codes(_deliberation(_steps(joint_meeting=None), status=DeliberationStatus.WITHDRAWN)) == []
    )


# --- DLB-MEETING-LINK (DOMAIN.md §8) ---------------------------------------------------------


def _member_meeting(**kw: object) -> dict[StepKind, DeliberationStepFacts]:
    step = DeliberationStepFacts(
        StepKind.MEMBER_MEETING,
        D(2026, 5, 12),
        Counts(Basis.VOTING_MEMBERS, 26, 22, 20, 2, 0),
        **kw,  # type: ignore[arg-type]
    )
    return _steps(member_meeting=step)


def test_dlb_meeting_link_passes_a_linked_general_meeting() -> None:
    assert "DLB-MEETING-LINK" not in _codes(_deliberation(_member_meeting(meeting_id=MEETING)))


def test_dlb_meeting_link_no_general_meeting_that_day() -> None:
    findings = evaluate(_deliberation(_member_meeting()), RuleSet(), AS_OF)
    link = [f for f in findings if f.code == "DLB-MEETING-LINK"]
    assert len(link) == 1 and link[0].severity is Severity.ERROR
    assert "没有支部党员大会记录" in link[0].message


def test_dlb_meeting_link_a_record_of_that_day_left_unlinked() -> None:
    facts = _deliberation(_member_meeting())
    facts = replace(facts, general_meeting_days=frozenset({D(2026, 5, 12)}))
    link = [f for f in evaluate(facts, RuleSet(), AS_OF) if f.code == "DLB-MEETING-LINK"]
    assert len(link) == 1 and link[0].severity is Severity.WARNING


def test_dlb_meeting_link_the_linked_record_is_gone() -> None:
    facts = _deliberation(_member_meeting(meeting_id=MEETING, meeting_found=False))
    link = [f for f in evaluate(facts, RuleSet(), AS_OF) if f.code == "DLB-MEETING-LINK"]
    assert len(link) == 1 and "已不存在" in link[0].message
