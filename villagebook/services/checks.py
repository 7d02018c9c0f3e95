"""The check registry, once: run every capability's rule checks over a branch.

Each capability lists its check providers in ``services/<capability>/checks.py`` as
``PROVIDERS``; the Book hands all of them to :class:`ChecksApi`, so this module imports
no capability.  A provider reads what it needs through the session and yields
:class:`~villagebook.domain.common.findings.Finding` values; the rule logic itself lives in
``domain/<capability>/checks.py`` and is pure.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from sqlmodel import Session

from villagebook.domain.common.findings import (
    Finding,
    FindingKey,
    HandledNote,
    RuleText,
    Severity,
)
from villagebook.domain.common.i18n import _
from villagebook.domain.common.rules import RuleSet
from villagebook.services import finding_notes, rule_texts
from villagebook.services.capability import BookCore, Capability
from villagebook.services.roster.queries import get_branch, list_branches
from villagebook.storage.models import Branch


@dataclass(frozen=True)
class CheckContext:
    """What every check provider receives."""

    branch: Branch
    as_of: dt.date
    rules: RuleSet = field(default_factory=RuleSet)


CheckProvider = Callable[[Session, CheckContext], Iterable[Finding]]


def run_providers(
    session: Session,
    providers: Sequence[CheckProvider],
    *,
    as_of: dt.date,
    rules: RuleSet | None = None,
    branch_id: uuid.UUID | None = None,
) -> list[Finding]:
    """Findings for one branch, or for every branch in the data folder."""
    branches = [get_branch(session, branch_id)] if branch_id else list_branches(session)
    findings: list[Finding] = []
    for branch in branches:
        ctx = CheckContext(branch=branch, as_of=as_of, rules=rules or RuleSet())
        for provider in providers:
            findings.extend(provider(session, ctx))
    return findings


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)


class ChecksApi(Capability):
    """`villagebook check` and the window's findings."""

    def __init__(self, core: BookCore, providers: Sequence[CheckProvider]) -> None:
        super().__init__(core)
        self.providers = list(providers)

    def run(
        self,
        *,
        as_of: dt.date | None = None,
        rules: RuleSet | None = None,
        branch_id: uuid.UUID | None = None,
    ) -> list[Finding]:
        """Every finding on ``as_of`` (default today) under ``rules`` (default the Book's),
        each with the branch's note when it was marked handled."""
        with self.core.reading() as session:
            findings = run_providers(
                session,
                self.providers,
                as_of=as_of or self.core.today(),
                rules=rules or self.core.rules(),
                branch_id=branch_id,
            )
            return finding_notes.attach(findings, finding_notes.notes_of(session))

    def rule(self, code: str) -> RuleText | None:
        """这条规则是什么: what rule ``code`` says and where it comes from (DOMAIN.md)."""
        return rule_texts.rule_text(code)

    def notes(self, branch_id: uuid.UUID | None = None) -> list[HandledNote]:
        """The notes on handled findings (of one branch, or of all)."""
        with self.core.reading() as session:
            rows = finding_notes.notes_of(session, [branch_id] if branch_id else None)
            return [finding_notes.note_value(r) for r in rows]

    def mark_handled(
        self,
        branch_id: uuid.UUID,
        key: FindingKey,
        note: str,
        *,
        day: dt.date | None = None,
    ) -> HandledNote:
        """已处理: note what was done about a finding (it is still reported, with the note)."""
        with self.core.transaction(_("标记为已处理")) as session:
            row = finding_notes.mark_handled(
                session,
                branch_id,
                key,
                note,
                day=day or self.core.today(),
                today=self.core.today(),
                actor=self.core.actor,
            )
            return finding_notes.note_value(row)

    def remove_note(self, note_id: uuid.UUID) -> None:
        """Take back an 已处理 mark (the finding shows as open again)."""
        with self.core.transaction(_("取消已处理")) as session:
            finding_notes.remove_note(session, note_id)
