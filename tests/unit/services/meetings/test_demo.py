from __future__ import annotations

from tests.conftest import TODAY
from villagebook.domain.common.findings import Severity
from villagebook.services import registry
from villagebook.storage.db import Database


def test_demo_has_two_years_of_records_and_the_deliberate_gaps(demo_db: Database) -> None:
    with demo_db.read() as session:
        findings = [
            f for f in registry.run_checks(session, as_of=TODAY) if f.code.startswith("MTG-")
        ]
    errors = {(f.code, f.period) for f in findings if f.severity is Severity.ERROR}
    warnings = {(f.code, f.period or f.subject) for f in findings if f.severity is Severity.WARNING}
    assert errors == {("MTG-COMMITTEE-M", "2026年6月"), ("MTG-CONSISTENCY", None)}
    assert ("MTG-LESSON-Q", "2025年第4季度") in warnings
    assert (
        sum(1 for f in findings if f.code == "MTG-RECORD-3WD" and f.severity is Severity.WARNING)
        == 1
    )
    assert any(f.code == "MTG-RECORD-3WD" and f.severity is Severity.DUE for f in findings)


def test_demo_records_are_consistent_but_for_the_deliberate_breaches(demo_db: Database) -> None:
    """The issue's demo had 6 hosts, 12 recorders and 18 speakers absent; now only the
    documented breaches remain: a speaker corrected to 请假 afterwards, an imported tally."""
    with demo_db.read() as session:
        findings = registry.run_checks(session, as_of=TODAY)
    consistency = sorted(f.subject for f in findings if f.code == "MTG-CONSISTENCY")
    assert consistency == ["2026-03-03 支部委员会会议", "2026-05-20 支部党员大会"]
    thin = [f.subject for f in findings if f.code == "MTG-THIN"]
    assert thin == ["2025-09-16 党小组会"]
