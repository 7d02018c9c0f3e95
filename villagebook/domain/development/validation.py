"""Pure validation of development input: the service gathers the facts, these decide.

Each function lists every problem at once and raises :class:`InputError` before anything
is written.  A rule breach that makes the input impossible (:data:`REFUSED`) is refused by
running the same rule checks on the case before and after the new input, unless the record
is history entered from a real past file (``historical``): then it is kept and reported by
``villagebook check``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from villagebook.domain.common.errors import InputError, Problem
from villagebook.domain.common.findings import Severity
from villagebook.domain.common.i18n import _, label
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.development.admission_checks import ballot_problems
from villagebook.domain.development.checks import REFUSED, Violation, check_case
from villagebook.domain.development.facts import CaseFacts, Extension, StepFacts, StepPerson
from villagebook.domain.development.values import (
    STARTABLE,
    Ballot,
    CaseState,
    LinkedMeeting,
    StepInput,
    StepPersonInput,
)
from villagebook.domain.development.workflow import DOCUMENT_KINDS, DevelopmentStepDef
from villagebook.domain.roster.values import PartyStatus

NAME_MAX = 30
TEXT_LIMITS = {"result": 200, "reason": 500, "note": 1000}
NOTE_MAX = 500


# --- the facts a service gathers ------------------------------------------------------------


@dataclass(frozen=True)
class RosterPerson:
    """A roster person named in an input, with their status and discipline histories."""

    person_id: uuid.UUID
    name: str
    branch_id: uuid.UUID
    #: (effective from, status), oldest first.
    statuses: tuple[tuple[dt.date, PartyStatus], ...] = ()
    #: (start, end) of each 留党察看 period; an open end means it still runs.
    discipline: tuple[tuple[dt.date, dt.date | None], ...] = ()

    def status_on(self, day: dt.date) -> PartyStatus | None:
        current = None
        for effective, status in self.statuses:
            if effective <= day:
                current = status
        return current

    def disciplined_on(self, day: dt.date) -> bool:
        return any(start <= day and (end is None or day <= end) for start, end in self.discipline)


@dataclass(frozen=True)
class StepContext:
    """What recording a step depends on, as the service found it."""

    facts: CaseFacts  # the case as it stands (a linked meeting's date wins)
    branch_id: uuid.UUID
    person_id: uuid.UUID  # whose case it is
    state: CaseState
    historical: bool
    today: dt.date
    rules: RuleSet
    #: Everyone the input names by id who is in the roster (anyone missing is unknown).
    people: Mapping[uuid.UUID, RosterPerson] = field(default_factory=dict)
    #: The general meeting the input links to, if there is such a record.
    meeting: LinkedMeeting | None = None


@dataclass(frozen=True)
class CleanStep:
    """A step input checked and normalised, ready to store."""

    number: int
    done_on: dt.date  # a linked meeting's date wins over the one typed in
    people: tuple[StepPersonInput, ...]
    meeting_id: uuid.UUID | None
    ballot: Ballot | None  # likewise the linked meeting's counts
    training_days: float | None
    training_hours: float | None
    publicity_from: dt.date | None
    publicity_to: dt.date | None
    result: str
    reason: str
    note: str


# --- refusals from the rule checks ----------------------------------------------------------


def new_refusals(
    before: CaseFacts, after: CaseFacts, rules: RuleSet, today: dt.date, step: int | None
) -> list[Violation]:
    """Refusable breaches ``after`` has that ``before`` had not (on ``step``, if given)."""
    old = {(v.code, v.message) for v in check_case(before, rules, today)}
    return [
        v
        for v in check_case(after, rules, today)
        if v.code in REFUSED
        and v.severity is Severity.ERROR
        and (v.code, v.message) not in old
        and (step is None or v.step in (step, None))
    ]


def refusal_problem(violation: Violation) -> Problem:
    message = _("{message}（{code}）", message=violation.message, code=violation.code)
    return Problem(violation.field, label(violation.label), message)


# --- starting a case ------------------------------------------------------------------------


@dataclass(frozen=True)
class Applicant:
    """The roster person a case is started for, as the service found them."""

    name: str
    branch_id: uuid.UUID
    status: PartyStatus
    has_open_case: bool


def validate_start(applicant: Applicant | None, branch_id: uuid.UUID, *, historical: bool) -> None:
    """A case may start for someone of the branch, not yet a full member, without one open."""
    who = _("发展对象")
    if applicant is None or applicant.branch_id != branch_id:
        raise InputError.single("person_id", who, _("所选人员不在本支部花名册中"))
    problems = []
    if applicant.has_open_case:
        message = _("{name}已有进行中的发展党员档案", name=applicant.name)
        problems.append(Problem("person_id", who, message))
    if not historical and applicant.status not in STARTABLE:
        message = _(
            "{name}当前为{status}，不能开始发展程序",
            name=applicant.name,
            status=applicant.status.label,
        )
        problems.append(Problem("person_id", who, message))
    if problems:
        raise InputError(problems)


# --- recording a step -----------------------------------------------------------------------


def validate_development_step(data: StepInput, ctx: StepContext) -> CleanStep:
    """Check one step against the case; every problem at once (an :class:`InputError`)."""
    wf = ctx.facts.workflow
    step_label = _("步骤")
    if not wf.has_step(data.number):
        raise InputError.single("number", step_label, _("没有第{n}步", n=data.number))
    problems: list[Problem] = []
    if ctx.state is not CaseState.OPEN:
        message = _("档案{state}，不能再记录步骤", state=ctx.state.label)
        problems.append(Problem("number", step_label, message))
    if data.number in ctx.facts.done:
        message = _("第{n}步已记录，不能重复记录", n=data.number)
        problems.append(Problem("number", step_label, message))
    if data.done_on > ctx.today:
        message = _("不能晚于今天（{today}）", today=ctx.today.isoformat())
        problems.append(Problem("done_on", _("日期"), message))
    people = _clean_people(data, ctx, problems)
    done_on, ballot = _resolve_meeting(data, ctx, problems)
    if not ctx.historical:
        structural = bool(problems)
        problems += _detail_problems(wf.step(data.number), data, ballot)
        if ballot is not None:
            problems += [Problem(f, label(lbl), m) for f, lbl, m in ballot_problems(ballot)]
        if not structural:  # every problem at once: the rules too, where they can be judged
            problems += _rule_problems(data, ctx, done_on, people, ballot, problems)
    if problems:
        raise InputError(problems)
    return CleanStep(
        number=data.number,
        done_on=done_on,
        people=tuple(people),
        meeting_id=data.meeting_id,
        ballot=ballot,
        training_days=data.training_days,
        training_hours=data.training_hours,
        publicity_from=data.publicity_from,
        publicity_to=data.publicity_to,
        result=data.result.strip(),
        reason=data.reason.strip(),
        note=data.note.strip(),
    )


def _clean_people(
    data: StepInput, ctx: StepContext, problems: list[Problem]
) -> list[StepPersonInput]:
    cleaned = []
    for i, item in enumerate(data.people):
        name = item.name.strip()
        where, role = f"people[{i}]", item.role.label
        if item.person_id is not None:
            person = ctx.people.get(item.person_id)
            if person is None or person.branch_id != ctx.branch_id:
                problems.append(Problem(where, role, _("所选人员不在本支部花名册中")))
                continue
            if person.person_id == ctx.person_id:
                problems.append(Problem(where, role, _("不能是发展对象本人")))
            name = person.name
        if not name:
            problems.append(Problem(where, role, _("请选择人员或填写姓名")))
        elif len(name) > NAME_MAX:
            problems.append(Problem(where, role, _("姓名不能超过{n}个字", n=NAME_MAX)))
        cleaned.append(replace(item, name=name))
    return cleaned


def _resolve_meeting(
    data: StepInput, ctx: StepContext, problems: list[Problem]
) -> tuple[dt.date, Ballot | None]:
    """A linked meeting's date and counts win over those typed in."""
    if data.meeting_id is None:
        return data.done_on, data.ballot
    linked, meeting_label = ctx.meeting, _("会议记录")
    if linked is None:
        problems.append(Problem("meeting_id", meeting_label, _("所关联的支部党员大会记录不存在")))
        return data.done_on, data.ballot
    if linked.kind != "general" or linked.branch_id != ctx.branch_id:
        message = _("应关联本支部的支部党员大会记录")
        problems.append(Problem("meeting_id", meeting_label, message))
    return linked.held_on, linked.ballot or data.ballot


