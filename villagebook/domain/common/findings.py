"""Findings of the rule checks (`villagebook check`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

from villagebook.domain.common.i18n import N_, label


class Severity(StrEnum):
    ERROR = "error"  # a breach of a rule
    WARNING = "warning"  # a likely problem or an unconfirmed (local) rule
    DUE = "due"  # something due soon (the next 30 days): not a breach yet
    INFO = "info"

    @property
    def label(self) -> str:
        return label(SEVERITY_LABELS[self.value])


SEVERITY_LABELS = {
    "error": N_("违规"),
    "warning": N_("提醒"),
    "due": N_("即将到期"),
    "info": N_("信息"),
}


@dataclass(frozen=True)
class Finding:
    """One result of a rule check.

    ``code`` is the stable rule code of DOMAIN.md (e.g. ``MTG-GENERAL-Q``); ``subject`` says
    what it is about (a period, a person, a meeting, a matter) in Chinese; ``message`` says
    what is wrong and, where it applies, which date would have been right.
    """

    code: str
    severity: Severity
    subject: str
    message: str
    branch_id: str | None = None
    subject_id: str | None = None
    period: str | None = None
    due: dt.date | None = None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["severity"] = self.severity.value
        data["due"] = self.due.isoformat() if self.due else None
        return data

    def text(self) -> str:
        return f"[{self.severity.label}] {self.code} {self.subject}：{self.message}"
