"""File ▸ Import JSON… / Export JSON…: the exchange file behind file dialogs.

An import that is refused lists every problem (with its path in the file) in a scrollable
list; nothing is written then.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from villagebook.domain.common.errors import InputError, Problem
from villagebook.ui.common.ask import Ask
from villagebook.ui.common.busy import run_busy
from villagebook.ui.common.screen import fit_dialog
from villagebook.ui.errors import show_error
from villagebook.ui.ops import perform_busy

JSON_FILTER = "JSON (*.json)"


class ProblemListDialog(QDialog):
    """Every problem of a refused file, one per line, scrollable."""

    def __init__(self, problems: Sequence[Problem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import refused"))
        intro = QLabel(
            self.tr(
                "Nothing was imported. Fix these %n problem(s) in the file and try again:",
                "",
                len(problems),
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        for problem in problems:
            self.list.addItem(f"{problem.field}　{problem.text()}")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        fit_dialog(self, 640, 400)


def import_file(parent: QWidget | None, book: Any) -> uuid.UUID | None:
    """Ask for a file and import it; the new branch's id, or None (cancelled or refused)."""
    path = Ask.open_file(parent, QCoreApplication.translate("Exchange", "Import JSON"), JSON_FILTER)
    if path is None:
        return None
    return import_path(parent, book, path)


def import_path(parent: QWidget | None, book: Any, path: Path) -> uuid.UUID | None:
    try:
        branch_id: uuid.UUID = run_busy(
            parent,
            QCoreApplication.translate("Exchange", "Importing…"),
            lambda: book.exchange.import_file(path),
        )
    except InputError as exc:
        Ask.exec_dialog(ProblemListDialog(exc.problems, parent))
        return None
    except Exception as exc:
        show_error(parent, exc)
        return None
    Ask.inform(
        parent,
        QCoreApplication.translate("Exchange", "Import JSON"),
        QCoreApplication.translate("Exchange", "Imported from %1.").replace("%1", path.name),
    )
    return branch_id


def export_file(parent: QWidget | None, book: Any, branch_id: uuid.UUID) -> Path | None:
    path = Ask.save_file(
        parent,
        QCoreApplication.translate("Exchange", "Export JSON"),
        "villagebook-export.json",
        JSON_FILTER,
    )
    if path is None:
        return None
    done = perform_busy(
        parent,
        QCoreApplication.translate("Exchange", "Exporting…"),
        lambda: book.exchange.export(branch_id, path),
        success=QCoreApplication.translate("Exchange", "Exported to %1.").replace("%1", str(path)),
    )
    return path if done is not None else None
