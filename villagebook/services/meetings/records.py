"""Meeting records: create and edit drafts, finalise, delete drafts (三会一课).

Every change is validated as a whole first (:mod:`.inputs`): an :class:`InputError` lists
every problem and nothing is written.  A finalised record is locked; corrections go
through :func:`services.meetings.amendments.amend_meeting`, which keeps the old value.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlmodel import Session, col, delete, select

from villagebook.domain.common.errors import InputError, LockedRecordError, NotFoundError
from villagebook.domain.meetings.values import (
    SECRETARY_ROLE,
    AppraisalVerdict,
    MeetingKind,
    MeetingStatus,
)
from villagebook.services.meetings.inputs import (
    AppraisalInput,
    AttendanceInput,
    MeetingInput,
    SpeechInput,
    VoteInput,
    clean,
    expected_attendance,
    expected_entries,
)
from villagebook.services.roster.queries import RosterEntry
from villagebook.storage.models import Person
from villagebook.storage.models.meetings import Meeting, MeetingAmendment, MeetingAttendance

__all__ = [
    "AppraisalInput",
    "AttendanceInput",
    "EntryDefaults",
    "MeetingInput",
    "SpeechInput",
    "VoteInput",
    "expected_attendance",
    "expected_entries",
]


def today() -> dt.date:
    return dt.date.today()


# --- use cases -------------------------------------------------------------------------------


def get_meeting(session: Session, meeting_id: uuid.UUID) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError(f"会议记录不存在：{meeting_id}")
    return meeting


def _write_attendance(
    session: Session, meeting_id: uuid.UUID, rows: list[MeetingAttendance], *, replace: bool
) -> None:
    if replace:
        session.exec(
            delete(MeetingAttendance).where(col(MeetingAttendance.meeting_id) == meeting_id)
        )
    for row in rows:
        row.meeting_id = meeting_id
        session.add(row)


def create_meeting(
    session: Session,
    branch_id: uuid.UUID,
    data: MeetingInput,
    *,
    as_of: dt.date | None = None,
    meeting_id: uuid.UUID | None = None,
    roster: list[RosterEntry] | None = None,
) -> Meeting:
    """Save a new draft record (all or nothing).

    ``roster`` is the roster on the meeting date when the caller already has it
    (``roster_on``), to spare the queries when many records are written at once.
    """
    cleaned = clean(session, branch_id, data, as_of or today(), roster)
    meeting = Meeting(branch_id=branch_id, **cleaned.values)
    if meeting_id is not None:
        meeting.id = meeting_id
    session.add(meeting)
    _write_attendance(session, meeting.id, cleaned.attendance, replace=False)
    session.flush()
    return meeting


def _locked(meeting: Meeting, what: str) -> LockedRecordError:
    return LockedRecordError(
        f"{meeting.held_on.isoformat()}的{meeting.kind.label}记录已定稿，不能{what}；如需更正请登记更正说明"
    )


def update_meeting(
    session: Session, meeting_id: uuid.UUID, data: MeetingInput, *, as_of: dt.date | None = None
) -> Meeting:
    """Replace the contents of a draft record."""
    meeting = get_meeting(session, meeting_id)
    if meeting.status is MeetingStatus.FINALISED:
        raise _locked(meeting, "直接修改")
    cleaned = clean(session, meeting.branch_id, data, as_of or today())
    for key, value in cleaned.values.items():
        setattr(meeting, key, value)
    session.add(meeting)
    _write_attendance(session, meeting.id, cleaned.attendance, replace=True)
    session.flush()
    return meeting


def delete_meeting(session: Session, meeting_id: uuid.UUID) -> None:
    """Delete a draft; a finalised record is an archive and can never be deleted."""
    meeting = get_meeting(session, meeting_id)
    if meeting.status is MeetingStatus.FINALISED:
        raise _locked(meeting, "删除")
    session.exec(delete(MeetingAttendance).where(col(MeetingAttendance.meeting_id) == meeting_id))
    from villagebook.storage.models.meetings import MeetingPlanItem

    for item in session.exec(
        select(MeetingPlanItem).where(MeetingPlanItem.meeting_id == meeting_id)
    ):
        item.meeting_id = None
        session.add(item)
    session.delete(meeting)
    session.flush()


def finalise_meeting(
    session: Session,
    meeting_id: uuid.UUID,
    *,
    on: dt.date | None = None,
    as_of: dt.date | None = None,
) -> Meeting:
    """Lock the record (定稿) on ``on`` (default today)."""
    meeting = get_meeting(session, meeting_id)
    day = on or today()
    if meeting.status is MeetingStatus.FINALISED:
        raise _locked(meeting, "再次定稿")
    if day < meeting.held_on:
        raise InputError.single("finalised_on", "定稿日期", "不能早于会议日期")
    if day > (as_of or today()):
        raise InputError.single("finalised_on", "定稿日期", "不能晚于今天")
    if meeting.host_id is None:
        raise InputError.single("host_id", "主持人", "定稿前须填写主持人")
    meeting.status = MeetingStatus.FINALISED
    meeting.finalised_on = day
    meeting.finalised_by = str(session.info.get("actor", ""))
    session.add(meeting)
    session.flush()
    return meeting


def attendance_of(session: Session, meeting_id: uuid.UUID) -> list[MeetingAttendance]:
    query = (
        select(MeetingAttendance)
        .where(MeetingAttendance.meeting_id == meeting_id)
        .order_by(col(MeetingAttendance.expected).desc(), col(MeetingAttendance.position))
    )
    return list(session.exec(query))


def amendments_of(session: Session, meeting_id: uuid.UUID) -> list[MeetingAmendment]:
    query = (
        select(MeetingAmendment)
        .where(MeetingAmendment.meeting_id == meeting_id)
        .order_by(col(MeetingAmendment.amended_on), col(MeetingAmendment.created_at))
    )
    return list(session.exec(query))


def input_of(session: Session, meeting: Meeting) -> MeetingInput:
    """The record as editor input (to edit a draft or copy a record)."""
    return MeetingInput(
        kind=meeting.kind,
        held_on=meeting.held_on,
        start_time=meeting.start_time,
        end_time=meeting.end_time,
        place=meeting.place,
        place_type=meeting.place_type,
        group_id=meeting.group_id,
        title=meeting.title,
        host_id=meeting.host_id,
        recorder_id=meeting.recorder_id,
        lecturer_id=meeting.lecturer_id,
        lecturer_name=meeting.lecturer_name,
        topics=list(meeting.topics),
        speeches=[
            SpeechInput(
                s["speaker"],
                s["summary"],
                uuid.UUID(s["speaker_id"]) if s.get("speaker_id") else None,
            )
            for s in meeting.speeches
        ],
        resolutions=meeting.resolutions,
        votes=[
            VoteInput(
                v["motion"], v["yes"], v["no"], v["abstain"], v["written_yes"], v["secret_ballot"]
            )
            for v in meeting.votes
        ],
        appraisals=[
            AppraisalInput(
                uuid.UUID(a["person_id"]) if a.get("person_id") else None,
                a["name"],
                a["self_review"],
                a["peer_review"],
                a["rating"],
                AppraisalVerdict(a["verdict"]) if a.get("verdict") else None,
            )
            for a in meeting.appraisals
        ],
        note=meeting.note,
        attendance=[
            AttendanceInput(a.person_id, a.name, a.presence, a.reason, a.expected)
            for a in attendance_of(session, meeting.id)
        ],
    )


@dataclass(frozen=True)
class EntryDefaults:
    """What fast entry offers: the last place, host and recorder of the branch."""

    place: str = ""
    host_id: uuid.UUID | None = None
    recorder_id: uuid.UUID | None = None


def last_defaults(session: Session, branch_id: uuid.UUID) -> EntryDefaults:
    last = session.exec(
        select(Meeting)
        .where(Meeting.branch_id == branch_id)
        .order_by(col(Meeting.held_on).desc(), col(Meeting.created_at).desc())
        .limit(1)
    ).first()
    if last is None:
        secretary = session.exec(
            select(Person).where(
                Person.branch_id == branch_id, Person.committee_role == SECRETARY_ROLE
            )
        ).first()
        return EntryDefaults(host_id=secretary.id if secretary else None)
    return EntryDefaults(last.place, last.host_id, last.recorder_id)


def list_meetings(
    session: Session,
    branch_id: uuid.UUID,
    start: dt.date | None = None,
    end: dt.date | None = None,
    kind: MeetingKind | None = None,
) -> list[Meeting]:
    query = select(Meeting).where(Meeting.branch_id == branch_id)
    if start is not None:
        query = query.where(col(Meeting.held_on) >= start)
    if end is not None:
        query = query.where(col(Meeting.held_on) <= end)
    if kind is not None:
        query = query.where(Meeting.kind == kind)
    return list(session.exec(query.order_by(col(Meeting.held_on), col(Meeting.created_at))))
