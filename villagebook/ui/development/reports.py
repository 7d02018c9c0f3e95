"""The development PDFs on the 报表 page: a person's dossier and the branch's roster."""

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


class PersonChoice(FormDialog):
    """Whose dossier to print: everyone with a development case."""

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Choose a person"), parent)
        from sqlmodel import col, select

        from villagebook.storage.models import Person
        from villagebook.storage.models.development import DevelopmentCase

        self.person = QComboBox()
        if ctx.branch_id is not None:
            with ctx.db.read() as session:
                rows = session.exec(
                    select(Person)
                    .join(DevelopmentCase, col(DevelopmentCase.person_id) == Person.id)
                    .where(DevelopmentCase.branch_id == ctx.branch_id)
                    .order_by(col(Person.name))
                    .distinct()
                ).all()
                for person in rows:
                    self.person.addItem(f"{person.name}（{person.status.label}）", str(person.id))
        self.add_row(self.tr("Person"), self.person, "person")
        self.finish_tab_order()


def render_dossier(ctx: Any, person_id: uuid.UUID, path: Path) -> int:
    from villagebook.reports import dossier

    with ctx.db.read() as session:
        data = dossier.gather(session, person_id, dt.date.today())
    return dossier.render(data, path)


def render_roster(ctx: Any, path: Path) -> int:
    from villagebook.reports import development_roster

    with ctx.db.read() as session:
        data = development_roster.gather(session, ctx.branch_id, dt.date.today())
    return development_roster.render(data, path)


def _save_as(parent: QWidget, name: str) -> Path | None:
    title = QCoreApplication.translate("DevelopmentReports", "Save the PDF")
    return Ask.save_file(parent, title, f"{name}.pdf", "PDF (*.pdf)")


def run_dossier(ctx: Any, parent: QWidget) -> Path | None:
    dialog = PersonChoice(ctx, parent)
    if not Ask.exec_dialog(dialog) or dialog.person.currentData() is None:
        return None
    name = dialog.person.currentText().split("（")[0]
    path = _save_as(parent, f"{name}发展党员全程纪实表")
    if path is None:
        return None
    person_id = uuid.UUID(dialog.person.currentData())
    label = QCoreApplication.translate("DevelopmentReports", "Printing the dossier…")
    run_busy(parent, label, lambda: render_dossier(ctx, person_id, path))
    return path


def run_roster(ctx: Any, parent: QWidget) -> Path | None:
    if ctx.branch_id is None:
        return None
    path = _save_as(parent, "发展党员工作台账")
    if path is None:
        return None
    label = QCoreApplication.translate("DevelopmentReports", "Printing the development roster…")
    run_busy(parent, label, lambda: render_roster(ctx, path))
    return path


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
