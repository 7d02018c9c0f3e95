"""Printing from the window: the report entries of the 报表 page and saving a report.

Each capability lists its entries in ``ui/<capability>/reports.py``; the 报表 page collects
them (:mod:`villagebook.ui.reports.registry`).  An entry's ``run`` asks for what it needs (a
meeting, a quarter, ...), has the Book build the PDF, and returns the file written (None if
the user cancelled).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from villagebook.ui.common.busy import run_busy

if TYPE_CHECKING:
    from villagebook.ui.context import AppContext


@dataclass(frozen=True)
class ReportEntry:
    key: str
    title: str  # translated, shown in the list
    description: str  # translated
    run: Callable[[AppContext, QWidget], Path | None]


def build_report(parent: QWidget | None, book: Any, request: Any, path: Path) -> Path:
    """Have the Book build ``request`` into ``path`` off the UI thread (raises on failure)."""
    label = QCoreApplication.translate("Printing", "Printing…")
    run_busy(parent, label, lambda: book.reports.build(request, path))
    return path
