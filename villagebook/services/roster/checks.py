"""The roster's check providers: the organisation rules of DOMAIN.md §2."""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import Session

from villagebook.domain.common.findings import Finding
from villagebook.domain.roster.checks import organisation_findings
from villagebook.domain.roster.values import PartyStatus
from villagebook.services.checks import CheckContext, CheckProvider
from villagebook.services.roster.queries import members_on


def organisation_checks(session: Session, ctx: CheckContext) -> Iterable[Finding]:
    members = members_on(session, ctx.branch.id, ctx.as_of)
    return organisation_findings(
        branch_name=ctx.branch.name,
        branch_id=str(ctx.branch.id),
        full_members=sum(1 for m in members if m.status is PartyStatus.FULL),
        has_committee=ctx.branch.has_committee,
        rules=ctx.rules,
    )


PROVIDERS: list[CheckProvider] = [organisation_checks]
