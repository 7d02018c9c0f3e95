"""Validation of a meeting record, independent of storage (三会一课 data entry).

The service gathers the facts a record is checked against (:class:`MeetingFacts`: the
roster on the meeting date, the branch's Party groups, today) and :func:`clean_meeting`
decides: it returns the normalised record with its attendance lines and every problem
(all of them, not just the first).  Nothing here reads or writes a database.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from villagebook.domain.common.calendar import quarter_period
from villagebook.domain.common.errors import Problem
from villagebook.domain.common.i18n import N_, _, label
from villagebook.domain.common.text import as_typed
from villagebook.domain.meetings.consistency import contradictions
from villagebook.domain.meetings.periods import (
    PlanItemInput,
)
from villagebook.domain.meetings.values import (
    WHOLE_BRANCH_KINDS,
    Appraisal,
    AttendanceInput,
    AttendanceRecord,
    MeetingInput,
    MeetingKind,
    Presence,
    Speech,
    Vote,
)
from villagebook.domain.roster.values import RosterEntry

#: Field names of a record as the user knows them (problems name the field with these).
FIELD_LABELS: dict[str, str] = {
    "held_on": N_("会议日期"),
    "start_time": N_("开始时间"),
    "end_time": N_("结束时间"),
    "group_id": N_("党小组"),
    "host_id": N_("主持人"),
    "recorder_id": N_("记录人"),
    "lecturer_id": N_("授课人"),
    "lecturer_name": N_("授课人"),
    "place": N_("地点"),
    "place_type": N_("地点类型"),
    "title": N_("会议主题"),
    "topics": N_("议题"),
    "speaker": N_("发言人"),
    "motion": N_("表决事项"),
    "guest": N_("列席人员"),
}


def _problem(path: str, key: str, message: str) -> Problem:
    return Problem(path, label(FIELD_LABELS[key]), message)


@dataclass(frozen=True)
class MeetingFacts:
    """What the service looks up before a record is validated."""

    #: Everyone with a status in the branch on the meeting date (``roster_on``).
    roster: Sequence[RosterEntry]
    #: The branch's Party groups.
    group_ids: frozenset[uuid.UUID]
    #: Today: a meeting cannot lie in the future.
    as_of: dt.date

    @cached_property
    def by_id(self) -> dict[uuid.UUID, RosterEntry]:
        return {e.person_id: e for e in self.roster}


@dataclass(frozen=True)
class CleanMeeting:
    """A record ready to store: the normalised input and its attendance lines."""

    data: MeetingInput
    attendance: list[AttendanceRecord] = field(default_factory=list)


# --- who is expected ---------------------------------------------------------------------------


def expected_entries(
    roster: Sequence[RosterEntry], kind: MeetingKind, group_id: uuid.UUID | None
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
    roster: Sequence[RosterEntry], kind: MeetingKind, group_id: uuid.UUID | None = None
) -> list[AttendanceInput]:
    """The default attendance grid: everyone expected, marked present."""
    return [AttendanceInput(e.person_id, e.name) for e in expected_entries(roster, kind, group_id)]


# --- the vote rules ----------------------------------------------------------------------------


def vote_problems(
    vote: Vote, present_voting: int, absent_voting: int, *, above_present: bool = True
) -> list[str]:
    """What is impossible about a tally; empty when it is plausible.

    ``above_present`` False leaves out more ballots than voting members present: an imported
    record holding them is accepted and reported (MTG-CONSISTENCY), not refused.
    """
    problems = []
    if min(vote.yes, vote.no, vote.abstain, vote.written_yes) < 0:
        problems.append(_("票数不能为负数"))
    if above_present and vote.ballots > present_voting:
        problems.append(
            _(
                "赞成、反对、弃权共{ballots}票，多于到会有表决权的党员{present}名",
                ballots=vote.ballots,
                present=present_voting,
            )
        )
    if vote.written_yes > absent_voting:
        problems.append(
            _(
                "书面赞成意见{written}份，多于未到会的有表决权党员{absent}名",
                written=vote.written_yes,
                absent=absent_voting,
            )
        )
    return problems


# --- the record --------------------------------------------------------------------------------


def _text(value: str, limit: int, path: str, key: str, problems: list[Problem]) -> str:
    text = as_typed(value)
    if len(text) > limit:
        problems.append(_problem(path, key, _("不能超过{limit}个字", limit=limit)))
    return text


def _check_person(
    person_id: uuid.UUID | None,
    key: str,
    facts: MeetingFacts,
    day: dt.date,
    problems: list[Problem],
    *,
    required: bool = False,
    member: bool = False,
) -> None:
    if person_id is None:
        if required:
            problems.append(_problem(key, key, _("必须填写")))
        return
    entry = facts.by_id.get(person_id)
    if entry is None:
        message = _("该人员在{day}不在本支部花名册中", day=day.isoformat())
        problems.append(_problem(key, key, message))
    elif member and not entry.is_member:
        message = _(
            "{name}在{day}不是本支部党员（{status}）",
            name=entry.name,
            day=day.isoformat(),
            status=entry.status.label,
        )
        problems.append(_problem(key, key, message))


def _check_when_and_where(data: MeetingInput, facts: MeetingFacts, problems: list[Problem]) -> None:
    if data.held_on > facts.as_of:
        problems.append(_problem("held_on", "held_on", _("不能晚于今天")))
    if data.start_time and data.end_time and data.end_time < data.start_time:
        problems.append(_problem("end_time", "end_time", _("不能早于开始时间")))
    if data.kind is MeetingKind.GROUP and data.group_id not in facts.group_ids:
        problems.append(_problem("group_id", "group_id", _("党小组会须选择本支部的党小组")))


def _clean_people(data: MeetingInput, facts: MeetingFacts, problems: list[Problem]) -> str:
    """Host, recorder and lecturer; returns the lecturer's name."""
    day = data.held_on
    _check_person(data.host_id, "host_id", facts, day, problems, required=True, member=True)
    _check_person(data.recorder_id, "recorder_id", facts, day, problems)
    lecturer_name = _text(data.lecturer_name, 60, "lecturer_name", "lecturer_name", problems)
    if data.kind is MeetingKind.LESSON:
        _check_person(data.lecturer_id, "lecturer_id", facts, day, problems)
        if data.lecturer_id is None and not lecturer_name:
            problems.append(_problem("lecturer_name", "lecturer_name", _("党课须填写授课人")))
        if not data.title.strip():
            problems.append(Problem("title", _("党课题目"), _("党课须填写题目")))
    lecturer = facts.by_id.get(data.lecturer_id) if data.lecturer_id else None
    return lecturer.name if lecturer is not None else lecturer_name


