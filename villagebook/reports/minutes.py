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

from villagebook.domain.meetings.values import (
    VERDICT_LABELS,
    Appraisal,
    MeetingKind,
    Speech,
    Vote,
    motion_passes,
    quorum_met,
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
    """One record as the minutes page prints it (gathered by ``services/meetings/printouts``)."""

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
    speeches: list[Speech]
    resolutions: str
    votes: list[Vote]
    appraisals: list[Appraisal] = field(default_factory=list)
    amendments: list[AmendmentLine] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    status_line: str = ""
    title: str = ""
    expected_voting: int = 0
    present_voting: int = 0


def verdict_text(vote: Vote, expected_voting: int, present_voting: int) -> str:
    """The verdict line printed with a vote: 通过 / 未通过 (and why)."""
    if not quorum_met(expected_voting, present_voting):
        return "到会人数不足应到有表决权党员的半数，表决无效"
    if motion_passes(vote, expected_voting):
        return "通过"
    return "未通过（赞成票未超过应到有表决权党员的半数）"


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
                "无记名投票" if v.secret_ballot else "举手表决",
                str(v.yes),
                str(v.no),
                str(v.abstain),
                str(v.written_yes),
                verdict_text(v, data.expected_voting, data.present_voting),
            ]
        )
    widths = [50, 22, 13, 13, 13, 17, 0]
    widths[-1] = CONTENT_WIDTH / mm - sum(widths[:-1])
    return grid_table(rows, [w * mm for w in widths], st=st)


def _appraisals(data: MinutesData, st: Styles) -> Flowable:
    rows: list[list[str | Flowable]] = [["姓名", "个人自评", "党员互评", "评定等次"]]
    rows += [
        [a.name, a.self_review, a.peer_review, VERDICT_LABELS[a.verdict] if a.verdict else ""]
        for a in data.appraisals
    ]
    widths = [22, 60, 60, 0]
    widths[-1] = CONTENT_WIDTH / mm - sum(widths[:-1])
    return grid_table(rows, [w * mm for w in widths], st=st)


def _amendments(data: MinutesData, st: Styles) -> Flowable:
    rows: list[list[str | Flowable]] = [["日期", "更正人", "项目", "原内容", "更正为", "原因"]]
    rows += [[a.on, a.by, a.what, a.old, a.new, a.reason] for a in data.amendments]
    widths = [20, 18, 16, 40, 40, 0]
    widths[-1] = CONTENT_WIDTH / mm - sum(widths[:-1])
    return grid_table(rows, [w * mm for w in widths], st=st)


def _votes_part(data: MinutesData, st: Styles) -> list[Flowable]:
    rule = (
        f"应到有表决权的党员{data.expected_voting}名，实到{data.present_voting}名；"
        "赞成票超过应到有表决权党员半数为通过。"
    )
    return [para("表决情况", st.heading), para(rule, st.body), _votes(data, st)]


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
    for speech in data.speeches:
        story.append(para(f"{speech.speaker}：{speech.summary}", st.body))
    if data.appraisals:
        story += [para("民主评议情况", st.heading), _appraisals(data, st)]
    story += [para("决议", st.heading), para(data.resolutions or "（无）", st.body)]
    if data.votes:
        story += _votes_part(data, st)
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
