"""Pure validation of development input (no database): the facts are built by hand."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import replace

import pytest

from tests.unit.domain.development.helpers import DATES, case
from villagebook.domain.common.errors import InputError
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.development.facts import CaseFacts, Extension
from villagebook.domain.development.validation import (
    Applicant,
    RosterPerson,
    StepContext,
    validate_assessment,
    validate_development_step,
    validate_document_kind,
    validate_ending,
    validate_extension,
    validate_start,
)
from villagebook.domain.development.values import (
    Ballot,
    CaseState,
    LinkedMeeting,
    Role,
    StepInput,
    StepPersonInput,
)
from villagebook.domain.roster.values import PartyStatus

TODAY = dt.date(2026, 11, 22)
BRANCH = uuid.uuid4()
APPLICANT = uuid.uuid4()


def member(name: str, status: PartyStatus = PartyStatus.FULL, **kw: object) -> RosterPerson:
    fields: dict[str, object] = {
        "person_id": uuid.uuid4(),
        "name": name,
        "branch_id": BRANCH,
        "statuses": ((dt.date(2000, 1, 1), status),),
    }
    fields.update(kw)
    return RosterPerson(**fields)  # type: ignore[arg-type]


def context(facts: CaseFacts, *people: RosterPerson, **kw: object) -> StepContext:
    fields: dict[str, object] = {
        "facts": facts,
        "branch_id": BRANCH,
        "person_id": APPLICANT,
        "state": CaseState.OPEN,
        "historical": False,
        "today": TODAY,
        "rules": RuleSet(),
        "people": {p.person_id: p for p in people},
    }
    fields.update(kw)
    return StepContext(**fields)  # type: ignore[arg-type]


def problems(call: object, *args: object, **kw: object) -> dict[str, str]:
    with pytest.raises(InputError) as info:
        call(*args, **kw)  # type: ignore[operator]
    return {p.field: p.message for p in info.value.problems}


def test_a_step_in_order_is_cleaned_and_names_come_from_the_roster() -> None:
    talker = member("李书记")
    data = StepInput(
        2, DATES[2], [StepPersonInput(Role.TALKER, talker.person_id, "")], note="  谈话  "
    )
    clean = validate_development_step(data, context(case(1), talker))
    assert clean.people[0].name == "李书记" and clean.note == "谈话"
    assert clean.done_on == DATES[2]


def test_unknown_step_number() -> None:
    found = problems(validate_development_step, StepInput(26, TODAY), context(case(1)))
    assert found == {"number": "没有第26步"}


def test_dev_order_refused_out_of_order() -> None:
    found = problems(validate_development_step, StepInput(3, DATES[3]), context(case(1)))
    assert "DEV-ORDER" in found["number"]


def test_date_before_the_previous_step_is_refused_on_the_date() -> None:
    talker = member("李书记")
    data = StepInput(2, dt.date(2023, 1, 30), [StepPersonInput(Role.TALKER, talker.person_id)])
    found = problems(validate_development_step, data, context(case(1), talker))
    assert "DEV-ORDER" in found["done_on"] and "2023年1月31日" in found["done_on"]


def test_closed_case_duplicate_step_and_future_date() -> None:
    ended = context(case(1), state=CaseState.ENDED)
    assert "已终止" in problems(validate_development_step, StepInput(2, DATES[2]), ended)["number"]
    assert "已记录" in problems(validate_development_step, StepInput(1, DATES[1]), ended)["number"]
    future = StepInput(2, TODAY + dt.timedelta(days=1))
    assert "done_on" in problems(validate_development_step, future, context(case(1)))


def test_introducer_must_be_a_full_member_not_under_discipline() -> None:
    facts = case(8)
    first = member("赵一")
    for second in (
        member("钱二", PartyStatus.PROBATIONARY),
        member("孙三", discipline=((dt.date(2020, 1, 1), None),)),
    ):
        people = [StepPersonInput(Role.INTRODUCER, p.person_id) for p in (first, second)]
        found = problems(
            validate_development_step,
            StepInput(9, DATES[9], people),
            context(facts, first, second),
        )
        assert "DEV-INTRODUCERS" in found["people.introducer"]
        assert second.name in found["people.introducer"]


def test_status_is_read_on_the_steps_date() -> None:
    """A member who became full only after the step's date could not introduce then."""
    facts = case(8)
    late = member("周四", statuses=((dt.date(2025, 1, 1), PartyStatus.FULL),))
    first = member("赵一")
    people = [StepPersonInput(Role.INTRODUCER, p.person_id) for p in (first, late)]
    found = problems(
        validate_development_step, StepInput(9, DATES[9], people), context(facts, first, late)
    )
    assert "不在花名册中" in found["people.introducer"]


def test_people_of_another_branch_unknown_or_the_applicant_himself() -> None:
    stranger = member("外村人", branch_id=uuid.uuid4())
    himself = member("张三", person_id=APPLICANT)
    data = StepInput(
        2,
        DATES[2],
        [
            StepPersonInput(Role.TALKER, stranger.person_id),
            StepPersonInput(Role.TALKER, uuid.uuid4()),
            StepPersonInput(Role.TALKER, himself.person_id),
            StepPersonInput(Role.TALKER, None, "  "),
        ],
    )
    found = problems(validate_development_step, data, context(case(1), stranger, himself))
    assert found["people[0]"] == found["people[1]"] == "所选人员不在本支部花名册中"
    assert found["people[2]"] == "不能是发展对象本人"
    assert found["people[3]"] == "请选择人员或填写姓名"


