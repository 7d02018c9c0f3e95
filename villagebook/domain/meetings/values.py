"""三会一课 and organisational life: the values of a meeting record, from the editor to the PDF.

- the enums (kind, status, presence, appraisal verdict) with their labels (``N_``: shown
  translated through ``.label``; the Chinese source is the printed form's word);
- the parts of a record kept as ordered lists in the record itself, declared **once** as
  pydantic models (:class:`Speech`, :class:`Vote`, :class:`Appraisal`): the editor builds
  them, storage validates them on the way in and out (``PydanticJSON`` columns), the exchange
  format and the PDF read them; their field names are the stored JSON keys;
- the input the editor hands to the Book (:class:`MeetingInput`) and the records the Book
  hands back (:class:`MeetingRecord`, :class:`MeetingSummary`, ...);
- the vote and quorum rules (DOMAIN.md §3).  A general meeting that votes needs at least half
  of the voting members present (MTG-QUORUM); a motion passes with yes votes (plus written
  opinions of absent voting members) *more than half of the voting members expected*.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from villagebook.domain.common.i18n import N_, label


class MeetingKind(StrEnum):
    GENERAL = "general"  # 支部党员大会
    COMMITTEE = "committee"  # 支部委员会会议
    GROUP = "group"  # 党小组会
    LESSON = "lesson"  # 党课
    THEME_DAY = "theme_day"  # 主题党日
    ORG_LIFE = "org_life"  # 组织生活会
    APPRAISAL = "appraisal"  # 民主评议党员
    TALKS = "talks"  # 谈心谈话

    @property
    def label(self) -> str:
        return label(KIND_LABELS[self])


#: The kinds' names as printed on the forms (translate with ``label`` where shown).
KIND_LABELS: dict[MeetingKind, str] = {
    MeetingKind.GENERAL: N_("支部党员大会"),
    MeetingKind.COMMITTEE: N_("支部委员会会议"),
    MeetingKind.GROUP: N_("党小组会"),
    MeetingKind.LESSON: N_("党课"),
    MeetingKind.THEME_DAY: N_("主题党日"),
    MeetingKind.ORG_LIFE: N_("组织生活会"),
    MeetingKind.APPRAISAL: N_("民主评议党员"),
    MeetingKind.TALKS: N_("谈心谈话"),
}


class MeetingStatus(StrEnum):
    DRAFT = "draft"  # 草稿: may still be edited or deleted
    FINALISED = "finalised"  # 已定稿: locked; corrections are amendments

    @property
    def label(self) -> str:
        return label(STATUS_LABELS[self])


STATUS_LABELS: dict[MeetingStatus, str] = {
    MeetingStatus.DRAFT: N_("草稿"),
    MeetingStatus.FINALISED: N_("已定稿"),
}


class Presence(StrEnum):
    PRESENT = "present"  # 出席
    LEAVE = "leave"  # 请假
    ABSENT = "absent"  # 缺席

    @property
    def label(self) -> str:
        return label(PRESENCE_LABELS[self])


PRESENCE_LABELS: dict[Presence, str] = {
    Presence.PRESENT: N_("出席"),
    Presence.LEAVE: N_("请假"),
    Presence.ABSENT: N_("缺席"),
}


class AppraisalVerdict(StrEnum):
    EXCELLENT = "excellent"
    QUALIFIED = "qualified"
    BASIC = "basic"
    UNQUALIFIED = "unqualified"

    @property
    def label(self) -> str:
        return label(VERDICT_LABELS[self])


VERDICT_LABELS: dict[AppraisalVerdict, str] = {
    AppraisalVerdict.EXCELLENT: N_("优秀"),
    AppraisalVerdict.QUALIFIED: N_("合格"),
    AppraisalVerdict.BASIC: N_("基本合格"),
    AppraisalVerdict.UNQUALIFIED: N_("不合格"),
}

#: Place type of a field Party lesson (现场党课); the chosen text is stored with the record.
LESSON_PLACE_TYPES = (
    "会议室",  # i18n: stored
    "田间地头",  # i18n: stored
    "项目现场",  # i18n: stored
    "调解现场",  # i18n: stored
    "红色教育基地",  # i18n: stored
    "其他现场",  # i18n: stored
)

#: Topic templates offered by the editor (fast entry); a chosen topic is stored as typed.
TOPIC_TEMPLATES = (
    "传达学习上级精神",  # i18n: stored
    "学习党的理论和政策",  # i18n: stored
    "讨论发展党员",  # i18n: stored
    "研究部署工作",  # i18n: stored
    "讨论村级重大事项（四议两公开）",  # i18n: stored
    "开展批评与自我批评",  # i18n: stored
    "通报党费收缴情况",  # i18n: stored
    "安全生产和防灾减灾",  # i18n: stored
    "乡村振兴产业发展",  # i18n: stored
    "民主评议党员",  # i18n: stored
)

#: Kinds where the expected attendance is every member of the branch.
WHOLE_BRANCH_KINDS = frozenset(
    {
        MeetingKind.GENERAL,
        MeetingKind.LESSON,
        MeetingKind.THEME_DAY,
        MeetingKind.ORG_LIFE,
        MeetingKind.APPRAISAL,
    }
)

#: Role name of the branch secretary in ``Person.committee_role``.
SECRETARY_ROLE = "书记"  # i18n: stored
#: Role name of the organisation member (who usually keeps the record).
RECORDER_ROLE = "组织委员"  # i18n: stored


# --- the parts of a record stored as JSON: declared once, typed all the way -------------------


class _Part(BaseModel):
    """A part of a meeting record; its field names are the stored JSON keys."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Speech(_Part):
    """发言摘要: who spoke (a member of the roster, or a name) and what was said."""

    speaker_id: uuid.UUID | None = None
    speaker: str
    summary: str = ""


