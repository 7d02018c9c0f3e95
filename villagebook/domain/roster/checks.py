"""Pure organisation checks (DOMAIN.md §2): a branch needs 3 full members, a committee 7."""

from __future__ import annotations

from villagebook.domain.common.findings import Finding, Severity
from villagebook.domain.common.i18n import _
from villagebook.domain.common.rules import RuleSet


def organisation_findings(
    *,
    branch_name: str,
    branch_id: str,
    full_members: int,
    has_committee: bool,
    rules: RuleSet,
) -> list[Finding]:
    """ORG-MIN-MEMBERS and ORG-COMMITTEE for a branch with ``full_members`` full members."""
    found = []
    minimum = rules.as_int("ORG-MIN-MEMBERS.full_members")
    if full_members < minimum:
        found.append(
            Finding(
                "ORG-MIN-MEMBERS",
                Severity.ERROR,
                branch_name,
                _(
                    "正式党员只有{full}名，成立党支部至少需要{minimum}名",
                    full=full_members,
                    minimum=minimum,
                ),
                branch_id=branch_id,
            )
        )
    needed = rules.as_int("ORG-COMMITTEE.full_members")
    if has_committee and full_members < needed:
        found.append(
            Finding(
                "ORG-COMMITTEE",
                Severity.WARNING,
                branch_name,
                _(
                    "设支部委员会须有正式党员{needed}名以上，现有{full}名",
                    needed=needed,
                    full=full_members,
                ),
                branch_id=branch_id,
            )
        )
    return found
