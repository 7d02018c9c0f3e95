"""The minutes page (三会一课记录) in the layout of a paper record book.

Header with branch and kind, all fields, attendance counts (应到/实到/请假/缺席 with names
and reasons), 列席, topics, speeches (long ones wrap across pages), resolutions, votes
with their verdict, signature lines, amendments, attachments, page numbers.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field, replace

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether
from sqlmodel import Session

from villagebook.domain.common.calendar import cn_date
from villagebook.domain.meetings.values import (
    AppraisalVerdict,
    MeetingKind,
    MeetingStatus,
    Presence,
    VoteCount,
    verdict_text,
)
from villagebook.reports.base import (
    CONTENT_WIDTH,
    Styles,
    Target,
    build_pdf,
    field_table,
    gap,
    grid_table,
    para,
    printed_on,
    signature_lines,
    styles,
)
from villagebook.services.meetings.amendments import field_label, meeting_attachments
from villagebook.services.meetings.records import amendments_of, attendance_of, get_meeting
from villagebook.services.roster import queries as roster_queries
from villagebook.storage.models import PartyGroup, Person


@dataclass(frozen=True)
class VoteLine:
    motion: str
    method: str
    yes: int
    no: int
    abstain: int
    written_yes: int
    verdict: str


@dataclass(frozen=True)
class AmendmentLine:
    on: str
    by: str
    what: str
    old: str
    new: str
    reason: str


@dataclass
class MinutesData:
    meeting_id: uuid.UUID
    branch_name: str
    village: str
    kind: MeetingKind
    heading: str  # e.g. "支部党员大会记录" or "第一党小组 党小组会记录"
    held_on: dt.date
    fields: list[tuple[str, str]]
    expected: int
    present: int
    present_names: list[str]
    leave: list[str]  # "name（reason）"
    absent: list[str]
    guests: list[str]
    topics: list[str]
    speeches: list[tuple[str, str]]
    resolutions: str
    votes: list[VoteLine]
    appraisals: list[tuple[str, str, str, str]] = field(default_factory=list)
    amendments: list[AmendmentLine] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    status_line: str = ""
    title: str = ""
    expected_voting: int = 0
    present_voting: int = 0


def _name(session: Session, person_id: uuid.UUID | None) -> str:
    if person_id is None:
        return ""
    person = session.get(Person, person_id)
    return person.name if person else ""


def _time(meeting_start: dt.time | None, meeting_end: dt.time | None) -> str:
    start = meeting_start.strftime("%H:%M") if meeting_start else ""
    end = meeting_end.strftime("%H:%M") if meeting_end else ""
    return f"{start}—{end}" if start or end else ""


def gather(session: Session, meeting_id: uuid.UUID) -> MinutesData:
    meeting = get_meeting(session, meeting_id)
    branch = roster_queries.get_branch(session, meeting.branch_id)
    group = session.get(PartyGroup, meeting.group_id) if meeting.group_id else None
    heading = f"{meeting.kind.label}记录"
    if group is not None:
        heading = f"{group.name} {heading}"
    fields = [
        ("会议类型", meeting.kind.label),
        ("会议日期", cn_date(meeting.held_on)),
        ("起止时间", _time(meeting.start_time, meeting.end_time)),
        ("地点", meeting.place + (f"（{meeting.place_type}）" if meeting.place_type else "")),
        ("主持人", _name(session, meeting.host_id)),
        ("记录人", _name(session, meeting.recorder_id)),
    ]
    if meeting.kind is MeetingKind.LESSON:
        lecturer = _name(session, meeting.lecturer_id) or meeting.lecturer_name
        fields += [("授课人", lecturer), ("党课题目", meeting.title)]
    elif meeting.title:
        fields += [("会议主题", meeting.title), ("", "")]
    rows = attendance_of(session, meeting.id)
    expected = [r for r in rows if r.expected]
    voting = [r for r in expected if r.voting]
    present_voting = sum(1 for r in voting if r.presence is Presence.PRESENT)
    votes = [
        VoteLine(
            motion=str(v["motion"]),
            method="无记名投票" if v["secret_ballot"] else "举手表决",
            yes=int(v["yes"]),
            no=int(v["no"]),
            abstain=int(v["abstain"]),
            written_yes=int(v.get("written_yes", 0)),
            verdict=verdict_text(
                VoteCount(v["yes"], v["no"], v["abstain"], v.get("written_yes", 0)),
                len(voting),
                present_voting,
            ),
        )
        for v in meeting.votes
    ]
    if meeting.status is MeetingStatus.FINALISED and meeting.finalised_on:
        status_line = f"已定稿：{cn_date(meeting.finalised_on)}（{meeting.finalised_by}）"
    else:
        status_line = "草稿（尚未定稿）"
    return MinutesData(
        meeting_id=meeting.id,
        branch_name=branch.name,
        village=branch.village,
        kind=meeting.kind,
        heading=heading,
        held_on=meeting.held_on,
        fields=fields,
        expected=len(expected),
        present=sum(1 for r in expected if r.presence is Presence.PRESENT),
        present_names=[r.name for r in expected if r.presence is Presence.PRESENT],
        leave=[
            f"{r.name}（{r.reason}）" if r.reason else r.name
            for r in expected
            if r.presence is Presence.LEAVE
        ],
        absent=[
            f"{r.name}（{r.reason}）" if r.reason else r.name
            for r in expected
            if r.presence is Presence.ABSENT
        ],
        guests=[r.name for r in rows if not r.expected],
        topics=list(meeting.topics),
        speeches=[(str(s["speaker"]), str(s["summary"])) for s in meeting.speeches],
        resolutions=meeting.resolutions,
        votes=votes,
        appraisals=[
            (
                str(a["name"]),
                str(a.get("self_review", "")),
                str(a.get("peer_review", "")),
                AppraisalVerdict(a["verdict"]).label if a.get("verdict") else "",
            )
            for a in meeting.appraisals
        ],
        amendments=[
            AmendmentLine(
                x.amended_on.isoformat(),
                x.amended_by,
                field_label(x.field_name),
                x.old_value,
                x.new_value,
                x.reason,
            )
            for x in amendments_of(session, meeting.id)
        ],
        attachments=[
            f"{a.kind or '附件'}：{a.filename}（SHA-256 {a.sha256[:12]}…）"
            for a in meeting_attachments(session, meeting.id)
        ],
        status_line=status_line,
        title=meeting.title,
        expected_voting=len(voting),
        present_voting=present_voting,
    )


def _names(items: list[str]) -> str:
    return "、".join(items) if items else "无"


def _attendance(data: MinutesData, st: Styles) -> Flowable:
    leave, absent = len(data.leave), len(data.absent)
    rows: list[list[str | Flowable]] = [
        ["应到", f"{data.expected}人", "实到", f"{data.present}人"],
        ["请假", f"{leave}人", "缺席", f"{absent}人"],
    ]
    table = grid_table(rows, [24 * mm, CONTENT_WIDTH / 2 - 24 * mm] * 2, header_rows=0, st=st)
    names = field_table(
        [
            ("出席人员", _names(data.present_names)),
            ("请假人员", _names(data.leave)),
            ("缺席人员", _names(data.absent)),
            ("列席人员", _names(data.guests)),
        ],
        st,
    )
    return KeepTogether([table, names])


def _votes(data: MinutesData, st: Styles) -> Flowable:
    header: list[str | Flowable] = ["表决事项", "方式", "赞成", "反对", "弃权", "书面同意", "结果"]
    rows: list[list[str | Flowable]] = [header]
    for v in data.votes:
        rows.append(
            [
                v.motion,
                v.method,
                str(v.yes),
                str(v.no),
                str(v.abstain),
                str(v.written_yes),
                v.verdict,
            ]
        )
    widths = [50, 22, 13, 13, 13, 17, 0]
    widths[-1] = CONTENT_WIDTH / mm - sum(widths[:-1])
    return grid_table(rows, [w * mm for w in widths], st=st)


def _appraisals(data: MinutesData, st: Styles) -> Flowable:
    rows: list[list[str | Flowable]] = [["姓名", "个人自评", "党员互评", "评定等次"]]
    rows += [list(a) for a in data.appraisals]
    widths = [22, 60, 60, 0]
    widths[-1] = CONTENT_WIDTH / mm - sum(widths[:-1])
    return grid_table(rows, [w * mm for w in widths], st=st)


def _amendments(data: MinutesData, st: Styles) -> Flowable:
    rows: list[list[str | Flowable]] = [["日期", "更正人", "项目", "原内容", "更正为", "原因"]]
    rows += [[a.on, a.by, a.what, a.old, a.new, a.reason] for a in data.amendments]
    widths = [20, 18, 16, 40, 40, 0]
    widths[-1] = CONTENT_WIDTH / mm - sum(widths[:-1])
    return grid_table(rows, [w * mm for w in widths], st=st)


def minutes_story(data: MinutesData, st: Styles) -> list[Flowable]:
    """The flowables of one record (used alone and in the quarterly volume)."""
    heading = ParagraphStyle("minutes_heading", parent=st.heading, keepWithNext=1)
    st = replace(st, heading=heading)
    story: list[Flowable] = [
        para(data.branch_name, st.subtitle),
        para(data.heading, st.title),
        field_table(data.fields, st),
        gap(),
        para("出席情况", st.heading),
        _attendance(data, st),
        para("议题", st.heading),
    ]
    topics = data.topics or ["（未填写）"]
    story += [para(f"{i}. {t}", st.body) for i, t in enumerate(topics, 1)]
    story.append(para("发言摘要", st.heading))
    if not data.speeches:
        story.append(para("（无）", st.body))
    for speaker, summary in data.speeches:
        story.append(para(f"{speaker}：{summary}", st.body))
    if data.appraisals:
        story += [para("民主评议情况", st.heading), _appraisals(data, st)]
    story += [para("决议", st.heading), para(data.resolutions or "（无）", st.body)]
    if data.votes:
        story += [
            para("表决情况", st.heading),
            para(
                f"应到有表决权的党员{data.expected_voting}名，实到{data.present_voting}名；"
                "赞成票超过应到有表决权党员半数为通过。",
                st.body,
            ),
            _votes(data, st),
        ]
    story += [para("附件", st.heading)]
    story += [para(a, st.small) for a in data.attachments] or [para("（无）", st.body)]
    story += [para("更正记录", st.heading)]
    story.append(_amendments(data, st) if data.amendments else para("（无）", st.body))
    story += [
        gap(2),
        para(data.status_line, st.small),
        signature_lines(["主持人", "记录人"], st),
    ]
    return story


def render(data: MinutesData, out: Target) -> int:
    st = styles()

    def story() -> list[Flowable]:
        return [*minutes_story(data, st), gap(), para(printed_on(), st.small)]

    return build_pdf(
        out,
        story,
        title=f"{data.branch_name}{data.heading}（{data.held_on.isoformat()}）",
        footer=f"{data.branch_name} · {data.heading} · {data.held_on.isoformat()}",
    )
