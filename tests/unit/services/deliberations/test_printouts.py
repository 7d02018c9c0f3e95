"""四议两公开 printouts: what the decision record and the publicity sheet print."""

from __future__ import annotations

from pathlib import Path

from tests.unit.services.deliberations import helpers as h
from villagebook.domain.deliberations.values import DeliberationStatus, StepKind
from villagebook.reports import deliberation, publicity
from villagebook.services.deliberations import printouts, queries
from villagebook.storage.db import Database


def test_decision_record_pdf(road: Database, tmp_path: Path) -> None:
    with road.read() as session:
        row = next(
            m
            for m in queries.list_deliberations(session, h.branch_id_of(session))
            if m.status is DeliberationStatus.COMPLETED
        )
        report = printouts.decision_record(session, row.id, h.TODAY)
    out = tmp_path / "record.pdf"
    assert deliberation.render(report, out) >= 1
    text = h.pdf_text(out)
    for kind in StepKind:
        assert f". {kind.chinese}".replace(" ", "") in text
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
            for m in queries.list_deliberations(session, h.branch_id_of(session))
            if m.status is DeliberationStatus.REJECTED
        )
        second = queries.rounds_of(session, rejected)[1]
        out = tmp_path / "r.pdf"
        deliberation.render(printouts.decision_record(session, rejected.id, h.TODAY), out)
        out2 = tmp_path / "r2.pdf"
        deliberation.render(printouts.decision_record(session, second.id, h.TODAY), out2)
    assert "未通过" in h.pdf_text(out) and "尚未办理" in h.pdf_text(out)
    assert "第2轮" in h.pdf_text(out2) and "上一轮" in h.pdf_text(out2)


def test_publicity_sheet_pdf(road: Database, tmp_path: Path) -> None:
    with road.read() as session:
        row = next(
            m
            for m in queries.list_deliberations(session, h.branch_id_of(session))
            if m.status is DeliberationStatus.COMPLETED
        )
        sheet = printouts.publicity_sheet(session, row.id, StepKind.RESOLUTION_PUBLICITY)
        result = printouts.publicity_sheet(session, row.id)
    out = tmp_path / "sheet.pdf"
    assert publicity.render(sheet, out) == 1
    text = h.pdf_text(out)
    assert "村务公开栏" in text and "测试村村民委员会" in text and "盖章" in text
    assert "2026年5月21日至2026年5月30日" in text
    assert result.heading == "实施结果公开" and "372,560" in result.text


def test_the_forms_print_in_chinese_in_an_english_interface(road: Database) -> None:
    from villagebook import language

    language.use("en")
    try:
        with road.read() as session:
            row = next(
                m
                for m in queries.list_deliberations(session, h.branch_id_of(session))
                if m.status is DeliberationStatus.COMPLETED
            )
            report = printouts.decision_record(session, row.id, h.TODAY)
            sheet = printouts.publicity_sheet(session, row.id)
    finally:
        language.use("zh_CN")
    assert [s.label for s in report.steps] == [k.chinese for k in StepKind]
    assert (report.category, report.status) == ("公益事业建设项目及筹资筹劳", "已办结")
    assert report.amount == "386,000.00元" and report.workflow == "四议两公开（标准）"
    assert sheet.heading == "实施结果公开" and sheet.amount == "386,000.00元"
