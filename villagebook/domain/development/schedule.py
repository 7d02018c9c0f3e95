"""When things fall due in a case: the talk, assessments, approvals, the end of probation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from villagebook.domain.common.calendar import add_months, add_years
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.development.facts import CaseFacts, Extension
from villagebook.domain.development.values import (
    NextDue,
    Role,
    TimelineEntry,
    TimelineState,
    Urgency,
)
from villagebook.domain.development.workflow import DevelopmentWorkflow


def probation_end(admitted_on: dt.date, extensions: Iterable[Extension], rules: RuleSet) -> dt.date:
    """DEV-PROBATION-1Y: one year from the admission meeting, plus any extension."""
    end = add_years(admitted_on, rules.as_int("DEV-PROBATION-1Y.years"))
    months = sum(e.months for e in extensions)
    return add_months(end, months) if months else end


def probation_end_of(facts: CaseFacts, rules: RuleSet) -> dt.date | None:
    """The end of a case's probation, once the admission meeting is recorded."""
    admitted = facts.date(facts.workflow.probation_from)
    return probation_end(admitted, facts.extensions, rules) if admitted else None


def last_assessment(
    activist_on: dt.date, assessments: Iterable[dt.date], until: dt.date | None = None
) -> dt.date:
    """The latest assessment (or the activist date) on or before ``until``."""
    latest = activist_on
    for day in assessments:
        if latest <= day and (until is None or day <= until):
            latest = day
    return latest


def next_due(
    workflow: DevelopmentWorkflow,
    dates: dict[int, dt.date],
    assessments: Iterable[dt.date],
    extensions: Iterable[Extension],
    rules: RuleSet,
    done: set[int] | frozenset[int] | None = None,
) -> NextDue:
    """The next step of an open case and the nearest date a time rule sets for it.

    ``dates`` needs at least the dates of :func:`dated_steps`; ``done`` (default: the keys
    of ``dates``) says which steps are recorded.
    """
    nxt = workflow.next_step(set(dates) if done is None else done)
    if nxt is None:
        return NextDue(None)
    n, name = nxt.number, nxt.name
    if n == 2 and 1 in dates:
        due = add_months(dates[1], rules.as_int("DEV-TALK-1M.months"))
        return NextDue(n, name, due, "DEV-TALK-1M")
    activist = workflow.activist_from
    if activist in dates and workflow.activist_from < n <= workflow.target_from:
        latest = last_assessment(dates[activist], assessments)
        assess = add_months(latest, rules.as_int("DEV-ASSESS-6M.months"))
        eligible = None
        if n == workflow.target_from:
            eligible = add_years(dates[activist], rules.as_int("DEV-ACTIVIST-1Y.years"))
        return NextDue(n, name, assess, "DEV-ASSESS-6M", eligible)
    if nxt.approval_of is not None and nxt.approval_of in dates:
        code = (
            "DEV-APPROVAL-3M"
            if nxt.approval_of == workflow.probation_from
            else "DEV-CONVERT-APPROVAL-3M"
        )
        months = rules.as_int(f"{code}.months")
        return NextDue(n, name, add_months(dates[nxt.approval_of], months), code)
    start = workflow.probation_from
    if start in dates and workflow.extension_after < n <= workflow.extension_before:
        end = probation_end(dates[start], extensions, rules)
        return NextDue(n, name, end, "DEV-PROBATION-1Y")
    return NextDue(n, name)


def dated_steps(workflow: DevelopmentWorkflow) -> frozenset[int]:
    """The steps whose dates :func:`next_due` reads."""
    approvals = {s.approval_of for s in workflow.steps if s.approval_of is not None}
    return frozenset({1, workflow.activist_from, workflow.probation_from, *approvals})


def urgency(due: dt.date | None, as_of: dt.date, rules: RuleSet) -> Urgency:
    """Overdue, due within ``DEV-DUE-SOON.days``, due later, or no due date at all."""
    if due is None:
        return Urgency.NONE
    if due < as_of:
        return Urgency.OVERDUE
    if due <= as_of + dt.timedelta(days=rules.as_int("DEV-DUE-SOON.days")):
        return Urgency.SOON
    return Urgency.LATER


def timeline(facts: CaseFacts, as_of: dt.date, rules: RuleSet) -> list[TimelineEntry]:
    """Every step of the case's workflow: done (with its date), next (due), or not yet."""
    wf = facts.workflow
    dates = {n: s.done_on for n, s in facts.steps.items()}
    nxt = next_due(wf, dates, facts.assessments, facts.extensions, rules)
    entries = []
    for step in wf.steps:
        done = facts.steps.get(step.number)
        date: dt.date | None = None
        people: tuple[tuple[Role, str], ...] = ()
        if done is not None:
            state, date = TimelineState.DONE, done.done_on
            people = tuple((p.role, p.name) for p in done.people)
        elif facts.is_open and step.number == nxt.step:
            overdue = nxt.due is not None and nxt.due < as_of
            state = TimelineState.OVERDUE if overdue else TimelineState.DUE
            date = nxt.due
        else:
            state = TimelineState.WAITING
        stage_name = wf.stage(step.stage).name
        entries.append(
            TimelineEntry(step.number, step.stage, step.name, stage_name, date, state, people)
        )
    return entries
