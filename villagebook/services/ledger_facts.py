"""What the cross-capability reports share: check results with notes, and a period's
organisational life (required against held, attendance)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlmodel import Session

from villagebook.domain.common.findings import Finding, Severity
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.meetings.tally import (
    ActivityRow,
    AttendanceLine,
    overall_rate,
    row_rates,
    tally,
)
from villagebook.services import finding_notes
from villagebook.services.checks import CheckProvider, run_providers
from villagebook.services.meetings import queries as meetings
from villagebook.services.roster import queries as roster
from villagebook.storage.models import Branch

SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.DUE: 2, Severity.INFO: 3}


def findings_on(
    session: Session,
    providers: Sequence[CheckProvider],
    branch_id: uuid.UUID,
    as_of: dt.date,
    rules: RuleSet,
) -> list[Finding]:
    """Every check finding of the branch on ``as_of``, with the branch's handling notes."""
    found = run_providers(session, providers, as_of=as_of, rules=rules, branch_id=branch_id)
    attached = finding_notes.attach(found, finding_notes.notes_of(session, [branch_id]))
    return sorted(attached, key=lambda f: (SEVERITY_ORDER[f.severity], f.code, f.subject))


def activities_of(
    session: Session, branch: Branch, start: dt.date, end: dt.date, as_of: dt.date, rules: RuleSet
) -> tuple[list[ActivityRow], list[float | None], tuple[int, int], list[AttendanceLine]]:
    """(activity rows, their attendance rates, overall (present, expected), lines)."""
    groups = [(str(g.id), g.name) for g in roster.list_groups(session, branch.id)]
    first = meetings.first_meeting_date(session, branch.id)
    rows = tally(
        start,
        end,
        as_of=as_of,
        since=first or start,
        has_committee=branch.has_committee,
        groups=groups,
        meetings=meetings.held_meetings(session, branch.id, start, end),
        rules=rules,
    )
    lines = meetings.attendance_lines(session, branch.id, start, end)
    return rows, row_rates(rows, lines), overall_rate(lines), lines
