"""Development printouts: a person's dossier (全程纪实表) and the development roster (台账).

Each gathers, in one read transaction, the plain dataclass its report lays out.  The
forms are official Chinese forms: fixed labels here stay Chinese (the step, stage and
role names are taken as written in the workflow, not translated).
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlmodel import Session

from villagebook.domain.common.calendar import cn_date
from villagebook.domain.common.errors import InputError
from villagebook.domain.common.i18n import N_, _
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.development.checks import check_case
from villagebook.domain.development.facts import CaseFacts, StepFacts
from villagebook.domain.development.schedule import probation_end_of
from villagebook.domain.development.values import (
    CASE_STATE_LABELS,
    ENDING_LABELS,
    ROLE_LABELS,
    BoardCard,
    Urgency,
)
from villagebook.domain.development.workflow import DEFAULT, DevelopmentWorkflow
from villagebook.domain.roster.idnumber import mask_id_number
from villagebook.domain.roster.values import STATUS_LABELS
from villagebook.reports import development_roster, dossier
from villagebook.reports.development_roster import DevelopmentRoster, RosterLine
from villagebook.reports.dossier import Dossier, StepRow, Verdict
from villagebook.services.development import queries
from villagebook.services.development.checks import to_finding
from villagebook.services.printing import RecordSelection, ReportKind, ReportRequest
from villagebook.services.roster import queries as roster_queries
from villagebook.storage.models import Person
from villagebook.storage.models.development import DevelopmentCase, DevelopmentStep

URGENCY_LABELS = {
    Urgency.OVERDUE: "已逾期",
    Urgency.SOON: "30日内到期",
    Urgency.LATER: "",
    Urgency.NONE: "",
}


# --- 发展党员全程纪实表 -------------------------------------------------------------------


def gather_dossier(
    session: Session,
    person_id: uuid.UUID,
    as_of: dt.date,
    *,
    rules: RuleSet | None = None,
    unmasked: bool = False,
) -> Dossier:
    """The person's latest case, as plain rows."""
    rules = rules or RuleSet()
    person = session.get(Person, person_id)
    if person is None:
        message = _("花名册中没有编号为{id}的人员", id=person_id)
        raise InputError.single("person", _("人员"), message)
    found = queries.cases_of_person(session, person_id)
    if not found:
        message = _("{name}没有发展党员档案", name=person.name)
        raise InputError.single("person", _("人员"), message)
    case = found[-1]
    facts = queries.case_facts(session, case.id)
    verdicts = [
        Verdict(f.code, f.severity.label, f.message)
        for f in (to_finding(facts, v) for v in check_case(facts, rules, as_of))
    ]
    return Dossier(
        branch_name=roster_queries.get_branch(session, case.branch_id).name,
        as_of=as_of,
        person=_person_fields(person, unmasked),
        case=_case_fields(case, facts, as_of, rules),
        steps=_step_rows(session, case, facts),
        assessments=[cn_date(d) for d in facts.assessments],
        verdicts=verdicts,
    )


def _step_rows(session: Session, case: DevelopmentCase, facts: CaseFacts) -> list[StepRow]:
    wf = facts.workflow
    stored = {s.number: s for s in queries.steps_of(session, case.id)}
    files: dict[uuid.UUID, list[str]] = {}
    for a in queries.documents_of(session, [s.id for s in stored.values()]):
        files.setdefault(a.owner_id, []).append(a.kind or a.filename)
    rows = []
    for definition in wf.steps:
        step = facts.steps.get(definition.number)
        saved = stored.get(definition.number)
        detail = ""
        if step is not None:
            detail = _detail(step, saved, files.get(saved.id, []) if saved else [])
        rows.append(
            StepRow(
                number=definition.number,
                stage=f"第{definition.stage}阶段 {wf.stage(definition.stage).name}",
                name=definition.name,
                date=cn_date(step.done_on) if step else "",
                people="、".join(f"{ROLE_LABELS[p.role]}：{p.name}" for p in step.people)
                if step
                else "",
                detail=detail,
            )
        )
    return rows


def _detail(step: StepFacts, stored: DevelopmentStep | None, files: list[str]) -> str:
    parts = []
    if step.ballot is not None:
        b = step.ballot
        parts.append(
            f"应到有表决权党员{b.expected_voting}名，实到{b.present_voting}名；"
            f"赞成{b.yes}票，反对{b.no}票，弃权{b.abstain}票，书面赞成意见{b.written_yes}份"
        )
    if stored is not None and stored.meeting_id:
        parts.append("关联三会一课支部党员大会记录")
    training = [
        f"{value:g}{unit}"
        for value, unit in ((step.training_days, "天"), (step.training_hours, "学时"))
        if value
    ]
    if training:
        parts.append("集中培训" + "、".join(training))
    if step.publicity_from and step.publicity_to:
        parts.append(f"公示{cn_date(step.publicity_from)}至{cn_date(step.publicity_to)}")
    if stored is not None:
        parts += [text for text in (stored.result, stored.note) if text]
    if step.reason:
        parts.append(f"说明：{step.reason}")
    if files:
        parts.append("材料：" + "、".join(files))
    return "；".join(parts)


