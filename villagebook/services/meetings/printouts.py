"""三会一课 printouts: the minutes of one record and the quarterly bound volume.

``gather`` reads the records and returns the plain dataclasses ``reports/minutes.py`` and
``reports/volume.py`` lay out.  The forms are official Chinese forms: their words are the
Chinese sources of the labels, whatever the interface language.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlmodel import Session

from villagebook.domain.common.calendar import cn_date, quarter_period
from villagebook.domain.common.i18n import N_
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.meetings.amendments import field_name_text
from villagebook.domain.meetings.values import (
    KIND_LABELS,
    MeetingKind,
    MeetingRecord,
    NamesShown,
    Presence,
)
from villagebook.reports import attendance, meeting_plan, minutes, talks, volume
from villagebook.reports.attendance import AttendanceReport
from villagebook.reports.meeting_plan import MeetingPlanReport
from villagebook.reports.minutes import AmendmentLine, MinutesData
from villagebook.reports.parts import FindingLine
from villagebook.reports.talks import TalksReport
from villagebook.reports.volume import VolumeData
from villagebook.services.meetings import _statistics, queries
from villagebook.services.printing import RecordSelection, ReportKind, ReportRequest
from villagebook.services.report_periods import (
    quarter_of_request,
    range_label,
    range_of_request,
)
from villagebook.services.roster import queries as roster_queries
from villagebook.storage.models import PartyGroup, Person


def _name(session: Session, person_id: uuid.UUID | None) -> str:
    if person_id is None:
        return ""
    person = session.get(Person, person_id)
    return person.name if person else ""


def _time(start: dt.time | None, end: dt.time | None) -> str:
    first = start.strftime("%H:%M") if start else ""
    last = end.strftime("%H:%M") if end else ""
    return f"{first}—{last}" if first or last else ""


def _names(session: Session, record: MeetingRecord) -> NamesShown:
    """The names the record shows: kept at finalisation, else today's."""
    if record.finalised and record.names_shown is not None:
        return record.names_shown
    branch = roster_queries.get_branch(session, record.branch_id)
    group = session.get(PartyGroup, record.group_id) if record.group_id else None
    return NamesShown(
        branch=branch.name,
        village=branch.village,
        group=group.name if group else "",
        host=_name(session, record.host_id),
        recorder=_name(session, record.recorder_id),
        lecturer=_name(session, record.lecturer_id),
    )


def _fields(record: MeetingRecord, names: NamesShown) -> list[tuple[str, str]]:
    kind = KIND_LABELS[record.kind]
    place = record.place + (f"（{record.place_type}）" if record.place_type else "")
    fields = [
        ("会议类型", kind),
        ("会议日期", cn_date(record.held_on)),
        ("起止时间", _time(record.start_time, record.end_time)),
        ("地点", place),
        ("主持人", names.host),
        ("记录人", names.recorder),
    ]
    if record.kind is MeetingKind.LESSON:
        lecturer = names.lecturer or record.lecturer_name
        fields += [("授课人", lecturer), ("党课题目", record.title)]
    elif record.title:
        fields += [("会议主题", record.title), ("", "")]
    return fields


def _with_reason(name: str, reason: str) -> str:
    return f"{name}（{reason}）" if reason else name


def _amendments(session: Session, meeting_id: uuid.UUID) -> list[AmendmentLine]:
    return [
        AmendmentLine(
            x.amended_on.isoformat(),
            x.amended_by,
            field_name_text(x.field_name),
            x.old_value,
            x.new_value,
            x.reason,
        )
        for x in queries.amendments_of(session, meeting_id)
    ]


def _attachments(session: Session, meeting_id: uuid.UUID) -> list[str]:
    return [
        f"{a.kind or '附件'}：{a.filename}（SHA-256 {a.sha256[:12]}…）"
        for a in queries.attachments_of(session, meeting_id)
    ]


def gather(session: Session, meeting_id: uuid.UUID) -> MinutesData:
    """The minutes page of one record."""
    record = queries.record(session, meeting_id)
    names = _names(session, record)
    heading = f"{KIND_LABELS[record.kind]}记录"
    if names.group:
        heading = f"{names.group} {heading}"
    expected = record.expected
    voting = [r for r in expected if r.voting]
    if record.finalised and record.finalised_on:
        status_line = f"已定稿：{cn_date(record.finalised_on)}（{record.finalised_by}）"
        if names.unverified:
            status_line += "；导入时无定稿校验值"
    else:
        status_line = "草稿（尚未定稿）"
    return MinutesData(
        meeting_id=record.id,
        branch_name=names.branch,
        village=names.village,
        kind=record.kind,
        heading=heading,
        held_on=record.held_on,
        fields=_fields(record, names),
        expected=len(expected),
        present=record.present_count,
        present_names=[r.name for r in expected if r.presence is Presence.PRESENT],
        leave=[_with_reason(r.name, r.reason) for r in expected if r.presence is Presence.LEAVE],
        absent=[_with_reason(r.name, r.reason) for r in expected if r.presence is Presence.ABSENT],
        guests=[r.name for r in record.attendance if not r.expected],
        topics=list(record.topics),
        speeches=list(record.speeches),
        resolutions=record.resolutions,
        votes=list(record.votes),
        appraisals=list(record.appraisals),
        amendments=_amendments(session, record.id),
        attachments=_attachments(session, record.id),
        status_line=status_line,
        title=record.title,
        expected_voting=len(voting),
        present_voting=sum(1 for r in voting if r.presence is Presence.PRESENT),
        talker=_name(session, record.host_id),
        place=record.place + (f"（{record.place_type}）" if record.place_type else ""),
        time=_time(record.start_time, record.end_time),
        recorder=_name(session, record.recorder_id),
    )


