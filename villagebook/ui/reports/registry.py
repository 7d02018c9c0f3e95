"""The reports a user can print from the 报表 page: every capability's entries, in order."""

from __future__ import annotations

from villagebook.ui.common.printing import ReportEntry
from villagebook.ui.deliberations.reports import report_entries as deliberation_entries
from villagebook.ui.development.reports import report_entries as development_entries
from villagebook.ui.meetings.reports import report_entries as meeting_entries
from villagebook.ui.roster.reports import roster_entry

__all__ = ["ReportEntry", "entries"]


def entries() -> list[ReportEntry]:
    return [roster_entry(), *deliberation_entries(), *development_entries(), *meeting_entries()]
