"""The 四议两公开 PDFs on the 报表 page: the decision record and the publicity sheet."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from villagebook.domain.deliberations.values import DeliberationRecord, DeliberationStatus
from villagebook.services.printing import ReportRequest
from villagebook.ui.common.ask import Ask
from villagebook.ui.common.busy import run_busy
from villagebook.ui.common.form import FormDialog
from villagebook.ui.common.printing import ReportEntry
from villagebook.ui.context import AppContext
from villagebook.ui.deliberations.detail import fill

DECIDED = (DeliberationStatus.DECIDED, DeliberationStatus.COMPLETED)


class DeliberationChoice(FormDialog):
    """Which deliberation (round) to print."""

    def __init__(
        self, records: list[DeliberationRecord], decided_only: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Choose a deliberation"), parent)
        self.deliberation = QComboBox()
        self.names: dict[str, str] = {}
        for record in records:
            if decided_only and record.status not in DECIDED:
                continue
            name = record.title
            if record.round_no > 1:
                name += fill(self.tr(" (round %1)"), record.round_no)
            self.names[str(record.id)] = name
            shown = fill(self.tr("%1 | %2"), name, record.status.label)
            self.deliberation.addItem(shown, str(record.id))
        self.add_row(self.tr("Deliberation"), self.deliberation, "deliberation")
        self.finish_tab_order()

    def chosen(self) -> tuple[uuid.UUID, str] | None:
        """The chosen round and its name, or None when there is none to choose."""
        value = self.deliberation.currentData()
        return (uuid.UUID(value), self.names[value]) if value else None


def _ask(
    ctx: AppContext, parent: QWidget, decided_only: bool, name: str
) -> tuple[uuid.UUID, Path] | None:
    records = ctx.book.deliberations.deliberations(ctx.branch_id) if ctx.branch_id else []
    dialog = DeliberationChoice(records, decided_only, parent)
    if not Ask.exec_dialog(dialog) or (chosen := dialog.chosen()) is None:
        return None
    deliberation_id, title = chosen
    path = Ask.save_file(
        parent,
        QCoreApplication.translate("DeliberationReports", "Save the PDF"),
        f"{name}-{title}.pdf",
        "PDF (*.pdf)",
    )
    return (deliberation_id, path) if path is not None else None


def run_record(ctx: AppContext, parent: QWidget) -> Path | None:
    chosen = _ask(ctx, parent, False, "四议两公开工作记录")
    if chosen is None:
        return None
    deliberation_id, path = chosen
    request = ReportRequest(
        "deliberation", branch_id=ctx.branch_id, subject_id=deliberation_id, as_of=dt.date.today()
    )
    label = QCoreApplication.translate("DeliberationReports", "Printing the decision record…")
    run_busy(parent, label, lambda: ctx.book.reports.build(request, path))
    return path


def run_sheet(ctx: AppContext, parent: QWidget) -> Path | None:
    chosen = _ask(ctx, parent, True, "村务公开")
    if chosen is None:
        return None
    deliberation_id, path = chosen
    request = ReportRequest("publicity", branch_id=ctx.branch_id, subject_id=deliberation_id)
    label = QCoreApplication.translate("DeliberationReports", "Printing the publicity sheet…")
    run_busy(parent, label, lambda: ctx.book.reports.build(request, path))
    return path


def report_entries() -> list[ReportEntry]:
    return [
        ReportEntry(
            key="deliberation",
            title=QCoreApplication.translate(
                "DeliberationReports", "Decision record (四议两公开工作记录)"
            ),
            description=QCoreApplication.translate(
                "DeliberationReports",
                "One deliberation step by step: dates, places, attendance with its basis, "
                "votes, verdicts and the text as decided at each step.",
            ),
            run=run_record,
        ),
        ReportEntry(
            key="publicity",
            title=QCoreApplication.translate(
                "DeliberationReports", "Village affairs publicity sheet (村务公开栏)"
            ),
            description=QCoreApplication.translate(
                "DeliberationReports",
                "A decided deliberation's resolution (or its result) to print and post, "
                "with the posting period and a blank for the seal.",
            ),
            run=run_sheet,
        ),
    ]
