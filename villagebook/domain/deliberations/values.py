"""四议两公开 (four deliberations, two publications): the values of a deliberation.

A deliberation (事项) is one major village matter that passes four deliberations and two
publications (DOMAIN.md §5); a rejected one proposed again is a new round.  These are the
values the Book takes in and hands out: storage rows never leave the services.

Labels are kept as Chinese data (marked with ``N_``): ``label`` gives the name in the
interface language, ``chinese`` the name as the official forms print it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from villagebook.domain.common import i18n
from villagebook.domain.common.findings import Finding
from villagebook.domain.common.i18n import N_


class _Labelled(StrEnum):
    """An enum whose members have a Chinese name kept as data."""

    @property
    def chinese(self) -> str:
        """The name in Chinese, as the official forms print it (and as stored texts say it)."""
        return _LABELS[type(self)][self]

    @property
    def label(self) -> str:
        """The name in the interface language."""
        return i18n.label(self.chinese)


class Category(_Labelled):
    """The matters 村民委员会组织法 art. 24 lists (DLB-SCOPE), or another matter."""

    WAGE_SUBSIDY = "wage_subsidy"
    COLLECTIVE_INCOME = "collective_income"
    PUBLIC_WELFARE = "public_welfare"
    LAND_CONTRACTING = "land_contracting"
    COLLECTIVE_PROJECT = "collective_project"
    HOMESTEAD = "homestead"
    LAND_COMPENSATION = "land_compensation"
    ASSET_LEASE = "asset_lease"
    ASSEMBLY_NAMED = "assembly_named"
    OTHER = "other"

    @property
    def in_scope(self) -> bool:
        """Must go through 四议两公开 (DLB-SCOPE)."""
        return self is not Category.OTHER


CATEGORY_LABELS: dict[Category, str] = {
    Category.WAGE_SUBSIDY: N_("享受误工补贴的人员及补贴标准"),
    Category.COLLECTIVE_INCOME: N_("集体经济所得收益的使用"),
    Category.PUBLIC_WELFARE: N_("公益事业建设项目及筹资筹劳"),
    Category.LAND_CONTRACTING: N_("土地承包经营方案"),
    Category.COLLECTIVE_PROJECT: N_("集体经济项目立项及承包方案"),
    Category.HOMESTEAD: N_("宅基地使用方案"),
    Category.LAND_COMPENSATION: N_("征地补偿费的使用与分配"),
    Category.ASSET_LEASE: N_("集体资产出租、处置"),
    Category.ASSEMBLY_NAMED: N_("村民会议认为应当讨论决定的其他事项"),
    Category.OTHER: N_("其他事项"),
}


class StepKind(_Labelled):
    """The six steps, in order."""

    PROPOSAL = "proposal"
    JOINT_MEETING = "joint_meeting"
    MEMBER_MEETING = "member_meeting"
    VILLAGER_DECISION = "villager_decision"
    RESOLUTION_PUBLICITY = "resolution_publicity"
    RESULT_PUBLICITY = "result_publicity"


STEP_LABELS: dict[StepKind, str] = {
    StepKind.PROPOSAL: N_("村党组织提议"),
    StepKind.JOINT_MEETING: N_("村“两委”会议商议"),
    StepKind.MEMBER_MEETING: N_("党员大会审议"),
    StepKind.VILLAGER_DECISION: N_("村民会议或村民代表会议决议"),
    StepKind.RESOLUTION_PUBLICITY: N_("决议公开"),
    StepKind.RESULT_PUBLICITY: N_("实施结果公开"),
}


class Basis(_Labelled):
    """What the attendance counts count."""

    COMMITTEE = "committee"  # 委员 (proposal, joint meeting)
    VOTING_MEMBERS = "voting_members"  # 有表决权的党员
    ADULT_VILLAGERS = "adult_villagers"  # 村民会议: 18周岁以上村民
    HOUSEHOLDS = "households"  # 村民会议: 户代表
    REPRESENTATIVES = "representatives"  # 村民代表会议: 村民代表

    @property
    def is_assembly(self) -> bool:
        """A 村民会议 (not a representatives' meeting)."""
        return self in (Basis.ADULT_VILLAGERS, Basis.HOUSEHOLDS)


BASIS_LABELS: dict[Basis, str] = {
    Basis.COMMITTEE: N_("委员"),
    Basis.VOTING_MEMBERS: N_("有表决权的党员"),
    Basis.ADULT_VILLAGERS: N_("本村18周岁以上村民"),
    Basis.HOUSEHOLDS: N_("本村户数（户代表）"),
    Basis.REPRESENTATIVES: N_("村民代表"),
}


class Channel(_Labelled):
    """Where a publication is posted."""

    BOARD = "board"
    WECHAT = "wechat"
    LOUDSPEAKER = "loudspeaker"


CHANNEL_LABELS: dict[Channel, str] = {
    Channel.BOARD: N_("村务公开栏"),
    Channel.WECHAT: N_("村微信群"),
    Channel.LOUDSPEAKER: N_("广播"),
}


class DeliberationStatus(_Labelled):
    """Where a round of a deliberation stands."""

    OPEN = "open"  # steps under way
    DECIDED = "decided"  # the villagers decided; publications follow
    COMPLETED = "completed"  # the result is published
    WITHDRAWN = "withdrawn"
    REJECTED = "rejected"

    @property
    def closed(self) -> bool:
        return self in (
            DeliberationStatus.COMPLETED,
            DeliberationStatus.WITHDRAWN,
            DeliberationStatus.REJECTED,
        )


STATUS_LABELS: dict[DeliberationStatus, str] = {
    DeliberationStatus.OPEN: N_("办理中"),
    DeliberationStatus.DECIDED: N_("已决议"),
    DeliberationStatus.COMPLETED: N_("已办结"),
    DeliberationStatus.WITHDRAWN: N_("已撤回"),
    DeliberationStatus.REJECTED: N_("未通过"),
}


class DeliberationVerdict(_Labelled):
    """The outcome of a recorded step under the rules."""

    RECORDED = "recorded"  # a step without a vote
    PASSED = "passed"
    NO_QUORUM = "no_quorum"
    REJECTED = "rejected"

    @property
    def ok(self) -> bool:
        return self in (DeliberationVerdict.RECORDED, DeliberationVerdict.PASSED)


VERDICT_LABELS: dict[DeliberationVerdict, str] = {
    DeliberationVerdict.RECORDED: N_("已记录"),
    DeliberationVerdict.PASSED: N_("通过"),
    DeliberationVerdict.NO_QUORUM: N_("到会人数不足，决议无效"),
    DeliberationVerdict.REJECTED: N_("未通过"),
}

_LABELS: dict[type[_Labelled], Mapping[Any, str]] = {
    Category: CATEGORY_LABELS,
    StepKind: STEP_LABELS,
    Basis: BASIS_LABELS,
    Channel: CHANNEL_LABELS,
    DeliberationStatus: STATUS_LABELS,
    DeliberationVerdict: VERDICT_LABELS,
}


# --- inputs ---------------------------------------------------------------------------------


@dataclass
class DeliberationInput:
    """A new deliberation (title, category, amount, the proposal), or its header before step 1."""

    title: str
    category: Category
    amount: str = ""  # yuan as typed
    text: str = ""  # the proposal as first drafted
    note: str = ""


@dataclass
class DeliberationStepInput:
    """One step as it happened: a meeting (date, place, counts) or a publication."""

    kind: StepKind
    held_on: dt.date | None = None
    place: str = ""
    #: One shoulder (一肩挑): the proposal entry also records the joint meeting.
    with_joint_meeting: bool = False
    meeting_id: uuid.UUID | None = None
    basis: Basis | None = None
    expected: int | None = None
    present: int | None = None
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    notice_on: dt.date | None = None
    channels: tuple[Channel, ...] = ()
    posted_from: dt.date | None = None
    posted_until: dt.date | None = None
    text: str | None = None  # None: the current text as it stands
    note: str = ""


# --- records the Book hands out ---------------------------------------------------------------


@dataclass(frozen=True)
class Counts:
    """Attendance and votes of a meeting, with the basis the counts refer to."""

    basis: Basis
    expected: int | None
    present: int | None
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None


@dataclass(frozen=True)
class LinkedMeeting:
    """A 三会一课 general meeting record a step refers to: its date and counts win."""

    id: uuid.UUID
    held_on: dt.date
    title: str
    counts: Counts


@dataclass(frozen=True)
class DeliberationRecord:
    """事项: one round of a major village matter."""

    id: uuid.UUID
    branch_id: uuid.UUID
    title: str
    category: Category
    amount_fen: int | None
    workflow: str
    workflow_version: int
    round_no: int
    previous_id: uuid.UUID | None
    status: DeliberationStatus
    status_on: dt.date | None
    status_reason: str
    note: str


@dataclass(frozen=True)
class TextVersion:
    """One version (稿) of the proposal or resolution; ``frozen_by`` names the step that
    decided it."""

    id: uuid.UUID
    version: int
    body: str
    frozen_by: StepKind | None


@dataclass(frozen=True)
class DeliberationStepRecord:
    """A recorded step as stored, with the general meeting record it links to (if any)."""

    id: uuid.UUID
    deliberation_id: uuid.UUID
    kind: StepKind
    held_on: dt.date | None
    place: str
    held_with_previous: bool
    meeting_id: uuid.UUID | None
    #: The counts as typed (None when the step has no basis).
    counts: Counts | None
    notice_on: dt.date | None
    verdict: DeliberationVerdict
    channels: tuple[Channel, ...]
    posted_from: dt.date | None
    posted_until: dt.date | None
    text_id: uuid.UUID | None
    note: str
    linked: LinkedMeeting | None = None
    photos: int = 0

    @property
    def date(self) -> dt.date | None:
        """The meeting date: the linked meeting record's when there is one."""
        return self.linked.held_on if self.linked is not None else self.held_on

    @property
    def effective_counts(self) -> Counts | None:
        """The counts the rules use: the linked meeting record's when there is one."""
        return self.linked.counts if self.linked is not None else self.counts


@dataclass(frozen=True)
class DeliberationSummary:
    """One line of the deliberations list."""

    id: uuid.UUID
    title: str
    category: Category
    amount_fen: int | None
    round_no: int
    status: DeliberationStatus
    last_step: StepKind | None
    next_step: StepKind | None
    last_date: dt.date | None
    codes: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class DeliberationDetail:
    """A deliberation step by step: what the page shows and the decision record prints."""

    deliberation: DeliberationRecord
    #: The recorded steps, in workflow order.
    steps: tuple[DeliberationStepRecord, ...]
    texts: tuple[TextVersion, ...]
    previous: DeliberationRecord | None
    #: True when a later round re-proposed this one.
    proposed_again: bool
    #: The step to record next (None when the round is closed or complete).
    next_step: StepKind | None
    findings: tuple[Finding, ...] = ()

    def step(self, kind: StepKind) -> DeliberationStepRecord | None:
        return next((s for s in self.steps if s.kind is kind), None)

    def text(self, text_id: uuid.UUID | None) -> TextVersion | None:
        return next((t for t in self.texts if t.id == text_id), None)

    @property
    def current_text(self) -> str:
        """The working text: the newest version."""
        return self.texts[-1].body if self.texts else ""

    @property
    def last_publication(self) -> DeliberationStepRecord | None:
        """The newest publication step (result before resolution)."""
        return self.step(StepKind.RESULT_PUBLICITY) or self.step(StepKind.RESOLUTION_PUBLICITY)
