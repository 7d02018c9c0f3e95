"""Pure validation of a deliberation's inputs: every problem at once, each naming its field.

No database: the facts the services gather are built here by hand.
"""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from villagebook.domain.common.errors import Problem
from villagebook.domain.deliberations import validation as v
from villagebook.domain.deliberations.values import (
    Basis,
    Category,
    Channel,
    Counts,
    DeliberationInput,
    DeliberationStatus,
    DeliberationStepInput,
    LinkedMeeting,
    StepKind,
)
from villagebook.domain.deliberations.workflow import ONE_SHOULDER, STANDARD

D = dt.date
TODAY = D(2026, 11, 22)
OPEN = DeliberationStatus.OPEN


def _facts(
    *done: StepKind,
    status: DeliberationStatus = OPEN,
    previous: v.DatedStep | None = None,
    decided_on: dt.date | None = None,
    one_shoulder: bool = False,
) -> v.NextStepFacts:
    return v.NextStepFacts(
        status=status,
        workflow=ONE_SHOULDER if one_shoulder else STANDARD,
        done=frozenset(done),
        previous=previous,
        decided_on=decided_on,
        today=TODAY,
    )


def _fields(problems: list[Problem]) -> set[str]:
    return {p.field for p in problems}


def _meeting(kind: StepKind = StepKind.PROPOSAL, **kw: object) -> DeliberationStepInput:
    values: dict[str, object] = {"held_on": D(2026, 5, 6), "place": "村委会"}
    values.update(kw)
    return DeliberationStepInput(kind, **values)  # type: ignore[arg-type]


def _members(**kw: object) -> DeliberationStepInput:
    values: dict[str, object] = {
        "basis": Basis.VOTING_MEMBERS,
        "expected": 26,
        "present": 22,
        "yes": 20,
        "no": 2,
        "abstain": 0,
    }
    values.update(kw)
    return _meeting(StepKind.MEMBER_MEETING, **values)


MEMBERS_DONE = (StepKind.PROPOSAL, StepKind.JOINT_MEETING)
DECIDED_DONE = (*MEMBERS_DONE, StepKind.MEMBER_MEETING, StepKind.VILLAGER_DECISION)


def test_the_next_step_in_order_passes() -> None:
    assert v.step_problems(_meeting(), _facts()) == []
    assert v.step_problems(_members(), _facts(*MEMBERS_DONE)) == []


def test_a_closed_round_takes_no_step_and_says_only_that() -> None:
    problems = v.step_problems(
        DeliberationStepInput(StepKind.PROPOSAL), _facts(status=DeliberationStatus.WITHDRAWN)
    )
    assert [(p.field, p.message) for p in problems] == [("kind", "事项已撤回，不能再办理")]


def test_a_step_cannot_be_skipped_or_recorded_twice() -> None:
    skipped = v.step_problems(_members(), _facts(StepKind.PROPOSAL))
    assert _fields(skipped) == {"kind"}
    assert "不能跳过步骤" in skipped[0].message and "两委" in skipped[0].message
    twice = v.step_problems(_meeting(), _facts(StepKind.PROPOSAL))
    assert "已经记录过" in twice[0].message
    after_all = v.step_problems(_meeting(), _facts(*StepKind))
    assert "已经记录过" in after_all[0].message


def test_the_joint_entry_only_for_one_shoulder() -> None:
    joint = _meeting(with_joint_meeting=True)
    assert _fields(v.step_problems(joint, _facts())) == {"with_joint_meeting"}
    assert v.step_problems(joint, _facts(one_shoulder=True)) == []


def test_meeting_fields_required_and_not_in_the_future() -> None:
    empty = DeliberationStepInput(StepKind.PROPOSAL)
    assert _fields(v.step_problems(empty, _facts())) == {"held_on", "place"}
    future = v.step_problems(_meeting(held_on=D(2026, 12, 1)), _facts())
    assert [p.message for p in future] == ["不能晚于今天（2026-11-22）"]
    long_place = v.step_problems(_meeting(place="村" * 101), _facts())
    assert _fields(long_place) == {"place"}
    invisible = v.step_problems(_meeting(place="\u200b "), _facts())
    assert _fields(invisible) == {"place"}


