"""Changing 三会一课 records: drafts, finalising, quarterly plans.

Every change gathers its facts first (the roster on the meeting date, the branch's Party
groups), lets the pure validation decide (:mod:`villagebook.domain.meetings.validation`)
and raises an :class:`InputError` listing every problem before anything is written.  A
finalised record is locked: corrections go through :mod:`._amendments`, which keeps the old
value.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session, col, delete, select

from villagebook.domain.common.errors import InputError, LockedRecordError, NotFoundError
from villagebook.domain.common.i18n import _
from villagebook.domain.common.text import as_typed
from villagebook.domain.meetings.periods import (
    PlanItemInput,
)
from villagebook.domain.meetings.requirements import RecordContent, finalise_problems
from villagebook.domain.meetings.validation import (
    CleanMeeting,
    MeetingFacts,
    clean_meeting,
    finalise_problem,
    plan_problems,
)
from villagebook.domain.meetings.values import (
    RECORDER_ROLE,
    SECRETARY_ROLE,
    AttendanceInput,
    MeetingInput,
    MeetingKind,
    MeetingStatus,
    Presence,
    Speech,
    Vote,
)
from villagebook.domain.roster.values import RosterEntry
from villagebook.services.meetings import _finality, queries
from villagebook.services.meetings._amendments import add_attachment, amend, amend_attendance
from villagebook.services.roster import queries as roster_queries
from villagebook.storage.models.meetings import (
    Meeting,
    MeetingAttendance,
    MeetingPlan,
    MeetingPlanItem,
)

__all__ = [
    "MotionMeeting",
    "add_attachment",
    "add_plan_item",
    "amend",
    "amend_attendance",
    "create",
    "delete_draft",
    "finalise",
    "general_meeting_deciding",
    "save_plan",
    "start_planned",
    "update",
]


def facts(
    session: Session,
    branch_id: uuid.UUID,
    day: dt.date,
    as_of: dt.date,
    roster: Sequence[RosterEntry] | None = None,
) -> MeetingFacts:
    """What a record of ``day`` is checked against (``roster``: already loaded by the caller)."""
    groups = frozenset(g.id for g in roster_queries.list_groups(session, branch_id))
    if roster is None:
        roster = roster_queries.roster_on(session, branch_id, day)
    return MeetingFacts(roster=roster, group_ids=groups, as_of=as_of)


def _cleaned(
    session: Session,
    branch_id: uuid.UUID,
    data: MeetingInput,
    as_of: dt.date,
    roster: Sequence[RosterEntry] | None = None,
) -> CleanMeeting:
    cleaned, problems = clean_meeting(data, facts(session, branch_id, data.held_on, as_of, roster))
    if problems:
        raise InputError(problems)
    return cleaned


def _store(session: Session, meeting: Meeting, cleaned: CleanMeeting, *, replace: bool) -> None:
    data = cleaned.data
    meeting.kind = data.kind
    meeting.held_on = data.held_on
    meeting.start_time = data.start_time
    meeting.end_time = data.end_time
    meeting.place = data.place
    meeting.place_type = data.place_type
    meeting.group_id = data.group_id
    meeting.title = data.title
    meeting.host_id = data.host_id
    meeting.recorder_id = data.recorder_id
    meeting.lecturer_id = data.lecturer_id
    meeting.lecturer_name = data.lecturer_name
    meeting.topics = data.topics
    meeting.speeches = data.speeches
    meeting.resolutions = data.resolutions
    meeting.votes = data.votes
    meeting.appraisals = data.appraisals
    meeting.note = data.note
    session.add(meeting)
    if replace:
        session.exec(
            delete(MeetingAttendance).where(col(MeetingAttendance.meeting_id) == meeting.id)
        )
    for position, line in enumerate(cleaned.attendance):
        session.add(
            MeetingAttendance(
                meeting_id=meeting.id,
                person_id=line.person_id,
                name=line.name,
                expected=line.expected,
                voting=line.voting,
                presence=line.presence,
                reason=line.reason,
                position=position,
            )
        )
    session.flush()


def create(
    session: Session,
    branch_id: uuid.UUID,
    data: MeetingInput,
    *,
    as_of: dt.date,
    meeting_id: uuid.UUID | None = None,
    roster: Sequence[RosterEntry] | None = None,
) -> Meeting:
    """Save a new draft record (all or nothing).

    ``roster`` is the roster on the meeting date when the caller already has it
    (``roster_on``), to spare the queries when many records are written at once.
    """
    cleaned = _cleaned(session, branch_id, data, as_of, roster)
    meeting = Meeting(branch_id=branch_id, kind=data.kind, held_on=data.held_on)
    if meeting_id is not None:
        meeting.id = meeting_id
    _store(session, meeting, cleaned, replace=False)
    return meeting


def locked(meeting: Meeting, action: str) -> LockedRecordError:
    """The refusal to change (``edit``), ``delete`` or ``finalise`` a finalised record."""
    values = {"day": meeting.held_on.isoformat(), "kind": meeting.kind.label}
    if action == "delete":
        text = _("{day}的{kind}记录已定稿，不能删除；如需更正请登记更正说明", **values)
    elif action == "finalise":
        text = _("{day}的{kind}记录已定稿，不能再次定稿；如需更正请登记更正说明", **values)
    else:
        text = _("{day}的{kind}记录已定稿，不能直接修改；如需更正请登记更正说明", **values)
    return LockedRecordError(text)


def update(
    session: Session, meeting_id: uuid.UUID, data: MeetingInput, *, as_of: dt.date
) -> Meeting:
    """Replace the contents of a draft record."""
    meeting = queries.get_meeting(session, meeting_id)
    if meeting.status is MeetingStatus.FINALISED:
        raise locked(meeting, "edit")
    cleaned = _cleaned(session, meeting.branch_id, data, as_of)
    _store(session, meeting, cleaned, replace=True)
    return meeting


def delete_draft(session: Session, meeting_id: uuid.UUID) -> None:
    """Delete a draft; a finalised record is an archive and can never be deleted."""
    meeting = queries.get_meeting(session, meeting_id)
    if meeting.status is MeetingStatus.FINALISED:
        raise locked(meeting, "delete")
    session.exec(delete(MeetingAttendance).where(col(MeetingAttendance.meeting_id) == meeting_id))
    for item in session.exec(
        select(MeetingPlanItem).where(MeetingPlanItem.meeting_id == meeting_id)
    ):
        item.meeting_id = None
        session.add(item)
    session.delete(meeting)
    session.flush()


def finalise(session: Session, meeting_id: uuid.UUID, *, on: dt.date, as_of: dt.date) -> Meeting:
    """Lock the record (定稿) on ``on``."""
    meeting = queries.get_meeting(session, meeting_id)
    if meeting.status is MeetingStatus.FINALISED:
        raise locked(meeting, "finalise")
    problem = finalise_problem(meeting.held_on, meeting.host_id, on, as_of)
    problems = [problem] if problem is not None else []
    record = queries.meeting_record(meeting, queries.attendance_of(session, meeting.id))
    problems += [p for p in finalise_problems(RecordContent.of(record)) if p.field != "host_id"]
    if problems:  # no hollow record: what the kind needs must be there (DOMAIN.md §8)
        raise InputError(problems)
    names = _finality.names_shown(session, meeting)
    by = str(session.info.get("actor", ""))
    _finality.finalise(session, meeting, on=on, by=by, names=names)
    return meeting


# --- quarterly plans ------------------------------------------------------------------------


def save_plan(
    session: Session,
    branch_id: uuid.UUID,
    year: int,
    quarter: int,
    items: Sequence[PlanItemInput],
    *,
    filed_on: dt.date,
    note: str = "",
) -> MeetingPlan:
    """File (or re-file) the plan of a quarter; items already started are kept."""
    groups = frozenset(g.id for g in roster_queries.list_groups(session, branch_id))
    problems = plan_problems(year, quarter, items, groups)
    if problems:
        raise InputError(problems)
    plan = queries.plan_for(session, branch_id, year, quarter)
    if plan is None:
        plan = MeetingPlan(branch_id=branch_id, year=year, quarter=quarter, filed_on=filed_on)
    plan.note = as_typed(note)
    session.add(plan)
    session.flush()
    kept = 0
    for old in queries.plan_items(session, plan.id):
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
                topic=as_typed(item.topic)[:200],
                position=kept + index,
            )
        )
    session.flush()
    return plan


def add_plan_item(
    session: Session,
    branch_id: uuid.UUID,
    year: int,
    quarter: int,
    item: PlanItemInput,
    *,
    filed_on: dt.date,
) -> MeetingPlan:
    """Plan one more meeting in a quarter (the plan is filed on ``filed_on`` if new)."""
    plan = queries.plan_for(session, branch_id, year, quarter)
    open_items = [
        PlanItemInput(i.kind, i.planned_on, i.topic, i.group_id)
        for i in (queries.plan_items(session, plan.id) if plan else [])
        if i.meeting_id is None
    ]
    note = plan.note if plan else ""
    return save_plan(
        session, branch_id, year, quarter, [*open_items, item], filed_on=filed_on, note=note
    )


def start_planned(session: Session, item_id: uuid.UUID, *, as_of: dt.date) -> Meeting:
    """One action: the planned meeting becomes a draft record with the usual defaults."""
    item = session.get(MeetingPlanItem, item_id)
    if item is None:
        raise NotFoundError(_("计划项目不存在：{id}", id=item_id))
    if item.meeting_id is not None:
        raise InputError.single("meeting_id", _("计划项目"), _("已经生成了会议记录"))
    plan = session.get(MeetingPlan, item.plan_id)
    assert plan is not None
    defaults = queries.last_defaults(session, plan.branch_id)
    lesson = item.kind is MeetingKind.LESSON
    data = MeetingInput(
        kind=item.kind,
        held_on=item.planned_on,
        place=defaults.place,
        host_id=defaults.host_id,
        recorder_id=defaults.recorder_id,
        group_id=item.group_id,
        topics=[item.topic] if item.topic else [],
        title=item.topic if lesson else "",
        lecturer_id=defaults.host_id if lesson else None,
    )
    meeting = create(session, plan.branch_id, data, as_of=as_of)
    item.meeting_id = meeting.id
    session.add(item)
    session.flush()
    return meeting


# --- a general meeting that decides one motion (the other capabilities' demo data) -----------


@dataclass(frozen=True)
class MotionMeeting:
    """What a general meeting deciding one motion says (the texts come from a demo module)."""

    topic: str
    motion: str
    place: str
    leave_reason: str
    explanation: str  # the secretary's speech
    support: str  # a member's speech
    resolution: str
    passed: bool = True


def general_meeting_deciding(
    session: Session, branch_id: uuid.UUID, day: dt.date, texts: MotionMeeting, *, as_of: dt.date
) -> Meeting:
    """A consistent, finalised 支部党员大会 record that voted on one motion by secret ballot.

    Two members without a committee role are on leave; the secretary hosts and explains, the
    organisation member records, one member present speaks too.  Development (steps 15, 23)
    and 四议两公开 (step 3) link their demo steps to such records.
    """
    roster = roster_queries.roster_on(session, branch_id, day)
    members = [e for e in roster if e.is_member]
    secretary = next((e for e in members if e.committee_role == SECRETARY_ROLE), None)
    recorder = next((e for e in members if e.committee_role == RECORDER_ROLE), None)
    plain = [e for e in members if not e.committee_role]
    away = {e.person_id for e in plain[-2:]} if len(plain) > 4 else set()
    attendance = [
        AttendanceInput(e.person_id, e.name, Presence.LEAVE, texts.leave_reason)
        if e.person_id in away
        else AttendanceInput(e.person_id, e.name)
        for e in members
    ]
    present_voting = sum(1 for e in members if e.can_vote and e.person_id not in away)
    speaker = next((e for e in plain if e.person_id not in away), None)
    speeches = [
        Speech(speaker_id=who.person_id, speaker=who.name, summary=summary)
        for who, summary in ((secretary, texts.explanation), (speaker, texts.support))
        if who is not None
    ]
    yes = present_voting - 1 if texts.passed else present_voting // 3
    abstain = 1 if texts.passed else 0
    vote = Vote(
        motion=texts.motion,
        yes=yes,
        no=present_voting - yes - abstain,
        abstain=abstain,
        secret_ballot=True,
    )
    data = MeetingInput(
        kind=MeetingKind.GENERAL,
        held_on=day,
        start_time=dt.time(9, 0),
        end_time=dt.time(11, 0),
        place=texts.place,
        host_id=secretary.person_id if secretary else None,
        recorder_id=recorder.person_id if recorder else None,
        topics=[texts.topic],
        speeches=speeches,
        resolutions=texts.resolution,
        votes=[vote],
        attendance=attendance,
    )
    meeting = create(session, branch_id, data, as_of=as_of, roster=roster)
    finalise(session, meeting.id, on=min(day + dt.timedelta(days=1), as_of), as_of=as_of)
    return meeting
