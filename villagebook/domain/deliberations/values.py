"""四议两公开: the workflow of a major village matter as data, and its verdicts.

A matter (事项) passes four deliberations and two publications (DOMAIN.md §5).  The
workflow is a versioned definition (like OpenSlides' motion workflows): the standard one,
and the 一肩挑 variant where the secretary also directs the village committee, so the
proposal (step 1) and the joint meeting (step 2) may be one meeting record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from fractions import Fraction

from villagebook.domain.common.rules import RuleSet
from villagebook.domain.common.text import clean_text


class Category(StrEnum):
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
    def label(self) -> str:
        return CATEGORY_LABELS[self]

    @property
    def in_scope(self) -> bool:
        """Must go through 四议两公开 (DLB-SCOPE)."""
        return self is not Category.OTHER


CATEGORY_LABELS: dict[Category, str] = {
    Category.WAGE_SUBSIDY: "享受误工补贴的人员及补贴标准",
    Category.COLLECTIVE_INCOME: "集体经济所得收益的使用",
    Category.PUBLIC_WELFARE: "公益事业建设项目及筹资筹劳",
    Category.LAND_CONTRACTING: "土地承包经营方案",
    Category.COLLECTIVE_PROJECT: "集体经济项目立项及承包方案",
    Category.HOMESTEAD: "宅基地使用方案",
    Category.LAND_COMPENSATION: "征地补偿费的使用与分配",
    Category.ASSET_LEASE: "集体资产出租、处置",
    Category.ASSEMBLY_NAMED: "村民会议认为应当讨论决定的其他事项",
    Category.OTHER: "其他事项",
}


class StepKind(StrEnum):
    PROPOSAL = "proposal"
    JOINT_MEETING = "joint_meeting"
    MEMBER_MEETING = "member_meeting"
    VILLAGER_DECISION = "villager_decision"
    RESOLUTION_PUBLICITY = "resolution_publicity"
    RESULT_PUBLICITY = "result_publicity"

    @property
    def label(self) -> str:
        return STEP_LABELS[self]


STEP_LABELS: dict[StepKind, str] = {
    StepKind.PROPOSAL: "村党组织提议",
    StepKind.JOINT_MEETING: "村“两委”会议商议",
    StepKind.MEMBER_MEETING: "党员大会审议",
    StepKind.VILLAGER_DECISION: "村民会议或村民代表会议决议",
    StepKind.RESOLUTION_PUBLICITY: "决议公开",
    StepKind.RESULT_PUBLICITY: "实施结果公开",
}


class Basis(StrEnum):
    """What the attendance counts count."""

    COMMITTEE = "committee"  # 委员 (proposal, joint meeting)
    VOTING_MEMBERS = "voting_members"  # 有表决权的党员
    ADULT_VILLAGERS = "adult_villagers"  # 村民会议: 18周岁以上村民
    HOUSEHOLDS = "households"  # 村民会议: 户代表
    REPRESENTATIVES = "representatives"  # 村民代表会议: 村民代表

    @property
    def label(self) -> str:
        return BASIS_LABELS[self]

    @property
    def is_assembly(self) -> bool:
        """A 村民会议 (not a representatives' meeting)."""
        return self in (Basis.ADULT_VILLAGERS, Basis.HOUSEHOLDS)


BASIS_LABELS: dict[Basis, str] = {
    Basis.COMMITTEE: "委员",
    Basis.VOTING_MEMBERS: "有表决权的党员",
    Basis.ADULT_VILLAGERS: "本村18周岁以上村民",
    Basis.HOUSEHOLDS: "本村户数（户代表）",
    Basis.REPRESENTATIVES: "村民代表",
}


class Channel(StrEnum):
    BOARD = "board"
    WECHAT = "wechat"
    LOUDSPEAKER = "loudspeaker"

    @property
    def label(self) -> str:
        return CHANNEL_LABELS[self]


CHANNEL_LABELS: dict[Channel, str] = {
    Channel.BOARD: "村务公开栏",
    Channel.WECHAT: "村微信群",
    Channel.LOUDSPEAKER: "广播",
}


class MatterStatus(StrEnum):
    OPEN = "open"  # steps under way
    DECIDED = "decided"  # the villagers decided; publications follow
    COMPLETED = "completed"  # the result is published
    WITHDRAWN = "withdrawn"
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @property
    def closed(self) -> bool:
        return self in (MatterStatus.COMPLETED, MatterStatus.WITHDRAWN, MatterStatus.REJECTED)


STATUS_LABELS: dict[MatterStatus, str] = {
    MatterStatus.OPEN: "办理中",
    MatterStatus.DECIDED: "已决议",
    MatterStatus.COMPLETED: "已办结",
    MatterStatus.WITHDRAWN: "已撤回",
    MatterStatus.REJECTED: "未通过",
}


class Verdict(StrEnum):
    RECORDED = "recorded"  # a step without a vote
    PASSED = "passed"
    NO_QUORUM = "no_quorum"
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        return VERDICT_LABELS[self]

    @property
    def ok(self) -> bool:
        return self in (Verdict.RECORDED, Verdict.PASSED)


VERDICT_LABELS: dict[Verdict, str] = {
    Verdict.RECORDED: "已记录",
    Verdict.PASSED: "通过",
    Verdict.NO_QUORUM: "到会人数不足，决议无效",
    Verdict.REJECTED: "未通过",
}


# --- the workflow as data ----------------------------------------------------------------


@dataclass(frozen=True)
class StepDef:
    kind: StepKind
    meeting: bool  # attendance, place
    votes: bool  # a vote decides the step
    publication: bool  # where posted, from, until, photo
    bases: tuple[Basis, ...] = ()

    @property
    def label(self) -> str:
        return self.kind.label


@dataclass(frozen=True)
class Workflow:
    """A versioned definition of the steps; ``held_together`` pairs may share one meeting."""

    key: str
    version: int
    name: str
    steps: tuple[StepDef, ...]
    held_together: frozenset[tuple[StepKind, StepKind]] = frozenset()

    def index(self, kind: StepKind) -> int:
        return [s.kind for s in self.steps].index(kind)

    def step(self, kind: StepKind) -> StepDef:
        return self.steps[self.index(kind)]

    def may_hold_together(self, first: StepKind, second: StepKind) -> bool:
        return (first, second) in self.held_together

    def next_step(self, done: set[StepKind]) -> StepDef | None:
        """The first step not yet recorded."""
        for step in self.steps:
            if step.kind not in done:
                return step
        return None


_STEPS = (
    StepDef(
        StepKind.PROPOSAL, meeting=True, votes=False, publication=False, bases=(Basis.COMMITTEE,)
    ),
    StepDef(
        StepKind.JOINT_MEETING,
        meeting=True,
        votes=False,
        publication=False,
        bases=(Basis.COMMITTEE,),
    ),
    StepDef(
        StepKind.MEMBER_MEETING,
        meeting=True,
        votes=True,
        publication=False,
        bases=(Basis.VOTING_MEMBERS,),
    ),
    StepDef(
        StepKind.VILLAGER_DECISION,
        meeting=True,
        votes=True,
        publication=False,
        bases=(Basis.REPRESENTATIVES, Basis.ADULT_VILLAGERS, Basis.HOUSEHOLDS),
    ),
    StepDef(StepKind.RESOLUTION_PUBLICITY, meeting=False, votes=False, publication=True),
    StepDef(StepKind.RESULT_PUBLICITY, meeting=False, votes=False, publication=True),
)

STANDARD = Workflow("standard", 1, "四议两公开（标准）", _STEPS)
ONE_SHOULDER = Workflow(
    "one_shoulder",
    1,
    "四议两公开（一肩挑：提议与两委商议可合并召开）",
    _STEPS,
    held_together=frozenset({(StepKind.PROPOSAL, StepKind.JOINT_MEETING)}),
)
WORKFLOWS: dict[str, Workflow] = {w.key: w for w in (STANDARD, ONE_SHOULDER)}


def workflow_for(secretary_is_director: bool) -> Workflow:
    return ONE_SHOULDER if secretary_is_director else STANDARD


def workflow(key: str) -> Workflow:
    return WORKFLOWS.get(key, STANDARD)


# --- money --------------------------------------------------------------------------------


def parse_amount(text: str) -> tuple[int | None, str | None]:
    """Yuan as typed ("12,000.50", "１２０００") to integer fen; (None, message) if invalid."""
    cleaned = re.sub(r"[,，\s元]", "", clean_text(text or ""))
    if not cleaned:
        return None, None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None, f"“{text}”不是有效金额（以元为单位，最多两位小数）"
    if value < 0:
        return None, "不能为负数"
    if value != value.quantize(Decimal("0.01")):
        return None, "最多两位小数（精确到分）"
    if value >= Decimal("1e12"):
        return None, "金额过大"
    return int(value * 100), None


def format_amount(fen: int | None) -> str:
    if fen is None:
        return ""
    yuan, cents = divmod(fen, 100)
    return f"{yuan:,}.{cents:02d}元"


# --- verdicts ----------------------------------------------------------------------------


def _fraction(value: float) -> Fraction:
    return Fraction(value).limit_denominator(1000)


@dataclass(frozen=True)
class Counts:
    basis: Basis
    expected: int | None
    present: int | None
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None


@dataclass(frozen=True)
class Assessment:
    """A verdict with the rule code and the reason, in Chinese."""

    verdict: Verdict
    code: str | None = None
    reason: str = ""


def quorum(counts: Counts, rules: RuleSet) -> Assessment | None:
    """None when the quorum is met; otherwise the rule it fails."""
    expected, present = counts.expected or 0, counts.present or 0
    if counts.basis is Basis.VOTING_MEMBERS:
        need = _fraction(rules.as_float("DLB-MEMBER-QUORUM.present_fraction"))
        if present < need * expected:
            return Assessment(
                Verdict.NO_QUORUM,
                "DLB-MEMBER-QUORUM",
                f"有表决权的党员应到{expected}名、实到{present}名，不足{_text(need)}",
            )
    elif counts.basis is Basis.ADULT_VILLAGERS:
        need = _fraction(rules.as_float("DLB-ASSEMBLY-QUORUM.adult_fraction"))
        if present <= need * expected:
            return Assessment(
                Verdict.NO_QUORUM,
                "DLB-ASSEMBLY-QUORUM",
                f"本村18周岁以上村民{expected}人、到会{present}人，未超过{_text(need)}",
            )
    elif counts.basis is Basis.HOUSEHOLDS:
        need = _fraction(rules.as_float("DLB-ASSEMBLY-QUORUM.household_fraction"))
        if present < need * expected:
            return Assessment(
                Verdict.NO_QUORUM,
                "DLB-ASSEMBLY-QUORUM",
                f"本村共{expected}户、到会户代表{present}人，不足{_text(need)}",
            )
    elif counts.basis is Basis.REPRESENTATIVES:
        need = _fraction(rules.as_float("DLB-REPS-QUORUM.present_fraction"))
        if present < need * expected:
            return Assessment(
                Verdict.NO_QUORUM,
                "DLB-REPS-QUORUM",
                f"村民代表{expected}名、到会{present}名，不足{_text(need)}",
            )
    return None


def vote(counts: Counts, rules: RuleSet) -> Assessment:
    """The vote rule of the step: Party members by expected, villagers by those present."""
    yes = counts.yes or 0
    if counts.basis is Basis.VOTING_MEMBERS:
        expected = counts.expected or 0
        if 2 * yes > expected:
            return Assessment(Verdict.PASSED)
        return Assessment(
            Verdict.REJECTED,
            "DLB-MEMBER-QUORUM",
            f"赞成{yes}票，未超过应到有表决权党员{expected}名的半数",
        )
    present = counts.present or 0
    need = _fraction(rules.as_float("DLB-VILLAGER-VOTE.yes_fraction"))
    if yes > need * present:
        return Assessment(Verdict.PASSED)
    return Assessment(
        Verdict.REJECTED,
        "DLB-VILLAGER-VOTE",
        f"赞成{yes}票，未超过到会{present}人的{_text(need)}",
    )


def assess(step: StepDef, counts: Counts | None, rules: RuleSet) -> Assessment:
    """The verdict of a recorded step under ``rules``."""
    if not step.votes or counts is None:
        return Assessment(Verdict.RECORDED)
    failed = quorum(counts, rules)
    return failed or vote(counts, rules)


def _text(fraction: Fraction) -> str:
    if fraction == Fraction(1, 2):
        return "半数"
    return f"{fraction.numerator}/{fraction.denominator}"


def count_problems(counts: Counts) -> list[tuple[str, str, str]]:
    """(field, label, message) for counts that cannot be true (checked before saving)."""
    found: list[tuple[str, str, str]] = []
    numbers = {
        "expected": ("应到人数", counts.expected),
        "present": ("实到人数", counts.present),
        "yes": ("赞成票", counts.yes),
        "no": ("反对票", counts.no),
        "abstain": ("弃权票", counts.abstain),
    }
    for field, (label, value) in numbers.items():
        if value is not None and value < 0:
            found.append((field, label, "不能为负数"))
    if (
        counts.expected is not None
        and counts.present is not None
        and counts.present > counts.expected
    ):
        found.append(
            (
                "present",
                "实到人数",
                f"实到{counts.present}人多于应到{counts.expected}人（{counts.basis.label}）",
            )
        )
    votes = sum(v or 0 for v in (counts.yes, counts.no, counts.abstain))
    if counts.present is not None and votes > counts.present:
        found.append(
            ("yes", "表决票数", f"赞成、反对、弃权共{votes}票，多于实到{counts.present}人")
        )
    return found
