"""When things fall due in a case: the talk, assessments, approvals, the end of probation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from villagebook.domain.common.calendar import add_months, add_years
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.development.facts import Extension
from villagebook.domain.development.workflow import Workflow


def probation_end(admitted_on: dt.date, extensions: Iterable[Extension], rules: RuleSet) -> dt.date:
    """DEV-PROBATION-1Y: one year from the admission meeting, plus any extension."""
    end = add_years(admitted_on, rules.as_int("DEV-PROBATION-1Y.years"))
    months = sum(e.months for e in extensions)
    return add_months(end, months) if months else end


def last_assessment(
    activist_on: dt.date, assessments: Iterable[dt.date], until: dt.date | None = None
) -> dt.date:
    """The latest assessment (or the activist date) on or before ``until``."""
    latest = activist_on
    for day in assessments:
        if latest <= day and (until is None or day <= until):
            latest = day
    return latest


@dataclass(frozen=True)
class NextDue:
    step: int | None  # the next step to record (None: all done)
    due: dt.date | None  # when a time rule makes something due, if any
    code: str | None  # the rule that sets the due date
    what: str  # what is due, in Chinese
    note: str = ""  # e.g. the earliest date the step is allowed


def next_due(
    workflow: Workflow,
    dates: dict[int, dt.date],
    assessments: Iterable[dt.date],
    extensions: Iterable[Extension],
    rules: RuleSet,
    done: set[int] | None = None,
) -> NextDue:
    """The next step of an open case and the nearest date a time rule sets for it.

    ``dates`` needs at least the dates of :func:`dated_steps`; ``done`` (default: the keys
    of ``dates``) says which steps are recorded.
    """
    nxt = workflow.next_step(set(dates) if done is None else done)
    if nxt is None:
        return NextDue(None, None, None, "")
    n = nxt.number
    what = f"第{n}步 {nxt.name}"
    if n == 2 and 1 in dates:
        return NextDue(
            n, add_months(dates[1], rules.as_int("DEV-TALK-1M.months")), "DEV-TALK-1M", what
        )
    activist = workflow.activist_from
    if activist in dates and workflow.activist_from < n <= workflow.target_from:
        latest = last_assessment(dates[activist], assessments)
        assess = add_months(latest, rules.as_int("DEV-ASSESS-6M.months"))
        if n == workflow.target_from:
            eligible = add_years(dates[activist], rules.as_int("DEV-ACTIVIST-1Y.years"))
            note = f"半年考察到期；满一年可确定为发展对象：{eligible.isoformat()}"
            return NextDue(n, assess, "DEV-ASSESS-6M", what, note)
        return NextDue(n, assess, "DEV-ASSESS-6M", what, "半年考察到期")
    step = workflow.step(n)
    if step.approval_of is not None and step.approval_of in dates:
        code = (
            "DEV-APPROVAL-3M"
            if step.approval_of == workflow.probation_from
            else "DEV-CONVERT-APPROVAL-3M"
        )
        months = rules.as_int(f"{code}.months")
        return NextDue(n, add_months(dates[step.approval_of], months), code, what)
    start = workflow.probation_from
    if start in dates and workflow.extension_after < n <= workflow.extension_before:
        end = probation_end(dates[start], extensions, rules)
        return NextDue(n, end, "DEV-PROBATION-1Y", what, f"预备期满：{end.isoformat()}")
    return NextDue(n, None, None, what)


def dated_steps(workflow: Workflow) -> frozenset[int]:
    """The steps whose dates :func:`next_due` reads."""
    approvals = {s.approval_of for s in workflow.steps if s.approval_of is not None}
    return frozenset({1, workflow.activist_from, workflow.probation_from, *approvals})
