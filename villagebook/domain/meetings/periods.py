"""The year at a glance and the quarter ahead: the period grid and quarterly plans (季度计划).

Township practice asks for a quarterly plan filed by the 5th of the quarter's first month,
one register entry per activity; the period grid shows, month by month and kind by kind,
what was held and where a required meeting is missing.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from villagebook.domain.meetings.values import MeetingKind, MeetingStatus


@dataclass(frozen=True)
class MeetingEntry:
    """A record as a list or the period grid shows it (no attendance, no texts)."""

    id: uuid.UUID
    kind: MeetingKind
    held_on: dt.date
    group_id: uuid.UUID | None
    status: MeetingStatus
    title: str


@dataclass
class PlanItemInput:
    """One activity of a quarterly plan (季度计划)."""

    kind: MeetingKind
    planned_on: dt.date
    topic: str = ""
    group_id: uuid.UUID | None = None


@dataclass(frozen=True)
class PlanItem:
    """One planned activity; ``meeting_id`` is set once its record has been started."""

    id: uuid.UUID
    kind: MeetingKind
    planned_on: dt.date
    topic: str
    group_id: uuid.UUID | None
    meeting_id: uuid.UUID | None


@dataclass(frozen=True)
class QuarterPlan:
    """季度计划: the planned meetings of one quarter, filed on ``filed_on``."""

    id: uuid.UUID
    year: int
    quarter: int
    filed_on: dt.date
    note: str
    items: list[PlanItem]


@dataclass(frozen=True)
class PeriodColumn:
    """A column of the period grid: a kind (one column per Party group for group meetings)."""

    kind: MeetingKind
    group_id: uuid.UUID | None
    title: str


@dataclass(frozen=True)
class PeriodGrid:
    """The period grid of one year: months × kinds, the records held, where checks begin."""

    year: int
    columns: list[PeriodColumn]
    entries: list[MeetingEntry]
    #: The branch's first record (gaps are shown only after it); None without records.
    first: dt.date | None


def period_columns(has_committee: bool, groups: list[tuple[uuid.UUID, str]]) -> list[PeriodColumn]:
    """Kinds as columns; one column per Party group; the committee only if there is one."""
    columns = [PeriodColumn(MeetingKind.GENERAL, None, MeetingKind.GENERAL.label)]
    if has_committee:
        columns.append(PeriodColumn(MeetingKind.COMMITTEE, None, MeetingKind.COMMITTEE.label))
    columns += [PeriodColumn(MeetingKind.GROUP, gid, name) for gid, name in groups]
    columns += [
        PeriodColumn(k, None, k.label)
        for k in (
            MeetingKind.LESSON,
            MeetingKind.THEME_DAY,
            MeetingKind.ORG_LIFE,
            MeetingKind.APPRAISAL,
            MeetingKind.TALKS,
        )
    ]
    return columns
