"""四议两公开 in the exchange file: round trip, history kept as it happened, refusals."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from tests.unit.services.deliberations import helpers as h
from villagebook.services import exchange, registry
from villagebook.storage.db import Database, open_database


def test_round_trip_and_schema(road: Database, tmp_path: Path) -> None:
    first = h.export(road)
    assert len(first["deliberations"]) == 3
    assert exchange.schema_problems(first) == []
    steps = first["deliberations"][0]["steps"] + first["deliberations"][1]["steps"]
    assert any(s["attachments"] for s in steps)
    target = open_database(tmp_path / "other", actor="导入")
    with target.write() as session:
        registry.import_document(session, copy.deepcopy(first), today=h.TODAY)
    assert h.export(target) == first


def test_imported_history_with_breaches_is_kept_and_reported(
    road: Database, tmp_path: Path
) -> None:
    document = h.export(road)
    done = next(m for m in document["deliberations"] if m["status"] == "completed")
    villagers = next(s for s in done["steps"] if s["kind"] == "villager_decision")
    villagers["present"] = villagers["expected"] + 5  # more present than members
    done["steps"] = [s for s in done["steps"] if s["kind"] != "joint_meeting"]  # skipped
    target = open_database(tmp_path / "other")
    with target.write() as session:
        registry.import_document(session, document, today=h.TODAY)
    with target.read() as session:
        codes = {f.code for f in registry.run_checks(session, as_of=h.TODAY)}
    assert {"DLB-REPS-QUORUM", "DLB-SCOPE"} <= codes


def test_unreadable_records_are_refused_with_paths(road: Database, tmp_path: Path) -> None:
    document = h.export(road)
    document["deliberations"][0]["steps"][0]["held_on"] = "2026-02-30"
    document["deliberations"][0]["steps"][0]["text_id"] = "00000000-0000-0000-0000-000000000001"
    document["deliberations"][1]["category"] = "festival"
    target = open_database(tmp_path / "other")
    with pytest.raises(exchange.ImportFailed) as info, target.write() as session:
        registry.import_document(session, document, today=h.TODAY)
    assert any(p.field.startswith("deliberations[1]") for p in info.value.problems)
    document["deliberations"][1]["category"] = "other"
    with pytest.raises(exchange.ImportFailed) as info, target.write() as session:
        registry.import_document(session, document, today=h.TODAY)
    fields = {p.field for p in info.value.problems}
    assert {"deliberations[0].steps[0].held_on", "deliberations[0].steps[0].text_id"} <= fields


def test_duplicate_or_taken_ids_are_refused(road: Database, tmp_path: Path) -> None:
    document = h.export(road)
    twice = copy.deepcopy(document)
    twice["deliberations"][1]["steps"][0]["id"] = twice["deliberations"][0]["steps"][0]["id"]
    target = open_database(tmp_path / "other")
    with pytest.raises(exchange.ImportFailed) as info, target.write() as session:
        registry.import_document(session, twice, today=h.TODAY)
    assert any("重复" in p.message for p in info.value.problems)
    # Same deliberations under another branch id: the ids are already in this folder.
    again = copy.deepcopy(document)
    again["branch"]["id"] = "11111111-1111-1111-1111-111111111111"
    for person in again["people"]:
        person["id_number"] = None
    with pytest.raises(exchange.ImportFailed) as info, road.write() as session:
        registry.import_document(session, again, today=h.TODAY)
    assert any("已有相同编号" in p.message for p in info.value.problems)
