from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from villagebook.domain.common.findings import Finding, Severity

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot: Any, ctx: Any) -> Any:
    from villagebook.ui.reports.page import ReportsPage

    widget = ReportsPage(ctx)
    qtbot.addWidget(widget)
    return widget


def _preview(page: Any, drive: Any) -> dict[str, Any]:
    """Press Preview and capture the report the dialog shows (closing it)."""
    from villagebook.ui.common.printing import ReportDialog

    seen: dict[str, Any] = {}

    def look(dialog: Any) -> bool:
        assert isinstance(dialog, ReportDialog)
        seen["report"] = dialog.report
        seen["pages"] = dialog.document.pageCount()
        return False

    drive.append(look)
    assert page.centre.preview()
    return seen


def _text(data: bytes) -> str:
    import io

    from pypdf import PdfReader

    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).replace(" ", "")


def test_the_centre_lists_every_report_kind_of_the_book(page: Any, ctx: Any) -> None:
    listed = {e.key for e in page.centre.entries}
    # Every branch report; the township summary is printed from the township page.
    assert listed == {k.key for k in ctx.book.reports.kinds()} - {"township"}
    for entry in page.centre.entries:  # what each asks for is what the core reads
        kind = ctx.book.reports.kind(entry.key)
        assert entry.span == kind.span, entry.key
        assert (entry.subject is not None) == (kind.subject is not None or kind.span is None)


def test_a_quarterly_ledger_for_the_chosen_quarter(page: Any, drive: Any) -> None:
    centre = page.centre
    centre.select("ledger")
    assert centre.period.isVisibleTo(centre) and not centre.subject.isVisibleTo(centre)
    assert [centre.period.mode.itemData(i) for i in range(centre.period.mode.count())] == [
        "quarter"
    ]
    centre.period.year.setValue(2026)
    centre.period.quarter.setCurrentIndex(2)
    seen = _preview(page, drive)
    assert seen["pages"] >= 3
    assert "季度台账" in _text(seen["report"].data) and "2026年第3季度" in _text(
        seen["report"].data
    )


