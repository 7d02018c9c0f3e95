"""Organisation and roster tables: branch, Party groups, people and their histories."""

from __future__ import annotations

import datetime as dt
import uuid

import sqlalchemy as sa
from sqlmodel import Field

from villagebook.domain.roster.values import ChangeReason, PartyStatus
from villagebook.storage.models.base import EnumText, Row


class Branch(Row, table=True):
    """党支部: one village Party branch."""

    __tablename__ = "branch"

    name: str = Field(max_length=100)
    village: str = Field(max_length=100)
    township: str = Field(default="", max_length=100)
    county: str = Field(default="", max_length=100)
    has_committee: bool = Field(default=False)
    #: The one-shoulder arrangement (一肩挑): the secretary also directs the village committee.
    secretary_is_director: bool = Field(default=False)


class PartyGroup(Row, table=True):
    """党小组: a Party group within a branch."""

    __tablename__ = "party_group"

    branch_id: uuid.UUID = Field(foreign_key="branch.id", index=True)
    name: str = Field(max_length=100)
    sort_order: int = Field(default=0)
    leader_id: uuid.UUID | None = Field(default=None)


class Recorder(Row, table=True):
    """记录人: someone who keeps the branch's records (the secretary first, then others).

    Finalising, amendments and the audit trail name the recorder chosen in the window; a
    recorder who stops keeping records is retired, never deleted (old records name them).
    """

    __tablename__ = "recorder"

    branch_id: uuid.UUID = Field(foreign_key="branch.id", index=True)
    name: str = Field(max_length=30)
    sort_order: int = Field(default=0)
    retired: bool = Field(default=False)


class Person(Row, table=True):
    """A person in the roster: a member, someone on the development path, or a villager.

    ``status`` and ``group_id`` cache the latest entry of the status and group histories;
    only ``services.roster`` writes them, together with the history row.
    """

    __tablename__ = "person"
    #: An ID number is unique within a branch (the roster refuses it across the data folder;
    #: a township holds a person transferred between two of its branches twice).
    __table_args__ = (
        sa.Index("ix_person_branch_id_number", "branch_id", "id_number", unique=True),
    )

    branch_id: uuid.UUID = Field(foreign_key="branch.id", index=True)
    name: str = Field(max_length=30, index=True)
    gender: str = Field(default="", max_length=10)  # "男" / "女"
    ethnicity: str = Field(default="汉族", max_length=20)  # i18n: stored
    birth_date: dt.date | None = None
    education: str = Field(default="", max_length=30)
    phone: str = Field(default="", max_length=20)
    id_number: str | None = Field(default=None, max_length=18, index=True)
    status: PartyStatus = Field(
        default=PartyStatus.MASSES, sa_type=EnumText(PartyStatus), index=True
    )
    group_id: uuid.UUID | None = Field(default=None, foreign_key="party_group.id", index=True)
    #: Role in the branch committee (书记, 副书记, 组织委员, ...), empty for none.
    committee_role: str = Field(default="", max_length=20)
    note: str = Field(default="", max_length=500)


class StatusChange(Row, table=True):
    """One entry of a person's status history: from ``effective_on`` the status is ``status``."""

    __tablename__ = "status_change"

    person_id: uuid.UUID = Field(foreign_key="person.id", index=True)
    status: PartyStatus = Field(sa_type=EnumText(PartyStatus))
    effective_on: dt.date
    reason: ChangeReason = Field(default=ChangeReason.RECORDED, sa_type=EnumText(ChangeReason))
    note: str = Field(default="", max_length=500)


class GroupAssignment(Row, table=True):
    """From ``effective_on`` the person belongs to ``group_id`` (None: to no group)."""

    __tablename__ = "group_assignment"

    person_id: uuid.UUID = Field(foreign_key="person.id", index=True)
    group_id: uuid.UUID | None = Field(default=None, foreign_key="party_group.id")
    effective_on: dt.date


class Discipline(Row, table=True):
    """A Party discipline measure that limits rights, e.g. 留党察看 (no vote while it runs)."""

    __tablename__ = "discipline"

    person_id: uuid.UUID = Field(foreign_key="person.id", index=True)
    kind: str = Field(default="留党察看", max_length=20)  # i18n: stored
    start_on: dt.date
    end_on: dt.date | None = None
    note: str = Field(default="", max_length=500)


class AppSetting(Row, table=True):
    """Small values kept with the data (last meeting place, rule set choice, ...)."""

    __tablename__ = "app_setting"

    key: str = Field(max_length=100, unique=True)
    value: str = Field(default="")


class Attachment(Row, table=True):
    """A file kept with a record (sign-in sheet scan, photo, application letter, ...).

    The file is copied into the data folder under its SHA-256, so it can be verified and is
    never lost when the original on a USB stick goes away.  ``owner_type`` names the kind of
    record (``meeting``, ``development_step``, ``deliberation_step``, ...).
    """

    __tablename__ = "attachment"

    branch_id: uuid.UUID = Field(foreign_key="branch.id", index=True)
    owner_type: str = Field(max_length=40, index=True)
    owner_id: uuid.UUID = Field(index=True)
    kind: str = Field(default="", max_length=40)
    filename: str = Field(max_length=255)
    media_type: str = Field(max_length=60)
    size: int
    sha256: str = Field(max_length=64, index=True)
    stored_path: str = Field(max_length=255)
    note: str = Field(default="", max_length=500)
