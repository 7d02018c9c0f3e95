"""The demo deliberations of 青山村: what they hold, and that they are the same every time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.conftest import _copy_template
from tests.unit.services.deliberations import helpers as h
from villagebook.domain.deliberations.values import DeliberationStatus
from villagebook.services import registry
from villagebook.services.deliberations import queries
from villagebook.storage.db import Database, open_database


def test_demo_deliberations(demo_db: Database) -> None:
    with demo_db.read() as session:
        branch_id = h.branch_id_of(session)
        rows = queries.summaries(session, branch_id, h.TODAY)
        findings = [
            f for f in registry.run_checks(session, as_of=h.TODAY) if f.code.startswith("DLB")
        ]
    titles = {r.title for r in rows}
    assert {
        "二组至四组村组道路硬化",
        "后山集体土地流转（租赁）",
        "村组干部及协管员误工补贴标准",
    } <= titles
    # the result still to publish; the 误工补贴 member meeting typed in without its record
    assert sorted(f.code for f in findings) == ["DLB-MEETING-LINK", "DLB-RESULT"]
    link = next(f for f in findings if f.code == "DLB-MEETING-LINK")
    assert "误工补贴" in link.subject
    assert any(r.round_no == 2 for r in rows)
    assert sum(r.status is DeliberationStatus.COMPLETED for r in rows) == 2


def test_demo_is_deterministic(tmp_path: Path, template_empty: Path) -> None:

    exports = []
    for name in ("a", "b"):
        db = open_database(_copy_template(template_empty, tmp_path / name))
        with db.write() as session:
            registry.create_demo(session, today=h.TODAY)
        document = h.export(db)
        exports.append(
            [
                (
                    m["title"],
                    m["status"],
                    [(s["kind"], s["held_on"], s["present"]) for s in m["steps"]],
                )
                for m in document["deliberations"]
            ]
        )
        db.close()
    assert exports[0] == exports[1]
    assert dt.date.fromisoformat(exports[0][0][2][0][1]) <= h.TODAY
