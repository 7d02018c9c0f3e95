from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from tests.integration.window.conftest import accept
from villagebook.domain.common.findings import Finding, Severity

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot: Any, ctx: Any) -> Any:
    from villagebook.ui.reports.page import ReportsPage

    widget = ReportsPage(ctx)
    qtbot.addWidget(widget)
    return widget


def test_roster_entry_previews_then_saves_where_asked(
    page: Any, drive: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    """打印PDF… builds the report off the UI thread and previews it: nothing is written
    until Save…, which defaults to Documents with a descriptive name."""
    from pypdf import PdfReader

    from villagebook.ui.common import printing
    from villagebook.ui.common.ask import Ask

    assert page.entries[0].key == "roster"
    target = tmp_path / "roster.pdf"
    suggested: list[str] = []

    def save_file(cls: Any, parent: Any, title: str, name: str, filters: str) -> Path:
        suggested.append(name)
        return target

    monkeypatch.setattr(Ask, "save_file", classmethod(save_file))
    monkeypatch.setattr(Ask, "confirm", classmethod(lambda cls, *a: False))

    def fill(dialog: Any) -> bool:
        dialog.as_of.set_value(dt.date(2026, 11, 1))
        return accept(dialog)

    def preview(dialog: Any) -> bool:
        assert isinstance(dialog, printing.ReportDialog)
        assert dialog.document.pageCount() >= 1 and not target.exists()
        dialog.save_button.click()
        return False

    drive.extend([fill, preview])
    assert page.run_selected() is True
    text = "".join(p.extract_text() for p in PdfReader(target).pages)
    assert "花名册" in text and "林桂兰" in text
    assert "*" in text  # masked by default
    assert Path(suggested[0]).parent == printing.documents_folder()
    assert "党员花名册-2026-11-01" in Path(suggested[0]).name


def test_cancelled_report_writes_nothing(page: Any, drive: Any, tmp_path: Path) -> None:
    drive.append(lambda dialog: False)
    assert page.run_selected() is False


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
