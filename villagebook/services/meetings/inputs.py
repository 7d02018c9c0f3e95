"""Meeting record input and its validation (三会一课 data entry).

:func:`clean` checks a whole :class:`MeetingInput` against the roster on the meeting date
and returns the column values and attendance rows, or raises :class:`InputError` with
every problem; nothing is written here.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session

from villagebook.domain.common.errors import InputError, Problem
from villagebook.domain.common.text import clean_text
from villagebook.domain.meetings.values import (
    WHOLE_BRANCH_KINDS,
    AppraisalVerdict,
    MeetingKind,
    Presence,
    VoteCount,
    vote_problems,
)
from villagebook.services.roster.queries import RosterEntry, roster_on
from villagebook.storage.models import PartyGroup
from villagebook.storage.models.meetings import MeetingAttendance


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


def clean(
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
