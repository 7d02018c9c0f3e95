"""The minutes page (三会一课记录) in the layout of a paper record book.

Header with branch and kind, all fields, attendance counts (应到/实到/请假/缺席 with names
and reasons), 列席, topics, speeches (long ones wrap across pages), resolutions, votes
with their verdict, amendments, attachments, page numbers, and the host's and recorder's
signature lines kept with the end of the record.  Pages after a record's first carry its
heading and date with （续）.  A 谈心谈话 record prints on the talk record form
(谈心谈话记录表: who talked with whom, when, where, what was said, both signatures)
instead of the meeting form.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

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
    RecordEnd,
    RecordStart,
    Styles,
    Target,
    build_pdf,
    field_table,
    gap,
    grid_table,
    names,
    para,
    printed_on,
    sign_off,
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
    #: 谈心谈话: who held the talks (the host) and the place.
    talker: str = ""
    place: str = ""
    time: str = ""
    recorder: str = ""

    @property
    def record_heading(self) -> str:
        """What identifies the record on each of its pages: heading and date."""
        return f"{self.heading}　{self.held_on.isoformat()}"


def verdict_text(vote: Vote, expected_voting: int, present_voting: int) -> str:
    """The verdict line printed with a vote: 通过 / 未通过 (and why)."""
    if not quorum_met(expected_voting, present_voting):
        return "到会人数不足应到有表决权党员的半数，表决无效"
    if motion_passes(vote, expected_voting):
        return "通过"
    return "未通过（赞成票未超过应到有表决权党员的半数）"


def _attendance(data: MinutesData, st: Styles) -> Flowable:
    leave, absent = len(data.leave), len(data.absent)
    rows: list[list[str | Flowable]] = [
        ["应到", f"{data.expected}人", "实到", f"{data.present}人"],
        ["请假", f"{leave}人", "缺席", f"{absent}人"],
    ]
    widths = [24 * mm, CONTENT_WIDTH / 2 - 24 * mm] * 2
    table = grid_table(rows, widths, header_rows=0, st=st, whole_columns=(0, 1, 2, 3))
    people = field_table(
        [
            ("出席人员", names(data.present_names)),
            ("请假人员", names(data.leave)),
            ("缺席人员", names(data.absent)),
            ("列席人员", names(data.guests)),
        ],
        st,
    )
    return KeepTogether([table, people])


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
    return grid_table(rows, [w * mm for w in widths], st=st, whole_columns=(1, 2, 3, 4, 5))


def _appraisals(data: MinutesData, st: Styles) -> Flowable:
    rows: list[list[str | Flowable]] = [["姓名", "个人自评", "党员互评", "评定等次"]]
    rows += [
        [a.name, a.self_review, a.peer_review, VERDICT_LABELS[a.verdict] if a.verdict else ""]
        for a in data.appraisals
    ]
    widths = [22, 60, 60, 0]
    widths[-1] = CONTENT_WIDTH / mm - sum(widths[:-1])
    return grid_table(rows, [w * mm for w in widths], st=st, whole_columns=(0, 3))


def _amendments(data: MinutesData, st: Styles) -> Flowable:
    rows: list[list[str | Flowable]] = [["日期", "更正人", "项目", "原内容", "更正为", "原因"]]
    rows += [[a.on, a.by, a.what, a.old, a.new, a.reason] for a in data.amendments]
    widths = [20, 18, 16, 40, 40, 0]
    widths[-1] = CONTENT_WIDTH / mm - sum(widths[:-1])
    return grid_table(rows, [w * mm for w in widths], st=st, whole_columns=(0, 1))


def _votes_part(data: MinutesData, st: Styles) -> list[Flowable]:
    rule = (
        f"应到有表决权的党员{data.expected_voting}名，实到{data.present_voting}名；"
        "赞成票超过应到有表决权党员半数为通过。"
    )
    return [para("表决情况", st.heading), para(rule, st.body), _votes(data, st)]


def _ending(data: MinutesData, st: Styles) -> list[Flowable]:
    """Attachments, amendments, status and the signatures: the last part stays together."""
    story: list[Flowable] = [para("附件", st.heading)]
    story += [para(a, st.small) for a in data.attachments] or [para("（无）", st.body)]
    tail: list[Flowable] = [
        para("更正记录", st.heading),
        _amendments(data, st) if data.amendments else para("（无）", st.body),
        gap(2),
        para(data.status_line, st.small),
    ]
    return [*story, sign_off(tail, ["主持人", "记录人"], st)]


def meeting_story(data: MinutesData, st: Styles) -> list[Flowable]:
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
    return story + _ending(data, st)


# --- 谈心谈话记录表 -------------------------------------------------------------------------


def talks_of(data: MinutesData) -> list[Speech]:
    """The people talked with: every speech not made by the talker (one form part each)."""
    return [s for s in data.speeches if s.speaker != data.talker]


def _talk_part(data: MinutesData, number: int, talk: Speech, st: Styles) -> Flowable:
    label_w = 26 * mm
    rows: list[list[str | Flowable]] = [
        ["谈话对象", talk.speaker, "谈话人", data.talker or "（未填写）"],
        ["谈话时间", f"{data.held_on.isoformat()} {data.time}".strip(), "谈话地点", data.place],
    ]
    value_w = CONTENT_WIDTH / 2 - label_w
    head = grid_table(
        rows, [label_w, value_w, label_w, value_w], header_rows=0, st=st, whole_columns=(0, 2)
    )
    body = grid_table(
        [["谈话主要内容"], [para(talk.summary or "（未填写）", st.body)]],
        [CONTENT_WIDTH],
        st=st,
    )
    return sign_off(
        [para(f"谈话{number}", st.heading), head, body],
        ["谈话对象", "谈话人"],
        st,
        dated=True,
    )


def talk_story(data: MinutesData, st: Styles) -> list[Flowable]:
    """谈心谈话记录表: one part per person talked with, each with both signatures."""
    topics = names(data.topics, "（未填写）")
    own = [s.summary for s in data.speeches if s.speaker == data.talker and s.summary]
    story: list[Flowable] = [
        para(data.branch_name, st.subtitle),
        para("谈心谈话记录表", st.title),
        field_table(
            [
                ("谈话主题", topics),
                ("谈话日期", data.held_on.isoformat()),
                ("谈话人", data.talker or "（未填写）"),
                ("记录人", data.recorder or "（未填写）"),
            ],
            st,
        ),
    ]
    if own:
        story += [para("谈话人说明", st.heading), para("\n".join(own), st.body)]
    talks = talks_of(data)
    if not talks:
        story.append(para("（本记录没有填写谈话对象）", st.body))
    for number, talk in enumerate(talks, 1):
        story.append(_talk_part(data, number, talk, st))
    tail: list[Flowable] = [para(data.status_line, st.small)]
    if data.amendments:
        tail = [para("更正记录", st.heading), _amendments(data, st), *tail]
    story += tail
    return story


def minutes_story(data: MinutesData, st: Styles) -> list[Flowable]:
    """The flowables of one record (used alone and in the quarterly volume)."""
    body = talk_story(data, st) if data.kind is MeetingKind.TALKS else meeting_story(data, st)
    return [RecordStart(data.record_heading), *body, RecordEnd()]


def title_of(data: MinutesData) -> str:
    return "谈心谈话记录表" if data.kind is MeetingKind.TALKS else data.heading


def render(data: MinutesData, out: Target) -> int:
    st = styles()

    def story() -> list[Flowable]:
        return [*minutes_story(data, st), gap(), para(printed_on(), st.small)]

    return build_pdf(
        out,
        story,
        title=f"{data.branch_name}{title_of(data)}（{data.held_on.isoformat()}）",
        footer=f"{data.branch_name} · {title_of(data)} · {data.held_on.isoformat()}",
    )