def test_a_period_report_for_a_month_a_year_or_any_range(page: Any, ctx: Any) -> None:
    centre = page.centre
    centre.select("attendance")
    picker = centre.period
    modes = [picker.mode.itemData(i) for i in range(picker.mode.count())]
    assert modes == ["month", "quarter", "year", "custom"]
    picker.mode.setCurrentIndex(0)
    picker.year.setValue(2026)
    picker.month.setCurrentIndex(1)
    request = centre.request()
    assert (request.start, request.end) == (dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    picker.mode.setCurrentIndex(3)
    picker.start.set_value(dt.date(2026, 3, 5))
    picker.end.set_value(dt.date(2026, 4, 10))
    request = centre.request()
    assert (request.kind, request.start, request.end) == (
        "attendance",
        dt.date(2026, 3, 5),
        dt.date(2026, 4, 10),
    )
    assert request.branch_id == ctx.branch_id


def test_the_roster_as_of_a_day_masked_unless_asked(page: Any, drive: Any) -> None:
    centre = page.centre
    centre.select("roster")
    assert centre.period.as_of.isVisibleTo(centre) and centre.unmasked.isVisibleTo(centre)
    centre.period.as_of.set_value(dt.date(2026, 11, 1))
    assert centre.request().as_of == dt.date(2026, 11, 1)
    text = _text(_preview(page, drive)["report"].data)
    assert "花名册" in text and "*" in text and "内部资料" not in text
    centre.unmasked.setChecked(True)
    assert "内部资料" in _text(_preview(page, drive)["report"].data)


def test_a_record_report_for_the_chosen_record(page: Any, drive: Any, ctx: Any) -> None:
    centre = page.centre
    centre.select("minutes")
    assert centre.subject.isVisibleTo(centre) and not centre.period.isVisibleTo(centre)
    talks = next(
        i for i in range(centre.subject.count()) if "谈心谈话" in centre.subject.itemText(i)
    )
    centre.subject.setCurrentIndex(talks)
    assert "谈心谈话记录表" in _text(_preview(page, drive)["report"].data)


def test_no_record_to_choose_shows_why(page: Any, drive: Any, monkeypatch: Any) -> None:
    centre = page.centre
    centre.select("publicity")
    centre.subject.clear()
    centre.subject.addItem("（暂无）", None)
    assert not centre.preview()
    assert centre.status.text()


def test_the_roster_previews_then_saves_where_asked(
    page: Any, drive: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    """Preview builds the report off the UI thread and shows it: nothing is written until
    Save…, which defaults to Documents with a descriptive name."""
    from pypdf import PdfReader

    from villagebook.ui.common import printing
    from villagebook.ui.common.ask import Ask

    target = tmp_path / "roster.pdf"
    suggested: list[str] = []

    def save_file(cls: Any, parent: Any, title: str, name: str, filters: str) -> Path:
        suggested.append(name)
        return target

    monkeypatch.setattr(Ask, "save_file", classmethod(save_file))
    monkeypatch.setattr(Ask, "confirm", classmethod(lambda cls, *a: False))

    def preview(dialog: Any) -> bool:
        assert isinstance(dialog, printing.ReportDialog)
        assert dialog.document.pageCount() >= 1 and not target.exists()
        dialog.save_button.click()
        return False

    centre = page.centre
    centre.select("roster")
    centre.period.as_of.set_value(dt.date(2026, 11, 1))
    drive.append(preview)
    assert centre.preview() is True
    text = "".join(p.extract_text() for p in PdfReader(target).pages)
    assert "花名册" in text and "林桂兰" in text
    assert "*" in text  # masked by default
    assert Path(suggested[0]).parent == printing.documents_folder()
    assert "党员花名册-2026-11-01" in Path(suggested[0]).name


def test_cancelled_report_writes_nothing(
    page: Any, drive: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from villagebook.ui.common.ask import Ask

    saved: list[str] = []
    monkeypatch.setattr(Ask, "save_file", classmethod(lambda cls, *a: saved.append("x")))
    page.centre.select("roster")
    drive.append(lambda dialog: False)  # the preview closed without Save…
    page.centre.preview()
    assert not saved and not list(tmp_path.glob("*.pdf"))


def test_checks_panel_shows_findings(page: Any, ctx: Any) -> None:
    from villagebook.domain.roster.values import PartyStatus
    from villagebook.services.roster import commands as roster_commands
    from villagebook.services.roster import queries as roster_queries

    with ctx.book.database.write() as session:
        people = roster_queries.members_on(session, ctx.branch_id, dt.date.today())
        for person in people:
            if person.status is PartyStatus.FULL:
                roster_commands.change_status(
                    session, person.person_id, PartyStatus.LEFT, dt.date.today()
                )
    page.checks.run_checks()
    codes = [page.checks.model.finding(r).code for r in range(page.checks.model.rowCount())]
    assert "ORG-MIN-MEMBERS" in codes
    assert "违规" in page.checks.summary.text() or "breaches" in page.checks.summary.text()


def _findings() -> list[Finding]:
    return [
        Finding("MTG-GENERAL-Q", Severity.WARNING, "2026年第3季度", "没有党员大会记录"),
        Finding("ORG-MIN-MEMBERS", Severity.ERROR, "青山村", "正式党员只有2名"),
        Finding("DEV-TALK-1M", Severity.DUE, "张三", "谈话即将到期", due=dt.date(2026, 12, 1)),
    ]


def test_findings_model_sorts_and_colours_by_severity(qtbot: Any, qtmodeltester: Any) -> None:
    from PySide6.QtCore import Qt

    from villagebook.ui.reports.findings import COLOURS, FindingsModel

    model = FindingsModel()
    model.set_findings(_findings())
    qtmodeltester.check(model)
    assert model.finding(0).code == "ORG-MIN-MEMBERS"
    background = model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole)
    assert background.color().name() == COLOURS[Severity.ERROR][0]
    assert model.data(model.index(2, 4)) == "2026-12-01"
    assert model.counts()[Severity.WARNING] == 1
