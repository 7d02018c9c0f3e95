"""四议两公开 check provider: what `villagebook check` reports for a deliberation."""

from __future__ import annotations

from tests.unit.services.deliberations import helpers as h
from villagebook.services import registry
from villagebook.services.deliberations.checks import PROVIDERS, deliberation_checks
from villagebook.storage.db import Database


def test_check_reports_open_result(db: Database) -> None:
    with db.write() as session:
        h.full_deliberation(session, h.branch(session), result=False)
    with db.read() as session:
        findings = registry.run_checks(session, as_of=h.TODAY)
    dlb_findings = h.besides_link(f for f in findings if f.code.startswith("DLB"))
    assert [f.code for f in dlb_findings] == ["DLB-RESULT"]
    assert "实施结果尚未公开" in dlb_findings[0].message


def test_the_provider_is_registered() -> None:
    assert deliberation_checks in PROVIDERS
    assert deliberation_checks in registry.CHECK_PROVIDERS
