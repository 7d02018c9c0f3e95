"""What the PDF proof hands out: the installation identity, trusted certificates, and what
``verify`` found in a PDF.

This is an integrity check (完整性校验) by the branch's own installation, not a legal
electronic seal (电子签章): wet signatures and the seal stay on paper.  Plain values, no
cryptography: the services make them, the window and the command line show them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from villagebook.domain.common.i18n import N_, _, label

#: Printed wherever the proof is described to a user.
NOT_A_SEAL = N_(
    "完整性校验由本支部的VillageBook安装完成，不是电子签章；手写签名和公章仍以纸质为准。"
)


#: The exchange format's sections, as a summary of embedded records names them.
SECTION_LABELS = {
    "people": N_("人员", context="table"),
    "meetings": N_("会议记录", context="table"),
    "meeting_plans": N_("季度计划", context="table"),
    "development_cases": N_("发展党员案卷", context="table"),
    "deliberations": N_("四议两公开事项", context="table"),
    "finding_notes": N_("已处理的检查结果", context="table"),
}


def grouped(hex_digits: str, size: int = 4) -> str:
    """``3f2a9c1b…`` as ``3F2A 9C1B …`` (read out by phone)."""
    text = hex_digits.upper()
    return " ".join(text[i : i + size] for i in range(0, len(text), size))


def short_digest(hex_digits: str) -> str:
    """The first 16 hex digits, grouped: what every page prints."""
    return grouped(hex_digits[:16])


@dataclass(frozen=True)
class IdentityInfo:
    """An installation's identity as its certificate states it."""

    #: SHA-256 of the public key, 64 lowercase hex digits.
    fingerprint: str
    installation_id: str
    branch_name: str
    township: str = ""
    county: str = ""
    created_at: dt.datetime | None = None
    #: True when the private key is sealed with the app-lock password.
    protected: bool = False
    certificate_pem: str = ""

    @property
    def fingerprint_text(self) -> str:
        """The fingerprint in groups of four, for reading out by phone."""
        return grouped(self.fingerprint)

    @property
    def place(self) -> str:
        return f"{self.county}{self.township}"

    def to_json(self) -> dict[str, Any]:
        return {
            "fingerprint": self.fingerprint,
            "installation_id": self.installation_id,
            "branch": self.branch_name,
            "township": self.township,
            "county": self.county,
            "created_at": self.created_at.isoformat() if self.created_at else None,
            "protected": self.protected,
        }


@dataclass(frozen=True)
class TrustedInfo:
    """A certificate of another installation in this installation's trust list."""

    identity: IdentityInfo
    added_at: dt.datetime | None = None
    added_by: str = ""


class Verdict(StrEnum):
    """The outcome of ``villagebook verify``: each has its own exit code."""

    VALID = "valid"
    ALTERED = "altered"
    UNSIGNED = "unsigned"
    UNKNOWN_SIGNER = "unknown-signer"
    DAMAGED = "damaged"

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self]

    @property
    def label(self) -> str:
        return label(VERDICT_LABELS[self])


#: 0 only for signed, unaltered and consistent by a known signer.
EXIT_CODES = {
    Verdict.VALID: 0,
    Verdict.ALTERED: 10,
    Verdict.UNSIGNED: 11,
    Verdict.UNKNOWN_SIGNER: 12,
    Verdict.DAMAGED: 13,
}

VERDICT_LABELS = {
    Verdict.VALID: N_("有效：已签名，签名后未改动，内容一致"),
    Verdict.ALTERED: N_("已被改动"),
    Verdict.UNSIGNED: N_("没有签名"),
    Verdict.UNKNOWN_SIGNER: N_("签名者不在信任列表中"),
    Verdict.DAMAGED: N_("文件已损坏或不是PDF"),
}

#: When several problems are found, the verdict is the first of these that applies.
PRECEDENCE = (
    Verdict.DAMAGED,
    Verdict.UNSIGNED,
    Verdict.ALTERED,
    Verdict.UNKNOWN_SIGNER,
)


@dataclass(frozen=True)
class Check:
    """One thing ``verify`` checked: a rule code, whether it held, and what was seen."""

    code: str
    ok: bool
    message: str
    #: The verdict this check forces when it fails.
    fails_as: Verdict = Verdict.ALTERED

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "ok": self.ok, "message": self.message}


@dataclass(frozen=True)
class SignerInfo:
    """Who signed a PDF, and whether this installation knows them."""

    identity: IdentityInfo
    #: ``self`` (this installation), ``trusted`` (in the trust list) or ``unknown``.
    known_as: str
    signed_at: dt.datetime | None = None

    @property
    def known(self) -> bool:
        return self.known_as in ("self", "trusted")

    @property
    def known_text(self) -> str:
        return {
            "self": _("本安装"),
            "trusted": _("信任列表中的安装"),
        }.get(self.known_as, _("未知的安装（不在信任列表中）"))


@dataclass(frozen=True)
class RecordsSummary:
    """What the records embedded in a PDF hold."""

    sha256: str
    size: int
    #: Records per section (people, meetings, development_cases, …).
    counts: dict[str, int] = field(default_factory=dict)
    branch_name: str = ""


@dataclass(frozen=True)
class VerifyReport:
    """Everything ``verify`` found in one PDF."""

    verdict: Verdict
    checks: list[Check] = field(default_factory=list)
    signer: SignerInfo | None = None
    report_id: str = ""
    kind: str = ""
    title: str = ""
    period: str = ""
    generated_at: str = ""
    generator: str = ""
    records: RecordsSummary | None = None

    @property
    def exit_code(self) -> int:
        return self.verdict.exit_code

    @property
    def problems(self) -> list[Check]:
        return [c for c in self.checks if not c.ok]

    def to_json(self) -> dict[str, Any]:
        signer = None
        if self.signer is not None:
            signer = {
                **self.signer.identity.to_json(),
                "known_as": self.signer.known_as,
                "signed_at": self.signer.signed_at.isoformat() if self.signer.signed_at else None,
            }
        records = None
        if self.records is not None:
            records = {
                "sha256": self.records.sha256,
                "size": self.records.size,
                "counts": self.records.counts,
                "branch": self.records.branch_name,
            }
        return {
            "verdict": self.verdict.value,
            "exit_code": self.exit_code,
            "verdict_text": self.verdict.label,
            "report_id": self.report_id,
            "kind": self.kind,
            "title": self.title,
            "period": self.period,
            "generated_at": self.generated_at,
            "generator": self.generator,
            "signer": signer,
            "records": records,
            "checks": [c.to_json() for c in self.checks],
        }


def decide(checks: list[Check]) -> Verdict:
    """The verdict of a list of checks: the first failed kind in :data:`PRECEDENCE`."""
    failed = {c.fails_as for c in checks if not c.ok}
    for verdict in PRECEDENCE:
        if verdict in failed:
            return verdict
    return Verdict.VALID
