"""The workflow as data: six steps in order; 一肩挑 may hold the first two together."""

from __future__ import annotations

from villagebook.domain.deliberations.values import StepKind
from villagebook.domain.deliberations.workflow import (
    ONE_SHOULDER,
    STANDARD,
    workflow,
    workflow_for,
)


def test_six_steps_in_order() -> None:
    assert [s.kind for s in STANDARD.steps] == list(StepKind)
    assert STANDARD.next_step(set()) is STANDARD.steps[0]
    assert STANDARD.next_step({StepKind.PROPOSAL}) is STANDARD.step(StepKind.JOINT_MEETING)
    assert STANDARD.next_step(set(StepKind)) is None
    assert STANDARD.step(StepKind.MEMBER_MEETING).votes
    assert STANDARD.step(StepKind.RESULT_PUBLICITY).publication


def test_one_shoulder_joins_the_proposal_and_the_joint_meeting() -> None:
    assert ONE_SHOULDER.may_join_proposal and not STANDARD.may_join_proposal
    assert workflow_for(True) is ONE_SHOULDER and workflow_for(False) is STANDARD


def test_a_stored_key_finds_its_workflow() -> None:
    assert workflow("one_shoulder") is ONE_SHOULDER
    assert workflow("unknown") is STANDARD
    assert STANDARD.label == STANDARD.name == "四议两公开（标准）"
