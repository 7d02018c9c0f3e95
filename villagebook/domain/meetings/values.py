"""三会一课 and organisational life: meeting kinds, attendance, quorum and vote rules.

Pure rules (DOMAIN.md §3).  A general meeting that votes needs at least half of the voting
members present (MTG-QUORUM); a motion passes with yes votes (plus written opinions of
absent voting members) *more than half of the voting members expected*.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


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
        return KIND_LABELS[self]


KIND_LABELS: dict[MeetingKind, str] = {
    MeetingKind.GENERAL: "支部党员大会",
    MeetingKind.COMMITTEE: "支部委员会会议",
    MeetingKind.GROUP: "党小组会",
    MeetingKind.LESSON: "党课",
    MeetingKind.THEME_DAY: "主题党日",
    MeetingKind.ORG_LIFE: "组织生活会",
    MeetingKind.APPRAISAL: "民主评议党员",
    MeetingKind.TALKS: "谈心谈话",
}


class MeetingStatus(StrEnum):
    DRAFT = "draft"  # 草稿: may still be edited or deleted
    FINALISED = "finalised"  # 已定稿: locked; corrections are amendments

    @property
    def label(self) -> str:
        return "已定稿" if self is MeetingStatus.FINALISED else "草稿"


class Presence(StrEnum):
    PRESENT = "present"  # 出席
    LEAVE = "leave"  # 请假
    ABSENT = "absent"  # 缺席

    @property
    def label(self) -> str:
        return PRESENCE_LABELS[self]


PRESENCE_LABELS: dict[Presence, str] = {
    Presence.PRESENT: "出席",
    Presence.LEAVE: "请假",
    Presence.ABSENT: "缺席",
}


class AppraisalVerdict(StrEnum):
    EXCELLENT = "excellent"
    QUALIFIED = "qualified"
    BASIC = "basic"
    UNQUALIFIED = "unqualified"

    @property
    def label(self) -> str:
        return VERDICT_LABELS[self]


VERDICT_LABELS: dict[AppraisalVerdict, str] = {
    AppraisalVerdict.EXCELLENT: "优秀",
    AppraisalVerdict.QUALIFIED: "合格",
    AppraisalVerdict.BASIC: "基本合格",
    AppraisalVerdict.UNQUALIFIED: "不合格",
}

#: Place type of a field Party lesson (现场党课).
LESSON_PLACE_TYPES = ("会议室", "田间地头", "项目现场", "调解现场", "红色教育基地", "其他现场")

#: Topic templates offered by the editor (fast entry).
TOPIC_TEMPLATES = (
    "传达学习上级精神",
    "学习党的理论和政策",
    "讨论发展党员",
    "研究部署工作",
    "讨论村级重大事项（四议两公开）",
    "开展批评与自我批评",
    "通报党费收缴情况",
    "安全生产和防灾减灾",
    "乡村振兴产业发展",
    "民主评议党员",
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
SECRETARY_ROLE = "书记"


@dataclass(frozen=True)
class VoteCount:
    yes: int
    no: int
    abstain: int
    written_yes: int = 0

    @property
    def ballots(self) -> int:
        return self.yes + self.no + self.abstain


def quorum_met(expected_voting: int, present_voting: int, fraction: float = 0.5) -> bool:
    """MTG-QUORUM: at least ``fraction`` of the voting members expected are present."""
    if expected_voting <= 0:
        return False
    return present_voting >= expected_voting * fraction


def motion_passes(vote: VoteCount, expected_voting: int) -> bool:
    """Yes votes (with written opinions) more than half of the voting members expected."""
    return expected_voting > 0 and 2 * (vote.yes + vote.written_yes) > expected_voting


def vote_problems(vote: VoteCount, present_voting: int, absent_voting: int) -> list[str]:
    """What is impossible about a tally (messages in Chinese); empty when it is plausible."""
    problems = []
    if min(vote.yes, vote.no, vote.abstain, vote.written_yes) < 0:
        problems.append("票数不能为负数")
    if vote.ballots > present_voting:
        problems.append(
            f"赞成、反对、弃权共{vote.ballots}票，多于到会有表决权的党员{present_voting}名"
        )
    if vote.written_yes > absent_voting:
        problems.append(
            f"书面赞成意见{vote.written_yes}份，多于未到会的有表决权党员{absent_voting}名"
        )
    return problems


def verdict_text(vote: VoteCount, expected_voting: int, present_voting: int) -> str:
    """The verdict line printed with a vote: 通过 / 未通过 (and why)."""
    if not quorum_met(expected_voting, present_voting):
        return "到会人数不足应到有表决权党员的半数，表决无效"
    if motion_passes(vote, expected_voting):
        return "通过"
    return "未通过（赞成票未超过应到有表决权党员的半数）"
