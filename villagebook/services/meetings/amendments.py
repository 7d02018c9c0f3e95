"""Corrections of finalised records (更正): who, when, why, which field, old and new value.

A finalised record is never silently changed: each correction adds a
:class:`MeetingAmendment` row that keeps the old value, then applies the new one.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from sqlmodel import Session

from villagebook.domain.common.errors import InputError, Problem
from villagebook.domain.common.text import clean_text
from villagebook.domain.meetings.values import MeetingStatus, Presence
from villagebook.services import attachments
from villagebook.services.meetings.records import attendance_of, get_meeting, today
from villagebook.storage.models import Attachment
from villagebook.storage.models.meetings import Meeting, MeetingAmendment

#: Fields a correction may change, with their Chinese labels.
AMENDABLE: dict[str, str] = {
    "place": "地点",
    "place_type": "地点类型",
    "title": "会议主题",
    "start_time": "开始时间",
    "end_time": "结束时间",
    "lecturer_name": "授课人",
    "topics": "议题",
    "resolutions": "决议",
    "note": "备注",
}
ATTENDANCE_PREFIX = "attendance."
OWNER_TYPE = "meeting"


def field_label(field_name: str) -> str:
    if field_name.startswith(ATTENDANCE_PREFIX):
        return "出席情况"
    if field_name == "attachment":
        return "附件"
    return AMENDABLE.get(field_name, field_name)


def current_value(meeting: Meeting, field_name: str) -> str:
    value = getattr(meeting, field_name)
    if field_name == "topics":
        return "\n".join(value)
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return "" if value is None else str(value)


def _parse(meeting: Meeting, field_name: str, text: str) -> object:
    label = AMENDABLE[field_name]
    if field_name == "topics":
        return [line.strip() for line in text.splitlines() if line.strip()]
    if field_name in ("start_time", "end_time"):
        try:
            value = dt.time.fromisoformat(text.strip()) if text.strip() else None
        except ValueError as exc:
            raise InputError.single(
                field_name, label, f"“{text}”不是有效时间（应为HH:MM）"
            ) from exc
        start = value if field_name == "start_time" else meeting.start_time
        end = value if field_name == "end_time" else meeting.end_time
        if start and end and end < start:
            raise InputError.single("end_time", "结束时间", "不能早于开始时间")
        return value
    return text.strip()


def _check(meeting: Meeting, reason: str, on: dt.date, problems: list[Problem]) -> None:
    if meeting.status is not MeetingStatus.FINALISED:
        problems.append(Problem("status", "记录状态", "草稿可直接修改，无须登记更正"))
    if not reason.strip():
        problems.append(Problem("reason", "更正原因", "必须写明更正原因"))
    if meeting.finalised_on and on < meeting.finalised_on:
        problems.append(Problem("amended_on", "更正日期", "不能早于定稿日期"))


def _record(
    session: Session,
    meeting: Meeting,
    field_name: str,
    old: str,
    new: str,
    reason: str,
    on: dt.date,
) -> MeetingAmendment:
    amendment = MeetingAmendment(
        meeting_id=meeting.id,
        field_name=field_name,
        old_value=old,
        new_value=new,
        reason=clean_text(reason).strip()[:500],
        amended_on=on,
        amended_by=str(session.info.get("actor", "")),
    )
    session.add(amendment)
    session.flush()
    return amendment


def amend_meeting(
    session: Session,
    meeting_id: uuid.UUID,
    field_name: str,
    new_value: str,
    reason: str,
    *,
    on: dt.date | None = None,
) -> MeetingAmendment:
    """Correct one field of a finalised record, keeping the old value."""
    meeting = get_meeting(session, meeting_id)
    day = on or today()
    if field_name.startswith(ATTENDANCE_PREFIX):
        return _amend_attendance(session, meeting, field_name, new_value, reason, day)
    problems: list[Problem] = []
    if field_name not in AMENDABLE:
        problems.append(Problem("field_name", "更正项目", f"“{field_name}”不能更正"))
    _check(meeting, reason, day, problems)
    if problems:
        raise InputError(problems)
    old = current_value(meeting, field_name)
    value = _parse(meeting, field_name, new_value)
    setattr(meeting, field_name, value)
    session.add(meeting)
    new = current_value(meeting, field_name)
    if new == old:
        raise InputError.single(field_name, AMENDABLE[field_name], "新内容与原内容相同")
    return _record(session, meeting, field_name, old, new, reason, day)


def presence_text(presence: Presence, reason: str) -> str:
    return f"{presence.label}（{reason}）" if reason else presence.label


def _amend_attendance(
    session: Session,
    meeting: Meeting,
    field_name: str,
    new_value: str,
    reason: str,
    day: dt.date,
) -> MeetingAmendment:
    """``attendance.<person id>`` with value ``present`` / ``leave:事由`` / ``absent``."""
    problems: list[Problem] = []
    _check(meeting, reason, day, problems)
    person = field_name.removeprefix(ATTENDANCE_PREFIX)
    rows = [a for a in attendance_of(session, meeting.id) if str(a.person_id) == person]
    state, _, why = new_value.partition(":")
    try:
        presence = Presence(state)
    except ValueError:
        problems.append(Problem("new_value", "出席情况", f"“{state}”不是有效的出席情况"))
        presence = Presence.PRESENT
    if not rows:
        problems.append(Problem("field_name", "出席情况", "该人员不在本次会议的应到人员中"))
    if presence is Presence.LEAVE and not why.strip():
        problems.append(Problem("new_value", "出席情况", "请假须写明事由"))
    if problems:
        raise InputError(problems)
    row = rows[0]
    old = f"{row.name}：{presence_text(row.presence, row.reason)}"
    row.presence = presence
    row.reason = why.strip()[:200]
    session.add(row)
    new = f"{row.name}：{presence_text(row.presence, row.reason)}"
    return _record(session, meeting, field_name, old, new, reason, day)


def add_meeting_attachment(
    session: Session,
    data_dir: Path,
    meeting_id: uuid.UUID,
    source: Path,
    *,
    kind: str = "",
    reason: str = "",
    on: dt.date | None = None,
) -> Attachment:
    """Keep a sign-in sheet scan or photo with the record.

    Adding evidence to a finalised record is itself a correction: it needs a reason and is
    listed among the amendments.
    """
    meeting = get_meeting(session, meeting_id)
    finalised = meeting.status is MeetingStatus.FINALISED
    if finalised and not reason.strip():
        raise InputError.single("reason", "更正原因", "为已定稿记录补充附件须写明原因")
    attachment = attachments.add_attachment(
        session,
        data_dir,
        branch_id=meeting.branch_id,
        owner_type=OWNER_TYPE,
        owner_id=meeting.id,
        source=source,
        kind=kind,
    )
    if finalised:
        _record(session, meeting, "attachment", "", attachment.filename, reason, on or today())
    return attachment


def meeting_attachments(session: Session, meeting_id: uuid.UUID) -> list[Attachment]:
    return attachments.attachments_of(session, OWNER_TYPE, meeting_id)
