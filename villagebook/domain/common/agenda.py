"""工作台: what is due, in plain words, most urgent first (the window's home screen).

An :class:`AgendaItem` says what is due or wrong in words a secretary uses; the rule code
and its source go in ``detail``; ``target`` says what activating it opens: a record, a new
record pre-filled with kind, Party group and date, a development case, a deliberation.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum

from villagebook.domain.common.findings import Finding
from villagebook.domain.common.i18n import N_, label


class Urgency(IntEnum):
    """Ordering of the home screen: lower first."""

    OVERDUE = 0  # missed, overdue, a breach
    SOON = 1  # due within the next 30 days
    OPEN = 2  # waiting (a draft, a step not yet due, a warning)
    DONE = 3  # held, handled, information


class Section(StrEnum):
    ACTIVITIES = "activities"  # 三会一课: this month's and quarter's required activities
    DEVELOPMENT = "development"  # steps due within 30 days or overdue
    DELIBERATIONS = "deliberations"  # waiting for a step; publicity periods ending
    DRAFTS = "drafts"  # records still in draft
    FINDINGS = "findings"  # what the rule checks found
    BACKUP = "backup"  # the last backup

    @property
    def label(self) -> str:
        return label(SECTION_LABELS[self])


SECTION_LABELS = {
    Section.ACTIVITIES: N_("组织生活"),
    Section.DEVELOPMENT: N_("发展党员"),
    Section.DELIBERATIONS: N_("四议两公开"),
    Section.DRAFTS: N_("未定稿记录"),
    Section.FINDINGS: N_("规则检查"),
    Section.BACKUP: N_("数据备份"),
}


class TargetKind(StrEnum):
    MEETING = "meeting"  # open the record ``id``
    NEW_MEETING = "new_meeting"  # a new record of ``meeting_kind``, ``group_id``, ``day``
    CASE = "case"  # open the development case ``id``
    DELIBERATION = "deliberation"  # show the deliberation ``id``
    ROSTER = "roster"
    BACKUPS = "backups"
    NONE = "none"


@dataclass(frozen=True)
class Target:
    kind: TargetKind = TargetKind.NONE
    id: uuid.UUID | None = None
    meeting_kind: str | None = None
    group_id: uuid.UUID | None = None
    day: dt.date | None = None


@dataclass(frozen=True)
class AgendaItem:
    urgency: Urgency
    section: Section
    title: str  # plain words, in the interface language
    detail: str = ""  # the rule code and its source, a date
    due: dt.date | None = None
    target: Target = field(default_factory=Target)
    code: str | None = None
    #: The finding behind the item (it can be marked as handled).
    finding: Finding | None = None

    @property
    def handled(self) -> bool:
        return self.finding is not None and self.finding.handled is not None


@dataclass(frozen=True)
class Agenda:
    as_of: dt.date
    items: list[AgendaItem]
    last_backup: dt.datetime | None = None

    def sorted(self) -> list[AgendaItem]:
        """Most urgent first; handled findings last; then by date."""
        far = dt.date.max
        return sorted(
            self.items,
            key=lambda i: (
                i.handled,
                i.urgency,
                i.due or far,
                list(Section).index(i.section),
                i.title,
            ),
        )
