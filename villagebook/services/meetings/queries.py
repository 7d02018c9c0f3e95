"""Reading 三会一课 records: records with attendance, lists, the period grid, plans, summaries.

Functions take a session and return storage rows or domain values; :mod:`.api` hands out
only the values.  Other capabilities may use this module (the meetings' public read side):
:func:`meeting_summary` and :func:`general_meetings` are how development and 四议两公开
read a linked general meeting's counts and votes.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from villagebook.domain.common.calendar import quarter_of
from villagebook.domain.common.errors import NotFoundError
from villagebook.domain.common.i18n import _
from villagebook.domain.meetings.periods import (
    MeetingEntry,
    PeriodGrid,
    PlanItem,
    QuarterPlan,
    period_columns,
)
from villagebook.domain.meetings.tally import AttendanceLine, HeldMeeting
from villagebook.domain.meetings.values import (
    SECRETARY_ROLE,
    AmendmentRecord,
    AttachmentRecord,
    AttendanceRecord,
    EntryDefaults,
    MeetingKind,
    MeetingRecord,
    MeetingStatus,
    MeetingSummary,
    Presence,
    display_title,
)
from villagebook.domain.roster.values import RosterEntry
from villagebook.services import attachments
from villagebook.services.roster import queries as roster_queries
from villagebook.storage.models import Attachment, Person
from villagebook.storage.models.meetings import (
    Meeting,
    MeetingAmendment,
    MeetingAttendance,
    MeetingPlan,
    MeetingPlanItem,
)

#: ``Attachment.owner_type`` of a meeting record's files.
OWNER_TYPE = "meeting"


def get_meeting(session: Session, meeting_id: uuid.UUID) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError(_("会议记录不存在：{id}", id=meeting_id))
    return meeting


def list_meetings(
    session: Session,
    branch_id: uuid.UUID,
    start: dt.date | None = None,
    end: dt.date | None = None,
    kind: MeetingKind | None = None,
) -> list[Meeting]:
    """The branch's records between ``start`` and ``end`` (inclusive), by date."""
    query = select(Meeting).where(Meeting.branch_id == branch_id)
    if start is not None:
        query = query.where(col(Meeting.held_on) >= start)
    if end is not None:
        query = query.where(col(Meeting.held_on) <= end)
    if kind is not None:
        query = query.where(Meeting.kind == kind)
    return list(session.exec(query.order_by(col(Meeting.held_on), col(Meeting.created_at))))


def attendance_of(session: Session, meeting_id: uuid.UUID) -> list[MeetingAttendance]:
    """Expected members first, then 列席, each in the order of the grid."""
    query = (
        select(MeetingAttendance)
        .where(MeetingAttendance.meeting_id == meeting_id)
        .order_by(col(MeetingAttendance.expected).desc(), col(MeetingAttendance.position))
    )
    return list(session.exec(query))


def _attendance(
    session: Session, ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[MeetingAttendance]]:
    """The attendance of many records in one query, each in the order of the grid."""
    found: dict[uuid.UUID, list[MeetingAttendance]] = {i: [] for i in ids}
    if ids:
        rows = session.exec(
            select(MeetingAttendance)
            .where(col(MeetingAttendance.meeting_id).in_(list(ids)))
            .order_by(col(MeetingAttendance.expected).desc(), col(MeetingAttendance.position))
        )
        for row in rows:
            found[row.meeting_id].append(row)
    return found


def amendments_of(session: Session, meeting_id: uuid.UUID) -> list[MeetingAmendment]:
    query = (
        select(MeetingAmendment)
        .where(MeetingAmendment.meeting_id == meeting_id)
        .order_by(col(MeetingAmendment.amended_on), col(MeetingAmendment.created_at))
    )
    return list(session.exec(query))


def attachments_of(session: Session, meeting_id: uuid.UUID) -> list[Attachment]:
    return attachments.attachments_of(session, OWNER_TYPE, meeting_id)


# --- rows as the values the Book hands out ----------------------------------------------------


def attendance_record(row: MeetingAttendance) -> AttendanceRecord:
    return AttendanceRecord(
        person_id=row.person_id,
        name=row.name,
        expected=row.expected,
        voting=row.voting,
        presence=row.presence,
        reason=row.reason,
    )


