"""The roster's values: Party status and what it allows, the branch, groups and people.

These are what the Book hands out and takes in for the roster (花名册); storage rows never
leave the services.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from enum import StrEnum

from villagebook.domain.common.i18n import N_, label


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
        return label(STATUS_LABELS[self])


STATUS_LABELS: dict[PartyStatus, str] = {
    PartyStatus.MASSES: N_("群众"),
    PartyStatus.APPLICANT: N_("入党申请人"),
    PartyStatus.ACTIVIST: N_("入党积极分子"),
    PartyStatus.TARGET: N_("发展对象"),
    PartyStatus.PROBATIONARY: N_("预备党员"),
    PartyStatus.FULL: N_("正式党员"),
    PartyStatus.TRANSFERRED_OUT: N_("已转出"),
    PartyStatus.DECEASED: N_("已去世"),
    PartyStatus.LEFT: N_("已出党/退党"),
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

    @property
    def label(self) -> str:
        return label(CHANGE_REASON_LABELS[self])


CHANGE_REASON_LABELS: dict[ChangeReason, str] = {
    ChangeReason.RECORDED: N_("登记"),
    ChangeReason.TRANSFER_IN: N_("转入"),
    ChangeReason.DEVELOPMENT: N_("发展党员程序"),
    ChangeReason.IMPORT: N_("导入"),
}


def is_member(status: PartyStatus | None) -> bool:
    """A Party member (probationary or full) of the branch."""
    return status in MEMBER_STATUSES


def can_vote(status: PartyStatus | None, *, under_probation_discipline: bool = False) -> bool:
    """Voting right (表决权): full members not under 留党察看 (DOMAIN.md §2).

    Probationary members attend and speak but do not vote.
    """
    return status is PartyStatus.FULL and not under_probation_discipline


# --- records the Book hands out ---------------------------------------------------------


@dataclass(frozen=True)
class BranchRecord:
    """党支部: one village Party branch."""

    id: uuid.UUID
    name: str
    village: str
    township: str
    county: str
    has_committee: bool
    secretary_is_director: bool


@dataclass(frozen=True)
class RecorderRecord:
    """记录人: someone who keeps the branch's records; finalising and amendments name them."""

    id: uuid.UUID
    branch_id: uuid.UUID
    name: str
    retired: bool = False


@dataclass
class BranchInput:
    name: str
    village: str
    township: str = ""
    county: str = ""
    has_committee: bool = False
    secretary_is_director: bool = False


@dataclass(frozen=True)
class GroupRecord:
    """党小组: a Party group within a branch."""

    id: uuid.UUID
    branch_id: uuid.UUID
    name: str
    sort_order: int


@dataclass(frozen=True)
class PersonRecord:
    """A person in the roster as stored today (``status`` and ``group_id`` are the latest)."""

    id: uuid.UUID
    branch_id: uuid.UUID
    name: str
    gender: str
    ethnicity: str
    birth_date: dt.date | None
    education: str
    phone: str
    id_number: str | None
    status: PartyStatus
    group_id: uuid.UUID | None
    committee_role: str
    note: str


@dataclass(frozen=True)
class StatusEntry:
    """One entry of a status history: from ``effective_on`` the status is ``status``."""

    id: uuid.UUID
    person_id: uuid.UUID
    status: PartyStatus
    effective_on: dt.date
    reason: ChangeReason
    note: str
    created_at: dt.datetime
    created_by: str


@dataclass(frozen=True)
class GroupEntry:
    """From ``effective_on`` the person belongs to ``group_id`` (None: to no group)."""

    id: uuid.UUID
    person_id: uuid.UUID
    group_id: uuid.UUID | None
    effective_on: dt.date
    created_at: dt.datetime
    created_by: str


@dataclass(frozen=True)
class RosterEntry:
    """A person as they stood on one day: status, group, and whether they may vote."""

    person_id: uuid.UUID
    name: str
    status: PartyStatus
    group_id: uuid.UUID | None
    committee_role: str
    under_discipline: bool

    @property
    def is_member(self) -> bool:
        return is_member(self.status)

    @property
    def can_vote(self) -> bool:
        return can_vote(self.status, under_probation_discipline=self.under_discipline)


@dataclass(frozen=True)
class RosterFilter:
    search: str = ""
    status: PartyStatus | None = None
    group_id: uuid.UUID | None = None
