from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from sqlmodel import select

from tests.conftest import TODAY
from villagebook.services import exchange, registry
from villagebook.services.roster import queries as roster_queries
from villagebook.storage.db import Database, open_database
from villagebook.storage.models import Person


def _export(db: Database) -> dict:  # type: ignore[type-arg]
    with db.read() as session:
        branch = roster_queries.first_branch(session)
        assert branch is not None
        document = registry.export_branch(session, branch)
    document.pop("exported_at")
    return document


def test_round_trip_gives_the_same_records(demo_db: Database, tmp_path: Path) -> None:
    first = _export(demo_db)
    target = open_database(tmp_path / "other", actor="导入")
    with target.write() as session:
        registry.import_document(session, copy.deepcopy(first), today=TODAY)
    assert _export(target) == first


def test_document_matches_its_schema(demo_db: Database) -> None:
    assert exchange.schema_problems(_export(demo_db)) == []


def test_bad_records_change_nothing_and_every_problem_is_named(
    demo_db: Database, tmp_path: Path
) -> None:
    document = _export(demo_db)
    document["people"][0]["name"] = "   "
    document["people"][1]["id_number"] = "110105194912310021"
    document["people"][2]["birth_date"] = "2030-01-01"
    document["people"][3]["id_number"] = document["people"][4]["id_number"]
    target = open_database(tmp_path / "other")
    with pytest.raises(exchange.ImportFailed) as info, target.write() as session:
        registry.import_document(session, document, today=TODAY)
    paths = {p.field for p in info.value.problems}
    assert {"people[0].name", "people[1].id_number", "people[2].birth_date"} <= paths
    assert "people[4].id_number" in paths or "people[3].id_number" in paths
    with target.read() as session:
        assert session.exec(select(Person)).all() == []


def test_schema_errors_carry_paths() -> None:
    problems = exchange.schema_problems(
        {
            "format": "villagebook-exchange",
            "version": 1,
            "branch": {"id": "x"},
            "groups": [],
            "people": [],
        }
    )
    assert any(p.field.startswith("branch") for p in problems)


def test_unreadable_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(exchange.ImportFailed, match="JSON"):
        exchange.read_document(bad)
    bad.write_text(json.dumps([1, 2]), encoding="utf-8")
    with pytest.raises(exchange.ImportFailed, match="对象"):
        exchange.read_document(bad)