def test_a_vote_needs_its_basis_and_counts() -> None:
    missing = _members(basis=None, expected=None, present=None, yes=None)
    assert _fields(v.step_problems(missing, _facts(*MEMBERS_DONE))) == {
        "basis",
        "expected",
        "present",
        "yes",
    }
    wrong = v.step_problems(_members(basis=Basis.REPRESENTATIVES), _facts(*MEMBERS_DONE))
    assert [(p.field, p.message) for p in wrong] == [("basis", "应为：有表决权的党员")]


def test_impossible_counts_are_refused() -> None:
    bad = _members(expected=20, present=25, yes=20, no=5, abstain=1)
    problems = v.step_problems(bad, _facts(*MEMBERS_DONE))
    assert _fields(problems) == {"present", "yes"}
    text = " ".join(p.text() for p in problems)
    assert "多于应到" in text and "多于实到" in text


def test_an_assembly_needs_its_notice_date_before_the_meeting() -> None:
    done = (*MEMBERS_DONE, StepKind.MEMBER_MEETING)
    assembly = _meeting(
        StepKind.VILLAGER_DECISION,
        held_on=D(2026, 5, 20),
        basis=Basis.ADULT_VILLAGERS,
        expected=820,
        present=460,
        yes=400,
    )
    assert _fields(v.step_problems(assembly, _facts(*done))) == {"notice_on"}
    assembly.notice_on = D(2026, 5, 21)
    assert [p.message for p in v.step_problems(assembly, _facts(*done))] == ["不能晚于会议日期"]
    assembly.notice_on = D(2026, 5, 8)
    assert v.step_problems(assembly, _facts(*done)) == []
    reps = _meeting(
        StepKind.VILLAGER_DECISION, basis=Basis.REPRESENTATIVES, expected=45, present=40, yes=30
    )
    assert v.step_problems(reps, _facts(*done)) == []


def _publication(**kw: object) -> DeliberationStepInput:
    values: dict[str, object] = {
        "channels": (Channel.BOARD,),
        "posted_from": D(2026, 5, 21),
        "posted_until": D(2026, 5, 30),
    }
    values.update(kw)
    return DeliberationStepInput(StepKind.RESOLUTION_PUBLICITY, **values)  # type: ignore[arg-type]


def test_publication_fields_and_dates() -> None:
    facts = _facts(*DECIDED_DONE, decided_on=D(2026, 5, 20))
    assert v.step_problems(_publication(), facts) == []
    bad = v.step_problems(_publication(channels=(), posted_until=D(2026, 5, 19)), facts)
    assert _fields(bad) == {"channels", "posted_until"}
    assert "村务公开栏、村微信群、广播" in bad[0].message
    early = v.step_problems(_publication(posted_from=D(2026, 5, 19), posted_until=None), facts)
    assert [p.message for p in early] == ["不能早于决议日期（2026-05-20）"]
    undated = v.step_problems(_publication(posted_from=None), facts)
    assert _fields(undated) == {"posted_from"}


def test_no_step_dated_before_the_previous_one() -> None:
    previous = v.DatedStep(StepKind.PROPOSAL, D(2026, 5, 6))
    problems = v.step_problems(
        _meeting(StepKind.JOINT_MEETING, held_on=D(2026, 5, 1)),
        _facts(StepKind.PROPOSAL, previous=previous),
    )
    assert [(p.field, p.message) for p in problems] == [
        ("held_on", "不能早于上一步“村党组织提议”的日期（2026-05-06）")
    ]


def test_the_decided_text_and_note() -> None:
    assert _fields(v.step_problems(_meeting(text="  "), _facts())) == {"text"}
    assert _fields(v.step_problems(_meeting(text="字" * 20001), _facts())) == {"text"}
    assert _fields(v.step_problems(_meeting(note="注" * 1001), _facts())) == {"note"}


