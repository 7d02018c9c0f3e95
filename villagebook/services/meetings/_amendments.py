"""Corrections of finalised records (更正) and the files kept with a record.

A finalised record is never silently changed: each correction adds a
:class:`MeetingAmendment` row that keeps the old value as text, then applies the new one.
What may be corrected and how a value reads is pure (:mod:`villagebook.domain.meetings.amendments`).
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from sqlmodel import Session

from villagebook.domain.common.errors import InputError
from villagebook.domain.common.i18n import _
from villagebook.domain.common.text import as_typed
from villagebook.domain.meetings.amendments import (
    AMENDABLE,
    ATTACHMENT_FIELD,
    ATTENDANCE_PREFIX,
    amendment_problems,
    attendance_problems,
    current_value,
    parse_value,
    presence_text,
    unchanged,
    unknown_field,
)
from villagebook.domain.meetings.values import MeetingStatus, Presence
from villagebook.services import attachments
from villagebook.services.meetings import _finality, queries
from villagebook.storage.models import Attachment
from villagebook.storage.models.meetings import Meeting, MeetingAmendment


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
        reason=as_typed(reason)[:500],
        amended_on=on,
        amended_by=str(session.info.get("actor", "")),
    )
    session.add(amendment)
    session.flush()
    _finality.seal(session, meeting)  # the one way a finalised record changes
    return amendment


def amend(
    session: Session,
    meeting_id: uuid.UUID,
    field_name: str,
    new_value: str,
    reason: str,
    *,
    on: dt.date,
) -> MeetingAmendment:
    """Correct one field of a finalised record (one of ``AMENDABLE``), keeping the old value."""
    meeting = queries.get_meeting(session, meeting_id)
    problems = [] if field_name in AMENDABLE else [unknown_field(field_name)]
    problems += amendment_problems(meeting.status, meeting.finalised_on, reason, on)
    if problems:
        raise InputError(problems)
    before = queries.meeting_record(meeting)
    parsed = parse_value(before, field_name, new_value)
    if parsed.problem is not None:
        raise InputError([parsed.problem])
    old = current_value(before, field_name)
    setattr(meeting, field_name, parsed.value)
    session.add(meeting)
    new = current_value(queries.meeting_record(meeting), field_name)
    if new == old:
        raise InputError([unchanged(field_name)])
    return _record(session, meeting, field_name, old, new, reason, on)


def amend_attendance(
    session: Session,
    meeting_id: uuid.UUID,
    person_id: uuid.UUID,
    presence: Presence,
    presence_reason: str,
    reason: str,
    *,
    on: dt.date,
) -> MeetingAmendment:
    """Correct one person's attendance (出席 / 请假 with its reason / 缺席)."""
    meeting = queries.get_meeting(session, meeting_id)
    rows = [a for a in queries.attendance_of(session, meeting.id) if a.person_id == person_id]
    problems = amendment_problems(meeting.status, meeting.finalised_on, reason, on)
    problems += attendance_problems(bool(rows), presence, presence_reason)
    if problems:
        raise InputError(problems)
    row = rows[0]
    old = presence_text(row.name, row.presence, row.reason)
    row.presence = presence
    row.reason = presence_reason.strip()[:200]
    session.add(row)
    new = presence_text(row.name, row.presence, row.reason)
    field_name = f"{ATTENDANCE_PREFIX}{person_id}"
    return _record(session, meeting, field_name, old, new, reason, on)


def add_attachment(
    session: Session,
    data_dir: Path,
    meeting_id: uuid.UUID,
    source: Path,
    *,
    kind: str = "",
    reason: str = "",
    on: dt.date,
) -> Attachment:
    """Keep a sign-in sheet scan or photo with the record.

    Adding evidence to a finalised record is itself a correction: it needs a reason and is
    listed among the amendments.
    """
    meeting = queries.get_meeting(session, meeting_id)
    finalised = meeting.status is MeetingStatus.FINALISED
    if finalised and not reason.strip():
        raise InputError.single("reason", _("更正原因"), _("为已定稿记录补充附件须写明原因"))
    attachment = attachments.add_attachment(
        session,
        data_dir,
        branch_id=meeting.branch_id,
        owner_type=queries.OWNER_TYPE,
        owner_id=meeting.id,
        source=source,
        kind=kind,
    )
    if finalised:
        _record(session, meeting, ATTACHMENT_FIELD, "", attachment.filename, reason, on)
    return attachment
