"""The development_cases exchange section: round trip, imported history, refusals, schema."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import TODAY
from villagebook.services import exchange, registry
from villagebook.services.roster import queries as roster_queries
from villagebook.storage.db import Database, open_database


def _branch_id(db: Database):  # type: ignore[no-untyped-def]
    with db.read() as session:
        branch = roster_queries.first_branch(session)
        assert branch is not None
        return branch.id


def _export(db: Database) -> dict:  # type: ignore[type-arg]
    with db.read() as session:
        branch = roster_queries.first_branch(session)
        assert branch is not None
        document = registry.export_branch(session, branch)
    document.pop("exported_at")
    return document


def test_round_trip_keeps_the_cases(demo_db: Database, tmp_path: Path) -> None:
    first = _export(demo_db)
    assert len(first["development_cases"]) == 10
    assert exchange.schema_problems(first) == []
    target = open_database(tmp_path / "other")
    with target.write() as session:
        registry.import_document(session, copy.deepcopy(first), today=TODAY)
    assert _export(target) == first


def test_imported_history_with_breaches_is_kept_and_reported(
    demo_db: Database, tmp_path: Path
) -> None:
    document = _export(demo_db)
    case = next(c for c in document["development_cases"] if len(c["steps"]) >= 2)
    case["steps"][1]["done_on"] = "2000-01-01"  # before the application: a DEV-ORDER breach
    target = open_database(tmp_path / "other")
    with target.write() as session:
        registry.import_document(session, document, today=TODAY)
    with target.read() as session:
        codes = {f.code for f in registry.run_checks(session, as_of=TODAY)}
    assert "DEV-ORDER" in codes


def test_import_refuses_unknown_people_and_duplicate_steps(
    demo_db: Database, tmp_path: Path
) -> None:
    document = _export(demo_db)
    case = document["development_cases"][0]
    case["person_id"] = "00000000-0000-0000-0000-000000000001"
    case["steps"].append(dict(case["steps"][0], id="00000000-0000-0000-0000-000000000002"))
    document["development_cases"][1]["steps"][0]["done_on"] = (
        TODAY + dt.timedelta(days=3)
    ).isoformat()
    target = open_database(tmp_path / "other")
    with pytest.raises(exchange.ImportFailed) as info, target.write() as session:
        registry.import_document(session, document, today=TODAY)
    fields = {p.field for p in info.value.problems}
    assert "development_cases[0].person_id" in fields
    assert any(f.startswith("development_cases[0].steps") and f.endswith(".number") for f in fields)
    assert "development_cases[1].steps[0].done_on" in fields


def test_schema_rejects_bad_role() -> None:
    problems = exchange.schema_problems(
        {
            "format": "villagebook-exchange",
            "version": 1,
            "branch": {"id": "00000000-0000-0000-0000-000000000009", "name": "x", "village": "y"},
            "groups": [],
            "people": [],
            "development_cases": [
                {
                    "id": "00000000-0000-0000-0000-000000000001",
                    "person_id": "00000000-0000-0000-0000-000000000002",
                    "workflow_id": "cpc-2014-rules",
                    "workflow_version": 1,
                    "state": "open",
                    "steps": [
                        {
                            "id": "00000000-0000-0000-0000-000000000003",
                            "number": 26,
                            "done_on": "2024-01-01",
                        }
                    ],
                }
            ],
        }
    )
    assert any(p.field.startswith("development_cases[0].steps[0]") for p in problems)
