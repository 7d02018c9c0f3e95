"""The development PDFs on the 报表 page: a person's dossier and the branch's roster."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from villagebook.ui.common.ask import Ask
from villagebook.ui.common.busy import run_busy
from villagebook.ui.common.form import FormDialog
from villagebook.ui.common.printing import ReportEntry
from villagebook.ui.context import AppContext

if TYPE_CHECKING:  # the core is imported once a report is asked for
    from villagebook.services.printing import ReportRequest


class PersonChoice(FormDialog):
    """Whose dossier to print: everyone with a development case."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Choose a person"), parent)
        self.person = QComboBox()
        if ctx.branch_id is not None:
            for p in ctx.book.development.people_with_cases(ctx.branch_id):
                self.person.addItem(f"{p.name}（{p.status.label}）", str(p.person_id))
        self.add_row(self.tr("Person"), self.person, "person")
        self.finish_tab_order()


def _build(
    ctx: AppContext, parent: QWidget, label: str, request: ReportRequest, path: Path
) -> Path:
    """Have the Book build ``request`` into ``path`` off the UI thread (raises on failure)."""
    run_busy(parent, label, lambda: ctx.book.reports.build(request, path))
    return path


def _save_as(parent: QWidget, name: str) -> Path | None:
    title = QCoreApplication.translate("DevelopmentReports", "Save the PDF")
    return Ask.save_file(parent, title, f"{name}.pdf", "PDF (*.pdf)")


def run_dossier(ctx: AppContext, parent: QWidget) -> Path | None:
    dialog = PersonChoice(ctx, parent)
    if not Ask.exec_dialog(dialog) or dialog.person.currentData() is None:
        return None
    name = dialog.person.currentText().split("（")[0]
    path = _save_as(parent, f"{name}发展党员全程纪实表")
    if path is None:
        return None
    from villagebook.services.printing import ReportRequest

    request = ReportRequest(
        "dossier",
        branch_id=ctx.branch_id,
        subject_id=uuid.UUID(dialog.person.currentData()),
        as_of=dt.date.today(),
    )
    label = QCoreApplication.translate("DevelopmentReports", "Printing the dossier…")
    return _build(ctx, parent, label, request, path)


def run_roster(ctx: AppContext, parent: QWidget) -> Path | None:
    if ctx.branch_id is None:
        return None
    path = _save_as(parent, "发展党员工作台账")
    if path is None:
        return None
    from villagebook.services.printing import ReportRequest

    request = ReportRequest("development-roster", branch_id=ctx.branch_id, as_of=dt.date.today())
    label = QCoreApplication.translate("DevelopmentReports", "Printing the development roster…")
    return _build(ctx, parent, label, request, path)


def report_entries() -> list[ReportEntry]:
    return [
        ReportEntry(
            key="dossier",
            title=QCoreApplication.translate(
                "DevelopmentReports", "Development dossier (发展党员全程纪实表)"
            ),
            description=QCoreApplication.translate(
                "DevelopmentReports",
                "One person's development file: every step with its date, people and result, "
                "and the rule checks' verdicts. The ID number is masked.",
            ),
            run=run_dossier,
        ),
        ReportEntry(
            key="development_roster",
            title=QCoreApplication.translate(
                "DevelopmentReports", "Development roster (发展党员工作台账)"
            ),
            description=QCoreApplication.translate(
                "DevelopmentReports",
                "All open development cases by stage, with the next step and its due date.",
            ),
            run=run_roster,
        ),
    ]
