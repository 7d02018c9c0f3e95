"""Development printouts: a person's dossier (全程纪实表) and the development roster."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from villagebook.domain.common.i18n import N_
from villagebook.reports import development_roster, dossier
from villagebook.services.printing import ReportKind, ReportRequest


def _dossier(session: Session, request: ReportRequest) -> dossier.Dossier:
    assert request.subject_id is not None
    return dossier.gather(
        session,
        request.subject_id,
        request.as_of or dt.date.today(),
        unmasked=bool(request.options.get("unmasked", False)),
    )


def _roster(session: Session, request: ReportRequest) -> development_roster.DevelopmentRoster:
    assert request.branch_id is not None
    return development_roster.gather(session, request.branch_id, request.as_of or dt.date.today())


REPORTS = [
    ReportKind("dossier", N_("发展党员全程纪实表"), _dossier, dossier.render, subject="person"),
    ReportKind("development-roster", N_("发展党员工作台账"), _roster, development_roster.render),
]
