"""Exchange sections ``meetings`` and ``meeting_plans`` (schemas in resources/schema/).

A meeting carries its attendance, topics, speeches, votes, appraisals, amendments and
the metadata of its attachments (name, type, size, SHA-256; the files travel separately).
Import checks references, dates, attendance against the file's own roster on the meeting
date, and vote counts, before anything is written.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator, Sequence
from typing import Any

from sqlmodel import Session, col, select

from villagebook.domain.common.errors import Problem
from villagebook.domain.common.i18n import _
from villagebook.domain.meetings.values import (
    Appraisal,
    MeetingKind,
    MeetingStatus,
    NamesShown,
    Presence,
    Speech,
    Vote,
)
from villagebook.services.exchange import (
    ImportContext,
    ImportFailed,
    Record,
    RecordId,
    Section,
    iso,
    parse_uuid,
)
from villagebook.services.meetings import _finality
from villagebook.services.meetings._import_checks import (
    status_histories,
    validate_meeting,
)
from villagebook.services.meetings._plan_exchange import MeetingPlansSection
from villagebook.services.meetings.queries import OWNER_TYPE
from villagebook.storage.models import Attachment, Branch
from villagebook.storage.models.meetings import (
    Meeting,
    MeetingAmendment,
    MeetingAttendance,
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


def _attendance_items(rows: list[MeetingAttendance]) -> list[Record]:
    return [
        {
            "id": str(a.id),
            "person_id": _id(a.person_id),
            "name": a.name,
            "expected": a.expected,
            "voting": a.voting,
            "presence": a.presence.value,
            "reason": a.reason,
        }
        for a in sorted(rows, key=lambda a: (not a.expected, a.position))
    ]


def _amendment_items(rows: list[MeetingAmendment]) -> list[Record]:
    return [
        {
            "id": str(x.id),
            "field": x.field_name,
            "old_value": x.old_value,
            "new_value": x.new_value,
            "reason": x.reason,
            "amended_on": iso(x.amended_on),
            "amended_by": x.amended_by,
        }
        for x in sorted(rows, key=lambda x: (x.amended_on, x.created_at, str(x.id)))
    ]


def _attachment_items(rows: list[Attachment]) -> list[Record]:
    return [
        {
            "id": str(f.id),
            "kind": f.kind,
            "filename": f.filename,
            "media_type": f.media_type,
            "size": f.size,
            "sha256": f.sha256,
            "note": f.note,
        }
        for f in sorted(rows, key=lambda f: (f.created_at, str(f.id)))
    ]


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
        "names_shown": m.names_shown.model_dump(mode="json") if m.names_shown else None,
        "content_hash": m.content_hash,
        "attendance": _attendance_items(attendance),
        "amendments": _amendment_items(amendments),
        "attachments": _attachment_items(files),
    }


class MeetingsSection:
    key = "meetings"

    def export(
        self, session: Session, branch: Branch, only: frozenset[uuid.UUID] | None = None
    ) -> list[Record]:
        query = select(Meeting).where(Meeting.branch_id == branch.id)
        if only is not None:
            query = query.where(col(Meeting.id).in_(list(only)))
        meetings = session.exec(query.order_by(col(Meeting.held_on), col(Meeting.id))).all()
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

    def record_ids(self, items: list[Record]) -> Iterator[RecordId]:
        for i, item in enumerate(items):
            base = f"{self.key}[{i}]"
            yield RecordId(f"{base}.id", Meeting, item["id"])
            for key, table in (
                ("attendance", MeetingAttendance),
                ("amendments", MeetingAmendment),
                ("attachments", Attachment),
            ):
                for j, row in enumerate(item.get(key, [])):
                    yield RecordId(f"{base}.{key}[{j}].id", table, row.get("id"))

    def validate(self, items: list[Record], ctx: ImportContext) -> list[Problem]:
        statuses = status_histories(ctx.document)
        problems: list[Problem] = []
        for index, item in enumerate(items):
            problems += validate_meeting(f"meetings[{index}]", item, ctx, statuses)
        return problems

    def load(self, session: Session, items: list[Record], ctx: ImportContext) -> None:
        loaded = ctx.loaded.setdefault(self.key, set())
        problems: list[Problem] = []
        for index, item in enumerate(items):
            meeting = _load_meeting(session, item, ctx)
            loaded.add(meeting.id)
            problems += _seal_problems(session, meeting, item, f"meetings[{index}]")
        session.flush()
        if problems:  # raised inside the import's transaction: nothing is written
            raise ImportFailed(problems)


def _optional_time(value: Any) -> dt.time | None:
    return dt.time.fromisoformat(value) if value else None


def _meeting_row(item: Record, ctx: ImportContext) -> Meeting:
    finalised_on = item.get("finalised_on")
    return Meeting(
        id=parse_uuid(item["id"]),
        branch_id=ctx.branch_id,
        kind=MeetingKind(item["kind"]),
        held_on=dt.date.fromisoformat(item["held_on"]),
        start_time=_optional_time(item.get("start_time")),
        end_time=_optional_time(item.get("end_time")),
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
        finalised_on=dt.date.fromisoformat(finalised_on) if finalised_on else None,
        finalised_by=item.get("finalised_by", ""),
        names_shown=(
            NamesShown.model_validate(item["names_shown"])
            if item.get("names_shown") and item["status"] == MeetingStatus.FINALISED.value
            else None
        ),
    )


def _row_id(row: Record) -> uuid.UUID:
    return parse_uuid(row["id"]) if row.get("id") else uuid.uuid4()


def _load_attendance(session: Session, meeting: Meeting, rows: list[Record]) -> None:
    for position, row in enumerate(rows):
        session.add(
            MeetingAttendance(
                id=_row_id(row),
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


def _load_amendments(session: Session, meeting: Meeting, rows: list[Record]) -> None:
    for row in rows:
        session.add(
            MeetingAmendment(
                id=_row_id(row),
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


def _load_attachments(
    session: Session, meeting: Meeting, rows: list[Record], ctx: ImportContext
) -> None:
    for row in rows:
        sha = row["sha256"]
        suffix = _SUFFIXES.get(row["media_type"], "")
        session.add(
            Attachment(
                id=_row_id(row),
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


def _seal_problems(session: Session, meeting: Meeting, item: Record, base: str) -> list[Problem]:
    """Import never creates a finalised record whose seal does not match its content.

    A finalised record carrying a seal (``content_hash``) keeps its finalisation only if
    the content loaded has exactly that seal; otherwise the file is refused.  One without a
    seal (a file made before seals existed) is sealed now, with the names it shows in the
    file, and marked ``unverified`` (check: MTG-FINAL-UNVERIFIED).  A draft is never sealed.
    """
    if meeting.status is not MeetingStatus.FINALISED:
        return []
    claimed = str(item.get("content_hash") or "")
    if not claimed:
        meeting.names_shown = _finality.names_shown(session, meeting, unverified=True)
        session.add(meeting)
        _finality.seal(session, meeting)
        return []
    meeting.content_hash = claimed
    session.add(meeting)
    if _finality.current_seal(session, meeting.id) == claimed:
        return []
    message = _("已定稿记录的内容与定稿校验值不符：定稿后被改动过（更正须登记为更正说明）")
    return [Problem(f"{base}.content_hash", _("定稿校验值"), message)]


def _load_meeting(session: Session, item: Record, ctx: ImportContext) -> Meeting:
    meeting = _meeting_row(item, ctx)
    session.add(meeting)
    session.flush()
    _load_attendance(session, meeting, item.get("attendance", []))
    _load_amendments(session, meeting, item.get("amendments", []))
    _load_attachments(session, meeting, item.get("attachments", []), ctx)
    return meeting


SECTIONS: list[Section] = [MeetingsSection(), MeetingPlansSection()]
