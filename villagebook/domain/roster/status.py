"""Party status of a person (政治面貌 / 党员状态) and what it allows."""

from __future__ import annotations

from enum import StrEnum


class PartyStatus(StrEnum):
    MASSES = "masses"
    APPLICANT = "applicant"
    ACTIVIST = "activist"
    TARGET = "target"
    PROBATIONARY = "probationary"
    FULL = "full"
    TRANSFERRED_OUT = "transferred_out"
    DECEASED = "deceased"
    LEFT = "left"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS: dict[PartyStatus, str] = {
    PartyStatus.MASSES: "群众",
    PartyStatus.APPLICANT: "入党申请人",
    PartyStatus.ACTIVIST: "入党积极分子",
    PartyStatus.TARGET: "发展对象",
    PartyStatus.PROBATIONARY: "预备党员",
    PartyStatus.FULL: "正式党员",
    PartyStatus.TRANSFERRED_OUT: "已转出",
    PartyStatus.DECEASED: "已去世",
    PartyStatus.LEFT: "已出党/退党",
}

#: Statuses of people who belong to the branch as Party members on a given day.
MEMBER_STATUSES = frozenset({PartyStatus.PROBATIONARY, PartyStatus.FULL})

#: The development path, in order (DOMAIN.md §2).
DEVELOPMENT_PATH = (
    PartyStatus.MASSES,
    PartyStatus.APPLICANT,
    PartyStatus.ACTIVIST,
    PartyStatus.TARGET,
    PartyStatus.PROBATIONARY,
    PartyStatus.FULL,
)


class ChangeReason(StrEnum):
    """Why a status changed; ``transfer_in`` marks a member who joined from elsewhere."""

    RECORDED = "recorded"
    TRANSFER_IN = "transfer_in"
    DEVELOPMENT = "development"
    IMPORT = "import"


CHANGE_REASON_LABELS: dict[ChangeReason, str] = {
    ChangeReason.RECORDED: "登记",
    ChangeReason.TRANSFER_IN: "转入",
    ChangeReason.DEVELOPMENT: "发展党员程序",
    ChangeReason.IMPORT: "导入",
}


def is_member(status: PartyStatus | None) -> bool:
    """A Party member (probationary or full) of the branch."""
    return status in MEMBER_STATUSES


def can_vote(status: PartyStatus | None, *, under_probation_discipline: bool = False) -> bool:
    """Voting right (表决权): full members not under 留党察看 (DOMAIN.md §2).

    Probationary members attend and speak but do not vote.
    """
    return status is PartyStatus.FULL and not under_probation_discipline
