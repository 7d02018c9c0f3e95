"""Tables of Party member development (发展党员): cases, steps, people, assessments."""

from __future__ import annotations

import datetime as dt
import uuid

import sqlalchemy as sa
from sqlmodel import Field

from villagebook.domain.development.values import CaseState, Ending, Role
from villagebook.storage.models.base import EnumText, Row


class DevelopmentCase(Row, table=True):
    """发展党员档案: one person's path through the workflow named by id and version."""

    __tablename__ = "development_case"

    branch_id: uuid.UUID = Field(foreign_key="branch.id", index=True)
    person_id: uuid.UUID = Field(foreign_key="person.id", index=True)
    workflow_id: str = Field(max_length=40)
    workflow_version: int = Field(default=1)
    state: CaseState = Field(default=CaseState.OPEN, sa_type=EnumText(CaseState), index=True)
    ended_on: dt.date | None = None
    ending: Ending | None = Field(default=None, sa_type=EnumText(Ending))
    ending_reason: str = Field(default="", max_length=500)
    #: Entered from a past paper file (or imported): breaches are reported, not refused.
    historical: bool = Field(default=False)
    note: str = Field(default="", max_length=500)


class DevelopmentStep(Row, table=True):
    """One recorded step of a case; meeting steps may link a 三会一课 general meeting."""

    __tablename__ = "development_step"
    __table_args__ = (sa.UniqueConstraint("case_id", "number"),)

    case_id: uuid.UUID = Field(foreign_key="development_case.id", index=True)
    number: int
    done_on: dt.date
    #: The general meeting record (no foreign key: meetings are another capability).
    meeting_id: uuid.UUID | None = None
    expected_voting: int | None = None
    present_voting: int | None = None
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    written_yes: int | None = None
    training_days: float | None = None
    training_hours: float | None = None
    publicity_from: dt.date | None = None
    publicity_to: dt.date | None = None
    result: str = Field(default="", max_length=200)
    reason: str = Field(default="", max_length=500)
    note: str = Field(default="", max_length=1000)


class DevelopmentStepPerson(Row, table=True):
    """Someone named on a step: a roster person or, for outsiders, just a name."""

    __tablename__ = "development_step_person"

    step_id: uuid.UUID = Field(foreign_key="development_step.id", index=True)
    role: Role = Field(sa_type=EnumText(Role))
    person_id: uuid.UUID | None = Field(default=None, foreign_key="person.id")
    name: str = Field(max_length=30)
    sort_order: int = Field(default=0)


class DevelopmentAssessment(Row, table=True):
    """A half-yearly assessment of an activist (培养考察), DEV-ASSESS-6M."""

    __tablename__ = "development_assessment"

    case_id: uuid.UUID = Field(foreign_key="development_case.id", index=True)
    assessed_on: dt.date
    note: str = Field(default="", max_length=500)


class DevelopmentExtension(Row, table=True):
    """A probation extension (延长预备期), DEV-EXTENSION: once, 6 to 12 months."""

    __tablename__ = "development_extension"

    case_id: uuid.UUID = Field(foreign_key="development_case.id", index=True)
    decided_on: dt.date
    months: int
    reason: str = Field(default="", max_length=500)
