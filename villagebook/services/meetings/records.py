"""Meeting records: create and edit drafts, finalise, amend, delete drafts (三会一课).

Every change is validated as a whole first: an :class:`InputError` lists every problem
and nothing is written.  A finalised record is locked; corrections go through
:func:`amend_meeting`, which keeps the old value.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, delete, select

from villagebook.domain.errors import InputError, LockedRecordError, NotFoundError, Problem
from villagebook.domain.idnumber import clean_text
from villagebook.domain.meetings import (
    SECRETARY_ROLE,
    WHOLE_BRANCH_KINDS,
    AppraisalVerdict,
    MeetingKind,
    MeetingStatus,
    Presence,
    VoteCount,
    vote_problems,
)
from villagebook.services.roster import RosterEntry, roster_on
from villagebook.storage.models import PartyGroup, Person
from villagebook.storage.models.meetings import Meeting, MeetingAmendment, MeetingAttendance


@dataclass
class AttendanceInput:
    person_id: uuid.UUID | None
    name: str
    presence: Presence = Presence.PRESENT
    reason: str = ""
    #: False for a non-member attendee (列席).
    expected: bool = True


@dataclass
class SpeechInput:
    speaker: str
    summary: str
    speaker_id: uuid.UUID | None = None


@dataclass
class VoteInput:
    motion: str
    yes: int
    no: int = 0
    abstain: int = 0
    written_yes: int = 0
    secret_ballot: bool = False


@dataclass
class AppraisalInput:
    person_id: uuid.UUID | None
    name: str
    self_review: str = ""
    peer_review: str = ""
    rating: str = ""
    verdict: AppraisalVerdict | None = None


@dataclass
class MeetingInput:
    kind: MeetingKind
    held_on: dt.date
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    place: str = ""
    place_type: str = ""
    group_id: uuid.UUID | None = None
    title: str = ""
    host_id: uuid.UUID | None = None
    recorder_id: uuid.UUID | None = None
    lecturer_id: uuid.UUID | None = None
    lecturer_name: str = ""
    topics: list[str] = field(default_factory=list)
    speeches: list[SpeechInput] = field(default_factory=list)
    resolutions: str = ""
    votes: list[VoteInput] = field(default_factory=list)
    appraisals: list[AppraisalInput] = field(default_factory=list)
    note: str = ""
    #: None: everyone expected on the date, present.
    attendance: list[AttendanceInput] | None = None


#: Placeholder owner of attendance rows validated before their meeting has an id.
_PENDING = uuid.UUID(int=0)


def today() -> dt.date:
    return dt.date.today()


# --- who is expected ---------------------------------------------------------------------


def expected_entries(
    roster: list[RosterEntry], kind: MeetingKind, group_id: uuid.UUID | None
) -> list[RosterEntry]:
    """The members expected at a meeting of ``kind`` (roster as of the meeting date)."""
    members = [e for e in roster if e.is_member]
    if kind in WHOLE_BRANCH_KINDS:
        return members
    if kind is MeetingKind.COMMITTEE:
        return [e for e in members if e.committee_role]
    if kind is MeetingKind.GROUP:
        return [e for e in members if group_id is not None and e.group_id == group_id]
    return []


def expected_attendance(
    session: Session,
    branch_id: uuid.UUID,
    kind: MeetingKind,
    day: dt.date,
    group_id: uuid.UUID | None = None,
) -> list[AttendanceInput]:
    """The default attendance grid: everyone expected on ``day``, marked present."""
    roster = roster_on(session, branch_id, day)
    return [AttendanceInput(e.person_id, e.name) for e in expected_entries(roster, kind, group_id)]


# --- validation ----------------------------------------------------------------------------


def _text(value: str, limit: int, field_name: str, label: str, problems: list[Problem]) -> str:
    text = clean_text(value or "").strip()
    if len(text) > limit:
        problems.append(Problem(field_name, label, f"不能超过{limit}个字"))
    return text


def _check_member(
    person_id: uuid.UUID | None,
    roster: dict[uuid.UUID, RosterEntry],
    day: dt.date,
    field_name: str,
    label: str,
    problems: list[Problem],
    *,
    required: bool,
    member: bool,
) -> None:
    if person_id is None:
        if required:
            problems.append(Problem(field_name, label, "必须填写"))
        return
    entry = roster.get(person_id)
    if entry is None:
        problems.append(Problem(field_name, label, f"该人员在{day.isoformat()}不在本支部花名册中"))
    elif member and not entry.is_member:
        problems.append(
            Problem(
                field_name,
                label,
                f"{entry.name}在{day.isoformat()}不是本支部党员（{entry.status.label}）",
            )
        )


@dataclass
class _Cleaned:
    values: dict[str, Any]
    attendance: list[MeetingAttendance]


def _clean_attendance(
    data: MeetingInput,
    roster: dict[uuid.UUID, RosterEntry],
    expected: list[RosterEntry],
    problems: list[Problem],
) -> list[MeetingAttendance]:
    rows = data.attendance
    if rows is None:
        rows = [AttendanceInput(e.person_id, e.name) for e in expected]
    result: list[MeetingAttendance] = []
    seen: set[uuid.UUID] = set()
    day = data.held_on
    for index, item in enumerate(rows):
        base = f"attendance[{index}]"
        name = clean_text(item.name or "").strip()
        entry = roster.get(item.person_id) if item.person_id else None
        if entry is not None:
            name = entry.name
        label = f"{name or '（无姓名）'}的出席情况"
        if item.person_id is not None:
            if item.person_id in seen:
                problems.append(Problem(f"{base}.person_id", label, "重复登记"))
            seen.add(item.person_id)
        if item.expected:
            if entry is None or not entry.is_member:
                state = entry.status.label if entry else "不在花名册中"
                problems.append(
                    Problem(
                        f"{base}.person_id",
                        label,
                        f"{day.isoformat()}时已不是本支部党员（{state}），不能登记为应到人员",
                    )
                )
            if item.presence is Presence.LEAVE and not item.reason.strip():
                problems.append(Problem(f"{base}.reason", label, "请假须写明事由"))
        elif not name:
            problems.append(Problem(f"{base}.name", "列席人员", "姓名不能为空"))
        result.append(
            MeetingAttendance(
                meeting_id=_PENDING,
                person_id=item.person_id,
                name=name[:60],
                expected=item.expected,
                voting=bool(item.expected and entry is not None and entry.can_vote),
                presence=item.presence if item.expected else Presence.PRESENT,
                reason=clean_text(item.reason or "").strip()[:200],
                position=index,
            )
        )
    return result


def _clean_votes(
    data: MeetingInput, attendance: list[MeetingAttendance], problems: list[Problem]
) -> list[dict[str, Any]]:
    voting = [a for a in attendance if a.expected and a.voting]
    present = sum(1 for a in voting if a.presence is Presence.PRESENT)
    votes = []
    for index, vote in enumerate(data.votes):
        motion = clean_text(vote.motion or "").strip()
        if not motion:
            problems.append(Problem(f"votes[{index}].motion", "表决事项", "不能为空"))
        count = VoteCount(vote.yes, vote.no, vote.abstain, vote.written_yes)
        for message in vote_problems(count, present, len(voting) - present):
            problems.append(Problem(f"votes[{index}].yes", f"表决“{motion}”的票数", message))
        votes.append(
            {
                "motion": motion,
                "yes": vote.yes,
                "no": vote.no,
                "abstain": vote.abstain,
                "written_yes": vote.written_yes,
                "secret_ballot": vote.secret_ballot,
            }
        )
    return votes


def _clean(
    session: Session,
    branch_id: uuid.UUID,
    data: MeetingInput,
    as_of: dt.date,
    roster_list: list[RosterEntry] | None = None,
) -> _Cleaned:
    problems: list[Problem] = []
    day = data.held_on
    if day > as_of:
        problems.append(Problem("held_on", "会议日期", "不能晚于今天"))
    if data.start_time and data.end_time and data.end_time < data.start_time:
        problems.append(Problem("end_time", "结束时间", "不能早于开始时间"))
    if data.kind is MeetingKind.GROUP:
        group = session.get(PartyGroup, data.group_id) if data.group_id else None
        if group is None or group.branch_id != branch_id:
            problems.append(Problem("group_id", "党小组", "党小组会须选择本支部的党小组"))
    if roster_list is None:
        roster_list = roster_on(session, branch_id, day)
    roster = {e.person_id: e for e in roster_list}
    _check_member(
        data.host_id, roster, day, "host_id", "主持人", problems, required=True, member=True
    )
    _check_member(
        data.recorder_id,
        roster,
        day,
        "recorder_id",
        "记录人",
        problems,
        required=False,
        member=False,
    )
    lecturer_name = _text(data.lecturer_name, 60, "lecturer_name", "授课人", problems)
    if data.kind is MeetingKind.LESSON:
        _check_member(
            data.lecturer_id,
            roster,
            day,
            "lecturer_id",
            "授课人",
            problems,
            required=False,
            member=False,
        )
        if data.lecturer_id is None and not lecturer_name:
            problems.append(Problem("lecturer_name", "授课人", "党课须填写授课人"))
        if not data.title.strip():
            problems.append(Problem("title", "党课题目", "党课须填写题目"))
    if data.lecturer_id is not None and data.lecturer_id in roster:
        lecturer_name = roster[data.lecturer_id].name
    expected = expected_entries(roster_list, data.kind, data.group_id)
    attendance = _clean_attendance(data, roster, expected, problems)
    votes = _clean_votes(data, attendance, problems)
    topics = [_text(t, 200, f"topics[{i}]", "议题", problems) for i, t in enumerate(data.topics)]
    speeches = []
    for index, speech in enumerate(data.speeches):
        summary = clean_text(speech.summary or "").strip()
        speaker = clean_text(speech.speaker or "").strip()
        if speech.speaker_id is not None and speech.speaker_id in roster:
            speaker = roster[speech.speaker_id].name
        if not speaker:
            problems.append(Problem(f"speeches[{index}].speaker", "发言人", "不能为空"))
        speeches.append(
            {
                "speaker_id": str(speech.speaker_id) if speech.speaker_id else None,
                "speaker": speaker,
                "summary": summary,
            }
        )
    appraisals = [
        {
            "person_id": str(a.person_id) if a.person_id else None,
            "name": clean_text(a.name).strip(),
            "self_review": a.self_review.strip(),
            "peer_review": a.peer_review.strip(),
            "rating": a.rating.strip(),
            "verdict": a.verdict.value if a.verdict else None,
        }
        for a in data.appraisals
    ]
    values: dict[str, Any] = {
        "kind": data.kind,
        "held_on": day,
        "start_time": data.start_time,
        "end_time": data.end_time,
        "place": _text(data.place, 100, "place", "地点", problems),
        "place_type": _text(data.place_type, 30, "place_type", "地点类型", problems),
        "group_id": data.group_id if data.kind is MeetingKind.GROUP else None,
        "title": _text(data.title, 200, "title", "会议主题", problems),
        "host_id": data.host_id,
        "recorder_id": data.recorder_id,
        "lecturer_id": data.lecturer_id,
        "lecturer_name": lecturer_name,
        "topics": [t for t in topics if t],
        "speeches": speeches,
        "resolutions": clean_text(data.resolutions or "").strip(),
        "votes": votes,
        "appraisals": appraisals,
        "note": clean_text(data.note or "").strip(),
    }
    if problems:
        raise InputError(problems)
    return _Cleaned(values, attendance)


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
    cleaned = _clean(session, branch_id, data, as_of or today(), roster)
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
    cleaned = _clean(session, meeting.branch_id, data, as_of or today())
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
