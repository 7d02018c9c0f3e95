"""The app lock's settings are checked without a database, every problem by its field."""

from __future__ import annotations

from villagebook.domain.safety.validation import (
    IDLE_MINUTES_RANGE,
    MIN_PASSWORD_LENGTH,
    lock_settings_problems,
)


def test_good_settings_have_no_problem() -> None:
    assert lock_settings_problems("abcdef") == []
    assert lock_settings_problems("村务1234", "村务1234", 10) == []
    low, high = IDLE_MINUTES_RANGE
    assert lock_settings_problems("abcdef", None, low) == []
    assert lock_settings_problems("abcdef", None, high) == []


def test_every_problem_is_named_by_its_field() -> None:
    problems = lock_settings_problems("12", "13", 0)
    assert [p.field for p in problems] == ["password", "repeat", "idle_minutes"]
    assert [p.label for p in problems] == ["密码", "确认密码", "自动锁定时间"]
    assert problems[0].message == f"至少{MIN_PASSWORD_LENGTH}个字符"
    assert problems[1].message == "两次输入的密码不一致"
    assert problems[2].message == "应在1到240分钟之间"


def test_the_repeat_is_checked_only_when_given() -> None:
    assert lock_settings_problems("abcdef", None) == []
    assert [p.field for p in lock_settings_problems("abcdef", "abcdeg")] == ["repeat"]
    assert [p.field for p in lock_settings_problems("abcdef", None, 241)] == ["idle_minutes"]


def test_a_password_of_five_characters_is_refused_and_six_accepted() -> None:
    assert MIN_PASSWORD_LENGTH == 6
    assert [p.field for p in lock_settings_problems("abcde")] == ["password"]
    assert lock_settings_problems("abcdef") == []
