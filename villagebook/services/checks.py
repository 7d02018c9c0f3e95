"""`villagebook check`: run every rule check of every capability over a branch."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from sqlmodel import Session

from villagebook.domain.common.findings import Finding, Severity
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.roster.status import PartyStatus
from villagebook.services.roster import org
from villagebook.services.roster import people as roster
from villagebook.storage.models import Branch


@dataclass(frozen=True)
class CheckContext:
    """What every check provider receives."""

    branch: Branch
    as_of: dt.date
    rules: RuleSet = field(default_factory=RuleSet)


CheckProvider = Callable[[Session, CheckContext], Iterable[Finding]]


def organisation_checks(session: Session, ctx: CheckContext) -> Iterable[Finding]:
    """DOMAIN.md §2: a branch needs 3 full members; a committee needs 7."""
    members = roster.members_on(session, ctx.branch.id, ctx.as_of)
    full = sum(1 for m in members if m.status is PartyStatus.FULL)
    minimum = ctx.rules.as_int("ORG-MIN-MEMBERS.full_members")
    if full < minimum:
        yield Finding(
            "ORG-MIN-MEMBERS",
            Severity.ERROR,
            ctx.branch.name,
            f"正式党员只有{full}名，成立党支部至少需要{minimum}名",
            branch_id=str(ctx.branch.id),
        )
    needed = ctx.rules.as_int("ORG-COMMITTEE.full_members")
    if ctx.branch.has_committee and full < needed:
        yield Finding(
            "ORG-COMMITTEE",
            Severity.WARNING,
            ctx.branch.name,
            f"设支部委员会须有正式党员{needed}名以上，现有{full}名",
            branch_id=str(ctx.branch.id),
        )


def providers() -> Sequence[CheckProvider]:
    """Every capability's checks.  Imported lazily to keep start-up light."""
    found: list[CheckProvider] = [organisation_checks]
    from villagebook.services.deliberations.matters import deliberation_checks

    found.append(deliberation_checks)
    from villagebook.services.meetings.checks import meeting_checks

    found.append(meeting_checks)
    from villagebook.services.development.checks import development_checks

    found.append(development_checks)
    return found


def run_checks(
    session: Session,
    *,
    as_of: dt.date,
    rules: RuleSet | None = None,
    branch_id: uuid.UUID | None = None,
) -> list[Finding]:
    """Findings for one branch, or for every branch in the data folder."""
    branches = [org.get_branch(session, branch_id)] if branch_id else org.list_branches(session)
    findings: list[Finding] = []
    for branch in branches:
        ctx = CheckContext(branch=branch, as_of=as_of, rules=rules or RuleSet())
        for provider in providers():
            findings.extend(provider(session, ctx))
    return findings


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)
