"""The roster PDF (党员花名册) on the 报表 page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QWidget

from villagebook.ui.common.ask import Ask
from villagebook.ui.common.busy import run_busy
from villagebook.ui.common.form import FormDialog
from villagebook.ui.common.widgets import DateEdit
from villagebook.ui.reports.registry import ReportEntry


class RosterReportDialog(FormDialog):
    """The day the roster shows, and whether ID and phone numbers print in full."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Roster PDF"), parent)
        self.as_of = DateEdit(dt.date.today())
        self.unmasked = QCheckBox(self.tr("Print full ID and phone numbers (sensitive)"))
        self.add_row(self.tr("Roster on"), self.as_of, "as_of")
        self.add_row("", self.unmasked)
        self.finish_tab_order()


def render_roster(ctx: Any, as_of: dt.date, unmasked: bool, path: Path) -> int:
    from villagebook.reports import roster as roster_report

    with ctx.db.read() as session:
        data = roster_report.gather(session, ctx.branch_id, as_of, unmasked=unmasked)
    return roster_report.render(data, path)


def run(ctx: Any, parent: QWidget) -> Path | None:
    dialog = RosterReportDialog(parent)
    if not Ask.exec_dialog(dialog):
        return None
    as_of = dialog.as_of.value() or dt.date.today()
    path = Ask.save_file(
        parent,
        QCoreApplication.translate("RosterReport", "Save the roster PDF"),
        f"花名册-{as_of.isoformat()}.pdf",
        "PDF (*.pdf)",
    )
    if path is None:
        return None
    unmasked = dialog.unmasked.isChecked()
    label = QCoreApplication.translate("RosterReport", "Printing the roster…")
    run_busy(parent, label, lambda: render_roster(ctx, as_of, unmasked, path))
    return path


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
