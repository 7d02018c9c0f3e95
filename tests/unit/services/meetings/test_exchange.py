from __future__ import annotations

import copy
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from tests.conftest import TODAY
from villagebook.services import exchange, registry
from villagebook.services.meetings import commands
from villagebook.services.meetings.exchange import SECTIONS
from villagebook.services.roster import queries as roster_queries
from villagebook.storage.db import Database, open_database
from villagebook.storage.models.meetings import Meeting


def _export(db: Database) -> dict[str, Any]:
    with db.read() as session:
        branch = roster_queries.first_branch(session)
        assert branch is not None
        document = registry.export_branch(session, branch)
    document.pop("exported_at")
    return document


def _finalised(document: dict[str, Any]) -> int:
    return next(i for i, m in enumerate(document["meetings"]) if m["status"] == "finalised")


def test_meetings_plans_amendments_and_attachments_survive_a_round_trip(
    demo_db: Database, tmp_path: Path
) -> None:
    photo = tmp_path / "现场照片.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"1" * 64)
    with demo_db.write() as session:
        meeting = session.exec(
            select(Meeting).where(Meeting.status == "finalised").order_by(Meeting.held_on)
        ).first()
        assert meeting is not None
        commands.amend(session, meeting.id, "place", "村文化室", "笔误", on=TODAY)
        commands.add_attachment(
            session, demo_db.data_dir, meeting.id, photo, kind="照片", reason="补充照片", on=TODAY
        )
    first = _export(demo_db)
    assert len(first["meetings"]) > 100 and first["meeting_plans"]
    assert any(m["amendments"] and m["attachments"] for m in first["meetings"])
    assert exchange.schema_problems(first) == []
    target = open_database(tmp_path / "other", actor="导入")
    with target.write() as session:
        registry.import_document(session, copy.deepcopy(first), today=TODAY)
    assert _export(target) == first


def test_bad_meetings_are_refused_with_paths_and_nothing_is_written(
    demo_db: Database, tmp_path: Path
) -> None:
    document = _export(demo_db)
    meetings = document["meetings"]
    meetings[0]["held_on"] = "2030-01-01"
    meetings[1]["start_time"], meetings[1]["end_time"] = "10:00", "09:00"
    general = next(i for i, m in enumerate(meetings) if m["votes"])
    meetings[general]["votes"][0]["written_yes"] = 99  # more written opinions than absentees
    gone = next(p for p in document["people"] if p["status_history"][-1]["status"] == "deceased")
    late = len(meetings) - 1
    meetings[late]["attendance"].append(
        {"person_id": gone["id"], "name": gone["name"], "presence": "present", "voting": True}
    )
    meetings[2]["host_id"] = "00000000-0000-0000-0000-000000000001"
    target = open_database(tmp_path / "other")
    with pytest.raises(exchange.ImportFailed) as info, target.write() as session:
        registry.import_document(session, document, today=TODAY)
    paths = {p.field for p in info.value.problems}
    assert {
        "meetings[0].held_on",
        "meetings[1].end_time",
        f"meetings[{general}].votes[0].yes",
        "meetings[2].host_id",
    } <= paths
    assert any(p.startswith(f"meetings[{late}].attendance[") for p in paths)
    with target.read() as session:
        assert session.exec(select(Meeting)).all() == []


def test_imported_hollow_and_contradictory_records_are_accepted_and_reported(
    demo_db: Database, tmp_path: Path
) -> None:
    """DOMAIN.md §8: MTG-THIN and MTG-CONSISTENCY report imported records, never refuse them."""
    document = _export(demo_db)
    meetings = document["meetings"]
    hollow = next(
        i for i, m in enumerate(meetings) if m["status"] == "finalised" and m["kind"] == "general"
    )
    meetings[hollow].update(topics=[], speeches=[], resolutions="", votes=[])
    clash = next(
        i
        for i, m in enumerate(meetings)
        if m["status"] == "finalised" and m["kind"] == "committee" and i != hollow
    )
    meetings[clash]["votes"] = [{"motion": "多报的票", "yes": 50, "no": 0, "abstain": 0}]
    for index in (hollow, clash):  # from another program: finalised, but without a seal
        meetings[index].pop("content_hash", None)
        meetings[index].pop("names_shown", None)
    target = open_database(tmp_path / "other", actor="导入")
    with target.write() as session:
        registry.import_document(session, document, today=TODAY)
    with target.read() as session:
        findings = registry.run_checks(session, as_of=TODAY)
    thin = {f.subject_id for f in findings if f.code == "MTG-THIN"}
    contradicting = {f.subject_id for f in findings if f.code == "MTG-CONSISTENCY"}
    assert meetings[hollow]["id"] in thin
    assert meetings[clash]["id"] in contradicting
    unverified = {f.subject_id for f in findings if f.code == "MTG-FINAL-UNVERIFIED"}
    assert {meetings[hollow]["id"], meetings[clash]["id"]} <= unverified
    target.close()


def test_schema_refuses_an_unknown_kind(demo_db: Database) -> None:
    document = _export(demo_db)
    document["meetings"][_finalised(document)]["kind"] = "picnic"
    problems = exchange.schema_problems(document)
    assert problems and problems[0].field.startswith("meetings[")


def test_finalised_records_are_never_deleted(demo_db: Database) -> None:
    from villagebook.domain.common.errors import LockedRecordError

    with demo_db.read() as session:
        meeting = session.exec(select(Meeting).where(Meeting.status == "finalised")).first()
        assert meeting is not None
    with pytest.raises(LockedRecordError), demo_db.write() as session:
        commands.delete_draft(session, meeting.id)


def test_the_sections_are_meetings_and_plans() -> None:
    assert [s.key for s in SECTIONS] == ["meetings", "meeting_plans"]


def test_typed_parts_travel_unchanged_through_the_file(demo_db: Database) -> None:
    from villagebook.domain.meetings.values import Appraisal, Speech, Vote

    document = _export(demo_db)
    with demo_db.read() as session:
        stored = {m.id: m for m in session.exec(select(Meeting)).all()}
    for item in document["meetings"]:
        meeting = stored[uuid.UUID(item["id"])]
        assert [Speech.model_validate(s) for s in item["speeches"]] == meeting.speeches
        assert [Vote.model_validate(v) for v in item["votes"]] == meeting.votes
        assert [Appraisal.model_validate(a) for a in item["appraisals"]] == meeting.appraisals
