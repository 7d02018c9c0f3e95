"""A complete, rule-abiding development case as plain facts, to break one rule at a time."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from villagebook.domain.development.facts import CaseFacts, StepFacts, StepPerson
from villagebook.domain.development.values import Ballot, Role
from villagebook.domain.roster.values import PartyStatus

D = dt.date
FULL = PartyStatus.FULL
GOOD_BALLOT = Ballot(expected_voting=20, present_voting=16, yes=14, no=1, abstain=1, written_yes=2)

#: Step dates of a clean case: application 2023-01-31 ... archiving 2025-09.
DATES = {
    1: D(2023, 1, 31),
    2: D(2023, 2, 20),
    3: D(2023, 4, 10),
    4: D(2023, 4, 20),
    5: D(2023, 4, 25),
    6: D(2023, 5, 10),
    7: D(2024, 4, 15),
    8: D(2024, 4, 20),
    9: D(2024, 4, 25),
    10: D(2024, 5, 20),
    11: D(2024, 6, 3),
    12: D(2024, 6, 20),
    13: D(2024, 7, 10),
    14: D(2024, 7, 15),
    15: D(2024, 7, 20),
    16: D(2024, 8, 1),
    17: D(2024, 9, 10),
    18: D(2024, 9, 20),
    19: D(2024, 9, 25),
    20: D(2024, 10, 1),
    21: D(2025, 1, 10),
    22: D(2025, 7, 1),
    23: D(2025, 7, 21),
    24: D(2025, 8, 30),
    25: D(2025, 9, 10),
}
ASSESSMENTS = (D(2023, 9, 15), D(2024, 3, 1))


def person(
    role: Role, name: str, status: PartyStatus | None = FULL, disc: bool = False
) -> StepPerson:
    return StepPerson(role, name, f"id-{name}", status, disc)


def step(number: int, **kw: object) -> StepFacts:
    base: dict[str, object] = {"number": number, "done_on": DATES[number]}
    if number == 2:
        base["people"] = (person(Role.TALKER, "李书记"),)
    if number == 5:
        base["people"] = (person(Role.CONTACT, "王一"), person(Role.CONTACT, "王二"))
    if number == 9:
        base["people"] = (person(Role.INTRODUCER, "赵一"), person(Role.INTRODUCER, "赵二"))
    if number == 11:
        base["training_days"] = 3.0
    if number == 13:
        base["publicity_from"] = D(2024, 6, 24)
        base["publicity_to"] = D(2024, 6, 28)
    if number in (15, 23):
        base["ballot"] = GOOD_BALLOT
        base["meeting_id"] = f"meeting-{number}"  # the linked general-meeting record
    base.update(kw)
    return StepFacts(**base)  # type: ignore[arg-type]


def case(upto: int = 25, **kw: object) -> CaseFacts:
    facts = CaseFacts(
        case_id="case-1",
        person_name="张三",
        birth_date=D(1990, 5, 1),
        steps={n: step(n) for n in range(1, upto + 1)},
        assessments=ASSESSMENTS,
        is_open=upto < 25,
    )
    return replace(facts, **kw)


def with_step(facts: CaseFacts, number: int, **kw: object) -> CaseFacts:
    return replace(facts, steps={**facts.steps, number: step(number, **kw)})