class Vote(_Part):
    """表决: a motion and its tally.  ``written_yes`` counts the written opinions of absent
    voting members (DEV-ADMIT-VOTE)."""

    motion: str
    yes: int = 0
    no: int = 0
    abstain: int = 0
    written_yes: int = 0
    secret_ballot: bool = False

    @property
    def ballots(self) -> int:
        return self.yes + self.no + self.abstain


class Appraisal(_Part):
    """民主评议党员 of one member: self review → peer review → rating → verdict."""

    person_id: uuid.UUID | None = None
    name: str
    self_review: str = ""
    peer_review: str = ""
    rating: str = ""
    verdict: AppraisalVerdict | None = None


class NamesShown(_Part):
    """The names a finalised record shows, kept at finalisation (定稿时的名称).

    Host, recorder and lecturer are references to the roster, the group and the branch are
    records that may be renamed later: a finalised record prints the names it had when it
    was finalised.  ``unverified`` marks a finalisation that arrived in an exchange file
    without a seal (made before seals existed), so it could not be checked on import.
    """

    branch: str = ""
    village: str = ""
    group: str = ""
    host: str = ""
    recorder: str = ""
    lecturer: str = ""
    unverified: bool = False


# --- input ------------------------------------------------------------------------------------


@dataclass
class AttendanceInput:
    """One line of the attendance grid: a member expected, or a non-member attendee (列席)."""

    person_id: uuid.UUID | None
    name: str
    presence: Presence = Presence.PRESENT
    reason: str = ""
    #: False for a non-member attendee (列席).
    expected: bool = True


@dataclass
class MeetingInput:
    """What the record editor (or the importer, the demo, a plan) hands to the Book."""

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
    speeches: list[Speech] = field(default_factory=list)
    resolutions: str = ""
    votes: list[Vote] = field(default_factory=list)
    appraisals: list[Appraisal] = field(default_factory=list)
    note: str = ""
    #: None: everyone expected on the date, present.
    attendance: list[AttendanceInput] | None = None


# --- records the Book hands out ---------------------------------------------------------------


@dataclass(frozen=True)
class AttendanceRecord:
    """One person at a meeting as stored, with the voting right they had on the date."""

    person_id: uuid.UUID | None
    name: str
    expected: bool
    voting: bool
    presence: Presence
    reason: str = ""


def display_title(kind: MeetingKind, title: str, topics: list[str]) -> str:
    """What a list shows for a record: its title, else its topics, else its kind."""
    if title:
        return title
    if topics:
        return "；".join(topics)[:100]
    return kind.label


