"""`villagebook check` provider: every development rule over every case of the branch."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from sqlmodel import Session

from villagebook.domain.common.findings import Finding
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.development.facts import CaseFacts
from villagebook.domain.development.rules import Violation, check_case
from villagebook.services.checks import CheckContext, CheckProvider
from villagebook.services.development.facts import load_facts


def to_finding(facts: CaseFacts, violation: Violation) -> Finding:
    where = ""
    if violation.step is not None:
        where = f"第{violation.step}步“{facts.workflow.step(violation.step).name}”："
    return Finding(
        code=violation.code,
        severity=violation.severity,
        subject=f"{facts.person_name}（发展党员）",
        message=where + violation.message,
        branch_id=facts.branch_id,
        subject_id=facts.case_id,
        due=violation.due,
    )


def case_findings(facts: CaseFacts, rules: RuleSet, as_of: dt.date) -> Iterator[Finding]:
    for violation in check_case(facts, rules, as_of):
        yield to_finding(facts, violation)


def development_checks(session: Session, ctx: CheckContext) -> Iterable[Finding]:
    """DOMAIN.md §4: DEV-* findings for every case of ``ctx.branch``."""
    findings: list[Finding] = []
    for _case, facts in load_facts(session, branch_id=ctx.branch.id):
        findings.extend(case_findings(facts, ctx.rules, ctx.as_of))
    return findings


PROVIDERS: list[CheckProvider] = [development_checks]