def meeting_record(meeting: Meeting, attendance: Sequence[MeetingAttendance] = ()) -> MeetingRecord:
    return MeetingRecord(
        id=meeting.id,
        branch_id=meeting.branch_id,
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
        speeches=list(meeting.speeches),
        resolutions=meeting.resolutions,
        votes=list(meeting.votes),
        appraisals=list(meeting.appraisals),
        note=meeting.note,
        status=meeting.status,
        finalised_on=meeting.finalised_on,
        finalised_by=meeting.finalised_by,
        attendance=[attendance_record(a) for a in attendance],
        names_shown=meeting.names_shown,
        content_hash=meeting.content_hash,
    )


def record(session: Session, meeting_id: uuid.UUID) -> MeetingRecord:
    """One record with its attendance."""
    meeting = get_meeting(session, meeting_id)
    return meeting_record(meeting, attendance_of(session, meeting.id))


def records(
    session: Session,
    branch_id: uuid.UUID,
    start: dt.date | None = None,
    end: dt.date | None = None,
    kind: MeetingKind | None = None,
) -> list[MeetingRecord]:
    """The branch's records in a period, each with its attendance (two queries)."""
    meetings = list_meetings(session, branch_id, start, end, kind)
    attendance = _attendance(session, [m.id for m in meetings])
    return [meeting_record(m, attendance[m.id]) for m in meetings]


def amendment_record(row: MeetingAmendment) -> AmendmentRecord:
    return AmendmentRecord(
        id=row.id,
        meeting_id=row.meeting_id,
        field_name=row.field_name,
        old_value=row.old_value,
        new_value=row.new_value,
        reason=row.reason,
        amended_on=row.amended_on,
        amended_by=row.amended_by,
    )


def attachment_record(data_dir: Path, row: Attachment) -> AttachmentRecord:
    return AttachmentRecord(
        id=row.id,
        kind=row.kind,
        filename=row.filename,
        media_type=row.media_type,
        size=row.size,
        sha256=row.sha256,
        path=attachments.kept_file(data_dir, row),
    )


def _entry(meeting: Meeting) -> MeetingEntry:
    title = display_title(meeting.kind, meeting.title, meeting.topics)
    return MeetingEntry(
        meeting.id, meeting.kind, meeting.held_on, meeting.group_id, meeting.status, title
    )


# --- lists and the period grid ---------------------------------------------------------------


def entries(
    session: Session, branch_id: uuid.UUID, start: dt.date, end: dt.date
) -> list[MeetingEntry]:
    """Every record between start and end, as lists show them (one query)."""
    return [_entry(m) for m in list_meetings(session, branch_id, start, end)]


def first_meeting_date(session: Session, branch_id: uuid.UUID) -> dt.date | None:
    value = session.exec(
        select(sa.func.min(Meeting.held_on)).where(Meeting.branch_id == branch_id)
    ).one()
    return value if isinstance(value, dt.date) else None


def period_grid(session: Session, branch_id: uuid.UUID, year: int) -> PeriodGrid:
    """Months × kinds of ``year``: the columns, the records held, the first record's date."""
    branch = roster_queries.get_branch(session, branch_id)
    groups = [(g.id, g.name) for g in roster_queries.list_groups(session, branch_id)]
    return PeriodGrid(
        year=year,
        columns=period_columns(branch.has_committee, groups),
        entries=entries(session, branch_id, dt.date(year, 1, 1), dt.date(year, 12, 31)),
        first=first_meeting_date(session, branch_id),
    )


def places(session: Session, branch_id: uuid.UUID, limit: int = 10) -> list[str]:
    """Places used before, most recent first (offered by the editor)."""
    rows = session.exec(
        select(col(Meeting.place), sa.func.max(Meeting.held_on))
        .where(Meeting.branch_id == branch_id, col(Meeting.place) != "")
        .group_by(col(Meeting.place))
        .order_by(sa.func.max(Meeting.held_on).desc())
        .limit(limit)
    ).all()
    return [str(r[0]) for r in rows]


def last_defaults(session: Session, branch_id: uuid.UUID) -> EntryDefaults:
    """The last record's place, host and recorder (else the secretary as host)."""
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


def members_on(session: Session, branch_id: uuid.UUID, day: dt.date) -> list[RosterEntry]:
    """Members on ``day`` (host, recorder, lecturer and speaker choices)."""
    return roster_queries.members_on(session, branch_id, day)


# --- quarterly plans --------------------------------------------------------------------------


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


def quarter_plan(session: Session, plan: MeetingPlan) -> QuarterPlan:
    items = [
        PlanItem(i.id, i.kind, i.planned_on, i.topic, i.group_id, i.meeting_id)
        for i in plan_items(session, plan.id)
    ]
    return QuarterPlan(plan.id, plan.year, plan.quarter, plan.filed_on, plan.note, items)


# --- what other capabilities read ------------------------------------------------------------


