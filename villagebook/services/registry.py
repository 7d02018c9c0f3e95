"""The composition of the capabilities: what each one brings to the shared frameworks.

One list per framework, in the order the frameworks run them: check providers, exchange
sections (the roster is the root), report kinds and demo populators.  The Book builds its
frameworks from these lists; the session-level helpers below serve the services' own tests
and tools (benchmarks, fixtures) that work below the Book.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlmodel import Session

from villagebook.domain.common.findings import Finding
from villagebook.domain.common.rules import RuleSet
from villagebook.services import checks, exchange, finding_notes
from villagebook.services.deliberations import checks as deliberations_checks
from villagebook.services.deliberations import demo as deliberations_demo
from villagebook.services.deliberations import exchange as deliberations_exchange
from villagebook.services.deliberations import printouts as deliberations_printouts
from villagebook.services.development import checks as development_checks
from villagebook.services.development import demo as development_demo
from villagebook.services.development import exchange as development_exchange
from villagebook.services.development import printouts as development_printouts
from villagebook.services.meetings import checks as meetings_checks
from villagebook.services.meetings import demo as meetings_demo
from villagebook.services.meetings import exchange as meetings_exchange
from villagebook.services.meetings import printouts as meetings_printouts
from villagebook.services.printing import ReportKind
from villagebook.services.roster import checks as roster_checks
from villagebook.services.roster import demo as roster_demo
from villagebook.services.roster import exchange as roster_exchange
from villagebook.services.roster import printouts as roster_printouts
from villagebook.services.township import printouts as township_printouts
from villagebook.storage.models import Branch

CHECK_PROVIDERS: Sequence[checks.CheckProvider] = (
    *roster_checks.PROVIDERS,
    *deliberations_checks.PROVIDERS,
    *meetings_checks.PROVIDERS,
    *development_checks.PROVIDERS,
)

EXCHANGE_ROOT: exchange.RootSection = roster_exchange.ROOT
EXCHANGE_SECTIONS: Sequence[exchange.Section] = (
    *meetings_exchange.SECTIONS,
    *development_exchange.SECTIONS,
    *deliberations_exchange.SECTIONS,
    finding_notes.SECTION,
)

REPORT_KINDS: Sequence[ReportKind] = (
    *roster_printouts.REPORTS,
    *meetings_printouts.REPORTS,
    *development_printouts.REPORTS,
    *deliberations_printouts.REPORTS,
    *township_printouts.reports(CHECK_PROVIDERS),
)

DEMO_POPULATORS: Sequence[roster_demo.Populator] = (
    meetings_demo.populate,
    deliberations_demo.populate,
    development_demo.populate,
)


# --- the same frameworks on a session (below the Book) -------------------------------------


def run_checks(
    session: Session,
    *,
    as_of: dt.date,
    rules: RuleSet | None = None,
    branch_id: uuid.UUID | None = None,
) -> list[Finding]:
    return checks.run_providers(
        session, CHECK_PROVIDERS, as_of=as_of, rules=rules, branch_id=branch_id
    )


def export_branch(session: Session, branch: Branch) -> exchange.Record:
    return exchange.export_branch(session, branch, EXCHANGE_ROOT, EXCHANGE_SECTIONS)


def export_sections(
    session: Session, branch: Branch, keys: frozenset[str] | None = None
) -> exchange.Record:
    """The branch in the exchange format with only the sections ``keys`` (None: all)."""
    sections = [s for s in EXCHANGE_SECTIONS if keys is None or s.key in keys]
    return exchange.export_branch(session, branch, EXCHANGE_ROOT, sections)


def import_document(
    session: Session, document: exchange.Record, *, today: dt.date | None = None
) -> uuid.UUID:
    return exchange.import_document(
        session, document, EXCHANGE_ROOT, EXCHANGE_SECTIONS, today=today
    )


def create_demo(session: Session, *, today: dt.date | None = None, seed: int = 20261122) -> Branch:
    return roster_demo.create_demo(session, DEMO_POPULATORS, today=today, seed=seed)
