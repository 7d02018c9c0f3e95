"""The composition of the capabilities: what each one brings to the shared frameworks.

One list per framework, in the order the frameworks run them: check providers, exchange
sections (the roster is the root), report kinds and demo populators.  The Book builds its
frameworks from these lists; the session-level helpers below serve the services' own tests
and tools (benchmarks, fixtures) that work below the Book.

Each list is built the first time it is asked for (``registry.CHECK_PROVIDERS`` and the
like still work): a command that prints one report loads the modules of that report, not
every capability's exchange, demo and window-facing code.  Report kinds are found through
:data:`REPORT_SOURCES` (which module lists each kind); a test checks it against the
modules' own lists.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlmodel import Session

if TYPE_CHECKING:
    from villagebook.domain.common.findings import Finding
    from villagebook.domain.common.rules import RuleSet
    from villagebook.services import exchange
    from villagebook.services.checks import CheckProvider
    from villagebook.services.printing import ReportKind
    from villagebook.services.roster.demo import Populator
    from villagebook.storage.models import Branch


@cache
def check_providers() -> Sequence[CheckProvider]:
    from villagebook.services.deliberations import checks as deliberations_checks
    from villagebook.services.development import checks as development_checks
    from villagebook.services.meetings import checks as meetings_checks
    from villagebook.services.roster import checks as roster_checks

    return (
        *roster_checks.PROVIDERS,
        *deliberations_checks.PROVIDERS,
        *meetings_checks.PROVIDERS,
        *development_checks.PROVIDERS,
    )


def exchange_root() -> exchange.RootSection:
    from villagebook.services.roster import exchange as roster_exchange

    return roster_exchange.ROOT


@cache
def exchange_sections() -> Sequence[exchange.Section]:
    from villagebook.services import finding_notes
    from villagebook.services.deliberations import exchange as deliberations_exchange
    from villagebook.services.development import exchange as development_exchange
    from villagebook.services.meetings import exchange as meetings_exchange

    return (
        *meetings_exchange.SECTIONS,
        *development_exchange.SECTIONS,
        *deliberations_exchange.SECTIONS,
        finding_notes.SECTION,
    )


def _roster_reports() -> Sequence[ReportKind]:
    from villagebook.services.roster import printouts

    return printouts.REPORTS


def _meetings_reports() -> Sequence[ReportKind]:
    from villagebook.services.meetings import printouts

    return printouts.REPORTS


def _development_reports() -> Sequence[ReportKind]:
    from villagebook.services.development import printouts

    return printouts.REPORTS


def _deliberations_reports() -> Sequence[ReportKind]:
    from villagebook.services.deliberations import printouts

    return printouts.REPORTS


@cache
def _ledger_reports() -> Sequence[ReportKind]:
    from villagebook.services import ledgers

    return ledgers.report_kinds(check_providers())


@cache
def _township_reports() -> Sequence[ReportKind]:
    from villagebook.services.township import printouts

    return printouts.reports(check_providers())


#: The modules that list report kinds, in the order the kinds are listed.
REPORT_MODULES: tuple[Callable[[], Sequence[ReportKind]], ...] = (
    _roster_reports,
    _meetings_reports,
    _development_reports,
    _deliberations_reports,
    _ledger_reports,
    _township_reports,
)
_ROSTER, _MEETINGS, _DEVELOPMENT, _DELIBERATIONS, _LEDGERS, _TOWNSHIP = REPORT_MODULES

#: Which module lists each report kind (loaded when that kind is asked for).
REPORT_SOURCES: Mapping[str, Callable[[], Sequence[ReportKind]]] = {
    "roster": _ROSTER,
    "minutes": _MEETINGS,
    "volume": _MEETINGS,
    "attendance": _MEETINGS,
    "meeting-plan": _MEETINGS,
    "talks": _MEETINGS,
    "dossier": _DEVELOPMENT,
    "development-roster": _DEVELOPMENT,
    "development-plan": _DEVELOPMENT,
    "deliberation": _DELIBERATIONS,
    "publicity": _DELIBERATIONS,
    "deliberation-ledger": _DELIBERATIONS,
    "ledger": _LEDGERS,
    "annual": _LEDGERS,
    "self-check": _LEDGERS,
    "township": _TOWNSHIP,
}


def report_kinds() -> Sequence[ReportKind]:
    """Every report kind of every capability (loads every printouts module)."""
    return tuple(kind for source in REPORT_MODULES for kind in source())


def demo_populators() -> Sequence[Populator]:
    from villagebook.services.deliberations import demo as deliberations_demo
    from villagebook.services.development import demo as development_demo
    from villagebook.services.meetings import demo as meetings_demo

    return (meetings_demo.populate, deliberations_demo.populate, development_demo.populate)


_LISTS: dict[str, Callable[[], Any]] = {
    "CHECK_PROVIDERS": check_providers,
    "EXCHANGE_ROOT": exchange_root,
    "EXCHANGE_SECTIONS": exchange_sections,
    "REPORT_KINDS": report_kinds,
    "DEMO_POPULATORS": demo_populators,
}


def __getattr__(name: str) -> Any:
    """``registry.CHECK_PROVIDERS`` and the other lists, built when first asked for."""
    if name in _LISTS:
        return _LISTS[name]()
    raise AttributeError(name)


# --- the same frameworks on a session (below the Book) -------------------------------------


def run_checks(
    session: Session,
    *,
    as_of: dt.date,
    rules: RuleSet | None = None,
    branch_id: uuid.UUID | None = None,
) -> list[Finding]:
    from villagebook.services import checks

    return checks.run_providers(
        session, check_providers(), as_of=as_of, rules=rules, branch_id=branch_id
    )


def export_branch(session: Session, branch: Branch) -> exchange.Record:
    from villagebook.services import exchange

    return exchange.export_branch(session, branch, exchange_root(), exchange_sections())


def export_sections(
    session: Session,
    branch: Branch,
    only: Mapping[str, frozenset[uuid.UUID] | None] | None = None,
) -> exchange.Record:
    """The branch in the exchange format with only the sections named in ``only`` (None:
    all), each with only the records of the ids given for it (None: the whole section)."""
    from villagebook.services import exchange

    sections = [s for s in exchange_sections() if only is None or s.key in only]
    return exchange.export_branch(
        session, branch, exchange_root(), sections, None if only is None else dict(only)
    )


def import_document(
    session: Session, document: exchange.Record, *, today: dt.date | None = None
) -> uuid.UUID:
    from villagebook.services import exchange

    return exchange.import_document(
        session, document, exchange_root(), exchange_sections(), today=today
    )


def create_demo(session: Session, *, today: dt.date | None = None, seed: int = 20261122) -> Branch:
    from villagebook.services.roster import demo as roster_demo

    return roster_demo.create_demo(session, demo_populators(), today=today, seed=seed)
