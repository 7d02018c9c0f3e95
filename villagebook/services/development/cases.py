"""Use cases of a development case: start, record a step, assess, extend, end.

Every function validates everything first and raises :class:`InputError` with all problems
before writing anything.  A rule breach that makes the input impossible (see
``domain.development.rules.REFUSED``) is refused, unless ``historical`` says the record
comes from a real past file: then it is kept and reported by ``villagebook check``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlmodel import Session, col, select

from villagebook.domain.common.errors import InputError, NotFoundError, Problem
from villagebook.domain.common.findings import Severity
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.development.facts import Ballot, CaseFacts, Extension, StepFacts, StepPerson
from villagebook.domain.development.rules import REFUSED, ballot_problems, check_case
from villagebook.domain.development.schedule import probation_end
from villagebook.domain.development.workflow import (
    DEFAULT,
    DOCUMENT_KINDS,
    ENDING_STATUS,
    CaseState,
    Ending,
    Role,
    Workflow,
    get_workflow,
)
from villagebook.domain.roster.values import DEVELOPMENT_PATH, ChangeReason, PartyStatus
from villagebook.services.attachments import add_attachment, attachments_of
from villagebook.services.development.facts import linked_meeting, load_facts
from villagebook.services.roster import commands as roster_commands
from villagebook.services.roster import queries as roster_queries
from villagebook.storage.models import Attachment, Person
from villagebook.storage.models.development import (
    DevelopmentAssessment,
    DevelopmentCase,
    DevelopmentExtension,
    DevelopmentStep,
    DevelopmentStepPerson,
)

#: Attachments of a step carry this owner type.
OWNER_TYPE = "development_step"

#: Statuses from which a case may be started: not yet a full member (a probationary
#: member's file may be entered afterwards, its earlier steps filling in the history).
STARTABLE = frozenset(
    {
        PartyStatus.MASSES,
        PartyStatus.APPLICANT,
        PartyStatus.ACTIVIST,
        PartyStatus.TARGET,
        PartyStatus.PROBATIONARY,
    }
)
TEXT_LIMITS = {"result": 200, "reason": 500, "note": 1000}


@dataclass
class StepPersonInput:
    role: Role
    person_id: uuid.UUID | None = None
    name: str = ""


@dataclass
class StepInput:
    """What the step editor (or the importer) hands over for one step."""

    number: int
    done_on: dt.date
    people: list[StepPersonInput] = field(default_factory=list)
    meeting_id: uuid.UUID | None = None
    ballot: Ballot | None = None
    training_days: float | None = None
    training_hours: float | None = None
    publicity_from: dt.date | None = None
    publicity_to: dt.date | None = None
    result: str = ""
    reason: str = ""
    note: str = ""


def _today(as_of: dt.date | None) -> dt.date:
    return as_of or dt.date.today()


def get_case(session: Session, case_id: uuid.UUID) -> DevelopmentCase:
    case = session.get(DevelopmentCase, case_id)
    if case is None:
        raise NotFoundError(f"发展党员档案不存在：{case_id}")
    return case


def workflow_of(case: DevelopmentCase) -> Workflow:
    return get_workflow(case.workflow_id, case.workflow_version)


def case_facts(session: Session, case_id: uuid.UUID) -> CaseFacts:
    return load_facts(session, case_ids=[case_id])[0][1]


def open_case_of(session: Session, person_id: uuid.UUID) -> DevelopmentCase | None:
    return session.exec(
        select(DevelopmentCase).where(
            DevelopmentCase.person_id == person_id, DevelopmentCase.state == CaseState.OPEN
        )
    ).first()


def cases_of_person(session: Session, person_id: uuid.UUID) -> list[DevelopmentCase]:
    return list(
        session.exec(
            select(DevelopmentCase)
            .where(DevelopmentCase.person_id == person_id)
            .order_by(col(DevelopmentCase.created_at))
        )
    )


def steps_of(session: Session, case_id: uuid.UUID) -> list[DevelopmentStep]:
    return list(
        session.exec(
            select(DevelopmentStep)
            .where(DevelopmentStep.case_id == case_id)
            .order_by(col(DevelopmentStep.number))
        )
    )


def people_of(session: Session, step_id: uuid.UUID) -> list[DevelopmentStepPerson]:
    return list(
        session.exec(
            select(DevelopmentStepPerson)
            .where(DevelopmentStepPerson.step_id == step_id)
            .order_by(col(DevelopmentStepPerson.sort_order))
        )
    )


# --- start ---------------------------------------------------------------------------------


def start_case(
    session: Session,
    branch_id: uuid.UUID,
    person_id: uuid.UUID,
    *,
    applied_on: dt.date | None = None,
    workflow: Workflow = DEFAULT,
    historical: bool = False,
    as_of: dt.date | None = None,
    case_id: uuid.UUID | None = None,
) -> DevelopmentCase:
    """Open a case for a roster person; with ``applied_on`` step 1 is recorded too."""
    person = session.get(Person, person_id)
    problems: list[Problem] = []
    if person is None or person.branch_id != branch_id:
        raise InputError.single("person_id", "发展对象", "所选人员不在本支部花名册中")
    if open_case_of(session, person_id) is not None:
        problems.append(Problem("person_id", "发展对象", f"{person.name}已有进行中的发展党员档案"))
    if not historical and person.status not in STARTABLE:
        problems.append(
            Problem(
                "person_id",
                "发展对象",
                f"{person.name}当前为{person.status.label}，不能开始发展程序",
            )
        )
    if problems:
        raise InputError(problems)
    case = DevelopmentCase(
        branch_id=branch_id,
        person_id=person_id,
        workflow_id=workflow.id,
        workflow_version=workflow.version,
        historical=historical,
    )
    if case_id is not None:
        case.id = case_id
    session.add(case)
    session.flush()
    if applied_on is not None:
        record_step(session, case.id, StepInput(1, applied_on), historical=historical, as_of=as_of)
    return case


# --- record a step -------------------------------------------------------------------------


def _clean_people(
    session: Session, case: DevelopmentCase, data: StepInput, problems: list[Problem]
) -> list[StepPersonInput]:
    cleaned = []
    for i, item in enumerate(data.people):
        name = item.name.strip()
        if item.person_id is not None:
            person = session.get(Person, item.person_id)
            if person is None or person.branch_id != case.branch_id:
                problems.append(
                    Problem(f"people[{i}]", item.role.label, "所选人员不在本支部花名册中")
                )
                continue
            if person.id == case.person_id:
                problems.append(Problem(f"people[{i}]", item.role.label, "不能是发展对象本人"))
            name = person.name
        if not name:
            problems.append(Problem(f"people[{i}]", item.role.label, "请选择人员或填写姓名"))
        elif len(name) > 30:
            problems.append(Problem(f"people[{i}]", item.role.label, "姓名不能超过30个字"))
        cleaned.append(replace(item, name=name))
    return cleaned


def _required_details(
    wf: Workflow, data: StepInput, ballot: Ballot | None, problems: list[Problem]
) -> None:
    step = wf.step(data.number)
    for role in step.roles:
        if not any(p.role is role for p in data.people):
            problems.append(Problem(f"people.{role.value}", role.label, "请至少填写一人"))
    if step.meeting and ballot is None:
        problems.append(
            Problem("ballot", "表决情况", "请关联支部党员大会记录，或填写应到、实到人数和表决票数")
        )
    if step.training and not (data.training_days or data.training_hours):
        problems.append(Problem("training_days", "培训天数", "请填写培训天数或学时"))
    if step.publicity and (data.publicity_from is None or data.publicity_to is None):
        problems.append(Problem("publicity_from", "公示起止日期", "请填写公示开始和结束日期"))
    if data.publicity_from and data.publicity_to and data.publicity_to < data.publicity_from:
        problems.append(Problem("publicity_to", "公示结束日期", "不能早于开始日期"))
    for value, key, label in (
        (data.training_days, "training_days", "培训天数"),
        (data.training_hours, "training_hours", "培训学时"),
    ):
        if value is not None and not 0 <= value <= 1000:
            problems.append(Problem(key, label, "数值不合理"))
    for key, limit in TEXT_LIMITS.items():
        if len(getattr(data, key).strip()) > limit:
            problems.append(
                Problem(
                    key,
                    {"result": "结果", "reason": "原因", "note": "备注"}[key],
                    f"不能超过{limit}个字",
                )
            )


def _resolve_meeting(
    session: Session,
    branch_id: uuid.UUID,
    data: StepInput,
    person_name: str,
    problems: list[Problem],
) -> tuple[dt.date, Ballot | None]:
    """A linked meeting's date and counts win over those typed in."""
    if data.meeting_id is None:
        return data.done_on, data.ballot
    linked = linked_meeting(session, data.meeting_id, person_name)
    if linked is None:
        try:
            from villagebook.services.meetings.queries import meeting_summary  # noqa: F401
        except ImportError:
            return data.done_on, data.ballot  # meeting records not available: keep the id
        problems.append(Problem("meeting_id", "会议记录", "所关联的支部党员大会记录不存在"))
        return data.done_on, data.ballot
    if linked.kind != "general" or linked.branch_id != branch_id:
        problems.append(Problem("meeting_id", "会议记录", "应关联本支部的支部党员大会记录"))
    return linked.held_on, linked.ballot or data.ballot


