"""The development rule checks of DOMAIN.md §4 over one case's facts (no database).

Each check yields :class:`~villagebook.domain.development.violations.Violation` objects: the
rule code, how serious, which step and field it concerns, what is wrong and which date would
have been right.  This module holds the checks up to the development target's training
(stages 1 to 3) and :func:`check_case`; the meeting, approval and probation checks are in
:mod:`villagebook.domain.development.admission_checks`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from villagebook.domain.common.calendar import (
    add_months,
    add_working_days,
    add_years,
    age_on,
    cn_date,
    working_days_inclusive,
)
from villagebook.domain.common.i18n import N_, _, label
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.development.admission_checks import (
    check_admission_meeting,
    check_approval,
    check_conversion_meeting,
    check_convert_approval,
    check_extension,
    check_meeting_link,
    check_probation,
)
from villagebook.domain.development.facts import CaseFacts, StepFacts
from villagebook.domain.development.schedule import last_assessment
from villagebook.domain.development.values import ROLE_LABELS, Role
from villagebook.domain.development.violations import (
    DUE,
    REFUSED,
    Check,
    E,
    Violation,
    due_soon,
    member_problem,
    pending,
)

__all__ = ["REFUSED", "Violation", "check_case"]


def check_order(facts: CaseFacts, rules: RuleSet, as_of: dt.date) -> Iterator[Violation]:
    previous: StepFacts | None = None
    for step in facts.workflow.steps:
        current = facts.steps.get(step.number)
        name = label(step.name)
        if current is None:
            later = [n for n in facts.steps if n > step.number]
            if later:
                message = _(
                    "缺少第{number}步“{name}”，却已记录第{later}步",
                    number=step.number,
                    name=name,
                    later=min(later),
                )
                yield Violation("DEV-ORDER", E, message, min(later), "number", N_("步骤"))
            continue
        if previous is not None and current.done_on < previous.done_on:
            message = _(
                "第{number}步“{name}”的日期{date}早于第{previous}步的日期，应不早于{due}",
                number=step.number,
                name=name,
                date=cn_date(current.done_on),
                previous=previous.number,
                due=cn_date(previous.done_on),
            )
            yield Violation("DEV-ORDER", E, message, step.number, due=previous.done_on)
        if current.done_on > as_of:
            message = _(
                "第{number}步的日期{date}晚于今天",
                number=step.number,
                date=cn_date(current.done_on),
            )
            yield Violation("DEV-ORDER", E, message, step.number)
        previous = current


def check_age(facts: CaseFacts, rules: RuleSet, as_of: dt.date) -> Iterator[Violation]:
    applied = facts.date(1)
    if applied is None or facts.birth_date is None:
        return
    minimum = rules.as_int("DEV-AGE-18.min_age")
    if age_on(facts.birth_date, applied) < minimum:
        right = add_years(facts.birth_date, minimum)
        message = _(
            "申请日期{date}时未满{minimum}周岁，应不早于{due}",
            date=cn_date(applied),
            minimum=minimum,
            due=cn_date(right),
        )
        yield Violation("DEV-AGE-18", E, message, 1, due=right)


def check_talk(facts: CaseFacts, rules: RuleSet, as_of: dt.date) -> Iterator[Violation]:
    applied = facts.date(1)
    if applied is None:
        return
    due = add_months(applied, rules.as_int("DEV-TALK-1M.months"))
    talk = facts.date(2)
    if talk is not None and talk > due:
        message = _(
            "谈话日期{date}晚于申请后一个月，应不晚于{due}", date=cn_date(talk), due=cn_date(due)
        )
        yield Violation("DEV-TALK-1M", E, message, 2, due=due)
    yield from pending(facts, "DEV-TALK-1M", 2, due, as_of, rules, _("入党申请人谈话"))


def _named_members(
    step: StepFacts, role: Role, code: str, low: int, high: int, *, exact: bool = False
) -> Iterator[Violation]:
    """DEV-CONTACTS / DEV-INTRODUCERS: how many are named, and each a full member that day."""
    people = step.people_in(role)
    field, role_label, field_label = f"people.{role.value}", role.label, ROLE_LABELS[role]
    if not low <= len(people) <= high:
        if exact:
            message = _(
                "应有{count}名{role}，记录了{recorded}名",
                count=low,
                role=role_label,
                recorded=len(people),
            )
        else:
            message = _(
                "{role}应为{low}至{high}名，记录了{recorded}名",
                role=role_label,
                low=low,
                high=high,
                recorded=len(people),
            )
        yield Violation(code, E, message, step.number, field, field_label)
    for person in people:
        problem = member_problem(person.status, person.under_discipline)
        if problem:
            message = _("{role}{name}{problem}", role=role_label, name=person.name, problem=problem)
            yield Violation(code, E, message, step.number, field, field_label)


def check_contacts(facts: CaseFacts, rules: RuleSet, as_of: dt.date) -> Iterator[Violation]:
    step = facts.steps.get(5)
    if step is None:
        return
    low, high = rules.as_int("DEV-CONTACTS.min"), rules.as_int("DEV-CONTACTS.max")
    yield from _named_members(step, Role.CONTACT, "DEV-CONTACTS", low, high)


def check_introducers(facts: CaseFacts, rules: RuleSet, as_of: dt.date) -> Iterator[Violation]:
    step = facts.steps.get(9)
    if step is None:
        return
    count = rules.as_int("DEV-INTRODUCERS.count")
    yield from _named_members(step, Role.INTRODUCER, "DEV-INTRODUCERS", count, count, exact=True)


def check_assessments(facts: CaseFacts, rules: RuleSet, as_of: dt.date) -> Iterator[Violation]:
    wf = facts.workflow
    start = facts.date(wf.activist_from)
    if start is None:
        return
    months = rules.as_int("DEV-ASSESS-6M.months")
    end = facts.date(wf.target_from) or (as_of if facts.is_open else None)
    if end is None:
        return
    latest = start
    for day in sorted(a for a in facts.assessments if start <= a <= end):
        due = add_months(latest, months)
        if day > due:
            message = _(
                "{latest}之后的考察间隔超过半年，应不晚于{due}考察",
                latest=cn_date(latest),
                due=cn_date(due),
            )
            yield Violation("DEV-ASSESS-6M", E, message, 6, due=due)
        latest = day
    due = add_months(last_assessment(start, facts.assessments, end), months)
    if end > due:
        if facts.date(wf.target_from) is not None:
            message = _("确定发展对象前超过半年未考察，应不晚于{due}考察", due=cn_date(due))
        else:
            message = _("积极分子考察已逾期，应不晚于{due}考察", due=cn_date(due))
        yield Violation("DEV-ASSESS-6M", E, message, 6, due=due)
    elif facts.is_open and wf.target_from not in facts.steps and due_soon(due, as_of, rules):
        message = _("积极分子半年考察应于{due}前进行", due=cn_date(due))
        yield Violation("DEV-ASSESS-6M", DUE, message, 6, due=due)


def check_activist_year(facts: CaseFacts, rules: RuleSet, as_of: dt.date) -> Iterator[Violation]:
    wf = facts.workflow
    activist, target = facts.date(wf.activist_from), facts.date(wf.target_from)
    if activist is None or target is None:
        return
    right = add_years(activist, rules.as_int("DEV-ACTIVIST-1Y.years"))
    if target < right:
        message = _("确定为发展对象时任积极分子不满一年，应不早于{due}", due=cn_date(right))
        yield Violation("DEV-ACTIVIST-1Y", E, message, wf.target_from, due=right)


def check_review(facts: CaseFacts, rules: RuleSet, as_of: dt.date) -> Iterator[Violation]:
    committee = facts.date(12)
    if committee is None:
        return
    review = facts.date(10)
    if review is None:
        yield Violation("DEV-REVIEW", E, _("支部委员会审查前没有政治审查记录"), 12)
    elif review > committee:
        message = _(
            "政治审查（{review}）晚于支部委员会审查（{committee}）",
            review=cn_date(review),
            committee=cn_date(committee),
        )
        yield Violation("DEV-REVIEW", E, message, 10, due=committee)


def check_training(facts: CaseFacts, rules: RuleSet, as_of: dt.date) -> Iterator[Violation]:
    training = facts.steps.get(11)
    meeting = facts.date(15)
    days, hours = rules.as_float("DEV-TRAINING.min_days"), rules.as_float("DEV-TRAINING.min_hours")
    if training is None:
        if meeting is not None:
            yield Violation("DEV-TRAINING", E, _("支部大会讨论前没有集中培训记录"), 15)
        return
    had_days, had_hours = training.training_days or 0, training.training_hours or 0
    if had_days < days and had_hours < hours:
        message = _(
            "集中培训{had_days:g}天/{had_hours:g}学时，应不少于{days:g}天或{hours:g}学时",
            had_days=had_days,
            had_hours=had_hours,
            days=days,
            hours=hours,
        )
        yield Violation("DEV-TRAINING", E, message, 11, "training_days", N_("培训天数"))
    if meeting is not None and training.done_on > meeting:
        message = _("集中培训应在支部大会（{meeting}）之前完成", meeting=cn_date(meeting))
        yield Violation("DEV-TRAINING", E, message, 11, due=meeting)


def check_publicity(facts: CaseFacts, rules: RuleSet, as_of: dt.date) -> Iterator[Violation]:
    step = facts.steps.get(13)
    if step is None:
        return
    needed = rules.as_int("DEV-PUBLICITY.working_days")
    start, end = step.publicity_from, step.publicity_to
    if start is None or end is None:
        message = _("上级党委预审前没有记录公示起止日期")
        yield Violation("DEV-PUBLICITY", E, message, 13, "publicity_from", N_("公示开始日期"))
        return
    right_end = add_working_days(start - dt.timedelta(days=1), needed)
    days = working_days_inclusive(start, end)
    if days < needed:
        message = _(
            "公示{start}至{end}只有{days}个工作日，应不少于{needed}个工作日（至少公示到{due}）",
            start=cn_date(start),
            end=cn_date(end),
            days=days,
            needed=needed,
            due=cn_date(right_end),
        )
        yield Violation(
            "DEV-PUBLICITY", E, message, 13, "publicity_to", N_("公示结束日期"), due=right_end
        )
    if end > step.done_on:
        message = _("公示应在预审（{day}）前结束", day=cn_date(step.done_on))
        yield Violation("DEV-PUBLICITY", E, message, 13, "publicity_to", N_("公示结束日期"))


CHECKS: tuple[Check, ...] = (
    check_order,
    check_age,
    check_talk,
    check_contacts,
    check_assessments,
    check_activist_year,
    check_introducers,
    check_review,
    check_training,
    check_publicity,
    check_admission_meeting,
    check_approval,
    check_probation,
    check_extension,
    check_conversion_meeting,
    check_convert_approval,
    check_meeting_link,
)


def check_case(facts: CaseFacts, rules: RuleSet, as_of: dt.date) -> list[Violation]:
    """Every violation of the development rules in one case, by step."""
    found: list[Violation] = []
    for check in CHECKS:
        found.extend(check(facts, rules, as_of))
    return found