def test_a_linked_general_meeting_wins_over_typed_counts() -> None:
    linked = LinkedMeeting(
        uuid.uuid4(),
        D(2026, 5, 13),
        "支部党员大会",
        Counts(Basis.VOTING_MEMBERS, 30, 16, 15, 1, 0),
    )
    typed = _members()
    merged = v.with_linked_meeting(typed, linked)
    assert (merged.held_on, merged.expected, merged.present, merged.yes) == (
        D(2026, 5, 13),
        30,
        16,
        15,
    )
    assert typed.expected == 26  # the input itself is left as typed
    no_votes = LinkedMeeting(linked.id, linked.held_on, "", Counts(Basis.VOTING_MEMBERS, 30, 16))
    assert v.with_linked_meeting(typed, no_votes).yes == 20
    assert v.with_linked_meeting(typed, None) is typed


def test_a_new_deliberation_lists_every_problem() -> None:
    data = DeliberationInput(title=" ", category=Category.OTHER, amount="abc", text="")
    _cleaned, problems = v.new_deliberation(data)
    assert _fields(problems) == {"title", "amount", "text"}
    good = DeliberationInput("村组道路硬化（二期）\u200b", Category.PUBLIC_WELFARE, "1,000", "提议")
    cleaned, problems = v.new_deliberation(good)
    assert problems == []
    assert (cleaned.title, cleaned.amount_fen) == ("村组道路硬化（二期）", 100000)


def test_the_header_changes_only_before_the_first_step() -> None:
    data = DeliberationInput("改名", Category.OTHER)
    assert v.changed_header(data, started=False)[1] == []
    assert _fields(v.changed_header(data, started=True)[1]) == {"title"}
    assert _fields(
        v.clean_deliberation(DeliberationInput("x", Category.OTHER, note="注" * 501))[1]
    ) == {"note"}


def test_text_edits() -> None:
    assert v.edited_text(OPEN, "  修改稿 ") == ("修改稿", [])
    assert _fields(v.edited_text(OPEN, " ")[1]) == {"text"}
    closed = v.edited_text(DeliberationStatus.COMPLETED, "修改稿")[1]
    assert [p.message for p in closed] == ["事项已办结，不能再修改"]


def test_closing_needs_a_reason_and_a_date_in_order() -> None:
    previous = v.DatedStep(StepKind.PROPOSAL, D(2026, 5, 6))
    _text, problems = v.closing(OPEN, " ", D(2026, 5, 1), today=TODAY, previous=previous)
    assert _fields(problems) == {"reason", "day"}
    _text, late = v.closing(OPEN, "原因", D(2026, 12, 1), today=TODAY, previous=None)
    assert [p.message for p in late] == ["不能晚于今天"]
    text, none = v.closing(OPEN, " 原因 ", D(2026, 5, 9), today=TODAY, previous=previous)
    assert (text, none) == ("原因", [])
    _text, again = v.closing(
        DeliberationStatus.WITHDRAWN, "原因", D(2026, 5, 9), today=TODAY, previous=None
    )
    assert _fields(again) == {"status"}


@pytest.mark.parametrize(
    ("status", "later", "fields"),
    [
        (DeliberationStatus.REJECTED, None, set()),
        (DeliberationStatus.REJECTED, 2, {"status"}),
        (DeliberationStatus.OPEN, None, {"status"}),
    ],
)
def test_only_a_rejected_round_is_proposed_again_once(
    status: DeliberationStatus, later: int | None, fields: set[str]
) -> None:
    assert _fields(v.reproposal(status, later)) == fields


def test_ending_a_publication() -> None:
    start = D(2026, 5, 21)
    assert v.publication_end(start, None, D(2026, 5, 31), TODAY) == []
    assert len(v.publication_end(start, None, D(2026, 5, 20), TODAY)) == 1
    assert len(v.publication_end(start, D(2026, 5, 31), D(2026, 6, 1), TODAY)) == 1
    assert len(v.publication_end(None, None, D(2026, 6, 1), TODAY)) == 1
    assert len(v.publication_end(start, None, D(2026, 12, 1), TODAY)) == 1


def test_drop_invisible_keeps_spaces_and_full_width_punctuation() -> None:
    assert v.drop_invisible("村组\u200b道路（二期） 硬化\ufeff") == "村组道路（二期） 硬化"
