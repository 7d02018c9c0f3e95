"""The 四议两公开 PDFs on the 报表 page: the decision record and the publicity sheet."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from villagebook.domain.common.reports import ReportRequest
from villagebook.domain.deliberations.values import DeliberationRecord, DeliberationStatus
from villagebook.ui.common.ask import Ask
from villagebook.ui.common.form import FormDialog
from villagebook.ui.common.printing import ReportEntry, open_report
from villagebook.ui.context import AppContext
from villagebook.ui.deliberations.detail import fill

DECIDED = (DeliberationStatus.DECIDED, DeliberationStatus.COMPLETED)


class DeliberationChoice(FormDialog):
    """Which deliberation (round) to print."""

    guard_input = False

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


def _choose(ctx: AppContext, parent: QWidget, decided_only: bool) -> uuid.UUID | None:
    records = ctx.book.deliberations.deliberations(ctx.branch_id) if ctx.branch_id else []
    dialog = DeliberationChoice(records, decided_only, parent)
    if not Ask.exec_dialog(dialog) or (chosen := dialog.chosen()) is None:
        return None
    return chosen[0]


def preview_record(ctx: AppContext, parent: QWidget, deliberation_id: uuid.UUID) -> bool:
    """The 四议两公开工作记录 of one deliberation, previewed with Print and Save."""
    request = ReportRequest(
        "deliberation", branch_id=ctx.branch_id, subject_id=deliberation_id, as_of=ctx.book.today()
    )
    return open_report(parent, ctx.book, request)


def preview_sheet(ctx: AppContext, parent: QWidget, deliberation_id: uuid.UUID) -> bool:
    """The 村务公开栏 sheet of a decided deliberation, previewed with Print and Save."""
    request = ReportRequest("publicity", branch_id=ctx.branch_id, subject_id=deliberation_id)
    return open_report(parent, ctx.book, request)


def run_record(ctx: AppContext, parent: QWidget) -> bool:
    chosen = _choose(ctx, parent, False)
    return chosen is not None and preview_record(ctx, parent, chosen)


def run_sheet(ctx: AppContext, parent: QWidget) -> bool:
    chosen = _choose(ctx, parent, True)
    return chosen is not None and preview_sheet(ctx, parent, chosen)


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
