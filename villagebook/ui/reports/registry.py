"""The reports a user can print from the 报表 page.

Each capability contributes entries from its own ``ui/<area>/reports.py`` through a lazy
import in :func:`entries`.  ``run`` asks for what it needs (a meeting, a quarter, ...),
renders the PDF with the core report code, and returns the file written (None if the user
cancelled).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class ReportEntry:
    key: str
    title: str  # translated, shown in the list
    description: str  # translated
    run: Callable[[Any, QWidget], Path | None]


def entries() -> list[ReportEntry]:
    from villagebook.ui.roster.reports import roster_entry

    found: list[ReportEntry] = [roster_entry()]
    from villagebook.ui.deliberations.reports import report_entries as deliberation_entries

    found += deliberation_entries()
    from villagebook.ui.development.reports import report_entries as development_entries

    found += development_entries()
    from villagebook.ui.meetings.reports import report_entries as meeting_entries

    found += meeting_entries()
    return found
