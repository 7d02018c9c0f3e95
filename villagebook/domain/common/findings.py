"""Findings of the rule checks (`villagebook check`)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

from villagebook.domain.common.i18n import N_, _, label


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
class FindingKey:
    """What identifies a finding from one check run to the next (its texts may change)."""

    code: str
    subject_id: str = ""
    period: str = ""


@dataclass(frozen=True)
class RuleText:
    """这条规则是什么: a rule as the domain brief (DOMAIN.md) states it.

    ``text`` and ``source`` are in the interface language; ``domain_text`` is DOMAIN.md's
    own wording, ``section`` where it stands there, ``default`` its default value.
    """

    code: str
    text: str
    source: str
    default: str = ""
    section: str = ""
    domain_text: str = ""


@dataclass(frozen=True)
class HandledNote:
    """已处理: the branch marked a finding as handled; the finding itself still exists."""

    id: uuid.UUID
    branch_id: uuid.UUID
    key: FindingKey
    note: str
    handled_on: dt.date
    handled_by: str

    def to_json(self) -> dict[str, Any]:
        return {"note": self.note, "on": self.handled_on.isoformat(), "by": self.handled_by}


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
    #: Set when the branch marked this finding as handled (已处理).
    handled: HandledNote | None = None

    @property
    def key(self) -> FindingKey:
        return FindingKey(self.code, self.subject_id or "", self.period or "")

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["severity"] = self.severity.value
        data["due"] = self.due.isoformat() if self.due else None
        if self.handled is None:
            del data["handled"]
        else:
            data["handled"] = self.handled.to_json()
        return data

    def text(self) -> str:
        text = f"[{self.severity.label}] {self.code} {self.subject}：{self.message}"
        if self.handled is not None:
            text += _("（已处理：{note}）", note=self.handled.note)
        return text
