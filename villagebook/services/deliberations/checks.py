"""四议两公开 check providers: every DLB-* finding of every deliberation of the branch."""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import Session

from villagebook.domain.common.findings import Finding
from villagebook.services.checks import CheckContext, CheckProvider
from villagebook.services.deliberations._meetings import general_meeting_days
from villagebook.services.deliberations.queries import (
    findings_of,
    list_deliberations,
    steps_by_deliberation,
)


def deliberation_checks(session: Session, ctx: CheckContext) -> Iterable[Finding]:
    """The DLB rules (DOMAIN.md §5) over each round, newest first."""
    rows = list_deliberations(session, ctx.branch.id)
    all_steps = steps_by_deliberation(session, [r.id for r in rows])
    days = general_meeting_days(session, ctx.branch.id)
    for row in rows:
        yield from findings_of(session, row, ctx.as_of, ctx.rules, all_steps[row.id], days)


PROVIDERS: list[CheckProvider] = [deliberation_checks]
