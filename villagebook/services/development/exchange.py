"""The exchange section ``development_cases`` (schema: development-v1.schema.json).

Imported cases are past history: they are loaded as they are, and any breach of the
rules they contain is reported by ``villagebook check`` rather than refused.  Structural
problems (unknown people, duplicate steps, bad dates) are refused with their paths.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from sqlmodel import Session, col, select

from villagebook.domain.common.errors import Problem
from villagebook.domain.common.i18n import _
from villagebook.domain.development.values import CaseState, Ending, Role
from villagebook.domain.development.workflow import WORKFLOWS
from villagebook.services.development.queries import OWNER_TYPE
from villagebook.services.exchange import (
    ImportContext,
    Record,
    RecordId,
    Section,
    iso,
    parse_date,
    parse_uuid,
)
from villagebook.storage.models import Attachment, Branch
from villagebook.storage.models.development import (
    DevelopmentAssessment,
    DevelopmentCase,
    DevelopmentExtension,
    DevelopmentStep,
    DevelopmentStepPerson,
)

STEP_FIELDS = (
    "expected_voting",
    "present_voting",
    "yes",
    "no",
    "abstain",
    "written_yes",
    "training_days",
    "training_hours",
)


def _by_case(
    session: Session, model: Any, branch_id: uuid.UUID, order: Any
) -> dict[uuid.UUID, list[Any]]:
    grouped: dict[uuid.UUID, list[Any]] = defaultdict(list)
    query = select(model).join(DevelopmentCase, col(DevelopmentCase.id) == model.case_id)
    for row in session.exec(query.where(DevelopmentCase.branch_id == branch_id).order_by(*order)):
        grouped[row.case_id].append(row)
    return grouped


def _step_children(
    session: Session, branch_id: uuid.UUID
) -> tuple[dict[uuid.UUID, list[DevelopmentStepPerson]], dict[uuid.UUID, list[Attachment]]]:
    """The people named on the branch's steps and the documents kept with them, by step."""
    in_branch = DevelopmentCase.branch_id == branch_id
    people: dict[uuid.UUID, list[DevelopmentStepPerson]] = defaultdict(list)
    for p in session.exec(
        select(DevelopmentStepPerson)
        .join(DevelopmentStep, col(DevelopmentStep.id) == DevelopmentStepPerson.step_id)
        .join(DevelopmentCase, col(DevelopmentCase.id) == DevelopmentStep.case_id)
        .where(in_branch)
        .order_by(col(DevelopmentStepPerson.sort_order), col(DevelopmentStepPerson.id))
    ):
        people[p.step_id].append(p)
    files: dict[uuid.UUID, list[Attachment]] = defaultdict(list)
    for a in session.exec(
        select(Attachment)
        .join(DevelopmentStep, col(DevelopmentStep.id) == Attachment.owner_id)
        .join(DevelopmentCase, col(DevelopmentCase.id) == DevelopmentStep.case_id)
        .where(Attachment.owner_type == OWNER_TYPE, in_branch)
        .order_by(col(Attachment.created_at), col(Attachment.id))
    ):
        files[a.owner_id].append(a)
    return people, files


def _export_case(case: DevelopmentCase) -> Record:
    return {
        "id": str(case.id),
        "person_id": str(case.person_id),
        "workflow_id": case.workflow_id,
        "workflow_version": case.workflow_version,
        "state": case.state.value,
        "ended_on": iso(case.ended_on),
        "ending": case.ending.value if case.ending else None,
        "ending_reason": case.ending_reason,
        "historical": case.historical,
        "note": case.note,
    }