def _detail_problems(
    step: DevelopmentStepDef, data: StepInput, ballot: Ballot | None
) -> list[Problem]:
    """What the step's definition asks for (people, counts, training, notice), and limits."""
    problems = []
    for role in step.roles:
        if not any(p.role is role for p in data.people):
            problems.append(Problem(f"people.{role.value}", role.label, _("请至少填写一人")))
    if step.meeting and ballot is None:
        message = _("请关联支部党员大会记录，或填写应到、实到人数和表决票数")
        problems.append(Problem("ballot", _("表决情况"), message))
    if step.training and not (data.training_days or data.training_hours):
        problems.append(Problem("training_days", _("培训天数"), _("请填写培训天数或学时")))
    if step.publicity and (data.publicity_from is None or data.publicity_to is None):
        message = _("请填写公示开始和结束日期")
        problems.append(Problem("publicity_from", _("公示起止日期"), message))
    if data.publicity_from and data.publicity_to and data.publicity_to < data.publicity_from:
        problems.append(Problem("publicity_to", _("公示结束日期"), _("不能早于开始日期")))
    for value, key, name in (
        (data.training_days, "training_days", _("培训天数")),
        (data.training_hours, "training_hours", _("培训学时")),
    ):
        if value is not None and not 0 <= value <= 1000:
            problems.append(Problem(key, name, _("数值不合理")))
    text_labels = {"result": _("结果"), "reason": _("原因"), "note": _("备注")}
    for key, limit in TEXT_LIMITS.items():
        if len(getattr(data, key).strip()) > limit:
            problems.append(Problem(key, text_labels[key], _("不能超过{n}个字", n=limit)))
    return problems