def record_step(
    session: Session,
    case_id: uuid.UUID,
    data: StepInput,
    *,
    historical: bool = False,
    as_of: dt.date | None = None,
    rules: RuleSet | None = None,
) -> DevelopmentStep:
    """Record one step; the roster status follows when the workflow says so."""
    case = get_case(session, case_id)
    wf = workflow_of(case)
    today = _today(as_of)
    historical = historical or case.historical
    person = roster_queries.get_person(session, case.person_id)
    problems: list[Problem] = []
    if not wf.has_step(data.number):
        raise InputError.single("number", "步骤", f"没有第{data.number}步")
    if case.state is not CaseState.OPEN:
        problems.append(Problem("number", "步骤", f"档案{case.state.label}，不能再记录步骤"))
    existing = {s.number for s in steps_of(session, case_id)}
    if data.number in existing:
        problems.append(Problem("number", "步骤", f"第{data.number}步已记录，不能重复记录"))
    if data.done_on > today:
        problems.append(Problem("done_on", "日期", f"不能晚于今天（{today.isoformat()}）"))
    people = _clean_people(session, case, data, problems)
    done_on, ballot = _resolve_meeting(session, case.branch_id, data, person.name, problems)
    structural = bool(problems)
    if not historical:
        _required_details(wf, data, ballot, problems)
        if ballot is not None:
            problems += [Problem(f, label, m) for f, label, m in ballot_problems(ballot)]
        if not structural:  # every problem at once: the rules too, where they can be judged
            refusals = _rule_refusals(
                session, case_id, data.number, done_on, people, ballot, data, rules, today
            )
            known = {(p.field, p.message) for p in problems}
            problems += [
                p
                for p in refusals
                if (p.field, p.message) not in known and "DEV-BALLOT" not in p.message
            ]
    if problems:
        raise InputError(problems)
    step = DevelopmentStep(
        case_id=case_id,
        number=data.number,
        done_on=done_on,
        meeting_id=data.meeting_id,
        expected_voting=ballot.expected_voting if ballot else None,
        present_voting=ballot.present_voting if ballot else None,
        yes=ballot.yes if ballot else None,
        no=ballot.no if ballot else None,
        abstain=ballot.abstain if ballot else None,
        written_yes=ballot.written_yes if ballot else None,
        training_days=data.training_days,
        training_hours=data.training_hours,
        publicity_from=data.publicity_from,
        publicity_to=data.publicity_to,
        result=data.result.strip(),
        reason=data.reason.strip(),
        note=data.note.strip(),
    )
    session.add(step)
    session.flush()
    for order, item in enumerate(people):
        session.add(
            DevelopmentStepPerson(
                step_id=step.id,
                role=item.role,
                person_id=item.person_id,
                name=item.name,
                sort_order=order,
            )
        )
    effect = wf.effects_of(data.number)
    if effect is not None:
        dates = {s.number: s.done_on for s in steps_of(session, case_id)}
        sync_status(
            session,
            case.person_id,
            effect.status,
            dates[effect.date_of_step],
            historical=historical,
            as_of=today,
        )
    if data.number == wf.last:
        case.state = CaseState.COMPLETED
        session.add(case)
    session.flush()
    return step