def _attendance_line(
    index: int, item: AttendanceInput, facts: MeetingFacts, day: dt.date, seen: set[uuid.UUID]
) -> tuple[AttendanceRecord, list[Problem]]:
    problems: list[Problem] = []
    base = f"attendance[{index}]"
    entry = facts.by_id.get(item.person_id) if item.person_id else None
    name = entry.name if entry is not None else as_typed(item.name)
    who = _("{name}的出席情况", name=name or _("（无姓名）"))
    if item.person_id is not None:
        if item.person_id in seen:
            problems.append(Problem(f"{base}.person_id", who, _("重复登记")))
        seen.add(item.person_id)
    if item.expected:
        if entry is None or not entry.is_member:
            state = entry.status.label if entry else _("不在花名册中")
            message = _(
                "{day}时已不是本支部党员（{state}），不能登记为应到人员",
                day=day.isoformat(),
                state=state,
            )
            problems.append(Problem(f"{base}.person_id", who, message))
        if item.presence is Presence.LEAVE and not item.reason.strip():
            problems.append(Problem(f"{base}.reason", who, _("请假须写明事由")))
    elif not name:
        problems.append(_problem(f"{base}.name", "guest", _("姓名不能为空")))
    line = AttendanceRecord(
        person_id=item.person_id,
        name=name[:60],
        expected=item.expected,
        voting=bool(item.expected and entry is not None and entry.can_vote),
        presence=item.presence if item.expected else Presence.PRESENT,
        reason=as_typed(item.reason)[:200],
    )
    return line, problems


def _clean_attendance(
    data: MeetingInput, facts: MeetingFacts, problems: list[Problem]
) -> list[AttendanceRecord]:
    rows = data.attendance
    if rows is None:
        rows = expected_attendance(facts.roster, data.kind, data.group_id)
    seen: set[uuid.UUID] = set()
    lines = []
    for index, item in enumerate(rows):
        line, found = _attendance_line(index, item, facts, data.held_on, seen)
        lines.append(line)
        problems += found
    return lines


