"""What each kind of record needs before it is finalised (no hollow record; DOMAIN.md §8).

The needs are **data per kind** (:data:`NEEDS`): topics and resolutions for general and
committee meetings, a lecturer and a title for a Party lesson, the talker and whom they
talked with for 谈心谈话, speech summaries wherever topics were discussed, and so on.  One
function reads them, :func:`missing`, and two places use it:

- finalising a draft refuses a record that misses anything, naming each missing part;
- MTG-THIN reports a record that is finalised all the same (imported, or kept from before
  these rules): such records are accepted, and made visible.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from villagebook.domain.common.errors import Problem
from villagebook.domain.common.i18n import N_, _, label
from villagebook.domain.meetings.values import MeetingInput, MeetingKind, MeetingRecord, Presence


class Need(StrEnum):
    HOST = "host"  # 主持人 (for 谈心谈话: the talker)
    ATTENDANCE = "attendance"  # at least one person present
    TOPICS = "topics"  # 议题
    SPEECHES = "speeches"  # 发言摘要, where topics were discussed
    RESOLUTIONS = "resolutions"  # 决议
    LECTURER = "lecturer"  # 授课人
    TITLE = "title"  # 党课题目 / 会议主题
    TALKED_WITH = "talked_with"  # 谈话对象 and what was said
    APPRAISALS = "appraisals"  # 民主评议: a verdict for someone

    @property
    def label(self) -> str:
        return label(NEED_LABELS[self])

    @property
    def field(self) -> str:
        """The input's field a problem names (the editor shows it there)."""
        return NEED_FIELDS[self]


NEED_LABELS: dict[Need, str] = {
    Need.HOST: N_("主持人"),
    Need.ATTENDANCE: N_("出席人员"),
    Need.TOPICS: N_("议题"),
    Need.SPEECHES: N_("发言摘要"),
    Need.RESOLUTIONS: N_("决议"),
    Need.LECTURER: N_("授课人"),
    Need.TITLE: N_("题目"),
    Need.TALKED_WITH: N_("谈话对象及谈话内容"),
    Need.APPRAISALS: N_("评议结果"),
}

NEED_FIELDS: dict[Need, str] = {
    Need.HOST: "host_id",
    Need.ATTENDANCE: "attendance",
    Need.TOPICS: "topics",
    Need.SPEECHES: "speeches",
    Need.RESOLUTIONS: "resolutions",
    Need.LECTURER: "lecturer_name",
    Need.TITLE: "title",
    Need.TALKED_WITH: "speeches",
    Need.APPRAISALS: "appraisals",
}

#: What a finalised record of each kind holds (DOMAIN.md §3 "what a minutes record holds",
#: §8 MTG-THIN).  A county that asks for more changes this table, not the code.
NEEDS: Mapping[MeetingKind, tuple[Need, ...]] = {
    MeetingKind.GENERAL: (
        Need.HOST,
        Need.ATTENDANCE,
        Need.TOPICS,
        Need.SPEECHES,
        Need.RESOLUTIONS,
    ),
    MeetingKind.COMMITTEE: (
        Need.HOST,
        Need.ATTENDANCE,
        Need.TOPICS,
        Need.SPEECHES,
        Need.RESOLUTIONS,
    ),
    MeetingKind.GROUP: (Need.HOST, Need.ATTENDANCE, Need.TOPICS, Need.SPEECHES),
    MeetingKind.LESSON: (Need.HOST, Need.ATTENDANCE, Need.LECTURER, Need.TITLE),
    MeetingKind.THEME_DAY: (Need.HOST, Need.ATTENDANCE, Need.TOPICS),
    MeetingKind.ORG_LIFE: (
        Need.HOST,
        Need.ATTENDANCE,
        Need.TOPICS,
        Need.SPEECHES,
        Need.RESOLUTIONS,
    ),
    MeetingKind.APPRAISAL: (Need.HOST, Need.ATTENDANCE, Need.APPRAISALS),
    MeetingKind.TALKS: (Need.HOST, Need.TALKED_WITH),
}

#: Kinds whose speakers are the people talked with, not attendees (谈心谈话).
SPEAKERS_ARE_SUBJECTS = frozenset({MeetingKind.TALKS})


@dataclass(frozen=True)
class RecordContent:
    """What the needs are checked against: the parts of a record that are filled in."""

    kind: MeetingKind
    has_host: bool
    present: int
    topics: int
    speeches: int  # speeches with a summary
    resolutions: bool
    lecturer: bool
    title: bool
    appraisals: int  # appraisals with a verdict

    @classmethod
    def of(cls, record: MeetingRecord) -> RecordContent:
        present = sum(1 for a in record.attendance if a.presence is Presence.PRESENT)
        return cls(
            kind=record.kind,
            has_host=record.host_id is not None,
            present=present,
            topics=sum(1 for t in record.topics if t.strip()),
            speeches=sum(1 for s in record.speeches if s.summary.strip() and s.speaker.strip()),
            resolutions=bool(record.resolutions.strip()) or bool(record.votes),
            lecturer=record.lecturer_id is not None or bool(record.lecturer_name.strip()),
            title=bool(record.title.strip()),
            appraisals=sum(1 for a in record.appraisals if a.verdict is not None),
        )

    @classmethod
    def of_input(cls, data: MeetingInput) -> RecordContent:
        """The same for the editor's input (no attendance given: everyone present)."""
        rows = data.attendance
        present = (
            1
            if rows is None
            else sum(1 for a in rows if a.presence is Presence.PRESENT or not a.expected)
        )
        return cls(
            kind=data.kind,
            has_host=data.host_id is not None,
            present=present,
            topics=sum(1 for t in data.topics if t.strip()),
            speeches=sum(1 for s in data.speeches if s.summary.strip() and s.speaker.strip()),
            resolutions=bool(data.resolutions.strip()) or bool(data.votes),
            lecturer=data.lecturer_id is not None or bool(data.lecturer_name.strip()),
            title=bool(data.title.strip()),
            appraisals=sum(1 for a in data.appraisals if a.verdict is not None),
        )


def _has(content: RecordContent, need: Need) -> bool:
    if need is Need.SPEECHES:  # speech summaries where something was discussed
        return content.topics == 0 or content.speeches > 0
    return {
        Need.HOST: content.has_host,
        Need.ATTENDANCE: content.present > 0,
        Need.TOPICS: content.topics > 0,
        Need.RESOLUTIONS: content.resolutions,
        Need.LECTURER: content.lecturer,
        Need.TITLE: content.title,
        Need.TALKED_WITH: content.speeches > 0,
        Need.APPRAISALS: content.appraisals > 0,
    }[need]


def missing(content: RecordContent) -> list[Need]:
    """What a record of its kind still lacks to be finalised (in the table's order)."""
    return [need for need in NEEDS[content.kind] if not _has(content, need)]


def need_message(need: Need) -> str:
    """Why a record cannot be finalised without ``need`` (translated)."""
    if need is Need.SPEECHES:
        return _("会上讨论了议题，须记录发言摘要（谁发言、讲了什么）")
    if need is Need.TALKED_WITH:
        return _("须记录谈话对象和谈话内容")
    if need is Need.ATTENDANCE:
        return _("须登记出席人员")
    if need is Need.APPRAISALS:
        return _("须至少登记一名党员的评议结果")
    return _("定稿前须填写")


def finalise_problems(content: RecordContent) -> list[Problem]:
    """One problem per missing part, each naming its field: why finalising is refused."""
    return [Problem(need.field, need.label, need_message(need)) for need in missing(content)]