def _rule_refusals(
    session: Session,
    case_id: uuid.UUID,
    number: int,
    done_on: dt.date,
    people: list[StepPersonInput],
    ballot: Ballot | None,
    data: StepInput,
    rules: RuleSet | None,
    today: dt.date,
) -> list[Problem]:
    """The refusable breaches this step would add to the case."""
    rules = rules or RuleSet()
    before = case_facts(session, case_id)
    book = roster_queries.StatusBook(session, [p.person_id for p in people if p.person_id])
    new = StepFacts(
        number=number,
        done_on=done_on,
        people=tuple(
            StepPerson(
                p.role,
                p.name,
                str(p.person_id) if p.person_id else None,
                book.status_on(p.person_id, done_on) if p.person_id else None,
                book.disciplined_on(p.person_id, done_on) if p.person_id else False,
            )
            for p in people
        ),
        ballot=ballot,
        training_days=data.training_days,
        training_hours=data.training_hours,
        publicity_from=data.publicity_from,
        publicity_to=data.publicity_to,
        reason=data.reason,
    )
    after = replace(before, steps={**before.steps, number: new})
    return _new_refusals(before, after, rules, today, number)


def _new_refusals(
    before: CaseFacts, after: CaseFacts, rules: RuleSet, today: dt.date, number: int | None
) -> list[Problem]:
    old = {(v.code, v.message) for v in check_case(before, rules, today)}
    problems = []
    for v in check_case(after, rules, today):
        if (
            v.code in REFUSED
            and v.severity is Severity.ERROR
            and (v.code, v.message) not in old
            and (number is None or v.step in (number, None))
        ):
            problems.append(Problem(v.field, v.label, f"{v.message}（{v.code}）"))
    return problems


