"""Preview, print and save a report from the window (ui/common/printing.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from villagebook.services.printing import ReportRequest

pytestmark = pytest.mark.gui


def test_open_report_previews_then_saves_and_prints(
    qtbot: Any, ctx: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from villagebook.ui.common import printing
    from villagebook.ui.common.ask import Ask

    shown: list[Any] = []
    saved_to = tmp_path / "out" / "花名册.pdf"
    saved_to.parent.mkdir()
    printed = tmp_path / "printed.pdf"

    def exec_dialog(cls: Any, dialog: Any) -> bool:
        if isinstance(dialog, printing.ReportDialog):
            shown.append(dialog)
            assert dialog.document.pageCount() >= 1
            dialog.save_button.click()
            dialog.print_button.click()
            return False
        dialog.printer().setOutputFileName(str(printed))  # the system print dialog
        return True

    monkeypatch.setattr(Ask, "exec_dialog", classmethod(exec_dialog))
    monkeypatch.setattr(Ask, "save_file", classmethod(lambda cls, *a: saved_to))
    asked: list[str] = []
    monkeypatch.setattr(Ask, "confirm", classmethod(lambda cls, p, t, text: asked.append(text)))
    request = ReportRequest("roster", branch_id=ctx.branch_id)
    assert printing.open_report(None, ctx.book, request)
    assert shown and "党员花名册" in shown[0].windowTitle()
    assert "党员花名册" in "".join(p.extract_text() for p in PdfReader(saved_to).pages)
    assert asked and str(saved_to) in asked[0]  # offers to open the folder
    assert printed.stat().st_size > 1000


def test_default_save_location_is_documents_with_a_descriptive_name(
    ctx: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from villagebook.ui.common import printing
    from villagebook.ui.common.ask import Ask

    suggested: list[str] = []
    monkeypatch.setattr(Ask, "save_file", classmethod(lambda cls, p, t, s, f: suggested.append(s)))
    report = ctx.book.reports.render(ReportRequest("roster", branch_id=ctx.branch_id))
    assert printing.save_pdf(None, ctx.book, report) is None  # cancelled
    path = Path(suggested[0])
    assert path.parent == printing.documents_folder()
    assert path.name.startswith("中共青山村支部委员会-党员花名册-") and path.suffix == ".pdf"


def test_a_cancelled_report_writes_nothing(ctx: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from villagebook.ui.common import printing
    from villagebook.ui.common.busy import Job

    original = Job.cancelled
    monkeypatch.setattr(Job, "cancelled", lambda self: True)
    try:
        assert not printing.open_report(None, ctx.book, ReportRequest("roster"))
    finally:
        monkeypatch.setattr(Job, "cancelled", original)
