"""When things fall due: the next step, its due date and note, the timeline, urgency."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from tests.unit.domain.development.helpers import DATES, case
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.development.facts import Extension
from villagebook.domain.development.schedule import (
    next_due,
    probation_end_of,
    timeline,
    urgency,
)
from villagebook.domain.development.values import TimelineState, Urgency
from villagebook.domain.development.workflow import DEFAULT

RULES = RuleSet()
D = dt.date


def _next(upto: int, **kw: object):  # type: ignore[no-untyped-def]
    facts = case(upto, **kw)
    dates = {n: s.done_on for n, s in facts.steps.items()}
    return next_due(DEFAULT, dates, facts.assessments, facts.extensions, RULES)


def test_the_talk_is_due_a_month_after_the_application() -> None:
    nxt = _next(1)
    assert (nxt.step, nxt.code, nxt.due) == (2, "DEV-TALK-1M", D(2023, 2, 28))
    assert nxt.what == "第2步 党组织派人谈话" and nxt.note == ""


def test_the_target_step_says_when_a_year_as_activist_is_over() -> None:
    nxt = _next(6)
    assert nxt.step == 7 and nxt.code == "DEV-ASSESS-6M"
    assert nxt.eligible_on == D(2024, 4, 10)
    assert nxt.note == "半年考察到期；满一年可确定为发展对象：2024-04-10"
    assert _next(5).note == "半年考察到期"


def test_approval_and_probation_end() -> None:
    assert _next(16).code == "DEV-APPROVAL-3M" and _next(16).due == D(2024, 10, 20)
    probation = _next(22)
    assert probation.code == "DEV-PROBATION-1Y" and probation.note == "预备期满：2025-07-20"
    extended = _next(22, extensions=(Extension(D(2025, 7, 20), 6, "考察"),))
    assert extended.due == D(2026, 1, 20)
    assert _next(25).step is None and _next(25).what == ""


def test_probation_end_of_a_case() -> None:
    assert probation_end_of(case(14), RULES) is None
    assert probation_end_of(case(17), RULES) == D(2025, 7, 20)


def test_timeline_marks_done_next_and_waiting() -> None:
    rows = timeline(case(1), D(2023, 2, 10), RULES)
    assert len(rows) == 25
    assert rows[0].state is TimelineState.DONE and rows[0].date == DATES[1]
    assert rows[1].state is TimelineState.DUE and rows[1].date == D(2023, 2, 28)
    assert rows[2].state is TimelineState.WAITING and rows[2].date is None
    late = timeline(case(1), D(2023, 3, 10), RULES)
    assert late[1].state is TimelineState.OVERDUE
    talk = timeline(case(2), D(2023, 3, 10), RULES)[1]
    assert [(role.value, name) for role, name in talk.people] == [("talker", "李书记")]
    closed = timeline(replace(case(1), is_open=False), D(2023, 3, 10), RULES)
    assert closed[1].state is TimelineState.WAITING


def test_urgency() -> None:
    today = D(2026, 11, 22)
    assert urgency(None, today, RULES) is Urgency.NONE
    assert urgency(D(2026, 11, 21), today, RULES) is Urgency.OVERDUE
    assert urgency(D(2026, 12, 22), today, RULES) is Urgency.SOON
    assert urgency(D(2026, 12, 23), today, RULES) is Urgency.LATER