def _summary(meeting: Meeting, attendance: Sequence[MeetingAttendance]) -> MeetingSummary:
    expected = [a for a in attendance if a.expected]
    voting = [a for a in expected if a.voting]
    return MeetingSummary(
        id=meeting.id,
        branch_id=meeting.branch_id,
        kind=meeting.kind,
        held_on=meeting.held_on,
        title=display_title(meeting.kind, meeting.title, meeting.topics),
        finalised=meeting.status is MeetingStatus.FINALISED,
        expected_voting=len(voting),
        present_voting=sum(1 for a in voting if a.presence is Presence.PRESENT),
        expected_members=len(expected),
        present_members=sum(1 for a in expected if a.presence is Presence.PRESENT),
        votes=tuple(meeting.votes),
    )


def meeting_summary(session: Session, meeting_id: uuid.UUID) -> MeetingSummary | None:
    """The counts and votes of one record, or None if there is no such record."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        return None
    return _summary(meeting, _attendance(session, [meeting.id])[meeting.id])


def general_meetings(
    session: Session,
    branch_id: uuid.UUID,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> list[MeetingSummary]:
    """Branch general meetings (支部党员大会) between start and end (inclusive), by date."""
    meetings = list_meetings(session, branch_id, start, end, MeetingKind.GENERAL)
    attendance = _attendance(session, [m.id for m in meetings])
    return [_summary(m, attendance[m.id]) for m in meetings]


# --- attendance across records (statistics, MTG-ABSENT-6M, the ledgers) ---------------------


def _dashed(cache: dict[str, str], value: str | None) -> str | None:
    """A stored UUID (32 hex digits) as ``str(uuid)`` writes it (cached: few distinct)."""
    if value is None:
        return None
    found = cache.get(value)
    if found is None:
        found = cache[value] = str(uuid.UUID(hex=value))
    return found


_KINDS = {k.value: k for k in MeetingKind}
_PRESENCES = {p.value: p for p in Presence}


def attendance_lines(
    session: Session,
    branch_id: uuid.UUID,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> list[AttendanceLine]:
    """Every attendance line of the branch's records between start and end (one query).

    Ten years of a branch are some 11,000 lines: they are read as plain columns (the ids as
    text, the enums by a table look-up), not through the typed column conversions."""
    text = sa.String
    query = (
        sa.select(
            sa.type_coerce(Meeting.id, text),
            sa.type_coerce(Meeting.kind, text),
            col(Meeting.held_on),
            sa.type_coerce(MeetingAttendance.person_id, text),
            col(MeetingAttendance.name),
            col(MeetingAttendance.expected),
            sa.type_coerce(MeetingAttendance.presence, text),
            col(MeetingAttendance.reason),
            sa.type_coerce(Meeting.group_id, text),
        )
        .join(Meeting, col(Meeting.id) == col(MeetingAttendance.meeting_id))
        .where(col(Meeting.branch_id) == branch_id)
    )
    if start is not None:
        query = query.where(col(Meeting.held_on) >= start)
    if end is not None:
        query = query.where(col(Meeting.held_on) <= end)
    query = query.order_by(col(Meeting.held_on), col(MeetingAttendance.position))
    ids: dict[str, str] = {}
    rows: list[Any] = [tuple(row) for row in session.connection().execute(query)]
    return [
        AttendanceLine(
            _dashed(ids, meeting) or "",
            _KINDS[kind],
            held_on,
            _dashed(ids, person),
            name,
            bool(expected),
            _PRESENCES[presence],
            reason or "",
            _dashed(ids, group),
        )
        for meeting, kind, held_on, person, name, expected, presence, reason, group in rows
    ]


def _hex(value: Any) -> str:
    """A person id as 32 hex digits, as SQLite stores it (PostgreSQL gives a UUID or a
    dashed string for the same column)."""
    return value.hex if isinstance(value, uuid.UUID) else str(value).replace("-", "")


def _lines_with_people(branch_id: uuid.UUID) -> Any:
    return (
        sa.select(
            col(Meeting.held_on),
            sa.type_coerce(MeetingAttendance.person_id, sa.String),
            col(MeetingAttendance.expected),
            sa.type_coerce(MeetingAttendance.presence, sa.String),
            col(MeetingAttendance.reason),
        )
        .join(Meeting, col(Meeting.id) == col(MeetingAttendance.meeting_id))
        .where(col(Meeting.branch_id) == branch_id, col(MeetingAttendance.person_id).is_not(None))
    )


def participation(
    session: Session,
    branch_id: uuid.UUID,
    end: dt.date,
    start: dt.date | None = None,
    *,
    only_absent: bool = False,
) -> Sequence[Any]:
    """(date, person as 32 hex digits, expected, presence value, reason) of the lines with a
    person between ``start`` and ``end``; ``only_absent``: the lines not marked present.
    The raw rows MTG-ABSENT-6M reads."""
    query = _lines_with_people(branch_id).where(col(Meeting.held_on) <= end)
    if start is not None:
        query = query.where(col(Meeting.held_on) >= start)
    if only_absent:
        query = query.where(col(MeetingAttendance.presence) != Presence.PRESENT)
    return [
        (day, _hex(person), expected, presence, reason)
        for day, person, expected, presence, reason in session.connection().execute(query)
    ]


def last_present(session: Session, branch_id: uuid.UUID, before: dt.date) -> dict[str, dt.date]:
    """Each person's (32 hex digits) last day present at an activity before ``before``."""
    query = (
        sa.select(
            sa.type_coerce(MeetingAttendance.person_id, sa.String),
            sa.func.max(Meeting.held_on),
        )
        .join(Meeting, col(Meeting.id) == col(MeetingAttendance.meeting_id))
        .where(
            col(Meeting.branch_id) == branch_id,
            col(Meeting.held_on) < before,
            col(MeetingAttendance.presence) == Presence.PRESENT,
            col(MeetingAttendance.person_id).is_not(None),
        )
        .group_by(col(MeetingAttendance.person_id))
    )
    return {_hex(person): day for person, day in session.execute(query)}


