"""Every DEV-* rule code with a passing and a failing case (domain only, no database)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from tests.unit.domain.development.helpers import GOOD_BALLOT, D, case, person, with_step
from villagebook.domain.common.findings import Severity
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.development.checks import check_case
from villagebook.domain.development.facts import CaseFacts, Extension
from villagebook.domain.development.values import Ballot, Role
from villagebook.domain.roster.values import PartyStatus

AS_OF = D(2026, 11, 22)
RULES = RuleSet()


def codes(facts: CaseFacts, as_of: dt.date = AS_OF, rules: RuleSet = RULES) -> set[str]:
    return {v.code for v in check_case(facts, rules, as_of) if v.severity is Severity.ERROR}


def due_codes(facts: CaseFacts, as_of: dt.date) -> dict[str, dt.date | None]:
    return {v.code: v.due for v in check_case(facts, RULES, as_of) if v.severity is Severity.DUE}


def test_a_clean_complete_case_has_no_findings() -> None:
    assert check_case(case(), RULES, AS_OF) == []


def test_dev_order_date_before_predecessor() -> None:
    bad = with_step(case(), 4, done_on=D(2023, 4, 1))
    found = [v for v in check_case(bad, RULES, AS_OF) if v.code == "DEV-ORDER"]
    assert found and found[0].step == 4 and found[0].due == D(2023, 4, 10)


def test_dev_order_missing_step() -> None:
    facts = case()
    steps = dict(facts.steps)
    del steps[8]
    assert "DEV-ORDER" in codes(replace(facts, steps=steps))
    assert "DEV-ORDER" not in codes(case(7))


def test_dev_age_18() -> None:
    assert "DEV-AGE-18" not in codes(case(1, birth_date=D(2005, 1, 31)))  # 18 that very day
    young = case(1, birth_date=D(2005, 2, 1))
    found = [v for v in check_case(young, RULES, AS_OF) if v.code == "DEV-AGE-18"]
    assert found and found[0].due == D(2023, 2, 1)


def test_dev_age_18_leap_day_birthday() -> None:
    # Born 29 Feb 2004: 18 on 1 March 2022 in a common year (age_on counts from 1 March).
    born = replace(case(1), birth_date=D(2004, 2, 29))
    assert "DEV-AGE-18" in codes(with_step(born, 1, done_on=D(2022, 2, 28)))
    assert "DEV-AGE-18" not in codes(with_step(born, 1, done_on=D(2022, 3, 1)))


def test_dev_talk_1m_month_end_clamps_to_february() -> None:
    # Applied 31 January 2023: the talk is due by 28 February 2023.
    on_time = with_step(case(2), 2, done_on=D(2023, 2, 28))
    assert "DEV-TALK-1M" not in codes(on_time)
    late = with_step(case(2), 2, done_on=D(2023, 3, 1))
    found = [v for v in check_case(late, RULES, AS_OF) if v.code == "DEV-TALK-1M"]
    assert found and found[0].due == D(2023, 2, 28)


def test_dev_talk_1m_leap_year() -> None:
    leap = with_step(case(1), 1, done_on=D(2024, 1, 31))
    assert due_codes(leap, D(2024, 2, 10))["DEV-TALK-1M"] == D(2024, 2, 29)
    found = [v for v in check_case(leap, RULES, D(2024, 3, 1)) if v.code == "DEV-TALK-1M"]
    assert found[0].severity is Severity.ERROR and found[0].due == D(2024, 2, 29)


def test_dev_contacts() -> None:
    assert "DEV-CONTACTS" not in codes(case(5))
    three = with_step(case(5), 5, people=tuple(person(Role.CONTACT, n) for n in ("甲", "乙", "丙")))
    assert "DEV-CONTACTS" in codes(three)
    activist = with_step(case(5), 5, people=(person(Role.CONTACT, "甲", PartyStatus.ACTIVIST),))
    assert "DEV-CONTACTS" in codes(activist)


def test_dev_assess_6m() -> None:
    assert "DEV-ASSESS-6M" not in codes(case(7))
    gap = replace(case(7), assessments=(D(2023, 9, 15),))  # then nothing until 2024-04-15
    found = [v for v in check_case(gap, RULES, AS_OF) if v.code == "DEV-ASSESS-6M"]
    assert found and found[0].due == D(2024, 3, 15)


def test_dev_assess_6m_overdue_and_due_soon_for_open_activist() -> None:
    open_case = replace(case(6), assessments=())
    # Activist since 2023-04-10: the first assessment is due 2023-10-10.
    assert due_codes(open_case, D(2023, 9, 20)) == {"DEV-ASSESS-6M": D(2023, 10, 10)}
    assert "DEV-ASSESS-6M" in codes(open_case, D(2023, 10, 11))


def test_dev_activist_1y() -> None:
    assert "DEV-ACTIVIST-1Y" not in codes(case(7))
    early = with_step(case(7), 7, done_on=D(2024, 4, 9))
    found = [v for v in check_case(early, RULES, AS_OF) if v.code == "DEV-ACTIVIST-1Y"]
    assert found and found[0].due == D(2024, 4, 10)


def test_dev_introducers() -> None:
    assert "DEV-INTRODUCERS" not in codes(case(9))
    probationary = with_step(
        case(9),
        9,
        people=(
            person(Role.INTRODUCER, "甲"),
            person(Role.INTRODUCER, "乙", PartyStatus.PROBATIONARY),
        ),
    )
    assert "DEV-INTRODUCERS" in codes(probationary)
    disciplined = with_step(
        case(9),
        9,
        people=(person(Role.INTRODUCER, "甲"), person(Role.INTRODUCER, "乙", disc=True)),
    )
    assert "DEV-INTRODUCERS" in codes(disciplined)
    one = with_step(case(9), 9, people=(person(Role.INTRODUCER, "甲"),))
    assert "DEV-INTRODUCERS" in codes(one)


def test_dev_review() -> None:
    assert "DEV-REVIEW" not in codes(case(12))
    facts = case(12)
    steps = dict(facts.steps)
    del steps[10]
    assert "DEV-REVIEW" in codes(replace(facts, steps=steps))


def test_dev_training_days_or_hours() -> None:
    assert "DEV-TRAINING" not in codes(case(15))
    hours = with_step(case(15), 11, training_days=None, training_hours=24.0)
    assert "DEV-TRAINING" not in codes(hours)
    short = with_step(case(15), 11, training_days=2.0, training_hours=16.0)
    assert "DEV-TRAINING" in codes(short)
    facts = case(15)
    steps = dict(facts.steps)
    del steps[11]
    assert "DEV-TRAINING" in codes(replace(facts, steps=steps))


def test_dev_publicity_counts_working_days() -> None:
    assert "DEV-PUBLICITY" not in codes(case(13))  # Mon 24 - Fri 28 June 2024: 5 working days
    short = with_step(case(13), 13, publicity_to=D(2024, 6, 27))
    found = [v for v in check_case(short, RULES, AS_OF) if v.code == "DEV-PUBLICITY"]
    assert found and found[0].due == D(2024, 6, 28)


def test_dev_publicity_over_the_national_day_week() -> None:
    # 2024: 1-7 October are holidays; Sat 12 October is a make-up working day.
    # Posted Mon 30 Sept - Wed 9 Oct: only 30 Sept, 8 and 9 Oct are working days.
    week = with_step(
        case(13),
        13,
        publicity_from=D(2024, 9, 30),
        publicity_to=D(2024, 10, 9),
        done_on=D(2024, 10, 15),
    )
    facts = replace(
        week, steps={**week.steps, 14: with_step(week, 14, done_on=D(2024, 10, 16)).steps[14]}
    )
    found = [v for v in check_case(facts, RULES, AS_OF) if v.code == "DEV-PUBLICITY"]
    assert found and found[0].due == D(2024, 10, 11)
    seven = RULES.replace({"DEV-PUBLICITY.working_days": 3})
    assert "DEV-PUBLICITY" not in codes(facts, rules=seven)


def test_dev_publicity_missing() -> None:
    assert "DEV-PUBLICITY" in codes(with_step(case(13), 13, publicity_from=None, publicity_to=None))


def test_dev_admit_quorum() -> None:
    assert "DEV-ADMIT-QUORUM" not in codes(case(15))
    thin = with_step(case(15), 15, ballot=Ballot(20, 10, 9, 0, 0, 5))
    assert "DEV-ADMIT-QUORUM" in codes(thin)  # 10 of 20 is not more than half


def test_dev_admit_vote_counts_written_opinions() -> None:
    # 20 expected: 11 yes needed.  9 yes + 2 written = 11 passes; 9 + 1 = 10 fails.
    passes = with_step(case(15), 15, ballot=Ballot(20, 15, 9, 3, 3, 2))
    assert "DEV-ADMIT-VOTE" not in codes(passes)
    fails = with_step(case(15), 15, ballot=Ballot(20, 15, 9, 3, 3, 1))
    assert "DEV-ADMIT-VOTE" in codes(fails)


def test_ballots_exceeding_those_present_are_reported() -> None:
    bad = with_step(case(15), 15, ballot=Ballot(20, 12, 10, 2, 1, 0))
    assert "DEV-BALLOT" in codes(bad)
    assert "DEV-BALLOT" not in codes(case(15))


def test_dev_approval_3m() -> None:
    assert "DEV-APPROVAL-3M" not in codes(case(17))
    late = with_step(case(17), 17, done_on=D(2024, 11, 1))
    assert "DEV-APPROVAL-3M" in codes(late)
    with_reason = with_step(case(17), 17, done_on=D(2024, 11, 1), reason="上级党委集中审批")
    assert "DEV-APPROVAL-3M" not in codes(with_reason)
    too_late = with_step(case(17), 17, done_on=D(2025, 2, 1), reason="上级党委集中审批")
    assert "DEV-APPROVAL-3M" in codes(too_late)


def test_dev_approval_3m_due_soon_and_overdue() -> None:
    waiting = case(16)
    assert due_codes(waiting, D(2024, 10, 1))["DEV-APPROVAL-3M"] == D(2024, 10, 20)
    assert "DEV-APPROVAL-3M" in codes(waiting, D(2025, 1, 21))


def test_dev_probation_1y() -> None:
    assert "DEV-PROBATION-1Y" not in codes(case())
    early = with_step(case(), 23, done_on=D(2025, 7, 19))
    found = [v for v in check_case(early, RULES, AS_OF) if v.code == "DEV-PROBATION-1Y"]
    assert found and found[0].due == D(2025, 7, 20)


def test_dev_probation_1y_due_soon_and_overdue() -> None:
    probationary = case(22)
    assert due_codes(probationary, D(2025, 7, 1))["DEV-PROBATION-1Y"] == D(2025, 7, 20)
    assert "DEV-PROBATION-1Y" in codes(probationary, D(2025, 9, 1))


def test_dev_extension() -> None:
    once = replace(case(22), extensions=(Extension(D(2025, 7, 20), 6, "考察"),))
    assert "DEV-EXTENSION" not in codes(once, D(2025, 8, 1))
    twice = replace(once, extensions=(*once.extensions, Extension(D(2026, 1, 20), 6, "再延")))
    assert "DEV-EXTENSION" in codes(twice, D(2026, 2, 1))
    too_long = replace(case(22), extensions=(Extension(D(2025, 7, 20), 13, "考察"),))
    assert "DEV-EXTENSION" in codes(too_long, D(2025, 8, 1))


def test_extension_moves_the_end_of_probation() -> None:
    extended = replace(case(22), extensions=(Extension(D(2025, 7, 20), 6, "考察"),))
    assert due_codes(extended, D(2026, 1, 5))["DEV-PROBATION-1Y"] == D(2026, 1, 20)
    converted_early = replace(
        with_step(case(), 23, done_on=D(2025, 9, 1)), extensions=extended.extensions
    )
    assert "DEV-PROBATION-1Y" in codes(converted_early)


def test_dev_convert_quorum_and_vote() -> None:
    assert not {"DEV-CONVERT-QUORUM", "DEV-CONVERT-VOTE"} & codes(case())
    bad = with_step(case(), 23, ballot=Ballot(20, 9, 8, 1, 0, 0))
    assert {"DEV-CONVERT-QUORUM", "DEV-CONVERT-VOTE"} <= codes(bad)


def test_dev_convert_approval_3m() -> None:
    assert "DEV-CONVERT-APPROVAL-3M" not in codes(case())
    late = with_step(case(), 24, done_on=D(2025, 10, 22))
    found = [v for v in check_case(late, RULES, AS_OF) if v.code == "DEV-CONVERT-APPROVAL-3M"]
    assert found and found[0].due == D(2025, 10, 21)


@pytest.mark.parametrize("number", [15, 23])
def test_meeting_without_counts_is_reported(number: int) -> None:
    facts = with_step(case(), number, ballot=None)
    assert codes(facts) & {"DEV-ADMIT-QUORUM", "DEV-CONVERT-QUORUM"}


def test_good_ballot_is_valid() -> None:
    assert GOOD_BALLOT.yes + GOOD_BALLOT.written_yes > GOOD_BALLOT.expected_voting / 2


# --- DEV-MEETING-LINK (DOMAIN.md §8) ---------------------------------------------------------


@pytest.mark.parametrize("number", [15, 23])
def test_dev_meeting_link_passes_a_linked_general_meeting(number: int) -> None:
    assert "DEV-MEETING-LINK" not in {v.code for v in check_case(case(), RULES, AS_OF)}


@pytest.mark.parametrize("number", [15, 23])
def test_dev_meeting_link_no_general_meeting_that_day(number: int) -> None:
    facts = with_step(case(), number, meeting_id=None)
    found = [v for v in check_case(facts, RULES, AS_OF) if v.code == "DEV-MEETING-LINK"]
    assert len(found) == 1 and found[0].step == number
    assert found[0].severity is Severity.ERROR and found[0].field == "meeting_id"
    assert "没有支部党员大会记录" in found[0].message


def test_dev_meeting_link_a_record_of_that_day_left_unlinked() -> None:
    facts = replace(
        with_step(case(), 15, meeting_id=None), general_meeting_days=frozenset({D(2024, 7, 20)})
    )
    found = [v for v in check_case(facts, RULES, AS_OF) if v.code == "DEV-MEETING-LINK"]
    assert len(found) == 1 and found[0].severity is Severity.WARNING
    assert "没有关联" in found[0].message


def test_dev_meeting_link_the_linked_record_is_gone() -> None:
    facts = with_step(case(), 23, meeting_found=False)
    found = [v for v in check_case(facts, RULES, AS_OF) if v.code == "DEV-MEETING-LINK"]
    assert len(found) == 1 and "已不存在" in found[0].message
