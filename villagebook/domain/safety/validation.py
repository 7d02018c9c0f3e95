"""The app lock's settings, checked without a database."""

from __future__ import annotations

from villagebook.domain.common.errors import Problem
from villagebook.domain.common.i18n import _

MIN_PASSWORD_LENGTH = 6
DEFAULT_IDLE_MINUTES = 10
IDLE_MINUTES_RANGE = (1, 240)


def lock_settings_problems(
    password: str, repeat: str | None = None, idle_minutes: int | None = None
) -> list[Problem]:
    """Every problem of a new app lock password (``repeat`` must match when given)."""
    problems = []
    if len(password) < MIN_PASSWORD_LENGTH:
        problems.append(Problem("password", _("密码"), _("至少{n}个字符", n=MIN_PASSWORD_LENGTH)))
    if repeat is not None and repeat != password:
        problems.append(Problem("repeat", _("确认密码"), _("两次输入的密码不一致")))
    low, high = IDLE_MINUTES_RANGE
    if idle_minutes is not None and not low <= idle_minutes <= high:
        problems.append(
            Problem(
                "idle_minutes",
                _("自动锁定时间"),
                _("应在{low}到{high}分钟之间", low=low, high=high),
            )
        )
    return problems
