from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

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
    assert listed == {k.key for k in ctx.book.reports.kinds()}
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