class DevelopmentSection:
    key = "development_cases"

    def export(
        self, session: Session, branch: Branch, only: frozenset[uuid.UUID] | None = None
    ) -> list[Record]:
        cases = [
            c
            for c in session.exec(
                select(DevelopmentCase)
                .where(DevelopmentCase.branch_id == branch.id)
                .order_by(col(DevelopmentCase.created_at), col(DevelopmentCase.id))
            )
            if only is None or c.id in only
        ]
        steps = _by_case(session, DevelopmentStep, branch.id, (col(DevelopmentStep.number),))
        people, files = _step_children(session, branch.id)
        assessments = _by_case(
            session,
            DevelopmentAssessment,
            branch.id,
            (col(DevelopmentAssessment.assessed_on), col(DevelopmentAssessment.id)),
        )
        extensions = _by_case(
            session,
            DevelopmentExtension,
            branch.id,
            (col(DevelopmentExtension.decided_on), col(DevelopmentExtension.id)),
        )
        return [
            {
                **_export_case(c),
                "steps": [_export_step(s, people[s.id], files[s.id]) for s in steps[c.id]],
                "assessments": [
                    {"id": str(a.id), "assessed_on": iso(a.assessed_on), "note": a.note}
                    for a in assessments[c.id]
                ],
                "extensions": [
                    {
                        "id": str(e.id),
                        "decided_on": iso(e.decided_on),
                        "months": e.months,
                        "reason": e.reason,
                    }
                    for e in extensions[c.id]
                ],
            }
            for c in cases
        ]

    def record_ids(self, items: list[Record]) -> Iterator[RecordId]:
        for i, case in enumerate(items):
            base = f"{self.key}[{i}]"
            yield RecordId(f"{base}.id", DevelopmentCase, case["id"])
            for j, step in enumerate(case["steps"]):
                where = f"{base}.steps[{j}]"
                yield RecordId(f"{where}.id", DevelopmentStep, step["id"])
                for k, person in enumerate(step.get("people", [])):
                    path = f"{where}.people[{k}].id"
                    yield RecordId(path, DevelopmentStepPerson, person.get("id"))
                for k, file in enumerate(step.get("attachments", [])):
                    yield RecordId(f"{where}.attachments[{k}].id", Attachment, file["id"])
            for key, table in (
                ("assessments", DevelopmentAssessment),
                ("extensions", DevelopmentExtension),
            ):
                for j, row in enumerate(case.get(key, [])):
                    yield RecordId(f"{base}.{key}[{j}].id", table, row.get("id"))

    def validate(self, items: list[Record], ctx: ImportContext) -> list[Problem]:
        problems: list[Problem] = []
        open_people: set[uuid.UUID] = set()
        for i, case in enumerate(items):
            base = f"development_cases[{i}]"
            if parse_uuid(case["person_id"]) not in ctx.person_ids:
                message = _("引用了文件中不存在的人员")
                problems.append(Problem(f"{base}.person_id", _("发展对象"), message))
            if (case["workflow_id"], case["workflow_version"]) not in WORKFLOWS:
                message = _("未知的发展党员程序版本")
                problems.append(Problem(f"{base}.workflow_id", _("发展程序"), message))
            if case["state"] == "open":
                person = parse_uuid(case["person_id"])
                if person in open_people:
                    message = _("同一人有两份进行中的档案")
                    problems.append(Problem(f"{base}.person_id", _("发展对象"), message))
                open_people.add(person)
            if case["state"] == "ended" and not case.get("ending"):
                message = _("已终止的档案须注明终止方式")
                problems.append(Problem(f"{base}.ending", _("终止方式"), message))
            parse_date(case.get("ended_on"), f"{base}.ended_on", _("终止日期"), problems)
            problems += self._validate_steps(base, case, ctx)
            for j, a in enumerate(case.get("assessments", [])):
                where = f"{base}.assessments[{j}].assessed_on"
                parse_date(a["assessed_on"], where, _("考察日期"), problems)
            for j, e in enumerate(case.get("extensions", [])):
                where = f"{base}.extensions[{j}].decided_on"
                parse_date(e["decided_on"], where, _("延长决定日期"), problems)
        return problems

    def _validate_steps(self, base: str, case: Record, ctx: ImportContext) -> list[Problem]:
        problems: list[Problem] = []
        seen: set[int] = set()
        for j, step in enumerate(case["steps"]):
            path = f"{base}.steps[{j}]"
            if step["number"] in seen:
                message = _("第{n}步重复", n=step["number"])
                problems.append(Problem(f"{path}.number", _("步骤"), message))
            seen.add(step["number"])
            day = parse_date(step["done_on"], f"{path}.done_on", _("步骤日期"), problems)
            if day and day > ctx.today:
                problems.append(Problem(f"{path}.done_on", _("步骤日期"), _("不能晚于今天")))
            for key in ("publicity_from", "publicity_to"):
                parse_date(step.get(key), f"{path}.{key}", _("公示日期"), problems)
            for k, person in enumerate(step.get("people", [])):
                ref = person.get("person_id")
                if ref and parse_uuid(ref) not in ctx.person_ids:
                    where = f"{path}.people[{k}].person_id"
                    message = _("引用了文件中不存在的人员")
                    problems.append(Problem(where, Role(person["role"]).label, message))
        return problems

    def load(self, session: Session, items: list[Record], ctx: ImportContext) -> None:
        for case in items:
            _load_case(session, case, ctx)
        session.flush()
        ctx.loaded.setdefault(self.key, set()).update(parse_uuid(c["id"]) for c in items)


