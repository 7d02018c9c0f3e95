"""The roster's printouts: the branch roster PDF (党员花名册), masked unless asked otherwise."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlmodel import Session

from villagebook.domain.common.calendar import age_on
from villagebook.domain.common.i18n import N_
from villagebook.domain.roster.idnumber import mask_id_number, mask_phone
from villagebook.domain.roster.values import PartyStatus
from villagebook.reports import roster as roster_report
from villagebook.reports.roster import RosterReport, RosterRow
from villagebook.services.printing import RecordSelection, ReportKind, ReportRequest
from villagebook.services.report_periods import day_of_request
from villagebook.services.roster import queries
from villagebook.storage.models import Person


def gather(
    session: Session, branch_id: uuid.UUID, as_of: dt.date, *, unmasked: bool = False
) -> RosterReport:
    """Members (full and probationary) on ``as_of``, sorted by group and name."""
    branch = queries.get_branch(session, branch_id)
    groups = {g.id: g.name for g in queries.list_groups(session, branch_id)}
    rows = []
    counts = {"正式党员": 0, "预备党员": 0}
    members = queries.members_on(session, branch_id, as_of)
    book = queries.StatusBook(session, [m.person_id for m in members])
    for entry in members:
        person = session.get(Person, entry.person_id)  # already loaded by members_on
        assert person is not None
        joined = book.first_date(person.id, PartyStatus.PROBATIONARY)
        full_on = book.first_date(person.id, PartyStatus.FULL)
        counts[entry.status.label] += 1
        rows.append(
            RosterRow(
                name=person.name,
                gender=person.gender,
                ethnicity=person.ethnicity,
                age=str(age_on(person.birth_date, as_of)) if person.birth_date else "",
                education=person.education,
                status=entry.status.label,
                joined=joined.isoformat() if joined else "",
                group=groups.get(entry.group_id, "") if entry.group_id else "",
                id_number=(person.id_number or "")
                if unmasked
                else mask_id_number(person.id_number),
                phone=person.phone if unmasked else mask_phone(person.phone),
                full_on=full_on.isoformat() if full_on and full_on != joined else "",
                role=person.committee_role,
            )
        )
    rows.sort(key=lambda r: (r.group, r.name))
    return RosterReport(
        branch.name, branch.village, branch.township, as_of, rows, counts, unmasked=unmasked
    )


def _gather(session: Session, request: ReportRequest) -> RosterReport:
    assert request.branch_id is not None
    return gather(
        session,
        request.branch_id,
        day_of_request(request),
        unmasked=bool(request.options.get("unmasked", False)),
    )


def _members(session: Session, request: ReportRequest, _data: RosterReport) -> RecordSelection:
    """The members the roster lists (no other records)."""
    assert request.branch_id is not None
    day = day_of_request(request)
    return RecordSelection(
        people=frozenset(e.person_id for e in queries.members_on(session, request.branch_id, day))
    )


def _file_name(report: RosterReport) -> str:
    return f"{report.branch_name}-{report.title}-{report.as_of.isoformat()}"


REPORTS = [
    ReportKind(
        "roster",
        N_("党员花名册"),
        _gather,
        roster_report.render,
        file_name=_file_name,
        span="day",
        period=lambda data: f"截至{data.as_of.isoformat()}",
        records=_members,
    )
]
