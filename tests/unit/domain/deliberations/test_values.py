"""Labels kept as Chinese data: shown in the interface language, printed and stored in Chinese."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from villagebook.domain.common.rules import RuleSet
from villagebook.domain.deliberations.amounts import format_amount
from villagebook.domain.deliberations.values import (
    Basis,
    Category,
    Channel,
    Counts,
    DeliberationStatus,
    DeliberationVerdict,
    StepKind,
)
from villagebook.domain.deliberations.verdicts import assess
from villagebook.domain.deliberations.workflow import STANDARD

ENUMS = (Category, StepKind, Basis, Channel, DeliberationStatus, DeliberationVerdict)


@pytest.fixture
def english() -> Iterator[None]:
    from villagebook import language

    language.use("en")
    yield
    language.use("zh_CN")


def test_every_member_has_a_chinese_label() -> None:
    for enum in ENUMS:
        for member in enum:
            assert member.chinese and member.label == member.chinese
    assert StepKind.MEMBER_MEETING.label == "党员大会审议"
    assert DeliberationStatus.REJECTED.closed and not DeliberationStatus.DECIDED.closed


@pytest.mark.usefixtures("english")
def test_labels_translate_and_chinese_stays() -> None:
    for enum in ENUMS:
        for member in enum:
            assert member.label != member.chinese, member
    assert StepKind.MEMBER_MEETING.chinese == "党员大会审议"
    assert StepKind.MEMBER_MEETING.label == "Party member meeting"
    assert format_amount(38600000) == "386,000.00 yuan"
    assert STANDARD.label == "Four deliberations, two publications (standard)"


@pytest.mark.usefixtures("english")
def test_a_reason_is_shown_translated_and_kept_in_chinese() -> None:
    result = assess(
        STANDARD.step(StepKind.MEMBER_MEETING), Counts(Basis.VOTING_MEMBERS, 26, 12, 12), RuleSet()
    )
    assert result.reason == "12 of 26 voting Party members present, fewer than half"
    assert result.chinese_reason == "有表决权的党员应到26名、实到12名，不足半数"
