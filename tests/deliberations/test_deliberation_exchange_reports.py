"""四议两公开 in the exchange file, in the two PDFs, on the command line and in the demo."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.deliberations import helpers as h
from villagebook.app import main
from villagebook.domain.deliberations.values import MatterStatus, StepKind
from villagebook.reports import deliberation, publicity
from villagebook.services import exchange, registry
from villagebook.services.deliberations import matters as dlb
from villagebook.services.exchange import Record
from villagebook.services.roster import queries as roster_queries
from villagebook.storage.db import Database, open_database


def _export(db: Database) -> Record:
    with db.read() as session:
        branch = roster_queries.first_branch(session)
        assert branch is not None
        document = registry.export_branch(session, branch)
    document.pop("exported_at")
    return document


def _pdf_text(path: Path) -> str:
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    return text.replace("\n", "").replace(" ", "")


@pytest.fixture
def road(db: Database, tmp_path: Path) -> Database:
    photo = tmp_path / "board.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\1" * 40)
    with db.write() as session:
        m = h.full_matter(session, h.branch(session))
        dlb.attach_photo(session, db.data_dir, dlb.steps_of(session, m.id)[4].id, photo)
        rejected = h.matter(session, m.branch_id)
        dlb.record_step(session, rejected.id, h.proposal(), today=h.TODAY)
        dlb.record_step(session, rejected.id, h.joint(), today=h.TODAY)
        dlb.record_step(session, rejected.id, h.members(present=20, yes=9), today=h.TODAY)
        dlb.repropose(session, rejected.id, text="第二轮提议")
    return db


def test_round_trip_and_schema(road: Database, tmp_path: Path) -> None:
    first = _export(road)
    assert len(first["deliberations"]) == 3
    assert exchange.schema_problems(first) == []
    steps = first["deliberations"][0]["steps"] + first["deliberations"][1]["steps"]
    assert any(s["attachments"] for s in steps)
    target = open_database(tmp_path / "other", actor="导入")
    with target.write() as session:
        registry.import_document(session, copy.deepcopy(first), today=h.TODAY)
    assert _export(target) == first


def test_imported_history_with_breaches_is_kept_and_reported(
    road: Database, tmp_path: Path
) -> None:
    document = _export(road)
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
    document = _export(road)
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


def test_decision_record_pdf(road: Database, tmp_path: Path) -> None:
    with road.read() as session:
        matter = next(
            m
            for m in dlb.list_matters(session, h.branch_id_of(session))
            if m.status is MatterStatus.COMPLETED
        )
        report = deliberation.gather(session, matter.id, h.TODAY)
    out = tmp_path / "record.pdf"
    assert deliberation.render(report, out) >= 1
    text = _pdf_text(out)
    for kind in StepKind:
        assert f". {kind.label}".replace(" ", "") in text
    assert "应到26、实到22（口径：有表决权的党员）" in text
    assert "赞成20、反对2、弃权0" in text
    assert "应到45、实到38（口径：村民代表）" in text
    assert "通过" in text and "村民代表会议" in text
    assert "386,000.00元" in text and "第1页共" in text
    assert "村务公开栏、村微信群" in text


def test_rejected_round_pdf_shows_the_verdict(road: Database, tmp_path: Path) -> None:
    with road.read() as session:
        rejected = next(
            m
            for m in dlb.list_matters(session, h.branch_id_of(session))
            if m.status is MatterStatus.REJECTED
        )
        second = dlb.rounds_of(session, rejected)[1]
        out = tmp_path / "r.pdf"
        deliberation.render(deliberation.gather(session, rejected.id, h.TODAY), out)
        out2 = tmp_path / "r2.pdf"
        deliberation.render(deliberation.gather(session, second.id, h.TODAY), out2)
    assert "未通过" in _pdf_text(out) and "尚未办理" in _pdf_text(out)
    assert "第2轮" in _pdf_text(out2) and "上一轮" in _pdf_text(out2)


def test_publicity_sheet_pdf(road: Database, tmp_path: Path) -> None:
    with road.read() as session:
        matter = dlb.list_matters(session, h.branch_id_of(session))[-1]
        matter = next(
            m
            for m in dlb.list_matters(session, h.branch_id_of(session))
            if m.status is MatterStatus.COMPLETED
        )
        sheet = publicity.gather(session, matter.id, StepKind.RESOLUTION_PUBLICITY)
        result = publicity.gather(session, matter.id)
    out = tmp_path / "sheet.pdf"
    assert publicity.render(sheet, out) == 1
    text = _pdf_text(out)
    assert "村务公开栏" in text and "测试村村民委员会" in text and "盖章" in text
    assert "2026年5月21日至2026年5月30日" in text
    assert result.heading == "实施结果公开" and "372,560" in result.text


def test_cli_list_and_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "d")
    assert main(["demo", "--data-dir", data, "--today", "2026-11-22"]) == 0
    capsys.readouterr()
    assert main(["deliberations", "list", "--data-dir", data, "--as-of", "2026-11-22"]) == 0
    out = capsys.readouterr().out
    assert "二组至四组村组道路硬化" in out and "误工补贴" in out and "DLB-RESULT" in out
    assert "（第2轮）" in out
    lines = [line for line in out.splitlines() if "土地流转" in line]
    matter_id = lines[0].split("　")[0]
    pdf = tmp_path / "m.pdf"
    assert (
        main(["report", "deliberation", "--data-dir", data, "--matter", matter_id, "-o", str(pdf)])
        == 0
    )
    assert "实施结果公开" in _pdf_text(pdf)
    sheet = tmp_path / "s.pdf"
    assert (
        main(["report", "publicity", "--data-dir", data, "--matter", matter_id, "-o", str(sheet)])
        == 0
    )
    assert "后山集体土地流转（租赁）" in _pdf_text(sheet)


def test_demo_matters(demo_db: Database) -> None:
    with demo_db.read() as session:
        branch_id = h.branch_id_of(session)
        rows = dlb.matter_rows(session, branch_id, h.TODAY)
        findings = [
            f for f in registry.run_checks(session, as_of=h.TODAY) if f.code.startswith("DLB")
        ]
    titles = {r.title for r in rows}
    assert {
        "二组至四组村组道路硬化",
        "后山集体土地流转（租赁）",
        "村组干部及协管员误工补贴标准",
    } <= titles
    assert [f.code for f in findings] == ["DLB-RESULT"]
    assert any(r.round_no == 2 for r in rows)
    assert sum(r.status is MatterStatus.COMPLETED for r in rows) == 2


def test_demo_is_deterministic(tmp_path: Path) -> None:

    exports = []
    for name in ("a", "b"):
        db = open_database(tmp_path / name)
        with db.write() as session:
            registry.create_demo(session, today=h.TODAY)
        document = _export(db)
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


def test_duplicate_or_taken_ids_are_refused(road: Database, tmp_path: Path) -> None:
    document = _export(road)
    twice = copy.deepcopy(document)
    twice["deliberations"][1]["steps"][0]["id"] = twice["deliberations"][0]["steps"][0]["id"]
    target = open_database(tmp_path / "other")
    with pytest.raises(exchange.ImportFailed) as info, target.write() as session:
        registry.import_document(session, twice, today=h.TODAY)
    assert any("重复" in p.message for p in info.value.problems)
    # Same matters under another branch id: the ids are already in this folder.
    again = copy.deepcopy(document)
    again["branch"]["id"] = "11111111-1111-1111-1111-111111111111"
    for person in again["people"]:
        person["id_number"] = None
    with pytest.raises(exchange.ImportFailed) as info, road.write() as session:
        registry.import_document(session, again, today=h.TODAY)
    assert any("已有相同编号" in p.message for p in info.value.problems)
