"""The 四议两公开 PDFs on the 报表 page: the decision record and the publicity sheet."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from villagebook.ui.common.ask import Ask
from villagebook.ui.common.busy import run_busy
from villagebook.ui.common.form import FormDialog
from villagebook.ui.common.printing import ReportEntry


class MatterChoice(FormDialog):
    """Which matter to print."""

    def __init__(self, ctx: Any, decided_only: bool, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Choose a matter"), parent)
        from villagebook.domain.deliberations.values import MatterStatus
        from villagebook.services.deliberations import matters as dlb

        self.matter = QComboBox()
        if ctx.branch_id is not None:
            with ctx.db.read() as session:
                for m in dlb.list_matters(session, ctx.branch_id):
                    decided = m.status in (MatterStatus.DECIDED, MatterStatus.COMPLETED)
                    if decided or not decided_only:
                        suffix = f"（第{m.round_no}轮）" if m.round_no > 1 else ""
                        self.matter.addItem(f"{m.title}{suffix}　{m.status.label}", str(m.id))
        self.add_row(self.tr("Matter"), self.matter, "matter")
        self.finish_tab_order()


def _ask(ctx: Any, parent: QWidget, decided_only: bool, name: str) -> tuple[uuid.UUID, Path] | None:
    dialog = MatterChoice(ctx, decided_only, parent)
    if not Ask.exec_dialog(dialog) or dialog.matter.currentData() is None:
        return None
    path = Ask.save_file(
        parent,
        QCoreApplication.translate("DeliberationReports", "Save the PDF"),
        f"{name}-{dialog.matter.currentText().split('　')[0]}.pdf",
        "PDF (*.pdf)",
    )
    return (uuid.UUID(dialog.matter.currentData()), path) if path is not None else None


def render_record(ctx: Any, matter_id: uuid.UUID, path: Path) -> int:
    from villagebook.reports import deliberation

    with ctx.db.read() as session:
        data = deliberation.gather(session, matter_id, dt.date.today())
    return deliberation.render(data, path)


def render_sheet(ctx: Any, matter_id: uuid.UUID, path: Path) -> int:
    from villagebook.reports import publicity

    with ctx.db.read() as session:
        sheet = publicity.gather(session, matter_id)
    return publicity.render(sheet, path)


def run_record(ctx: Any, parent: QWidget) -> Path | None:
    chosen = _ask(ctx, parent, False, "四议两公开工作记录")
    if chosen is None:
        return None
    matter_id, path = chosen
    label = QCoreApplication.translate("DeliberationReports", "Printing the decision record…")
    run_busy(parent, label, lambda: render_record(ctx, matter_id, path))
    return path


def run_sheet(ctx: Any, parent: QWidget) -> Path | None:
    chosen = _ask(ctx, parent, True, "村务公开")
    if chosen is None:
        return None
    matter_id, path = chosen
    label = QCoreApplication.translate("DeliberationReports", "Printing the publicity sheet…")
    run_busy(parent, label, lambda: render_sheet(ctx, matter_id, path))
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
                "One matter step by step: dates, places, attendance with its basis, votes, "
                "verdicts and the text as decided at each step.",
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
                "A decided matter's resolution (or its result) to print and post, "
                "with the posting period and a blank for the seal.",
            ),
            run=run_sheet,
        ),
    ]
