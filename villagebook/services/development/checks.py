"""`villagebook check` provider: every development rule over every case of the branch."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from sqlmodel import Session

from villagebook.domain.common.findings import Finding
from villagebook.domain.common.i18n import _, label
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.development.checks import Violation, check_case
from villagebook.domain.development.facts import CaseFacts
from villagebook.services.checks import CheckContext, CheckProvider
from villagebook.services.development._facts import load_facts


def to_finding(facts: CaseFacts, violation: Violation) -> Finding:
    message = violation.message
    if violation.step is not None:
        name = label(facts.workflow.step(violation.step).name)
        message = _(
            "第{number}步“{name}”：{message}", number=violation.step, name=name, message=message
        )
    return Finding(
        code=violation.code,
        severity=violation.severity,
        subject=_("{name}（发展党员）", name=facts.person_name),
        message=message,
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
