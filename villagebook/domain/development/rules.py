"""The development rule checks of DOMAIN.md §4 over one case's facts.

Each check yields :class:`Violation` objects: the rule code, how serious, which step and
field it concerns, what is wrong and which date would have been right.  The check
provider turns them into findings; the step service refuses new input that would create
one of the :data:`REFUSED` kind (unless the record is imported history).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from villagebook.domain.common.calendar import (
    add_months,
    add_working_days,
    add_years,
    age_on,
    cn_date,
    working_days_inclusive,
)
from villagebook.domain.common.findings import Severity
from villagebook.domain.common.rules import DEFAULT_PARAMS, RuleSet
from villagebook.domain.development.facts import Ballot, CaseFacts, StepFacts
from villagebook.domain.development.schedule import last_assessment, probation_end
from villagebook.domain.development.workflow import Role
from villagebook.domain.roster.values import PartyStatus


@dataclass(frozen=True)
class Violation:
    code: str
    severity: Severity
    message: str
    step: int | None = None
    field: str = "done_on"
    label: str = "日期"
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


def _due_soon(day: dt.date, as_of: dt.date, rules: RuleSet) -> bool:
    return as_of <= day <= as_of + dt.timedelta(days=rules.as_int("DEV-DUE-SOON.days"))


def _pending(
    facts: CaseFacts, code: str, step: int, due: dt.date, as_of: dt.date, rules: RuleSet, what: str
) -> Iterator[Violation]:
    """An open case waiting for ``step``: overdue (error) or due within 30 days."""
    if not facts.is_open or step in facts.steps:
        return
    if as_of > due:
        yield Violation(code, E, f"{what}已逾期，应不晚于{cn_date(due)}完成", step, due=due)
    elif _due_soon(due, as_of, rules):
        yield Violation(code, DUE, f"{what}应于{cn_date(due)}前完成", step, due=due)


def check_order(facts: CaseFacts, rules: RuleSet, as_of: dt.date) -> Iterator[Violation]:
    previous: StepFacts | None = None
    for step in facts.workflow.steps:
        current = facts.steps.get(step.number)
        if current is None:
            later = [n for n in facts.steps if n > step.number]
            if later:
                yield Violation(
                    "DEV-ORDER",
                    E,
                    f"缺少第{step.number}步“{step.name}”，却已记录第{min(later)}步",
                    min(later),
                    field="number",
                    label="步骤",
                )
            continue
        if previous is not None and current.done_on < previous.done_on:
            yield Violation(
                "DEV-ORDER",
                E,
                f"第{step.number}步“{step.name}”的日期{cn_date(current.done_on)}早于第"
                f"{previous.number}步的日期，应不早于{cn_date(previous.done_on)}",
                step.number,
                due=previous.done_on,
            )
        if current.done_on > as_of:
            yield Violation(
                "DEV-ORDER",
                E,
                f"第{step.number}步的日期{cn_date(current.done_on)}晚于今天",
                step.number,
            )
        previous = current


def check_age(facts: CaseFacts, rules: RuleSet, as_of: dt.date) -> Iterator[Violation]:
    applied = facts.date(1)
    if applied is None or facts.birth_date is None:
        return
    minimum = rules.as_int("DEV-AGE-18.min_age")
    if age_on(facts.birth_date, applied) < minimum:
        right = add_years(facts.birth_date, minimum)
        yield Violation(
            "DEV-AGE-18",
            E,
            f"申请日期{cn_date(applied)}时未满{minimum}周岁，应不早于{cn_date(right)}",
            1,
            due=right,
        )


def check_talk(facts: CaseFacts, rules: RuleSet, as_of: dt.date) -> Iterator[Violation]:
    applied = facts.date(1)
    if applied is None:
        return
    due = add_months(applied, rules.as_int("DEV-TALK-1M.months"))
    talk = facts.date(2)
    if talk is not None and talk > due:
        yield Violation(
            "DEV-TALK-1M",
            E,
            f"谈话日期{cn_date(talk)}晚于申请后一个月，应不晚于{cn_date(due)}",
            2,
            due=due,
        )
    yield from _pending(facts, "DEV-TALK-1M", 2, due, as_of, rules, "入党申请人谈话")


def _member_problem(person_status: PartyStatus | None, under_discipline: bool) -> str | None:
    if person_status is not PartyStatus.FULL:
        label = person_status.label if person_status else "不在花名册中"
        return f"不是正式党员（当日为{label}）"
    if under_discipline:
        return "正在留党察看期间"
    return None


def check_contacts(facts: CaseFacts, rules: RuleSet, as_of: dt.date) -> Iterator[Violation]:
    step = facts.steps.get(5)
    if step is None:
        return
    contacts = step.people_in(Role.CONTACT)
    low, high = rules.as_int("DEV-CONTACTS.min"), rules.as_int("DEV-CONTACTS.max")
    if not low <= len(contacts) <= high:
        yield Violation(
            "DEV-CONTACTS",
            E,
            f"培养联系人应为{low}至{high}名，记录了{len(contacts)}名",
            5,
            "people.contact",
            "培养联系人",
        )
    for person in contacts:
        problem = _member_problem(person.status, person.under_discipline)
        if problem:
            yield Violation(
                "DEV-CONTACTS",
                E,
                f"培养联系人{person.name}{problem}",
                5,
                "people.contact",
                "培养联系人",
            )


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
            yield Violation(
                "DEV-ASSESS-6M",
                E,
                f"{cn_date(latest)}之后的考察间隔超过半年，应不晚于{cn_date(due)}考察",
                6,
                due=due,
            )
        latest = day
    due = add_months(last_assessment(start, facts.assessments, end), months)
    if end > due:
        if facts.date(wf.target_from) is not None:
            message = f"确定发展对象前超过半年未考察，应不晚于{cn_date(due)}考察"
        else:
            message = f"积极分子考察已逾期，应不晚于{cn_date(due)}考察"
        yield Violation("DEV-ASSESS-6M", E, message, 6, due=due)
    elif facts.is_open and wf.target_from not in facts.steps and _due_soon(due, as_of, rules):
        yield Violation(
            "DEV-ASSESS-6M", DUE, f"积极分子半年考察应于{cn_date(due)}前进行", 6, due=due
        )


def check_activist_year(facts: CaseFacts, rules: RuleSet, as_of: dt.date) -> Iterator[Violation]:
    wf = facts.workflow
    activist, target = facts.date(wf.activist_from), facts.date(wf.target_from)
    if activist is None or target is None:
        return
    right = add_years(activist, rules.as_int("DEV-ACTIVIST-1Y.years"))
    if target < right:
        yield Violation(
            "DEV-ACTIVIST-1Y",
            E,
            f"确定为发展对象时任积极分子不满一年，应不早于{cn_date(right)}",
            wf.target_from,
            due=right,
        )


def check_introducers(facts: CaseFacts, rules: RuleSet, as_of: dt.date) -> Iterator[Violation]:
    step = facts.steps.get(9)
    if step is None:
        return
    introducers = step.people_in(Role.INTRODUCER)
    count = rules.as_int("DEV-INTRODUCERS.count")
    field, label = "people.introducer", "入党介绍人"
    if len(introducers) != count:
        yield Violation(
            "DEV-INTRODUCERS",
            E,
            f"应有{count}名入党介绍人，记录了{len(introducers)}名",
            9,
            field,
            label,
        )
    for person in introducers:
        problem = _member_problem(person.status, person.under_discipline)
        if problem:
            yield Violation(
                "DEV-INTRODUCERS", E, f"入党介绍人{person.name}{problem}", 9, field, label
            )


def check_review(facts: CaseFacts, rules: RuleSet, as_of: dt.date) -> Iterator[Violation]:
    committee = facts.date(12)
    if committee is None:
        return
    review = facts.date(10)
    if review is None:
        yield Violation("DEV-REVIEW", E, "支部委员会审查前没有政治审查记录", 12)
    elif review > committee:
        yield Violation(
            "DEV-REVIEW",
            E,
            f"政治审查（{cn_date(review)}）晚于支部委员会审查（{cn_date(committee)}）",
            10,
            due=committee,
        )


def check_training(facts: CaseFacts, rules: RuleSet, as_of: dt.date) -> Iterator[Violation]:
    training = facts.steps.get(11)
    meeting = facts.date(15)
    days, hours = rules.as_float("DEV-TRAINING.min_days"), rules.as_float("DEV-TRAINING.min_hours")
    if training is not None:
        enough = (training.training_days or 0) >= days or (training.training_hours or 0) >= hours
        if not enough:
            yield Violation(
                "DEV-TRAINING",
                E,
                f"集中培训{training.training_days or 0:g}天/{training.training_hours or 0:g}学时，"
                f"应不少于{days:g}天或{hours:g}学时",
                11,
                "training_days",
                "培训天数",
            )
        if meeting is not None and training.done_on > meeting:
            yield Violation(
                "DEV-TRAINING",
                E,
                f"集中培训应在支部大会（{cn_date(meeting)}）之前完成",
                11,
                due=meeting,
            )
    elif meeting is not None:
        yield Violation("DEV-TRAINING", E, "支部大会讨论前没有集中培训记录", 15)


def check_publicity(facts: CaseFacts, rules: RuleSet, as_of: dt.date) -> Iterator[Violation]:
    step = facts.steps.get(13)
    if step is None:
        return
    needed = rules.as_int("DEV-PUBLICITY.working_days")
    start, end = step.publicity_from, step.publicity_to
    if start is None or end is None:
        yield Violation(
            "DEV-PUBLICITY",
            E,
            "上级党委预审前没有记录公示起止日期",
            13,
            "publicity_from",
            "公示开始日期",
        )
        return
    right_end = add_working_days(start - dt.timedelta(days=1), needed)
    days = working_days_inclusive(start, end)
    if days < needed:
        yield Violation(
            "DEV-PUBLICITY",
            E,
            f"公示{cn_date(start)}至{cn_date(end)}只有{days}个工作日，应不少于{needed}个工作日"
            f"（至少公示到{cn_date(right_end)}）",
            13,
            "publicity_to",
            "公示结束日期",
            due=right_end,
        )
    if end > step.done_on:
        yield Violation(
            "DEV-PUBLICITY",
            E,
            f"公示应在预审（{cn_date(step.done_on)}）前结束",
            13,
            "publicity_to",
            "公示结束日期",
        )


def ballot_problems(ballot: Ballot) -> list[tuple[str, str, str]]:
    """Impossible counts, as (field, label, message)."""
    problems = []
    if (
        min(ballot.expected_voting, ballot.present_voting, ballot.yes, ballot.no) < 0
        or min(ballot.abstain, ballot.written_yes) < 0
    ):
        problems.append(("ballot", "表决票数", "人数和票数不能为负数"))
    if ballot.present_voting > ballot.expected_voting:
        problems.append(("present_voting", "到会有表决权党员", "不能多于应到有表决权党员"))
    if ballot.yes + ballot.no + ballot.abstain > ballot.present_voting:
        problems.append(("yes", "赞成票", "赞成、反对、弃权票合计不能多于到会有表决权党员"))
    if ballot.written_yes > ballot.expected_voting - ballot.present_voting:
        problems.append(("written_yes", "书面意见", "书面赞成意见不能多于未到会的有表决权党员"))
    return problems


def _meeting_checks(facts: CaseFacts, number: int, prefix: str, what: str) -> Iterator[Violation]:
    step = facts.steps.get(number)
    if step is None:
        return
    ballot = step.ballot
    if ballot is None:
        yield Violation(
            f"{prefix}-QUORUM",
            E,
            f"{what}没有记录到会人数和表决结果",
            number,
            "present_voting",
            "到会有表决权党员",
        )
        return
    for field, label, message in ballot_problems(ballot):
        yield Violation("DEV-BALLOT", E, f"{what}：{message}", number, field, label)
    if ballot.present_voting * 2 <= ballot.expected_voting:
        yield Violation(
            f"{prefix}-QUORUM",
            E,
            f"{what}到会有表决权党员{ballot.present_voting}名，未超过应到"
            f"{ballot.expected_voting}名的半数",
            number,
            "present_voting",
            "到会有表决权党员",
        )
    total_yes = ballot.yes + ballot.written_yes
    if total_yes * 2 <= ballot.expected_voting:
        yield Violation(
            f"{prefix}-VOTE",
            E,
            f"{what}赞成票{ballot.yes}票（含书面意见{ballot.written_yes}票则共{total_yes}票），"
            f"未超过应到有表决权正式党员{ballot.expected_voting}名的半数，"
            f"至少需要{ballot.expected_voting // 2 + 1}票",
            number,
            "yes",
            "赞成票",
        )


def check_admission_meeting(
    facts: CaseFacts, rules: RuleSet, as_of: dt.date
) -> Iterator[Violation]:
    yield from _meeting_checks(facts, 15, "DEV-ADMIT", "接收预备党员的支部大会")


def check_conversion_meeting(
    facts: CaseFacts, rules: RuleSet, as_of: dt.date
) -> Iterator[Violation]:
    yield from _meeting_checks(facts, 23, "DEV-CONVERT", "讨论转正的支部大会")


def _approval(
    facts: CaseFacts, rules: RuleSet, as_of: dt.date, code: str, meeting_no: int, what: str
) -> Iterator[Violation]:
    """DEV-APPROVAL-3M / DEV-CONVERT-APPROVAL-3M: the approval follows the meeting in time."""
    meeting = facts.date(meeting_no)
    if meeting is None:
        return
    months = rules.as_int(f"{code}.months")
    due = add_months(meeting, months)
    limit_key = f"{code}.max_months"
    longest = add_months(meeting, rules.as_int(limit_key)) if limit_key in DEFAULT_PARAMS else due
    number = next(s.number for s in facts.workflow.steps if s.approval_of == meeting_no)
    step = facts.steps.get(number)
    if step is not None:
        late = step.done_on > due
        if late and (step.done_on > longest or not step.reason.strip()):
            why = "" if step.reason.strip() else "且未说明原因"
            yield Violation(
                code,
                E,
                f"{what}日期{cn_date(step.done_on)}超过支部大会后{months}个月{why}，应不晚于{cn_date(due)}",
                number,
                due=due,
            )
        return
    if not facts.is_open:
        return
    if as_of > longest:
        yield Violation(code, E, f"{what}已逾期，应不晚于{cn_date(due)}", number, due=due)
    elif as_of > due:
        yield Violation(code, W, f"{what}已超过{cn_date(due)}，延长须说明原因", number, due=due)
    else:
        yield from _pending(facts, code, number, due, as_of, rules, what)


def check_approval(facts: CaseFacts, rules: RuleSet, as_of: dt.date) -> Iterator[Violation]:
    yield from _approval(facts, rules, as_of, "DEV-APPROVAL-3M", 15, "上级党委审批")


def check_convert_approval(facts: CaseFacts, rules: RuleSet, as_of: dt.date) -> Iterator[Violation]:
    yield from _approval(facts, rules, as_of, "DEV-CONVERT-APPROVAL-3M", 23, "转正审批")


def check_probation(facts: CaseFacts, rules: RuleSet, as_of: dt.date) -> Iterator[Violation]:
    admitted = facts.date(facts.workflow.probation_from)
    if admitted is None or facts.date(facts.workflow.extension_after) is None:
        return
    end = probation_end(admitted, facts.extensions, rules)
    conversion = facts.date(facts.workflow.extension_before)
    if conversion is not None and conversion < end:
        yield Violation(
            "DEV-PROBATION-1Y",
            E,
            f"转正支部大会（{cn_date(conversion)}）早于预备期满，应不早于{cn_date(end)}",
            facts.workflow.extension_before,
            due=end,
        )
    elif conversion is not None and conversion > add_months(end, 1):
        yield Violation(
            "DEV-PROBATION-1Y",
            W,
            f"预备期于{cn_date(end)}届满，转正支部大会（{cn_date(conversion)}）未及时召开",
            facts.workflow.extension_before,
            due=end,
        )
    if conversion is None and facts.is_open:
        if as_of > add_months(end, 1):
            yield Violation(
                "DEV-PROBATION-1Y",
                E,
                f"预备期已于{cn_date(end)}届满，尚未讨论转正",
                facts.workflow.extension_before,
                due=end,
            )
        elif as_of <= end and _due_soon(end, as_of, rules):
            yield Violation(
                "DEV-PROBATION-1Y",
                DUE,
                f"预备期将于{cn_date(end)}届满，届时应召开支部大会讨论转正",
                facts.workflow.extension_before,
                due=end,
            )


def check_extension(facts: CaseFacts, rules: RuleSet, as_of: dt.date) -> Iterator[Violation]:
    allowed = rules.as_int("DEV-EXTENSION.max_count")
    low, high = rules.as_int("DEV-EXTENSION.min_months"), rules.as_int("DEV-EXTENSION.max_months")
    for index, extension in enumerate(facts.extensions):
        if index >= allowed:
            yield Violation(
                "DEV-EXTENSION",
                E,
                f"预备期只能延长{allowed}次，这是第{index + 1}次",
                None,
                "months",
                "延长月数",
            )
        if not low <= extension.months <= high:
            yield Violation(
                "DEV-EXTENSION",
                E,
                f"预备期延长{extension.months}个月，应为{low}至{high}个月",
                None,
                "months",
                "延长月数",
            )


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
)


def check_case(facts: CaseFacts, rules: RuleSet, as_of: dt.date) -> list[Violation]:
    """Every violation of the development rules in one case, by step."""
    found: list[Violation] = []
    for check in CHECKS:
        found.extend(check(facts, rules, as_of))
    return found
