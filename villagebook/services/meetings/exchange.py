"""Exchange sections ``meetings`` and ``meeting_plans`` (schemas in resources/schema/).

A meeting carries its attendance, topics, speeches, votes, appraisals, amendments and
the metadata of its attachments (name, type, size, SHA-256; the files travel separately).
Import checks references, dates, attendance against the file's own roster on the meeting
date, and vote counts, before anything is written.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, col, select

from villagebook.domain.common.errors import Problem
from villagebook.domain.common.i18n import _
from villagebook.domain.meetings.values import (
    Appraisal,
    MeetingKind,
    MeetingStatus,
    Presence,
    Speech,
    Vote,
)
from villagebook.services.exchange import (
    ImportContext,
    Record,
    Section,
    iso,
    parse_date,
    parse_uuid,
)
from villagebook.services.meetings._import_checks import (
    check_ref,
    status_histories,
    validate_meeting,
)
from villagebook.services.meetings.queries import OWNER_TYPE
from villagebook.storage.models import Attachment, Branch
from villagebook.storage.models.meetings import (
    Meeting,
    MeetingAmendment,
    MeetingAttendance,
    MeetingPlan,
    MeetingPlanItem,
)

_SUFFIXES = {
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/gif": ".gif",
    "image/bmp": ".bmp",
    "image/webp": ".webp",
    "application/pdf": ".pdf",
}


def _id(value: uuid.UUID | None) -> str | None:
    return str(value) if value else None


def _opt_uuid(value: Any) -> uuid.UUID | None:
    return parse_uuid(value) if value else None


def _time(value: dt.time | None) -> str | None:
    return value.isoformat(timespec="minutes") if value else None


def _by_meeting(rows: Sequence[Any]) -> dict[uuid.UUID, list[Any]]:
    found: dict[uuid.UUID, list[Any]] = {}
    for row in rows:
        found.setdefault(row.meeting_id if hasattr(row, "meeting_id") else row.owner_id, []).append(
            row
        )
    return found


def _export_meeting(
    m: Meeting,
    attendance: list[MeetingAttendance],
    amendments: list[MeetingAmendment],
    files: list[Attachment],
) -> Record:
    return {
        "id": str(m.id),
        "kind": m.kind.value,
        "held_on": iso(m.held_on),
        "start_time": _time(m.start_time),
        "end_time": _time(m.end_time),
        "place": m.place,
        "place_type": m.place_type,
        "group_id": _id(m.group_id),
        "title": m.title,
        "host_id": _id(m.host_id),
        "recorder_id": _id(m.recorder_id),
        "lecturer_id": _id(m.lecturer_id),
        "lecturer_name": m.lecturer_name,
        "topics": list(m.topics),
        "speeches": [s.model_dump(mode="json") for s in m.speeches],
        "resolutions": m.resolutions,
        "votes": [v.model_dump(mode="json") for v in m.votes],
        "appraisals": [a.model_dump(mode="json") for a in m.appraisals],
        "note": m.note,
        "status": m.status.value,
        "finalised_on": iso(m.finalised_on),
        "finalised_by": m.finalised_by,
        "attendance": [
            {
                "id": str(a.id),
                "person_id": _id(a.person_id),
                "name": a.name,
                "expected": a.expected,
                "voting": a.voting,
                "presence": a.presence.value,
                "reason": a.reason,
            }
            for a in sorted(attendance, key=lambda a: (not a.expected, a.position))
        ],
        "amendments": [
            {
                "id": str(x.id),
                "field": x.field_name,
                "old_value": x.old_value,
                "new_value": x.new_value,
                "reason": x.reason,
                "amended_on": iso(x.amended_on),
                "amended_by": x.amended_by,
            }
            for x in sorted(amendments, key=lambda x: (x.amended_on, x.created_at, str(x.id)))
        ],
        "attachments": [
            {
                "id": str(f.id),
                "kind": f.kind,
                "filename": f.filename,
                "media_type": f.media_type,
                "size": f.size,
                "sha256": f.sha256,
                "note": f.note,
            }
            for f in sorted(files, key=lambda f: (f.created_at, str(f.id)))
        ],
    }


class MeetingsSection:
    key = "meetings"

    def export(self, session: Session, branch: Branch) -> list[Record]:
        meetings = session.exec(
            select(Meeting)
            .where(Meeting.branch_id == branch.id)
            .order_by(col(Meeting.held_on), col(Meeting.id))
        ).all()
        ids = [m.id for m in meetings]
        attendance = _by_meeting(
            session.exec(
                select(MeetingAttendance).where(col(MeetingAttendance.meeting_id).in_(ids))
            ).all()
        )
        amendments = _by_meeting(
            session.exec(
                select(MeetingAmendment).where(col(MeetingAmendment.meeting_id).in_(ids))
            ).all()
        )
        files = _by_meeting(
            session.exec(
                select(Attachment).where(
                    Attachment.owner_type == OWNER_TYPE, col(Attachment.owner_id).in_(ids)
                )
            ).all()
        )
        return [
            _export_meeting(
                m, attendance.get(m.id, []), amendments.get(m.id, []), files.get(m.id, [])
            )
            for m in meetings
        ]

    def validate(self, items: list[Record], ctx: ImportContext) -> list[Problem]:
        statuses = status_histories(ctx.document)
        problems: list[Problem] = []
        seen: set[str] = set()
        for index, item in enumerate(items):
            base = f"meetings[{index}]"
            if item["id"] in seen:
                problems.append(Problem(f"{base}.id", _("会议记录编号"), _("重复")))
            seen.add(item["id"])
            problems += validate_meeting(base, item, ctx, statuses)
        return problems

    def load(self, session: Session, items: list[Record], ctx: ImportContext) -> None:
        loaded = ctx.loaded.setdefault(self.key, set())
        for item in items:
            meeting = _load_meeting(session, item, ctx)
            loaded.add(meeting.id)
        session.flush()


def _load_meeting(session: Session, item: Record, ctx: ImportContext) -> Meeting:
    meeting = Meeting(
        id=parse_uuid(item["id"]),
        branch_id=ctx.branch_id,
        kind=MeetingKind(item["kind"]),
        held_on=dt.date.fromisoformat(item["held_on"]),
        start_time=dt.time.fromisoformat(item["start_time"]) if item.get("start_time") else None,
        end_time=dt.time.fromisoformat(item["end_time"]) if item.get("end_time") else None,
        place=item.get("place", ""),
        place_type=item.get("place_type", ""),
        group_id=_opt_uuid(item.get("group_id")),
        title=item.get("title", ""),
        host_id=_opt_uuid(item.get("host_id")),
        recorder_id=_opt_uuid(item.get("recorder_id")),
        lecturer_id=_opt_uuid(item.get("lecturer_id")),
        lecturer_name=item.get("lecturer_name", ""),
        topics=list(item.get("topics", [])),
        speeches=[Speech.model_validate(s) for s in item.get("speeches", [])],
        resolutions=item.get("resolutions", ""),
        votes=[Vote.model_validate(v) for v in item.get("votes", [])],
        appraisals=[Appraisal.model_validate(a) for a in item.get("appraisals", [])],
        note=item.get("note", ""),
        status=MeetingStatus(item["status"]),
        finalised_on=dt.date.fromisoformat(item["finalised_on"])
        if item.get("finalised_on")
        else None,
        finalised_by=item.get("finalised_by", ""),
    )
    session.add(meeting)
    session.flush()
    for position, row in enumerate(item.get("attendance", [])):
        session.add(
            MeetingAttendance(
                id=parse_uuid(row["id"]) if row.get("id") else uuid.uuid4(),
                meeting_id=meeting.id,
                person_id=_opt_uuid(row.get("person_id")),
                name=row["name"],
                expected=bool(row.get("expected", True)),
                voting=bool(row.get("voting", False)),
                presence=Presence(row.get("presence", "present")),
                reason=row.get("reason", ""),
                position=position,
            )
        )
    for row in item.get("amendments", []):
        session.add(
            MeetingAmendment(
                id=parse_uuid(row["id"]) if row.get("id") else uuid.uuid4(),
                meeting_id=meeting.id,
                field_name=row["field"],
                old_value=row.get("old_value", ""),
                new_value=row.get("new_value", ""),
                reason=row["reason"],
                amended_on=dt.date.fromisoformat(row["amended_on"]),
                amended_by=row.get("amended_by", ""),
            )
        )
        session.flush()  # one stamp each: the order of the file survives the next export
    for row in item.get("attachments", []):
        sha = row["sha256"]
        suffix = _SUFFIXES.get(row["media_type"], "")
        session.add(
            Attachment(
                id=parse_uuid(row["id"]) if row.get("id") else uuid.uuid4(),
                branch_id=ctx.branch_id,
                owner_type=OWNER_TYPE,
                owner_id=meeting.id,
                kind=row.get("kind", ""),
                filename=row["filename"],
                media_type=row["media_type"],
                size=int(row["size"]),
                sha256=sha,
                stored_path=f"attachments/{sha[:2]}/{sha}{suffix}",
                note=row.get("note", ""),
            )
        )
        session.flush()
    return meeting


class MeetingPlansSection:
    key = "meeting_plans"

    def export(self, session: Session, branch: Branch) -> list[Record]:
        plans = session.exec(
            select(MeetingPlan)
            .where(MeetingPlan.branch_id == branch.id)
            .order_by(col(MeetingPlan.year), col(MeetingPlan.quarter))
        ).all()
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


SECTIONS: list[Section] = [MeetingsSection(), MeetingPlansSection()]
