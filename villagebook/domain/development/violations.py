"""What a development rule check reports: a :class:`Violation` of a rule code on a step.

The check provider turns violations into findings; the step validation refuses new input
that would create one of the :data:`REFUSED` kind (unless the record is imported history).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from villagebook.domain.common.calendar import cn_date
from villagebook.domain.common.findings import Severity
from villagebook.domain.common.i18n import N_, _
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.development.facts import CaseFacts
from villagebook.domain.roster.values import PartyStatus


@dataclass(frozen=True)
class Violation:
    """A breach (or a date falling due) found in one case.

    ``message`` is translated; ``label`` names the field as data (translate with ``label``).
    """

    code: str
    severity: Severity
    message: str
    step: int | None = None
    field: str = "done_on"
    label: str = N_("日期")
    due: dt.date | None = None


#: Breaches that make new input impossible: refused unless the record is past history.
REFUSED = frozenset(
    {
        "DEV-ORDER",
        "DEV-AGE-18",
        "DEV-INTRODUCERS",
        "DEV-CONTACTS",
        "DEV-PROBATION-1Y",
        "DEV-EXTENSION",
        "DEV-BALLOT",
    }
)

Check = Callable[[CaseFacts, RuleSet, dt.date], Iterator[Violation]]
E, W, DUE = Severity.ERROR, Severity.WARNING, Severity.DUE


def due_soon(day: dt.date, as_of: dt.date, rules: RuleSet) -> bool:
    """``day`` lies within the next ``DEV-DUE-SOON.days`` days."""
    return as_of <= day <= as_of + dt.timedelta(days=rules.as_int("DEV-DUE-SOON.days"))


def pending(
    facts: CaseFacts, code: str, step: int, due: dt.date, as_of: dt.date, rules: RuleSet, what: str
) -> Iterator[Violation]:
    """An open case waiting for ``step``: overdue (error) or due within 30 days."""
    if not facts.is_open or step in facts.steps:
        return
    if as_of > due:
        message = _("{what}已逾期，应不晚于{due}完成", what=what, due=cn_date(due))
        yield Violation(code, E, message, step, due=due)
    elif due_soon(due, as_of, rules):
        message = _("{what}应于{due}前完成", what=what, due=cn_date(due))
        yield Violation(code, DUE, message, step, due=due)


def member_problem(person_status: PartyStatus | None, under_discipline: bool) -> str | None:
    """Why someone may not act as a contact or introducer on that day (None: they may)."""
    if person_status is not PartyStatus.FULL:
        status = person_status.label if person_status else _("不在花名册中")
        return _("不是正式党员（当日为{status}）", status=status)
    if under_discipline:
        return _("正在留党察看期间")
    return None
