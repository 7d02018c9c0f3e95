"""The roster PDF (党员花名册) on the 报表 page."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QWidget

from villagebook.ui.common.ask import Ask
from villagebook.ui.common.form import FormDialog
from villagebook.ui.common.printing import ReportEntry, open_report
from villagebook.ui.common.widgets import DateEdit

if TYPE_CHECKING:
    from villagebook.ui.context import AppContext


class RosterReportDialog(FormDialog):
    """The day the roster shows, and whether ID and phone numbers print in full."""

    guard_input = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Roster PDF"), parent)
        self.as_of = DateEdit(dt.date.today())
        self.unmasked = QCheckBox(self.tr("Print full ID and phone numbers (sensitive)"))
        self.add_row(self.tr("Roster on"), self.as_of, "as_of")
        self.add_row("", self.unmasked)
        self.finish_tab_order()


def run(ctx: AppContext, parent: QWidget) -> bool:
    dialog = RosterReportDialog(parent)
    if not Ask.exec_dialog(dialog):
        return False
    from villagebook.domain.common.reports import ReportRequest

    request = ReportRequest(
        "roster",
        branch_id=ctx.branch_id,
        as_of=dialog.as_of.value() or dt.date.today(),
        options={"unmasked": dialog.unmasked.isChecked()},
    )
    return open_report(parent, ctx.book, request)


def roster_entry() -> ReportEntry:
    return ReportEntry(
        key="roster",
        title=QCoreApplication.translate("RosterReport", "Party member roster (花名册)"),
        description=QCoreApplication.translate(
            "RosterReport",
            "Full and probationary members on a chosen day, by Party group; "
            "ID and phone numbers masked unless you ask otherwise.",
        ),
        run=run,
    )