def sync_status(
    session: Session,
    person_id: uuid.UUID,
    status: PartyStatus,
    effective_on: dt.date,
    *,
    historical: bool = False,
    as_of: dt.date | None = None,
) -> None:
    """Make the roster say ``status`` from ``effective_on`` (one source of truth).

    Nothing is added if the history already has that status on that date.  An earlier
    step entered after a later status was recorded (a file entered afterwards) fills in
    the history before that later entry.
    """
    history = roster_queries.status_history(session, person_id)
    if any(h.status is status and h.effective_on == effective_on for h in history):
        return
    rank = {s: i for i, s in enumerate(DEVELOPMENT_PATH)}
    backfill = any(
        h.effective_on > effective_on and rank.get(h.status, -1) > rank.get(status, 99)
        for h in history
    )
    roster_commands.change_status(
        session,
        person_id,
        status,
        effective_on,
        reason=ChangeReason.DEVELOPMENT,
        as_of=as_of,
        allow_backdated=historical or backfill,
    )


# --- assessments, extension, ending ---------------------------------------------------------


def add_assessment(
    session: Session,
    case_id: uuid.UUID,
    assessed_on: dt.date,
    *,
    note: str = "",
    as_of: dt.date | None = None,
    historical: bool = False,
) -> DevelopmentAssessment:
    """A half-yearly assessment of an activist (DEV-ASSESS-6M)."""
    case = get_case(session, case_id)
    wf = workflow_of(case)
    dates = {s.number: s.done_on for s in steps_of(session, case_id)}
    problems: list[Problem] = []
    if assessed_on > _today(as_of):
        problems.append(Problem("assessed_on", "考察日期", "不能晚于今天"))
    start = dates.get(wf.activist_from)
    if not historical and not case.historical:
        if start is None:
            problems.append(Problem("assessed_on", "考察日期", "尚未确定为入党积极分子"))
        elif assessed_on < start:
            problems.append(
                Problem(
                    "assessed_on",
                    "考察日期",
                    f"不能早于确定为积极分子的日期（{start.isoformat()}）",
                )
            )
    if len(note.strip()) > 500:
        problems.append(Problem("note", "考察意见", "不能超过500个字"))
    if problems:
        raise InputError(problems)
    record = DevelopmentAssessment(case_id=case_id, assessed_on=assessed_on, note=note.strip())
    session.add(record)
    session.flush()
    return record