def _rule_problems(
    data: StepInput,
    ctx: StepContext,
    done_on: dt.date,
    people: list[StepPersonInput],
    ballot: Ballot | None,
    known: list[Problem],
) -> list[Problem]:
    """The refusable breaches this step would add to the case (DEV-BALLOT is said above)."""

    def named(p: StepPersonInput) -> StepPerson:
        person = ctx.people.get(p.person_id) if p.person_id else None
        if person is None:
            return StepPerson(p.role, p.name)
        status = person.status_on(done_on)
        return StepPerson(p.role, p.name, str(p.person_id), status, person.disciplined_on(done_on))

    new = StepFacts(
        number=data.number,
        done_on=done_on,
        people=tuple(named(p) for p in people),
        ballot=ballot,
        training_days=data.training_days,
        training_hours=data.training_hours,
        publicity_from=data.publicity_from,
        publicity_to=data.publicity_to,
        reason=data.reason,
    )
    before = ctx.facts
    after = replace(before, steps={**before.steps, data.number: new})
    seen = {(p.field, p.message) for p in known}
    refusals = new_refusals(before, after, ctx.rules, ctx.today, data.number)
    problems = [refusal_problem(v) for v in refusals if v.code != "DEV-BALLOT"]
    return [p for p in problems if (p.field, p.message) not in seen]


# --- assessments, extension, ending, documents ---------------------------------------------


def validate_assessment(
    assessed_on: dt.date,
    note: str,
    *,
    activist_on: dt.date | None,
    today: dt.date,
    historical: bool,
) -> None:
    """A half-yearly assessment falls after the activist date and not in the future."""
    problems = []
    day_label = _("考察日期")
    if assessed_on > today:
        problems.append(Problem("assessed_on", day_label, _("不能晚于今天")))
    if not historical:
        if activist_on is None:
            problems.append(Problem("assessed_on", day_label, _("尚未确定为入党积极分子")))
        elif assessed_on < activist_on:
            message = _("不能早于确定为积极分子的日期（{day}）", day=activist_on.isoformat())
            problems.append(Problem("assessed_on", day_label, message))
    if len(note.strip()) > NOTE_MAX:
        problems.append(Problem("note", _("考察意见"), _("不能超过{n}个字", n=NOTE_MAX)))
    if problems:
        raise InputError(problems)


def validate_extension(
    extension: Extension,
    facts: CaseFacts,
    *,
    state: CaseState,
    historical: bool,
    today: dt.date,
    rules: RuleSet,
) -> None:
    """DEV-EXTENSION: once only, 6 to 12 months, between the approval and the conversion."""
    problems = []
    day_label = _("决定日期")
    if extension.decided_on > today:
        problems.append(Problem("decided_on", day_label, _("不能晚于今天")))
    if not extension.reason.strip():
        problems.append(Problem("reason", _("延长原因"), _("不能为空")))
    if not historical:
        wf = facts.workflow
        if state is not CaseState.OPEN:
            message = _("档案{state}", state=state.label)
            problems.append(Problem("decided_on", day_label, message))
        after, before = facts.date(wf.extension_after), facts.date(wf.extension_before)
        if after is None or before is not None:
            message = _("只能在上级党委审批之后、转正支部大会之前延长预备期")
            problems.append(Problem("decided_on", day_label, message))
        elif extension.decided_on < after:
            message = _("不能早于审批日期（{day}）", day=after.isoformat())
            problems.append(Problem("decided_on", day_label, message))
        with_new = replace(facts, extensions=(*facts.extensions, extension))
        refusals = new_refusals(facts, with_new, rules, today, None)
        problems += [refusal_problem(v) for v in refusals if v.code == "DEV-EXTENSION"]
    if problems:
        raise InputError(problems)


def validate_ending(
    reason: str,
    ended_on: dt.date,
    *,
    state: CaseState,
    last_step_on: dt.date | None,
    today: dt.date,
) -> None:
    """A case ends early only while open, with a reason, not before its last step."""
    problems = []
    if state is not CaseState.OPEN:
        message = _("档案{state}，不能终止", state=state.label)
        problems.append(Problem("ending", _("终止方式"), message))
    reason_label = _("终止原因")
    if not reason.strip():
        problems.append(Problem("ending_reason", reason_label, _("不能为空")))
    elif len(reason.strip()) > NOTE_MAX:
        problems.append(Problem("ending_reason", reason_label, _("不能超过{n}个字", n=NOTE_MAX)))
    day_label = _("终止日期")
    if ended_on > today:
        problems.append(Problem("ended_on", day_label, _("不能晚于今天")))
    if last_step_on is not None and ended_on < last_step_on:
        message = _("不能早于最后一步的日期（{day}）", day=last_step_on.isoformat())
        problems.append(Problem("ended_on", day_label, message))
    if problems:
        raise InputError(problems)


def validate_document_kind(kind: str) -> None:
    """A document's kind is one of :data:`DOCUMENT_KINDS`."""
    if kind not in DOCUMENT_KINDS:
        kinds = _("、").join(label(k) for k in DOCUMENT_KINDS)
        raise InputError.single("kind", _("材料类别"), _("应为：{kinds}", kinds=kinds))
