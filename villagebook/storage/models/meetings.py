"""Tables for 三会一课 meeting records, attendance, amendments and quarterly plans.

Topics, speeches, votes and appraisals are ordered lists that belong to one record and are
always read with it, so they are stored as JSON columns of ``meeting``, typed by the
domain's declarations (:class:`Speech`, :class:`Vote`, :class:`Appraisal`) and validated on
the way in and out; attendance has its own table because checks count it across many
meetings.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlmodel import Field

from villagebook.domain.meetings.values import (
    Appraisal,
    MeetingKind,
    MeetingStatus,
    NamesShown,
    Presence,
    Speech,
    Vote,
)
from villagebook.storage.models.base import EnumText, PydanticJSON, Row


class Meeting(Row, table=True):
    """MeetingRecord (会议记录): one 三会一课 / organisational-life record."""

    __tablename__ = "meeting"

    branch_id: uuid.UUID = Field(foreign_key="branch.id", index=True)
    kind: MeetingKind = Field(sa_type=EnumText(MeetingKind), index=True)
    held_on: dt.date = Field(index=True)
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    place: str = Field(default="", max_length=100)
    place_type: str = Field(default="", max_length=30)
    group_id: uuid.UUID | None = Field(default=None, foreign_key="party_group.id")
    title: str = Field(default="", max_length=200)
    host_id: uuid.UUID | None = Field(default=None, foreign_key="person.id")
    recorder_id: uuid.UUID | None = Field(default=None, foreign_key="person.id")
    lecturer_id: uuid.UUID | None = Field(default=None, foreign_key="person.id")
    lecturer_name: str = Field(default="", max_length=60)
    topics: list[str] = Field(default_factory=list, sa_type=PydanticJSON(list[str]))
    speeches: list[Speech] = Field(default_factory=list, sa_type=PydanticJSON(list[Speech]))
    resolutions: str = Field(default="")
    votes: list[Vote] = Field(default_factory=list, sa_type=PydanticJSON(list[Vote]))
    #: 民主评议党员
    appraisals: list[Appraisal] = Field(default_factory=list, sa_type=PydanticJSON(list[Appraisal]))
    note: str = Field(default="")
    status: MeetingStatus = Field(default=MeetingStatus.DRAFT, sa_type=EnumText(MeetingStatus))
    finalised_on: dt.date | None = None
    finalised_by: str = Field(default="", max_length=100)
    #: The host's, recorder's, lecturer's, group's and branch's names at finalisation.
    names_shown: NamesShown | None = Field(default=None, sa_type=PydanticJSON(NamesShown))
    #: The seal of a finalised record's content (``storage.seals``); "" for a draft.
    content_hash: str = Field(default="", max_length=64)


class MeetingAttendance(Row, table=True):
    """One person at a meeting: a member expected (present / on leave / absent) or 列席."""

    __tablename__ = "meeting_attendance"

    meeting_id: uuid.UUID = Field(foreign_key="meeting.id", index=True)
    person_id: uuid.UUID | None = Field(default=None, foreign_key="person.id")
    name: str = Field(max_length=60)
    #: False for non-member attendees (列席).
    expected: bool = Field(default=True)
    #: The voting right on the meeting date (full member, not under 留党察看).
    voting: bool = Field(default=False)
    presence: Presence = Field(default=Presence.PRESENT, sa_type=EnumText(Presence))
    reason: str = Field(default="", max_length=200)
    position: int = Field(default=0)


class MeetingAmendment(Row, table=True):
    """A correction of a finalised record: who, when, why, which field, old and new value."""

    __tablename__ = "meeting_amendment"

    meeting_id: uuid.UUID = Field(foreign_key="meeting.id", index=True)
    #: A field, or ``attendance.<person id>`` (47 characters).
    field_name: str = Field(max_length=80)
    old_value: str = Field(default="")
    new_value: str = Field(default="")
    reason: str = Field(max_length=500)
    amended_on: dt.date
    amended_by: str = Field(default="", max_length=100)


class MeetingPlan(Row, table=True):
    """季度计划: the planned meetings of one quarter."""

    __tablename__ = "meeting_plan"

    branch_id: uuid.UUID = Field(foreign_key="branch.id", index=True)
    year: int
    quarter: int
    filed_on: dt.date
    note: str = Field(default="")


class MeetingPlanItem(Row, table=True):
    """One planned activity; ``meeting_id`` is set once the record has been started."""

    __tablename__ = "meeting_plan_item"

    plan_id: uuid.UUID = Field(foreign_key="meeting_plan.id", index=True)
    kind: MeetingKind = Field(sa_type=EnumText(MeetingKind))
    planned_on: dt.date
    group_id: uuid.UUID | None = Field(default=None, foreign_key="party_group.id")
    topic: str = Field(default="", max_length=200)
    meeting_id: uuid.UUID | None = Field(default=None, foreign_key="meeting.id")
    position: int = Field(default=0)
