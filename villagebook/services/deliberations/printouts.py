"""四议两公开 printouts: the decision record of a matter and its publicity sheet."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from villagebook.domain.common.i18n import N_
from villagebook.domain.deliberations.values import StepKind
from villagebook.reports import deliberation, publicity
from villagebook.services.printing import ReportKind, ReportRequest

PUBLICITY_STEPS = {
    "resolution": StepKind.RESOLUTION_PUBLICITY,
    "result": StepKind.RESULT_PUBLICITY,
}


def _record(session: Session, request: ReportRequest) -> deliberation.DecisionRecord:
    assert request.subject_id is not None
    return deliberation.gather(session, request.subject_id, request.as_of or dt.date.today())


def _sheet(session: Session, request: ReportRequest) -> publicity.PublicitySheet:
    assert request.subject_id is not None
    step = request.options.get("step")
    return publicity.gather(session, request.subject_id, PUBLICITY_STEPS.get(str(step)))


REPORTS = [
    ReportKind(
        "deliberation", N_("四议两公开工作记录"), _record, deliberation.render, subject="matter"
    ),
    ReportKind("publicity", N_("村务公开栏"), _sheet, publicity.render, subject="matter"),
]
