"""The development PDFs on the 报表 page: a person's dossier and the branch's roster."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from villagebook.ui.common.ask import Ask
from villagebook.ui.common.form import FormDialog
from villagebook.ui.common.printing import ReportEntry, open_report
from villagebook.ui.context import AppContext


class PersonChoice(FormDialog):
    """Whose dossier to print: everyone with a development case."""

    guard_input = False

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Choose a person"), parent)
        self.person = QComboBox()
        if ctx.branch_id is not None:
            for p in ctx.book.development.people_with_cases(ctx.branch_id):
                self.person.addItem(f"{p.name}（{p.status.label}）", str(p.person_id))
        self.add_row(self.tr("Person"), self.person, "person")
        self.finish_tab_order()


def preview_dossier(ctx: AppContext, parent: QWidget, person_id: uuid.UUID) -> bool:
    """One person's 发展党员全程纪实表, previewed with Print and Save."""
    from villagebook.domain.common.reports import ReportRequest

    request = ReportRequest(
        "dossier", branch_id=ctx.branch_id, subject_id=person_id, as_of=ctx.book.today()
    )
    return open_report(parent, ctx.book, request)


def run_dossier(ctx: AppContext, parent: QWidget) -> bool:
    dialog = PersonChoice(ctx, parent)
    if not Ask.exec_dialog(dialog) or dialog.person.currentData() is None:
        return False
    return preview_dossier(ctx, parent, uuid.UUID(dialog.person.currentData()))


def run_roster(ctx: AppContext, parent: QWidget) -> bool:
    if ctx.branch_id is None:
        return False
    from villagebook.domain.common.reports import ReportRequest

    request = ReportRequest("development-roster", branch_id=ctx.branch_id, as_of=ctx.book.today())
    return open_report(parent, ctx.book, request)


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