@dataclass(frozen=True)
class MeetingRecord:
    """会议记录: one 三会一课 / organisational-life record as stored."""

    id: uuid.UUID
    branch_id: uuid.UUID
    kind: MeetingKind
    held_on: dt.date
    start_time: dt.time | None
    end_time: dt.time | None
    place: str
    place_type: str
    group_id: uuid.UUID | None
    title: str
    host_id: uuid.UUID | None
    recorder_id: uuid.UUID | None
    lecturer_id: uuid.UUID | None
    lecturer_name: str
    topics: list[str]
    speeches: list[Speech]
    resolutions: str
    votes: list[Vote]
    appraisals: list[Appraisal]
    note: str
    status: MeetingStatus
    finalised_on: dt.date | None
    finalised_by: str
    #: Expected members first, then 列席, in the order of the grid.
    attendance: list[AttendanceRecord] = field(default_factory=list)
    #: The names shown, kept at finalisation (None for a draft).
    names_shown: NamesShown | None = None
    #: The seal (定稿校验值) of a finalised record's content ("" for a draft).
    content_hash: str = ""

    @property
    def finalised(self) -> bool:
        return self.status is MeetingStatus.FINALISED

    @property
    def display_title(self) -> str:
        return display_title(self.kind, self.title, self.topics)

    @property
    def expected(self) -> list[AttendanceRecord]:
        return [a for a in self.attendance if a.expected]

    @property
    def present_count(self) -> int:
        return sum(1 for a in self.expected if a.presence is Presence.PRESENT)

    def to_input(self) -> MeetingInput:
        """The record as editor input (to edit a draft or copy a record)."""
        return MeetingInput(
            kind=self.kind,
            held_on=self.held_on,
            start_time=self.start_time,
            end_time=self.end_time,
            place=self.place,
            place_type=self.place_type,
            group_id=self.group_id,
            title=self.title,
            host_id=self.host_id,
            recorder_id=self.recorder_id,
            lecturer_id=self.lecturer_id,
            lecturer_name=self.lecturer_name,
            topics=list(self.topics),
            speeches=list(self.speeches),
            resolutions=self.resolutions,
            votes=list(self.votes),
            appraisals=list(self.appraisals),
            note=self.note,
            attendance=[
                AttendanceInput(a.person_id, a.name, a.presence, a.reason, a.expected)
                for a in self.attendance
            ],
        )


@dataclass(frozen=True)
class AmendmentRecord:
    """更正: a correction of a finalised record (which field, old and new, who, when, why)."""

    id: uuid.UUID
    meeting_id: uuid.UUID
    field_name: str
    old_value: str
    new_value: str
    reason: str
    amended_on: dt.date
    amended_by: str


@dataclass(frozen=True)
class AttachmentRecord:
    """A sign-in sheet scan or photo kept with a record (the file lives at ``path``)."""

    id: uuid.UUID
    kind: str
    filename: str
    media_type: str
    size: int
    sha256: str
    path: Path

    @property
    def is_image(self) -> bool:
        return self.media_type.startswith("image/")


@dataclass(frozen=True)
class EntryDefaults:
    """What fast entry offers: the last place, host and recorder of the branch."""

    place: str = ""
    host_id: uuid.UUID | None = None
    recorder_id: uuid.UUID | None = None


@dataclass(frozen=True)
class MeetingSummary:
    """The counts and votes of a record, as other capabilities read them.

    Development (admission and conversion meetings) and 四议两公开 (the Party member meeting)
    link to a general meeting by id and read these through ``services.meetings.queries``.
    """

    id: uuid.UUID
    branch_id: uuid.UUID
    kind: MeetingKind
    held_on: dt.date
    title: str
    finalised: bool
    expected_voting: int  # voting members expected on that date
    present_voting: int  # voting members present
    expected_members: int  # all members expected (full + probationary)
    present_members: int
    votes: tuple[Vote, ...]


# --- the vote and quorum rules ----------------------------------------------------------------


def quorum_met(expected_voting: int, present_voting: int, fraction: float = 0.5) -> bool:
    """MTG-QUORUM: at least ``fraction`` of the voting members expected are present."""
    if expected_voting <= 0:
        return False
    return present_voting >= expected_voting * fraction


def motion_passes(vote: Vote, expected_voting: int) -> bool:
    """Yes votes (with written opinions) more than half of the voting members expected."""
    return expected_voting > 0 and 2 * (vote.yes + vote.written_yes) > expected_voting


# --- the editor's input as JSON (the editor's drafts) -----------------------------------------


def input_to_json(data: MeetingInput) -> dict[str, object]:
    """The input as plain JSON values (a draft kept while the secretary types)."""
    from pydantic import TypeAdapter

    dumped = TypeAdapter(MeetingInput).dump_python(data, mode="json")
    assert isinstance(dumped, dict)
    return dumped


def input_from_json(raw: object) -> MeetingInput:
    """The input back from :func:`input_to_json` (raises ValueError if it does not fit)."""
    from pydantic import TypeAdapter, ValidationError

    try:
        return TypeAdapter(MeetingInput).validate_python(raw)
    except ValidationError as exc:
        raise ValueError(str(exc)) from exc
