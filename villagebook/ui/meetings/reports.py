"""The meetings PDFs on the 报表 page and from the editor: minutes and the quarterly volume."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from villagebook.domain.common.calendar import quarter_of
from villagebook.ui.common.printing import ReportEntry


def render_minutes(ctx: Any, meeting_id: uuid.UUID, path: Path) -> int:
    from villagebook.reports import minutes

    with ctx.db.read() as session:
        data = minutes.gather(session, meeting_id)
    return minutes.render(data, path)


def render_volume(ctx: Any, year: int, quarter: int, path: Path) -> int:
    from villagebook.reports import volume

    with ctx.db.read() as session:
        data = volume.gather_volume(session, ctx.branch_id, year, quarter)
    return volume.render_volume(data, path)


def print_minutes(ctx: Any, parent: QWidget, meeting_id: uuid.UUID) -> Path | None:
    from villagebook.ui.errors import show_error
    from villagebook.ui.meetings.page import Dialogs

    path = Dialogs.save_file(
        parent,
        QCoreApplication.translate("MeetingReports", "Save the minutes PDF"),
        "三会一课记录.pdf",
    )
    if path is None:
        return None
    try:
        render_minutes(ctx, meeting_id, path)
    except Exception as exc:
        show_error(parent, exc)
        return None
    return path


class MeetingChoice(QDialog):
    """Which record to print (the latest first)."""

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from villagebook.services.meetings import views

        self.setWindowTitle(self.tr("Choose a meeting record"))
        self.meeting = QComboBox()
        if ctx.branch_id is not None:
            with ctx.db.read() as session:
                entries = views.calendar_entries(
                    session, ctx.branch_id, dt.date(1900, 1, 1), dt.date(2200, 12, 31)
                )
            for entry in reversed(entries):
                self.meeting.addItem(
                    f"{entry.held_on.isoformat()} {entry.kind.label} {entry.title}", str(entry.id)
                )
        form = QFormLayout(self)
        form.addRow(self.tr("Record"), self.meeting)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class QuarterChoice(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose a quarter"))
        today = dt.date.today()
        self.year = QSpinBox()
        self.year.setRange(1950, 2200)
        self.year.setValue(today.year)
        self.quarter = QSpinBox()
        self.quarter.setRange(1, 4)
        self.quarter.setValue(quarter_of(today))
        form = QFormLayout(self)
        form.addRow(self.tr("Year"), self.year)
        form.addRow(self.tr("Quarter"), self.quarter)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


def run_minutes(ctx: Any, parent: QWidget) -> Path | None:
    from villagebook.ui.meetings.page import Dialogs

    dialog = MeetingChoice(ctx, parent)
    if not Dialogs.exec(dialog) or dialog.meeting.currentData() is None:
        return None
    return print_minutes(ctx, parent, uuid.UUID(dialog.meeting.currentData()))


def run_volume(ctx: Any, parent: QWidget) -> Path | None:
    from villagebook.ui.errors import show_error
    from villagebook.ui.meetings.page import Dialogs

    dialog = QuarterChoice(parent)
    if not Dialogs.exec(dialog):
        return None
    year, quarter = dialog.year.value(), dialog.quarter.value()
    path = Dialogs.save_file(
        parent,
        QCoreApplication.translate("MeetingReports", "Save the quarterly volume"),
        f"三会一课合订本-{year}年第{quarter}季度.pdf",
    )
    if path is None:
        return None
    try:
        render_volume(ctx, year, quarter, path)
    except Exception as exc:
        show_error(parent, exc)
        return None
    return path


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
