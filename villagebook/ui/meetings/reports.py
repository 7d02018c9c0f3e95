"""The meetings PDFs on the 报表 page and from the editor: minutes and the quarterly volume.

Each is built off the UI thread (progress, Cancel) and previewed with Print and Save
(:func:`villagebook.ui.common.printing.open_report`).
"""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QSpinBox, QWidget

from villagebook.domain.common.calendar import quarter_of
from villagebook.ui.common.ask import Ask
from villagebook.ui.common.form import FormDialog
from villagebook.ui.common.printing import ReportEntry, open_report
from villagebook.ui.context import AppContext


def print_minutes(ctx: AppContext, parent: QWidget, meeting_id: uuid.UUID) -> bool:
    """Preview the minutes of one record, with Print and Save."""
    from villagebook.domain.common.reports import ReportRequest

    request = ReportRequest("minutes", branch_id=ctx.branch_id, subject_id=meeting_id)
    return open_report(parent, ctx.book, request)


class MeetingChoice(FormDialog):
    """Which record to print (the latest first)."""

    guard_input = False

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Choose a meeting record"), parent)
        self.meeting = QComboBox()
        if ctx.branch_id is not None:
            entries = ctx.book.meetings.entries(
                ctx.branch_id, dt.date(1900, 1, 1), dt.date(2200, 12, 31)
            )
            for entry in reversed(entries):
                self.meeting.addItem(
                    f"{entry.held_on.isoformat()} {entry.kind.label} {entry.title}", str(entry.id)
                )
        self.add_row(self.tr("Record"), self.meeting)
        self.finish_tab_order()


class QuarterChoice(FormDialog):
    guard_input = False

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Choose a quarter"), parent)
        self.year = QSpinBox()
        self.year.setRange(1950, 2200)
        self.year.setValue(today.year)
        self.quarter = QSpinBox()
        self.quarter.setRange(1, 4)
        self.quarter.setValue(quarter_of(today))
        self.add_row(self.tr("Year"), self.year)
        self.add_row(self.tr("Quarter"), self.quarter)
        self.finish_tab_order()


def run_minutes(ctx: AppContext, parent: QWidget) -> bool:
    dialog = MeetingChoice(ctx, parent)
    if not Ask.exec_dialog(dialog) or dialog.meeting.currentData() is None:
        return False
    return print_minutes(ctx, parent, uuid.UUID(dialog.meeting.currentData()))


def run_volume(ctx: AppContext, parent: QWidget) -> bool:
    from villagebook.domain.common.reports import ReportRequest

    dialog = QuarterChoice(ctx.book.today(), parent)
    if not Ask.exec_dialog(dialog):
        return False
    year, quarter = dialog.year.value(), dialog.quarter.value()
    request = ReportRequest("volume", branch_id=ctx.branch_id, year=year, quarter=quarter)
    return open_report(parent, ctx.book, request)


def report_entries() -> list[ReportEntry]:
    return [
        ReportEntry(
            "minutes",
            QCoreApplication.translate("MeetingReports", "Meeting minutes (三会一课记录)"),
            QCoreApplication.translate(
                "MeetingReports", "One meeting record as on a page of the paper record book."
            ),
            run_minutes,
        ),
        ReportEntry(
            "volume",
            QCoreApplication.translate("MeetingReports", "Quarterly bound volume (一季度一合订)"),
            QCoreApplication.translate(
                "MeetingReports", "Every record of a quarter with a contents page."
            ),
            run_volume,
        ),
    ]
