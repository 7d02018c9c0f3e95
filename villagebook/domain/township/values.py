"""Values of the exchange between branches and their township (乡镇) or county (县).

A branch sends **bundles** (数据包): its changed records in the exchange format, their
versions, the attachment files, signed by the installation key.  A township merges them by
record UUID and answers with a **receipt** (回执): what it received up to which change, the
inspector's comments (审核意见) and, where it sets stricter local thresholds, its rule set.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from villagebook.domain.common.i18n import N_, label


class Role(StrEnum):
    """What an installation keeps: one branch's records, or many branches' (read-only)."""

    BRANCH = "branch"
    TOWNSHIP = "township"
    COUNTY = "county"

    @property
    def label(self) -> str:
        return label(ROLE_LABELS[self.value])


ROLE_LABELS = {
    "branch": N_("村党支部"),
    "township": N_("乡镇"),
    "county": N_("县"),
}


class ConflictKind(StrEnum):
    OLDER = "older"
    SAME_VERSION = "same_version"
    OTHER_BRANCH = "other_branch"

    @property
    def label(self) -> str:
        return label(CONFLICT_LABELS[self.value])


CONFLICT_LABELS = {
    "older": N_("版本比乡镇已有的旧"),
    "same_version": N_("版本相同但内容不同"),
    "other_branch": N_("编号属于另一个支部"),
}

#: What a record section is called, for people (the exchange format's keys).
SECTION_LABELS = {
    "branch": N_("支部信息"),
    "groups": N_("党小组"),
    "people": N_("人员"),
    "meetings": N_("会议记录"),
    "meeting_plans": N_("季度计划"),
    "development_cases": N_("发展党员档案"),
    "deliberations": N_("四议两公开事项"),
    "finding_notes": N_("已处理说明"),
}


def section_label(key: str) -> str:
    return label(SECTION_LABELS[key]) if key in SECTION_LABELS else key


@dataclass(frozen=True)
class Signer:
    """Who signed a bundle or receipt, as its certificate says."""

    fingerprint: str
    installation_id: str
    name: str
    township: str
    county: str
    #: ``self`` / ``trusted`` / ``unknown``
    known: str
    #: The key that signed this branch's earlier bundles, when another one signs now.
    previous_fingerprint: str = ""

    @property
    def fingerprint_text(self) -> str:
        """The fingerprint in groups of four, as read out over the telephone."""
        return " ".join(self.fingerprint[i : i + 4].upper() for i in range(0, 64, 4))


@dataclass(frozen=True)
class BundleSummary:
    """A bundle written by a branch (报送)."""

    bundle_id: str
    path: str
    full: bool
    from_change: int
    to_change: int
    records: int
    deleted: int
    files: int
    sha256: str


@dataclass(frozen=True)
class ConflictRecord:
    """A record a bundle brought that was not merged: both values, who and when."""

    id: uuid.UUID
    branch_id: uuid.UUID
    branch_name: str
    bundle_id: str
    section: str
    record_id: str
    kind: ConflictKind
    held_version: int
    held: dict[str, Any] | None
    held_by: str
    held_at: dt.datetime | None
    incoming_version: int
    incoming: dict[str, Any]
    incoming_by: str
    incoming_at: dt.datetime | None
    status: str
    held_branch: str = ""

    @property
    def title(self) -> str:
        return record_title(self.section, self.incoming or self.held or {})

    def differences(self) -> list[tuple[str, Any, Any]]:
        """(field, held value, incoming value) of every top-level field that differs."""
        held, new = self.held or {}, self.incoming or {}
        keys = [k for k in new if k != "id"] + [k for k in held if k not in new and k != "id"]
        return [(k, held.get(k), new.get(k)) for k in keys if held.get(k) != new.get(k)]


def record_title(section: str, item: dict[str, Any]) -> str:
    """A short name for a record in the exchange format (its title, name or date)."""
    for key in ("title", "name"):
        if item.get(key):
            return str(item[key])
    for key in ("held_on", "code"):
        if item.get(key):
            return str(item[key])
    if section == "meeting_plans":
        return f"{item.get('year')}Q{item.get('quarter')}"
    return str(item.get("id", ""))[:8]


@dataclass(frozen=True)
class ImportOutcome:
    """What importing one bundle did."""

    path: str
    bundle_id: str
    branch_id: uuid.UUID
    branch_name: str
    already: bool = False
    added: int = 0
    replaced: int = 0
    identical: int = 0
    deleted: int = 0
    conflicts: int = 0
    files: int = 0
    to_change: int = 0
    signer: Signer | None = None
    trusted_now: bool = False


@dataclass(frozen=True)
class ReceiptSummary:
    """A receipt written by a township, or imported by a branch."""

    receipt_id: str
    branch_id: uuid.UUID
    branch_name: str
    up_to_change: int
    comments: int
    rules_version: str
    path: str = ""
    township: str = ""
    adopted_rules: bool = False


@dataclass(frozen=True)
class CommentRecord:
    """审核意见: the inspector's comment on a branch, a finding or one record."""

    id: uuid.UUID
    branch_id: uuid.UUID
    text: str
    written_on: dt.date
    written_by: str
    township: str = ""
    code: str = ""
    subject_id: str = ""
    period: str = ""
    section: str = ""
    record_id: str = ""

    @property
    def about(self) -> str:
        if self.code:
            return " ".join(p for p in (self.code, self.period) if p)
        if self.section:
            return section_label(self.section)
        return ""


