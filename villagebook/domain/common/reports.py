"""What the window and the command line ask the Book to print, and what they get back.

Plain values (no storage, no PDF library): :class:`ReportRequest` goes to
``book.reports.render`` / ``save``; :class:`RenderedReport` comes back; a cancelled build
raises :class:`ReportCancelled`.  The pipeline itself is :mod:`villagebook.services.printing`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from villagebook.domain.common.rules import RuleSet

__all__ = ["RenderedReport", "ReportCancelled", "ReportRequest"]


class ReportCancelled(Exception):
    """The user cancelled a report while it was being built; nothing was written."""


@dataclass(frozen=True)
class ReportRequest:
    """What to print.  Which fields a kind needs is said by its :class:`ReportKind`."""

    kind: str
    branch_id: uuid.UUID | None = None
    #: The record the report is about: a meeting, a person, a matter.
    subject_id: uuid.UUID | None = None
    year: int | None = None
    quarter: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    as_of: dt.date | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    #: The Book's today and rule set, filled in by :meth:`ReportsApi.render` (reports that
    #: print check results or "as of today" use them).
    today: dt.date | None = None
    rules: RuleSet | None = None

    @property
    def day(self) -> dt.date:
        """The day the report is made (the Book's today)."""
        return self.today or dt.date.today()

    @property
    def rule_set(self) -> RuleSet:
        return self.rules or RuleSet()

    #: The report ID printed on every page (made when not given; give it to rebuild).
    report_id: str | None = None
    #: When the report is generated (now when not given; give it to rebuild): printed on
    #: every page and in the metadata; when given, also the day ``today`` defaults to.
    generated_at: dt.datetime | None = None


@dataclass(frozen=True)
class RenderedReport:
    kind: str
    pages: int
    data: bytes
    file_name: str
    summary: str = ""
    report_id: str = ""
    #: SHA-256 of the embedded records (the digest printed on every page).
    records_sha256: str = ""

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()