def _person_fields(person: Person, unmasked: bool) -> list[tuple[str, str]]:
    return [
        ("姓名", person.name),
        ("性别", person.gender),
        ("民族", person.ethnicity),
        ("出生日期", cn_date(person.birth_date)),
        ("文化程度", person.education),
        ("身份证号", (person.id_number or "") if unmasked else mask_id_number(person.id_number)),
        ("当前状态", STATUS_LABELS[person.status]),
        ("", ""),
    ]


def _workflow_label(wf: DevelopmentWorkflow) -> str:
    return f"{wf.title}（{wf.id} v{wf.version}）"


def _case_fields(
    case: DevelopmentCase, facts: CaseFacts, as_of: dt.date, rules: RuleSet
) -> list[tuple[str, str]]:
    end = probation_end_of(facts, rules)
    pairs = [
        ("发展程序", _workflow_label(facts.workflow)),
        ("档案状态", CASE_STATE_LABELS[case.state]),
        ("预备期满", cn_date(end) if end else ""),
        ("统计日期", cn_date(as_of)),
    ]
    for e in facts.extensions:
        pairs.append(("延长预备期", f"{cn_date(e.decided_on)}决定延长{e.months}个月：{e.reason}"))
    if case.ending is not None:
        ending = ENDING_LABELS[case.ending]
        pairs.append(("终止", f"{cn_date(case.ended_on)} {ending}：{case.ending_reason}"))
    if case.historical:
        pairs.append(("来源", "依据原有纸质档案补录"))
    if len(pairs) % 2:
        pairs.append(("", ""))
    return pairs


# --- 发展党员工作台账 ---------------------------------------------------------------------


def gather_roster(
    session: Session, branch_id: uuid.UUID, as_of: dt.date, rules: RuleSet | None = None
) -> DevelopmentRoster:
    cards = queries.board(session, branch_id, as_of, rules)
    stages = []
    for stage in DEFAULT.stages:
        lines = [
            RosterLine(c.name, _next_step(c), cn_date(c.due), URGENCY_LABELS[c.urgency])
            for c in cards
            if c.stage == stage.number
        ]
        stages.append((f"第{stage.number}阶段 {stage.name}", lines))
    return DevelopmentRoster(roster_queries.get_branch(session, branch_id).name, as_of, stages)


def _next_step(card: BoardCard) -> str:
    """ "第n步 name（note）", in Chinese whatever the interface language."""
    nxt = card.next
    if nxt.step is None:
        return ""
    what = f"第{nxt.step}步 {nxt.name}"
    note = ""
    if nxt.code == "DEV-ASSESS-6M" and nxt.eligible_on is not None:
        note = f"半年考察到期；满一年可确定为发展对象：{nxt.eligible_on.isoformat()}"
    elif nxt.code == "DEV-ASSESS-6M":
        note = "半年考察到期"
    elif nxt.code == "DEV-PROBATION-1Y" and nxt.due is not None:
        note = f"预备期满：{nxt.due.isoformat()}"
    return f"{what}（{note}）" if note else what


# --- the report kinds ----------------------------------------------------------------------


def _dossier(session: Session, request: ReportRequest) -> Dossier:
    assert request.subject_id is not None
    return gather_dossier(
        session,
        request.subject_id,
        request.as_of or dt.date.today(),
        unmasked=bool(request.options.get("unmasked", False)),
    )


def _roster(session: Session, request: ReportRequest) -> DevelopmentRoster:
    assert request.branch_id is not None
    return gather_roster(session, request.branch_id, request.as_of or dt.date.today())


REPORTS = [
    ReportKind(
        "dossier",
        N_("发展党员全程纪实表"),
        _dossier,
        dossier.render,
        subject="person",
        file_name=lambda data: (
            f"{data.branch_name}-{data.person[0][1]}-发展党员全程纪实表-{data.as_of.isoformat()}"
        ),
    ),
    ReportKind(
        "development-roster",
        N_("发展党员工作台账"),
        _roster,
        development_roster.render,
        records=lambda _session, _request, _data: RecordSelection({"development_cases": None}),
        file_name=lambda data: f"{data.branch_name}-发展党员工作台账-{data.as_of.isoformat()}",
    ),
]