@dataclass(frozen=True)
class RuleSetEntry:
    """A rule set this installation adopted; ``current`` is the one in force."""

    id: uuid.UUID
    name: str
    version: str
    params: dict[str, float]
    adopted_on: dt.date
    source: str
    source_name: str
    current: bool = False


@dataclass(frozen=True)
class KindCount:
    """Activities of one kind this quarter: held against required."""

    kind: str
    held: int
    required: int

    @property
    def short(self) -> bool:
        return self.held < self.required

    @property
    def kind_label(self) -> str:
        from villagebook.domain.meetings.values import MeetingKind

        return MeetingKind(self.kind).label


@dataclass(frozen=True)
class BranchRow:
    """One branch in the township view."""

    branch_id: uuid.UUID
    name: str
    village: str
    township: str
    county: str
    activities: tuple[KindCount, ...] = ()
    development_overdue: int = 0
    deliberations_open: int = 0
    findings_open: int = 0
    findings_handled: int = 0
    errors_open: int = 0
    last_received: dt.datetime | None = None
    up_to_change: int = 0
    conflicts_waiting: int = 0
    rules_version: str = ""
    #: The day the figures were computed for: the view's day, or in the current view an
    #: earlier day of the same quarter since which neither the branch's data nor its rules
    #: changed (figures are computed when a bundle is merged, not again every day).
    figures_as_of: dt.date | None = None

    @property
    def activities_text(self) -> str:
        return "  ".join(f"{k.kind_label} {k.held}/{k.required}" for k in self.activities)

    @property
    def activities_short(self) -> int:
        return sum(1 for k in self.activities if k.short)


@dataclass(frozen=True)
class TownshipSummary:
    """The township view: one row per branch, for a quarter as of a day."""

    name: str
    county: str
    role: Role
    year: int
    quarter: int
    as_of: dt.date
    rows: tuple[BranchRow, ...] = ()


@dataclass(frozen=True)
class TownshipGroup:
    """One township in a county roll-up, with its branches."""

    township: str
    rows: tuple[BranchRow, ...] = field(default_factory=tuple)

    def total(self, attribute: str) -> int:
        return sum(int(getattr(r, attribute)) for r in self.rows)


@dataclass(frozen=True)
class CountyRollup:
    name: str
    year: int
    quarter: int
    as_of: dt.date
    townships: tuple[TownshipGroup, ...] = ()