def talk_partners(
    session: Session, branch_id: uuid.UUID, end: dt.date | None = None
) -> list[tuple[dt.date, uuid.UUID]]:
    """(date, person) of everyone who spoke in a 谈心谈话 record (they took part)."""
    query = select(Meeting).where(Meeting.branch_id == branch_id, Meeting.kind == MeetingKind.TALKS)
    if end is not None:
        query = query.where(col(Meeting.held_on) <= end)
    return [
        (m.held_on, s.speaker_id)
        for m in session.exec(query)
        for s in m.speeches
        if s.speaker_id is not None
    ]


def held_meetings(
    session: Session, branch_id: uuid.UUID, start: dt.date, end: dt.date
) -> list[HeldMeeting]:
    """The records of a period as the tally of required against held reads them."""
    rows = session.exec(
        select(
            col(Meeting.kind),
            col(Meeting.held_on),
            col(Meeting.group_id),
            col(Meeting.finalised_on),
        ).where(
            Meeting.branch_id == branch_id,
            col(Meeting.held_on) >= start,
            col(Meeting.held_on) <= end,
        )
    ).all()
    return [
        HeldMeeting(MeetingKind(kind), held_on, str(group) if group else None, finalised_on)
        for kind, held_on, group, finalised_on in rows
    ]


def ids_between(
    session: Session, branch_id: uuid.UUID, start: dt.date, end: dt.date
) -> tuple[frozenset[uuid.UUID], frozenset[uuid.UUID]]:
    """The ids of the records held and of the quarterly plans for the quarters between
    ``start`` and ``end`` (inclusive): what a report of that period embeds (two queries)."""
    meetings = session.exec(
        select(col(Meeting.id)).where(
            Meeting.branch_id == branch_id,
            col(Meeting.held_on) >= start,
            col(Meeting.held_on) <= end,
        )
    ).all()
    first, last = (start.year, quarter_of(start)), (end.year, quarter_of(end))
    plans = session.exec(
        select(col(MeetingPlan.id), col(MeetingPlan.year), col(MeetingPlan.quarter)).where(
            MeetingPlan.branch_id == branch_id,
            col(MeetingPlan.year) >= start.year,
            col(MeetingPlan.year) <= end.year,
        )
    ).all()
    return frozenset(meetings), frozenset(
        plan for plan, year, quarter in plans if first <= (year, quarter) <= last
    )


def meeting_dates(session: Session, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, dt.date]:
    """The dates of the given records (one query; a missing record is left out)."""
    if not ids:
        return {}
    rows = session.execute(
        sa.select(col(Meeting.id), col(Meeting.held_on)).where(col(Meeting.id).in_(list(ids)))
    )
    return {meeting_id: held_on for meeting_id, held_on in rows}


def general_meeting_days(session: Session, branch_id: uuid.UUID) -> frozenset[dt.date]:
    """The days on which the branch has a general-meeting record (one query)."""
    query = select(col(Meeting.held_on)).where(
        Meeting.branch_id == branch_id, Meeting.kind == MeetingKind.GENERAL
    )
    return frozenset(session.exec(query).all())