def gather_volume(
    session: Session,
    branch_id: uuid.UUID,
    year: int,
    quarter: int,
    *,
    today: dt.date | None = None,
    rules: RuleSet | None = None,
) -> VolumeData:
    """Every record of a quarter, by date (一季度一合订), with the quarter's compliance."""
    branch = roster_queries.get_branch(session, branch_id)
    period = quarter_period(year, quarter)
    today = today or dt.date.today()
    meetings = queries.list_meetings(session, branch_id, period.start, period.end)
    activities, findings = _statistics.compliance(session, branch, period, today, rules)
    return VolumeData(
        branch.name,
        year,
        quarter,
        [gather(session, m.id) for m in meetings],
        activities=activities,
        findings=[FindingLine.of(f) for f in findings],
        as_of=min(today, period.end),
    )


def _minutes(session: Session, request: ReportRequest) -> MinutesData:
    assert request.subject_id is not None
    return gather(session, request.subject_id)


def _volume(session: Session, request: ReportRequest) -> VolumeData:
    assert request.branch_id is not None
    year, quarter = quarter_of_request(request)
    return gather_volume(
        session, request.branch_id, year, quarter, today=request.day, rules=request.rule_set
    )


def _attendance(session: Session, request: ReportRequest) -> AttendanceReport:
    assert request.branch_id is not None
    start, end = range_of_request(request)
    return _statistics.gather_attendance(
        session,
        request.branch_id,
        start,
        end,
        range_label(start, end),
        today=request.day,
        rules=request.rule_set,
    )


def _plan(session: Session, request: ReportRequest) -> MeetingPlanReport:
    assert request.branch_id is not None
    year, quarter = quarter_of_request(request)
    return _statistics.gather_plan(
        session, request.branch_id, year, quarter, today=request.day, rules=request.rule_set
    )


def _talks(session: Session, request: ReportRequest) -> TalksReport:
    assert request.branch_id is not None
    branch = roster_queries.get_branch(session, request.branch_id)
    if request.subject_id is not None:
        return TalksReport(branch.name, "", [gather(session, request.subject_id)])
    start, end = range_of_request(request)
    ids = _statistics.talk_ids(session, request.branch_id, start, end)
    return TalksReport(branch.name, range_label(start, end), [gather(session, i) for i in ids])


def _minutes_records(
    _session: Session, request: ReportRequest, _data: MinutesData
) -> RecordSelection:
    assert request.subject_id is not None
    return RecordSelection({"meetings": frozenset({request.subject_id})})


def _volume_records(
    _session: Session, _request: ReportRequest, data: VolumeData
) -> RecordSelection:
    return RecordSelection({"meetings": frozenset(m.meeting_id for m in data.records)})


def _attendance_records(
    session: Session, request: ReportRequest, _data: AttendanceReport
) -> RecordSelection:
    """The records of the period the attendance is counted over."""
    assert request.branch_id is not None
    start, end = range_of_request(request)
    held, _plans = queries.ids_between(session, request.branch_id, start, end)
    return RecordSelection({"meetings": held})


def _plan_records(
    session: Session, request: ReportRequest, _data: MeetingPlanReport
) -> RecordSelection:
    """The quarter's plan as filed, and the meetings its items were held as."""
    assert request.branch_id is not None
    year, quarter = quarter_of_request(request)
    row = queries.plan_for(session, request.branch_id, year, quarter)
    if row is None:
        return RecordSelection({"meeting_plans": frozenset(), "meetings": frozenset()})
    held = frozenset(i.meeting_id for i in queries.plan_items(session, row.id) if i.meeting_id)
    return RecordSelection({"meeting_plans": frozenset({row.id}), "meetings": held})


def _talks_records(
    _session: Session, _request: ReportRequest, data: TalksReport
) -> RecordSelection:
    return RecordSelection({"meetings": frozenset(m.meeting_id for m in data.records)})


REPORTS = [
    ReportKind(
        "minutes",
        N_("会议记录"),
        _minutes,
        minutes.render,
        subject="meeting",
        period=lambda data: data.held_on.isoformat(),
        records=_minutes_records,
        file_name=lambda data: f"{data.branch_name}-{data.heading}-{data.held_on.isoformat()}",
    ),
    ReportKind(
        "volume",
        N_("季度合订本"),
        _volume,
        volume.render,
        summary=lambda data: f"{len(data.records)} 份记录",
        span="quarter",
        period=lambda data: data.label,
        records=_volume_records,
        file_name=lambda data: f"{data.branch_name}-三会一课合订本-{data.label}",
    ),
    ReportKind(
        "attendance",
        N_("党员参加组织生活情况统计表"),
        _attendance,
        attendance.render,
        span="period",
        period=lambda data: data.period_label,
        records=_attendance_records,
        file_name=lambda data: f"{data.branch_name}-组织生活参加情况-{data.period_label}",
    ),
    ReportKind(
        "meeting-plan",
        N_("组织生活计划报备表"),
        _plan,
        meeting_plan.render,
        span="quarter",
        period=lambda data: data.label,
        records=_plan_records,
        file_name=lambda data: f"{data.branch_name}-组织生活计划报备表-{data.label}",
    ),
    ReportKind(
        "talks",
        N_("谈心谈话记录表"),
        _talks,
        talks.render,
        span="period",
        summary=lambda data: f"{len(data.records)} 份记录",
        period=lambda data: data.period_label,
        records=_talks_records,
        file_name=lambda data: f"{data.branch_name}-谈心谈话记录表-{data.period_label}",
    ),
]