def _clean_votes(
    votes: list[Vote], attendance: list[AttendanceRecord], problems: list[Problem]
) -> list[Vote]:
    voting = [a for a in attendance if a.expected and a.voting]
    present = sum(1 for a in voting if a.presence is Presence.PRESENT)
    cleaned = []
    for index, vote in enumerate(votes):
        motion = as_typed(vote.motion)
        if not motion:
            problems.append(_problem(f"votes[{index}].motion", "motion", _("不能为空")))
        tally = _("表决“{motion}”的票数", motion=motion)
        for message in vote_problems(vote, present, len(voting) - present):
            problems.append(Problem(f"votes[{index}].yes", tally, message))
        cleaned.append(vote.model_copy(update={"motion": motion}))
    return cleaned


def _clean_speeches(
    speeches: list[Speech], facts: MeetingFacts, problems: list[Problem]
) -> list[Speech]:
    cleaned = []
    for index, speech in enumerate(speeches):
        speaker = as_typed(speech.speaker)
        member = facts.by_id.get(speech.speaker_id) if speech.speaker_id else None
        if member is not None:
            speaker = member.name
        if not speaker:
            problems.append(_problem(f"speeches[{index}].speaker", "speaker", _("不能为空")))
        summary = as_typed(speech.summary)
        cleaned.append(speech.model_copy(update={"speaker": speaker, "summary": summary}))
    return cleaned


def _clean_appraisal(appraisal: Appraisal) -> Appraisal:
    return appraisal.model_copy(
        update={
            "name": as_typed(appraisal.name),
            "self_review": as_typed(appraisal.self_review),
            "peer_review": as_typed(appraisal.peer_review),
            "rating": as_typed(appraisal.rating),
        }
    )


def clean_meeting(data: MeetingInput, facts: MeetingFacts) -> tuple[CleanMeeting, list[Problem]]:
    """Normalise a whole record and list every problem with it."""
    problems: list[Problem] = []
    _check_when_and_where(data, facts, problems)
    lecturer_name = _clean_people(data, facts, problems)
    attendance = _clean_attendance(data, facts, problems)
    votes = _clean_votes(data.votes, attendance, problems)
    topics = [_text(t, 200, f"topics[{i}]", "topics", problems) for i, t in enumerate(data.topics)]
    speeches = _clean_speeches(data.speeches, facts, problems)
    for found in contradictions(
        data.kind, data.host_id, data.recorder_id, speeches, [], attendance
    ):
        problems.append(Problem(found.field, found.label, found.message))
    cleaned = replace(
        data,
        place=_text(data.place, 100, "place", "place", problems),
        place_type=_text(data.place_type, 30, "place_type", "place_type", problems),
        group_id=data.group_id if data.kind is MeetingKind.GROUP else None,
        title=_text(data.title, 200, "title", "title", problems),
        lecturer_name=lecturer_name,
        topics=[t for t in topics if t],
        speeches=speeches,
        resolutions=as_typed(data.resolutions),
        votes=votes,
        appraisals=[_clean_appraisal(a) for a in data.appraisals],
        note=as_typed(data.note),
        attendance=None,
    )
    return CleanMeeting(cleaned, attendance), problems


# --- finalising, plans ---------------------------------------------------------------------


def finalise_problem(
    held_on: dt.date, host_id: uuid.UUID | None, on: dt.date, as_of: dt.date
) -> Problem | None:
    """Why a draft cannot be finalised (定稿) on ``on``, or None."""
    if on < held_on:
        return Problem("finalised_on", _("定稿日期"), _("不能早于会议日期"))
    if on > as_of:
        return Problem("finalised_on", _("定稿日期"), _("不能晚于今天"))
    if host_id is None:
        return _problem("host_id", "host_id", _("定稿前须填写主持人"))
    return None


def plan_problems(
    year: int, quarter: int, items: Sequence[PlanItemInput], group_ids: frozenset[uuid.UUID]
) -> list[Problem]:
    """Every problem with a quarterly plan's items (the quarter itself must be 1–4)."""
    if quarter not in (1, 2, 3, 4):
        return [Problem("quarter", _("季度"), _("应为1至4"))]
    period = quarter_period(year, quarter)
    problems = []
    for index, item in enumerate(items):
        if not period.contains(item.planned_on):
            message = _("不在{period}内", period=period.label)
            problems.append(Problem(f"items[{index}].planned_on", _("计划日期"), message))
        if item.kind is MeetingKind.GROUP and item.group_id not in group_ids:
            problems.append(_problem(f"items[{index}].group_id", "group_id", _("须选择党小组")))
    return problems