def test_a_linked_meeting_wins_over_the_typed_date_and_counts() -> None:
    held = dt.date(2024, 7, 22)
    meeting = LinkedMeeting(held, "支部党员大会", Ballot(6, 5, 5), BRANCH)
    data = StepInput(15, DATES[15], meeting_id=uuid.uuid4(), ballot=Ballot(6, 4, 1))
    clean = validate_development_step(data, context(case(14), meeting=meeting))
    assert clean.done_on == held and clean.ballot == Ballot(6, 5, 5)


def test_a_missing_or_foreign_meeting_is_refused() -> None:
    data = StepInput(15, DATES[15], meeting_id=uuid.uuid4(), ballot=Ballot(6, 5, 5))
    found = problems(validate_development_step, data, context(case(14)))
    assert found["meeting_id"] == "所关联的支部党员大会记录不存在"
    other = LinkedMeeting(DATES[15], "x", Ballot(6, 5, 5), uuid.uuid4())
    found = problems(validate_development_step, data, context(case(14), meeting=other))
    assert found["meeting_id"] == "应关联本支部的支部党员大会记录"


def test_what_the_step_definition_asks_for() -> None:
    assert "ballot" in problems(
        validate_development_step, StepInput(15, DATES[15]), context(case(14))
    )
    assert "training_days" in problems(
        validate_development_step, StepInput(11, DATES[11]), context(case(10))
    )
    found = problems(validate_development_step, StepInput(13, DATES[13]), context(case(12)))
    assert "publicity_from" in found
    long = StepInput(4, DATES[4], note="长" * 1001)
    assert problems(validate_development_step, long, context(case(3)))["note"] == "不能超过1000个字"


def test_impossible_ballots_are_said_once() -> None:
    data = StepInput(15, DATES[15], ballot=Ballot(6, 4, 4, 1, 0, 0))
    with pytest.raises(InputError) as info:
        validate_development_step(data, context(case(14)))
    yes = [p for p in info.value.problems if p.field == "yes"]
    assert len(yes) == 1 and "DEV-BALLOT" not in yes[0].message


def test_historical_records_keep_their_breaches() -> None:
    data = StepInput(3, DATES[3])
    clean = validate_development_step(data, context(case(1), historical=True))
    assert clean.number == 3


def test_start() -> None:
    ok = Applicant("张三", BRANCH, PartyStatus.MASSES, has_open_case=False)
    validate_start(ok, BRANCH, historical=False)
    assert problems(validate_start, None, BRANCH, historical=False)["person_id"]
    busy = replace(ok, has_open_case=True)
    assert "进行中" in problems(validate_start, busy, BRANCH, historical=False)["person_id"]
    full = replace(ok, status=PartyStatus.FULL)
    assert "不能开始" in problems(validate_start, full, BRANCH, historical=False)["person_id"]
    validate_start(full, BRANCH, historical=True)  # a past file may be entered afterwards


def test_assessment() -> None:
    activist = DATES[3]
    validate_assessment(DATES[6], "", activist_on=activist, today=TODAY, historical=False)
    early = problems(
        validate_assessment, DATES[1], "", activist_on=activist, today=TODAY, historical=False
    )
    assert "2023-04-10" in early["assessed_on"]
    none = problems(
        validate_assessment, DATES[6], "", activist_on=None, today=TODAY, historical=False
    )
    assert none["assessed_on"] == "尚未确定为入党积极分子"
    validate_assessment(DATES[1], "", activist_on=None, today=TODAY, historical=True)


def test_extension_once_between_approval_and_conversion() -> None:
    rules = RuleSet()
    facts = case(22)
    first = Extension(dt.date(2025, 7, 20), 6, "需继续考察")
    args = {"state": CaseState.OPEN, "historical": False, "today": TODAY, "rules": rules}
    validate_extension(first, facts, **args)  # type: ignore[arg-type]
    extended = replace(facts, extensions=(first,))
    second = Extension(dt.date(2026, 1, 20), 6, "再延")
    assert "DEV-EXTENSION" in problems(validate_extension, second, extended, **args)["months"]
    too_long = Extension(dt.date(2025, 7, 20), 13, "太长")
    assert "DEV-EXTENSION" in problems(validate_extension, too_long, facts, **args)["months"]
    before_approval = problems(validate_extension, first, case(16), **args)
    assert before_approval["decided_on"] == "只能在上级党委审批之后、转正支部大会之前延长预备期"
    no_reason = Extension(dt.date(2025, 7, 20), 6, " ")
    assert "reason" in problems(validate_extension, no_reason, facts, **args)


def test_ending() -> None:
    validate_ending("本人申请", DATES[4], state=CaseState.OPEN, last_step_on=DATES[3], today=TODAY)
    found = problems(
        validate_ending, "", DATES[2], state=CaseState.ENDED, last_step_on=DATES[3], today=TODAY
    )
    assert set(found) == {"ending", "ending_reason", "ended_on"}


def test_document_kind() -> None:
    validate_document_kind("入党申请书")
    assert "入党申请书" in problems(validate_document_kind, "照片")["kind"]


def test_refusals_read_in_english() -> None:
    from villagebook import language

    language.use("en")
    try:
        found = problems(validate_development_step, StepInput(3, DATES[3]), context(case(1)))
        start = problems(validate_start, None, BRANCH, historical=False)
    finally:
        language.use("zh_CN")
    assert "DEV-ORDER" in found["number"]
    for text in (found["number"], start["person_id"]):
        assert text.isascii(), text
