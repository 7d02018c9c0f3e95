from __future__ import annotations

import datetime as dt

from villagebook.domain.roster.idnumber import (
    id_number_problem,
    mask_id_number,
    mask_phone,
    normalize_id_number,
)
from villagebook.domain.roster.validation import PersonInput, clean_person
from villagebook.domain.roster.values import PartyStatus, can_vote

VALID = "11010519491231002X"
TODAY = dt.date(2026, 11, 22)


def test_valid_and_invalid_check_digit() -> None:
    assert id_number_problem(VALID) is None
    assert id_number_problem("110105194912310021") == "校验位不正确，请核对号码"
    assert "18位" in (id_number_problem("1101051949") or "")


def test_full_width_digits_and_zero_width_spaces_are_cleaned() -> None:
    raw = "１１０１０５１９４９１２３１００２\u200bx"
    assert normalize_id_number(raw) == VALID
    assert id_number_problem(raw) is None


def test_masks() -> None:
    assert mask_id_number(VALID) == "110105********002X"
    assert mask_phone("13812345678") == "138****5678"


def test_person_problems_name_every_field() -> None:
    data = PersonInput(
        name="   ", birth_date=TODAY + dt.timedelta(days=1), id_number="110105194912310021"
    )
    _, problems = clean_person(data, TODAY)
    labels = {p.label for p in problems}
    assert labels == {"姓名", "出生日期", "身份证号"}
    assert all(p.message for p in problems)


def test_birth_date_taken_from_id_and_checked_against_it() -> None:
    cleaned, problems = clean_person(PersonInput(name="王芳", id_number=VALID), TODAY)
    assert not problems and cleaned.birth_date == dt.date(1949, 12, 31)
    _, problems = clean_person(
        PersonInput(name="王芳", id_number=VALID, birth_date=dt.date(1950, 1, 1)), TODAY
    )
    assert [p.field for p in problems] == ["birth_date"]


def test_names_of_one_and_thirty_characters() -> None:
    assert not clean_person(PersonInput(name="王"), TODAY)[1]
    assert not clean_person(PersonInput(name="王" * 30), TODAY)[1]
    assert clean_person(PersonInput(name="王" * 31), TODAY)[1]


def test_only_full_members_not_under_discipline_vote() -> None:
    assert can_vote(PartyStatus.FULL)
    assert not can_vote(PartyStatus.PROBATIONARY)
    assert not can_vote(PartyStatus.FULL, under_probation_discipline=True)
    assert not can_vote(PartyStatus.TARGET)