def extend_probation(
    session: Session,
    case_id: uuid.UUID,
    decided_on: dt.date,
    months: int,
    *,
    reason: str,
    as_of: dt.date | None = None,
    historical: bool = False,
    rules: RuleSet | None = None,
) -> DevelopmentExtension:
    """Extend the probation (DEV-EXTENSION: once only, 6 to 12 months), with a reason."""
    rules = rules or RuleSet()
    case = get_case(session, case_id)
    wf = workflow_of(case)
    historical = historical or case.historical
    facts = case_facts(session, case_id)
    problems: list[Problem] = []
    if decided_on > _today(as_of):
        problems.append(Problem("decided_on", "决定日期", "不能晚于今天"))
    if not reason.strip():
        problems.append(Problem("reason", "延长原因", "不能为空"))
    if not historical:
        if case.state is not CaseState.OPEN:
            problems.append(Problem("decided_on", "决定日期", f"档案{case.state.label}"))
        after, before = facts.date(wf.extension_after), facts.date(wf.extension_before)
        if after is None or before is not None:
            problems.append(
                Problem(
                    "decided_on", "决定日期", "只能在上级党委审批之后、转正支部大会之前延长预备期"
                )
            )
        elif decided_on < after:
            problems.append(
                Problem("decided_on", "决定日期", f"不能早于审批日期（{after.isoformat()}）")
            )
        with_new = replace(
            facts, extensions=(*facts.extensions, Extension(decided_on, months, reason))
        )
        problems += [
            p
            for p in _new_refusals(facts, with_new, rules, _today(as_of), None)
            if "DEV-EXTENSION" in p.message
        ]
    if problems:
        raise InputError(problems)
    record = DevelopmentExtension(
        case_id=case_id, decided_on=decided_on, months=months, reason=reason.strip()
    )
    session.add(record)
    session.flush()
    return record


def end_case(
    session: Session,
    case_id: uuid.UUID,
    ending: Ending,
    ended_on: dt.date,
    *,
    reason: str,
    as_of: dt.date | None = None,
    historical: bool = False,
) -> DevelopmentCase:
    """End a case early (本人撤回 / 取消资格 / 迁出) with a reason; the roster follows."""
    case = get_case(session, case_id)
    steps = steps_of(session, case_id)
    problems: list[Problem] = []
    if case.state is not CaseState.OPEN:
        problems.append(Problem("ending", "终止方式", f"档案{case.state.label}，不能终止"))
    if not reason.strip():
        problems.append(Problem("ending_reason", "终止原因", "不能为空"))
    elif len(reason.strip()) > 500:
        problems.append(Problem("ending_reason", "终止原因", "不能超过500个字"))
    if ended_on > _today(as_of):
        problems.append(Problem("ended_on", "终止日期", "不能晚于今天"))
    if steps and ended_on < steps[-1].done_on:
        problems.append(
            Problem(
                "ended_on", "终止日期", f"不能早于最后一步的日期（{steps[-1].done_on.isoformat()}）"
            )
        )
    if problems:
        raise InputError(problems)
    case.state = CaseState.ENDED
    case.ending = ending
    case.ended_on = ended_on
    case.ending_reason = reason.strip()
    session.add(case)
    session.flush()
    status = ENDING_STATUS[ending]
    person = roster_queries.get_person(session, case.person_id)
    if status is not None and person.status in STARTABLE:
        sync_status(session, case.person_id, status, ended_on, historical=historical, as_of=as_of)
    return case


def probation_end_of(facts: CaseFacts, rules: RuleSet | None = None) -> dt.date | None:
    admitted = facts.date(facts.workflow.probation_from)
    return probation_end(admitted, facts.extensions, rules or RuleSet()) if admitted else None


# --- documents -------------------------------------------------------------------------------


def attach_document(
    session: Session,
    data_dir: Path,
    step_id: uuid.UUID,
    source: Path,
    *,
    kind: str,
    note: str = "",
) -> Attachment:
    """Keep a document with a step (入党申请书, 思想汇报, 政治审查材料, 入党志愿书, ...)."""
    step = session.get(DevelopmentStep, step_id)
    if step is None:
        raise NotFoundError(f"发展党员步骤不存在：{step_id}")
    if kind not in DOCUMENT_KINDS:
        raise InputError.single("kind", "材料类别", f"应为：{'、'.join(DOCUMENT_KINDS)}")
    case = get_case(session, step.case_id)
    return add_attachment(
        session,
        data_dir,
        branch_id=case.branch_id,
        owner_type=OWNER_TYPE,
        owner_id=step.id,
        source=source,
        kind=kind,
        note=note,
        field="attachment",
        label="材料",
    )


def documents_of(session: Session, step_id: uuid.UUID) -> list[Attachment]:
    return attachments_of(session, OWNER_TYPE, step_id)