def _load_case(session: Session, case: Record, ctx: ImportContext) -> None:
    case_id = parse_uuid(case["id"])
    session.add(
        DevelopmentCase(
            id=case_id,
            branch_id=ctx.branch_id,
            person_id=parse_uuid(case["person_id"]),
            workflow_id=case["workflow_id"],
            workflow_version=case["workflow_version"],
            state=CaseState(case["state"]),
            ended_on=_date(case.get("ended_on")),
            ending=Ending(case["ending"]) if case.get("ending") else None,
            ending_reason=case.get("ending_reason", ""),
            historical=bool(case.get("historical", False)),
            note=case.get("note", ""),
        )
    )
    session.flush()
    for step in case["steps"]:
        _load_step(session, case_id, step, ctx)
    for a in case.get("assessments", []):
        session.add(
            DevelopmentAssessment(
                id=parse_uuid(a["id"]) if a.get("id") else uuid.uuid4(),
                case_id=case_id,
                assessed_on=_required_date(a["assessed_on"]),
                note=a.get("note", ""),
            )
        )
    for e in case.get("extensions", []):
        session.add(
            DevelopmentExtension(
                id=parse_uuid(e["id"]) if e.get("id") else uuid.uuid4(),
                case_id=case_id,
                decided_on=_required_date(e["decided_on"]),
                months=int(e["months"]),
                reason=e.get("reason", ""),
            )
        )


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _required_date(value: Any) -> dt.date:
    return dt.date.fromisoformat(value)


def _export_step(
    step: DevelopmentStep, people: list[DevelopmentStepPerson], files: list[Attachment]
) -> Record:
    record: Record = {
        "id": str(step.id),
        "number": step.number,
        "done_on": iso(step.done_on),
        "meeting_id": str(step.meeting_id) if step.meeting_id else None,
    }
    for key in STEP_FIELDS:
        record[key] = getattr(step, key)
    record.update(
        {
            "publicity_from": iso(step.publicity_from),
            "publicity_to": iso(step.publicity_to),
            "result": step.result,
            "reason": step.reason,
            "note": step.note,
            "people": [
                {
                    "id": str(p.id),
                    "role": p.role.value,
                    "person_id": str(p.person_id) if p.person_id else None,
                    "name": p.name,
                }
                for p in people
            ],
            "attachments": [
                {
                    "id": str(a.id),
                    "kind": a.kind,
                    "filename": a.filename,
                    "media_type": a.media_type,
                    "size": a.size,
                    "sha256": a.sha256,
                    "stored_path": a.stored_path,
                    "note": a.note,
                }
                for a in files
            ],
        }
    )
    return record


def _load_step(session: Session, case_id: uuid.UUID, item: Record, ctx: ImportContext) -> None:
    step = DevelopmentStep(
        id=parse_uuid(item["id"]),
        case_id=case_id,
        number=int(item["number"]),
        done_on=_required_date(item["done_on"]),
        meeting_id=parse_uuid(item["meeting_id"]) if item.get("meeting_id") else None,
        publicity_from=_date(item.get("publicity_from")),
        publicity_to=_date(item.get("publicity_to")),
        result=item.get("result", ""),
        reason=item.get("reason", ""),
        note=item.get("note", ""),
    )
    for key in STEP_FIELDS:
        setattr(step, key, item.get(key))
    session.add(step)
    session.flush()
    for order, p in enumerate(item.get("people", [])):
        session.add(
            DevelopmentStepPerson(
                id=parse_uuid(p["id"]) if p.get("id") else uuid.uuid4(),
                step_id=step.id,
                role=Role(p["role"]),
                person_id=parse_uuid(p["person_id"]) if p.get("person_id") else None,
                name=p["name"],
                sort_order=order,
            )
        )
    for a in item.get("attachments", []):
        sha = a["sha256"]
        session.add(
            Attachment(
                id=parse_uuid(a["id"]),
                branch_id=ctx.branch_id,
                owner_type=OWNER_TYPE,
                owner_id=step.id,
                kind=a.get("kind", ""),
                filename=a["filename"],
                media_type=a["media_type"],
                size=int(a["size"]),
                sha256=sha,
                stored_path=a.get("stored_path") or f"attachments/{sha[:2]}/{sha}",
                note=a.get("note", ""),
            )
        )


SECTIONS: list[Section] = [DevelopmentSection()]
