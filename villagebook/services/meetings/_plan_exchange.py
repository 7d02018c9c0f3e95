"""Exchange section ``meeting_plans``: quarterly plans and their items (schema in
resources/schema/meeting-plans-v1.schema.json)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from typing import Any

from sqlmodel import Session, col, select

from villagebook.domain.common.errors import Problem
from villagebook.domain.common.i18n import _
from villagebook.domain.meetings.values import MeetingKind
from villagebook.services.exchange import (
    ImportContext,
    Record,
    RecordId,
    iso,
    parse_date,
    parse_uuid,
)
from villagebook.services.meetings._import_checks import check_ref
from villagebook.storage.models import Branch
from villagebook.storage.models.meetings import MeetingPlan, MeetingPlanItem


def _id(value: uuid.UUID | None) -> str | None:
    return str(value) if value else None


def _opt_uuid(value: Any) -> uuid.UUID | None:
    return parse_uuid(value) if value else None


class MeetingPlansSection:
    key = "meeting_plans"

    def export(
        self, session: Session, branch: Branch, only: frozenset[uuid.UUID] | None = None
    ) -> list[Record]:
        query = select(MeetingPlan).where(MeetingPlan.branch_id == branch.id)
        if only is not None:
            query = query.where(col(MeetingPlan.id).in_(list(only)))
        plans = session.exec(query.order_by(col(MeetingPlan.year), col(MeetingPlan.quarter))).all()
        items: dict[uuid.UUID, list[MeetingPlanItem]] = {p.id: [] for p in plans}
        for row in session.exec(
            select(MeetingPlanItem)
            .where(col(MeetingPlanItem.plan_id).in_(list(items)))
            .order_by(col(MeetingPlanItem.position), col(MeetingPlanItem.planned_on))
        ):
            items[row.plan_id].append(row)
        return [
            {
                "id": str(p.id),
                "year": p.year,
                "quarter": p.quarter,
                "filed_on": iso(p.filed_on),
                "note": p.note,
                "items": [
                    {
                        "id": str(i.id),
                        "kind": i.kind.value,
                        "planned_on": iso(i.planned_on),
                        "group_id": _id(i.group_id),
                        "topic": i.topic,
                        "meeting_id": _id(i.meeting_id),
                    }
                    for i in items[p.id]
                ],
            }
            for p in plans
        ]

    def record_ids(self, items: list[Record]) -> Iterator[RecordId]:
        for i, plan in enumerate(items):
            yield RecordId(f"{self.key}[{i}].id", MeetingPlan, plan["id"])
            for j, row in enumerate(plan.get("items", [])):
                yield RecordId(f"{self.key}[{i}].items[{j}].id", MeetingPlanItem, row["id"])

    def validate(self, items: list[Record], ctx: ImportContext) -> list[Problem]:
        problems: list[Problem] = []
        meetings = {parse_uuid(m["id"]) for m in ctx.document.get("meetings", [])}
        quarters: set[tuple[int, int]] = set()
        for index, plan in enumerate(items):
            base = f"meeting_plans[{index}]"
            key = (plan["year"], plan["quarter"])
            if key in quarters:
                message = _("同一季度有两份计划")
                problems.append(Problem(f"{base}.quarter", _("季度计划"), message))
            quarters.add(key)
            parse_date(plan["filed_on"], f"{base}.filed_on", _("报送日期"), problems)
            for j, row in enumerate(plan.get("items", [])):
                path = f"{base}.items[{j}]"
                parse_date(row["planned_on"], f"{path}.planned_on", _("计划日期"), problems)
                check_ref(
                    row.get("group_id"), ctx.group_ids, f"{path}.group_id", _("党小组"), problems
                )
                check_ref(
                    row.get("meeting_id"), meetings, f"{path}.meeting_id", _("会议记录"), problems
                )
        return problems

    def load(self, session: Session, items: list[Record], ctx: ImportContext) -> None:
        for plan in items:
            row = MeetingPlan(
                id=parse_uuid(plan["id"]),
                branch_id=ctx.branch_id,
                year=int(plan["year"]),
                quarter=int(plan["quarter"]),
                filed_on=dt.date.fromisoformat(plan["filed_on"]),
                note=plan.get("note", ""),
            )
            session.add(row)
            session.flush()
            for position, item in enumerate(plan.get("items", [])):
                session.add(
                    MeetingPlanItem(
                        id=parse_uuid(item["id"]),
                        plan_id=row.id,
                        kind=MeetingKind(item["kind"]),
                        planned_on=dt.date.fromisoformat(item["planned_on"]),
                        group_id=_opt_uuid(item.get("group_id")),
                        topic=item.get("topic", ""),
                        meeting_id=_opt_uuid(item.get("meeting_id")),
                        position=position,
                    )
                )
        session.flush()
