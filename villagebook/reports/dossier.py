"""发展党员全程纪实表: one person's development file, every step with its date, people
and result, the rule checks' verdicts, page numbers; the ID number masked by default."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, TableStyle
from sqlmodel import Session, col, select

from villagebook.domain.common.calendar import cn_date
from villagebook.domain.common.errors import InputError
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.development.facts import StepFacts
from villagebook.domain.development.rules import check_case
from villagebook.domain.roster.idnumber import mask_id_number
from villagebook.reports.base import (
    CONTENT_WIDTH,
    HEADER_BG,
    Target,
    build_pdf,
    field_table,
    gap,
    grid_table,
    para,
    printed_on,
    signature_lines,
    styles,
)
from villagebook.services.development import cases
from villagebook.services.development.checks import to_finding
from villagebook.services.development.exchange import OWNER_TYPE
from villagebook.services.development.facts import load_facts
from villagebook.services.roster import queries as roster_queries
from villagebook.storage.models import Attachment, Person
from villagebook.storage.models.development import DevelopmentCase, DevelopmentStep


@dataclass(frozen=True)
class StepRow:
    number: int
    stage: str
    name: str
    date: str
    people: str
    detail: str


@dataclass(frozen=True)
class Verdict:
    code: str
    severity: str
    message: str


@dataclass(frozen=True)
class Dossier:
    branch_name: str
    as_of: dt.date
    person: list[tuple[str, str]]
    case: list[tuple[str, str]]
    steps: list[StepRow]
    assessments: list[str]
    verdicts: list[Verdict]


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


def gather(
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
        raise InputError.single("person", "人员", f"花名册中没有编号为{person_id}的人员")
    found = cases.cases_of_person(session, person_id)
    if not found:
        raise InputError.single("person", "人员", f"{person.name}没有发展党员档案")
    case = found[-1]
    facts = load_facts(session, case_ids=[case.id])[0][1]
    wf = facts.workflow
    stored = {s.number: s for s in cases.steps_of(session, case.id)}
    files: dict[uuid.UUID, list[str]] = {}
    for a in session.exec(
        select(Attachment)
        .where(
            Attachment.owner_type == OWNER_TYPE,
            col(Attachment.owner_id).in_([s.id for s in stored.values()]),
        )
        .order_by(col(Attachment.created_at))
    ):
        files.setdefault(a.owner_id, []).append(a.kind or a.filename)
    rows = []
    for definition in wf.steps:
        step = facts.steps.get(definition.number)
        saved = stored.get(definition.number)
        rows.append(
            StepRow(
                number=definition.number,
                stage=f"第{definition.stage}阶段 {wf.stage(definition.stage).name}",
                name=definition.name,
                date=cn_date(step.done_on) if step else "",
                people="、".join(f"{p.role.label}：{p.name}" for p in step.people) if step else "",
                detail=_detail(step, saved, files.get(saved.id, []) if saved else [])
                if step
                else "",
            )
        )
    verdicts = [
        Verdict(f.code, f.severity.label, f.message)
        for f in (to_finding(facts, v) for v in check_case(facts, rules, as_of))
    ]
    return Dossier(
        branch_name=roster_queries.get_branch(session, case.branch_id).name,
        as_of=as_of,
        person=_person_fields(person, unmasked),
        case=_case_fields(session, case, wf.label, as_of, rules),
        steps=rows,
        assessments=[cn_date(d) for d in facts.assessments],
        verdicts=verdicts,
    )


def _person_fields(person: Person, unmasked: bool) -> list[tuple[str, str]]:
    return [
        ("姓名", person.name),
        ("性别", person.gender),
        ("民族", person.ethnicity),
        ("出生日期", cn_date(person.birth_date)),
        ("文化程度", person.education),
        ("身份证号", (person.id_number or "") if unmasked else mask_id_number(person.id_number)),
        ("当前状态", person.status.label),
        ("", ""),
    ]


def _case_fields(
    session: Session, case: DevelopmentCase, workflow_label: str, as_of: dt.date, rules: RuleSet
) -> list[tuple[str, str]]:
    facts = cases.case_facts(session, case.id)
    end = cases.probation_end_of(facts, rules)
    pairs = [
        ("发展程序", workflow_label),
        ("档案状态", case.state.label),
        ("预备期满", cn_date(end) if end else ""),
        ("统计日期", cn_date(as_of)),
    ]
    for e in facts.extensions:
        pairs.append(("延长预备期", f"{cn_date(e.decided_on)}决定延长{e.months}个月：{e.reason}"))
    if case.ending is not None:
        pairs.append(
            ("终止", f"{cn_date(case.ended_on)} {case.ending.label}：{case.ending_reason}")
        )
    if case.historical:
        pairs.append(("来源", "依据原有纸质档案补录"))
    if len(pairs) % 2:
        pairs.append(("", ""))
    return pairs


def render(report: Dossier, out: Target) -> int:
    st = styles()
    name = report.person[0][1]

    def story() -> list[Flowable]:
        header: list[str | Flowable] = ["序号", "步骤", "日期", "有关人员", "情况与材料"]
        body: list[list[str | Flowable]] = [header]
        spans = []
        stage = ""
        for row in report.steps:
            if row.stage != stage:
                stage = row.stage
                spans.append(len(body))
                body.append([para(stage, st.cell_bold), "", "", "", ""])
            body.append([str(row.number), row.name, row.date or "—", row.people, row.detail])
        widths = [10 * mm, 36 * mm, 27 * mm, 38 * mm, 0.0]
        widths[-1] = CONTENT_WIDTH - sum(widths[:-1])
        steps = grid_table(body, widths, st=st)
        steps.setStyle(
            TableStyle(
                [
                    c
                    for r in spans
                    for c in (("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), HEADER_BG))
                ]
            )
        )
        verdict_rows: list[list[str | Flowable]] = [["规则", "结果", "说明"]]
        verdict_rows += [[v.code, v.severity, v.message] for v in report.verdicts]
        if not report.verdicts:
            verdict_rows.append(["—", "合规", "按现行规则检查，未发现问题"])
        verdicts = grid_table(verdict_rows, [42 * mm, 20 * mm, CONTENT_WIDTH - 62 * mm], st=st)
        assessments = "、".join(report.assessments) or "无"
        return [
            para("发展党员全程纪实表", st.title),
            para(report.branch_name, st.subtitle),
            field_table(report.person, st),
            gap(2),
            field_table(report.case, st),
            para("发展程序（五个阶段二十五个步骤）", st.heading),
            steps,
            para(f"积极分子培养考察：{assessments}", st.body),
            para("规则检查结果", st.heading),
            verdicts,
            gap(4),
            signature_lines(["书记", "经办人"], st),
            gap(),
            para(printed_on(), st.small),
        ]

    return build_pdf(
        out,
        story,
        title=f"{name}发展党员全程纪实表",
        footer=f"{report.branch_name} · {name}发展党员全程纪实表",
    )
