"""四议两公开 tables: a deliberation per round, its steps, and the versions of its text."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlmodel import Field

from villagebook.domain.deliberations.values import (
    Basis,
    Category,
    DeliberationStatus,
    DeliberationVerdict,
    StepKind,
)
from villagebook.storage.models.base import EnumText, Row


class Deliberation(Row, table=True):
    """One round of a deliberation (事项, a major village matter).  A re-proposal is a new
    row that names the previous round, so the history of a rejected deliberation stays."""

    __tablename__ = "deliberation"

    branch_id: uuid.UUID = Field(foreign_key="branch.id", index=True)
    title: str = Field(max_length=100)
    category: Category = Field(sa_type=EnumText(Category))
    amount_fen: int | None = None
    workflow: str = Field(default="standard", max_length=40)
    workflow_version: int = Field(default=1)
    round_no: int = Field(default=1)
    previous_id: uuid.UUID | None = Field(default=None, index=True)
    status: DeliberationStatus = Field(
        default=DeliberationStatus.OPEN, sa_type=EnumText(DeliberationStatus)
    )
    status_on: dt.date | None = None
    status_reason: str = Field(default="", max_length=500)
    note: str = Field(default="", max_length=500)


class DeliberationText(Row, table=True):
    """A version of the proposal or resolution text.  A version a step decided on is frozen
    (``frozen_by`` names the step); a later edit makes a new version."""

    __tablename__ = "deliberation_text"

    deliberation_id: uuid.UUID = Field(foreign_key="deliberation.id", index=True)
    version: int
    body: str = Field(max_length=20000)
    frozen_by: StepKind | None = Field(default=None, sa_type=EnumText(StepKind))


class DeliberationStep(Row, table=True):
    """One of the six steps as it happened: a meeting (date, place, counts, votes) or a
    publication (where, from, until).  Recorded once; only ``posted_until`` of a running
    publication is filled in later."""

    __tablename__ = "deliberation_step"

    deliberation_id: uuid.UUID = Field(foreign_key="deliberation.id", index=True)
    kind: StepKind = Field(sa_type=EnumText(StepKind))
    held_on: dt.date | None = None
    place: str = Field(default="", max_length=100)
    held_with_previous: bool = Field(default=False)
    #: A 三会一课 general meeting record (no foreign key: read through the meetings queries).
    meeting_id: uuid.UUID | None = Field(default=None)
    basis: Basis | None = Field(default=None, sa_type=EnumText(Basis))
    expected: int | None = None
    present: int | None = None
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    notice_on: dt.date | None = None
    verdict: DeliberationVerdict = Field(
        default=DeliberationVerdict.RECORDED, sa_type=EnumText(DeliberationVerdict)
    )
    channels: str = Field(default="", max_length=100)  # comma-separated Channel values
    posted_from: dt.date | None = None
    posted_until: dt.date | None = None
    text_id: uuid.UUID | None = Field(default=None, foreign_key="deliberation_text.id")
    note: str = Field(default="", max_length=1000)
