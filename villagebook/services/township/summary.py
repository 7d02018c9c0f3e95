"""The township view's figures: one row per branch, computed with the branch's own checks.

Every figure comes from the same functions the branch's ``villagebook check`` runs (the
check providers of every capability, under the rule set the branch reported applying), and
the meeting records themselves for the activities of the quarter, so a township's figures
for a branch match the branch's own on the day they were computed.  A branch's figures are
computed when its bundle is merged and kept (``branch_summary``); the view of today uses them
for the rest of the quarter, until new data arrives or the rules change (each row says which
day its figures are of).  A view of a chosen day computes the figures of that day.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections import Counter
from collections.abc import Sequence

from sqlmodel import Session, col, select

from villagebook.domain.common.calendar import quarter_of, quarter_period
from villagebook.domain.common.findings import Finding, Severity
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.meetings.values import MeetingKind
from villagebook.domain.township.values import BranchRow, KindCount
from villagebook.services import checks, finding_notes
from villagebook.services.deliberations import queries as deliberation_queries
from villagebook.services.meetings import queries as meeting_queries
from villagebook.services.roster.queries import list_branches, list_groups
from villagebook.storage.models import Branch
from villagebook.storage.models.township import (
    BranchSummary,
    MergeConflict,
    ReceivedBranch,
)


def rules_of(reported: str, fallback: RuleSet) -> RuleSet:
    """The rule set a branch reported applying (JSON ``{name, version, params}``)."""
    if not reported:
        return fallback
    try:
        data = json.loads(reported)
        params = {
            k: v for k, v in dict(data.get("params", {})).items() if isinstance(v, int | float)
        }
        base = RuleSet(name=str(data.get("name", fallback.name)))
        return base.replace(params, version=str(data.get("version", fallback.version)))
    except (ValueError, KeyError, TypeError, AttributeError):
        return fallback


def rules_json(rules: RuleSet) -> dict[str, object]:
    return {"name": rules.name, "version": rules.version, "params": dict(rules.overrides)}


def required(rules: RuleSet, has_committee: bool, groups: int) -> dict[MeetingKind, int]:
    """The activities a branch must hold in one quarter (DOMAIN.md §3)."""
    wanted = {
        MeetingKind.GENERAL: rules.as_int("MTG-GENERAL-Q.per_quarter"),
        MeetingKind.LESSON: rules.as_int("MTG-LESSON-Q.per_quarter"),
        MeetingKind.THEME_DAY: 3 * rules.as_int("MTG-THEMEDAY-M.per_month"),
    }
    if has_committee:
        wanted[MeetingKind.COMMITTEE] = 3 * rules.as_int("MTG-COMMITTEE-M.per_month")
    if groups:
        wanted[MeetingKind.GROUP] = 3 * groups * rules.as_int("MTG-GROUP-M.per_month")
    return wanted


def activities(
    session: Session, branch: Branch, as_of: dt.date, rules: RuleSet
) -> tuple[KindCount, ...]:
    period = quarter_period(as_of.year, quarter_of(as_of))
    held = Counter(
        m.kind for m in meeting_queries.list_meetings(session, branch.id, period.start, as_of)
    )
    groups = len(list_groups(session, branch.id))
    return tuple(
        KindCount(kind.value, held.get(kind, 0), needed)
        for kind, needed in required(rules, branch.has_committee, groups).items()
    )


def figures(findings: Sequence[Finding], as_of: dt.date) -> dict[str, int]:
    counted = [f for f in findings if f.severity is not Severity.INFO]
    return {
        "development_overdue": sum(
            1
            for f in counted
            if f.code.startswith("DEV-")
            and f.severity is Severity.ERROR
            and f.due is not None
            and f.due < as_of
        ),
        "findings_open": sum(1 for f in counted if f.handled is None),
        "findings_handled": sum(1 for f in counted if f.handled is not None),
        "errors_open": sum(
            1 for f in counted if f.handled is None and f.severity is Severity.ERROR
        ),
    }


def compute_row(
    session: Session,
    branch: Branch,
    providers: Sequence[checks.CheckProvider],
    as_of: dt.date,
    rules: RuleSet,
) -> dict[str, object]:
    """The figures of one branch, as its own ``check`` finds them."""
    found = checks.run_providers(session, providers, as_of=as_of, rules=rules, branch_id=branch.id)
    found = finding_notes.attach(found, finding_notes.notes_of(session, [branch.id]))
    open_deliberations = sum(
        1
        for d in deliberation_queries.list_deliberations(session, branch.id)
        if not d.status.closed
    )
    return {
        "activities": [
            [k.kind, k.held, k.required] for k in activities(session, branch, as_of, rules)
        ],
        "deliberations_open": open_deliberations,
        "rules_version": rules.version,
        **figures(found, as_of),
    }


def _mark(received: ReceivedBranch | None, rules: RuleSet, branch: Branch) -> str:
    changes = received.up_to_change if received else -1
    bundle = received.last_bundle_id if received else ""
    params = hashlib.sha256(json.dumps(dict(rules.overrides), sort_keys=True).encode()).hexdigest()
    stamp = branch.updated_at.isoformat() if branch.updated_at else ""
    return f"{changes}|{bundle}|{rules.version}|{params[:16]}|{stamp}"[:200]


def branch_rows(
    session: Session,
    providers: Sequence[checks.CheckProvider],
    *,
    as_of: dt.date,
    fallback: RuleSet,
    exclude: uuid.UUID | None,
    keep: bool,
    branch_ids: Sequence[uuid.UUID] | None = None,
    current: bool = False,
) -> tuple[list[BranchRow], list[BranchSummary]]:
    """A row per branch (kept figures where still valid); the new rows to keep.

    Kept figures are valid while the branch's data and rules are unchanged (its ``mark``):
    for ``as_of`` itself, or with ``current`` (the view of today, not of a chosen day) for
    any earlier day of the same quarter: the figures computed when the branch's last bundle
    was merged, so the county view does not run every branch's checks again each day.
    """
    branches = [b for b in list_branches(session) if b.id != exclude]
    if branch_ids is not None:
        wanted = set(branch_ids)
        branches = [b for b in branches if b.id in wanted]
    received = {r.branch_id: r for r in session.exec(select(ReceivedBranch))}
    kept = select(BranchSummary).where(col(BranchSummary.as_of) <= as_of)
    if current:
        start = quarter_period(as_of.year, quarter_of(as_of)).start
        kept = kept.where(col(BranchSummary.as_of) >= start)
    else:
        kept = kept.where(BranchSummary.as_of == as_of)
    cached: dict[uuid.UUID, list[BranchSummary]] = {}
    for c in session.exec(kept.order_by(col(BranchSummary.as_of).desc())):
        cached.setdefault(c.branch_id, []).append(c)
    conflicts = Counter(
        session.exec(select(MergeConflict.branch_id).where(MergeConflict.status == "open")).all()
    )
    rows: list[BranchRow] = []
    fresh: list[BranchSummary] = []
    for branch in branches:
        got = received.get(branch.id)
        rules = rules_of(got.rules, fallback) if got else fallback
        mark = _mark(got, rules, branch)
        hit = next((c for c in cached.get(branch.id, []) if c.mark == mark), None)
        if hit is not None:
            data = json.loads(hit.figures)
            day = hit.as_of
        else:
            data = compute_row(session, branch, providers, as_of, rules)
            day = as_of
            if keep:
                same_day = next((c for c in cached.get(branch.id, []) if c.as_of == as_of), None)
                if same_day is not None:
                    session.delete(same_day)
                    session.flush()
                fresh.append(
                    BranchSummary(
                        branch_id=branch.id,
                        as_of=as_of,
                        mark=mark,
                        figures=json.dumps(data, ensure_ascii=False),
                    )
                )
        rows.append(
            BranchRow(
                branch_id=branch.id,
                name=branch.name,
                village=branch.village,
                township=branch.township,
                county=branch.county,
                activities=tuple(KindCount(k, int(h), int(r)) for k, h, r in data["activities"]),
                development_overdue=int(data["development_overdue"]),
                deliberations_open=int(data["deliberations_open"]),
                findings_open=int(data["findings_open"]),
                findings_handled=int(data["findings_handled"]),
                errors_open=int(data["errors_open"]),
                last_received=got.last_received_at if got else None,
                up_to_change=got.up_to_change if got else 0,
                conflicts_waiting=conflicts.get(branch.id, 0),
                rules_version=str(data.get("rules_version", "")),
                figures_as_of=day,
            )
        )
    rows.sort(key=lambda r: (r.county, r.township, r.village, r.name))
    return rows, fresh


def order_ids(rows: Sequence[BranchRow]) -> list[uuid.UUID]:
    return [r.branch_id for r in rows]


def conflicts_of(
    session: Session, branch_id: uuid.UUID | None, status: str | None
) -> list[MergeConflict]:
    query = select(MergeConflict).order_by(col(MergeConflict.created_at))
    if branch_id is not None:
        query = query.where(MergeConflict.branch_id == branch_id)
    if status is not None:
        query = query.where(MergeConflict.status == status)
    return list(session.exec(query))
