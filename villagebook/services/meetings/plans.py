"""Quarterly plans (季度计划): planned meetings, and a planned meeting become a draft record."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlmodel import Session, col, select

from villagebook.domain.common.calendar import quarter_period
from villagebook.domain.common.errors import InputError, NotFoundError, Problem
from villagebook.domain.common.text import clean_text
from villagebook.domain.meetings.values import MeetingKind
from villagebook.services.meetings.records import (
    MeetingInput,
    create_meeting,
    last_defaults,
    today,
)
from villagebook.storage.models import PartyGroup
from villagebook.storage.models.meetings import Meeting, MeetingPlan, MeetingPlanItem


@dataclass
class PlanItemInput:
    kind: MeetingKind
    planned_on: dt.date
    topic: str = ""
    group_id: uuid.UUID | None = None


def plan_for(session: Session, branch_id: uuid.UUID, year: int, quarter: int) -> MeetingPlan | None:
    return session.exec(
        select(MeetingPlan).where(
            MeetingPlan.branch_id == branch_id,
            MeetingPlan.year == year,
            MeetingPlan.quarter == quarter,
        )
    ).first()


def plan_items(session: Session, plan_id: uuid.UUID) -> list[MeetingPlanItem]:
    query = (
        select(MeetingPlanItem)
        .where(MeetingPlanItem.plan_id == plan_id)
        .order_by(col(MeetingPlanItem.planned_on), col(MeetingPlanItem.position))
    )
    return list(session.exec(query))


def save_plan(
    session: Session,
    branch_id: uuid.UUID,
    year: int,
    quarter: int,
    items: list[PlanItemInput],
    *,
    filed_on: dt.date | None = None,
    note: str = "",
) -> MeetingPlan:
    """File (or re-file) the plan of a quarter; items already started are kept."""
    problems: list[Problem] = []
    if quarter not in (1, 2, 3, 4):
        raise InputError.single("quarter", "季度", "应为1至4")
    period = quarter_period(year, quarter)
    for index, item in enumerate(items):
        if not period.contains(item.planned_on):
            problems.append(
                Problem(f"items[{index}].planned_on", "计划日期", f"不在{period.label}内")
            )
        if item.kind is MeetingKind.GROUP:
            group = session.get(PartyGroup, item.group_id) if item.group_id else None
            if group is None or group.branch_id != branch_id:
                problems.append(Problem(f"items[{index}].group_id", "党小组", "须选择党小组"))
    if problems:
        raise InputError(problems)
    plan = plan_for(session, branch_id, year, quarter)
    if plan is None:
        plan = MeetingPlan(
            branch_id=branch_id, year=year, quarter=quarter, filed_on=filed_on or today()
        )
    plan.note = clean_text(note).strip()
    session.add(plan)
    session.flush()
    kept = 0
    for old in plan_items(session, plan.id):
        if old.meeting_id is None:
            session.delete(old)
        else:
            kept += 1
    for index, item in enumerate(items):
        session.add(
            MeetingPlanItem(
                plan_id=plan.id,
                kind=item.kind,
                planned_on=item.planned_on,
                group_id=item.group_id if item.kind is MeetingKind.GROUP else None,
                topic=clean_text(item.topic).strip()[:200],
                position=kept + index,
            )
        )
    session.flush()
    return plan


def start_planned(session: Session, item_id: uuid.UUID, *, as_of: dt.date | None = None) -> Meeting:
    """One action: the planned meeting becomes a draft record with the usual defaults."""
    item = session.get(MeetingPlanItem, item_id)
    if item is None:
        raise NotFoundError(f"计划项目不存在：{item_id}")
    if item.meeting_id is not None:
        raise InputError.single("meeting_id", "计划项目", "已经生成了会议记录")
    plan = session.get(MeetingPlan, item.plan_id)
    assert plan is not None
    defaults = last_defaults(session, plan.branch_id)
    data = MeetingInput(
        kind=item.kind,
        held_on=item.planned_on,
        place=defaults.place,
        host_id=defaults.host_id,
        recorder_id=defaults.recorder_id,
        group_id=item.group_id,
        topics=[item.topic] if item.topic else [],
        title=item.topic if item.kind is MeetingKind.LESSON else "",
        lecturer_id=defaults.host_id if item.kind is MeetingKind.LESSON else None,
    )
    meeting = create_meeting(session, plan.branch_id, data, as_of=as_of)
    item.meeting_id = meeting.id
    session.add(item)
    session.flush()
    return meeting
