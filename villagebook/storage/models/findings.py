"""A finding marked as handled (已处理): the branch's note on a rule check's result.

The finding itself is never stored (checks compute it afresh); the note is keyed by what
identifies a finding across runs: branch, rule code, the record it is about and the period.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlmodel import Field

from villagebook.storage.models.base import Row


class FindingNote(Row, table=True):
    """已处理: who marked which finding as handled, when, and what was done."""

    __tablename__ = "finding_note"

    branch_id: uuid.UUID = Field(foreign_key="branch.id", index=True)
    code: str = Field(max_length=40, index=True)
    #: The record the finding is about (a meeting, a person, a deliberation), or "".
    subject_id: str = Field(default="", max_length=40)
    #: The period of a cadence finding ("2026年第3季度"), or "".
    period: str = Field(default="", max_length=40)
    note: str = Field(max_length=2000)
    handled_on: dt.date
    handled_by: str = Field(default="", max_length=100)
