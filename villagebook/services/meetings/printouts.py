"""三会一课 printouts: the minutes of one record and the quarterly bound volume."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from villagebook.domain.common.i18n import N_
from villagebook.reports import minutes, volume
from villagebook.services.printing import ReportKind, ReportRequest


def _minutes(session: Session, request: ReportRequest) -> minutes.MinutesData:
    assert request.subject_id is not None
    return minutes.gather(session, request.subject_id)


def _volume(session: Session, request: ReportRequest) -> volume.VolumeData:
    assert request.branch_id is not None
    today = dt.date.today()
    year = request.year or today.year
    quarter = request.quarter or (today.month - 1) // 3 + 1
    return volume.gather_volume(session, request.branch_id, year, quarter)


REPORTS = [
    ReportKind("minutes", N_("会议记录"), _minutes, minutes.render, subject="meeting"),
    ReportKind(
        "volume",
        N_("季度合订本"),
        _volume,
        volume.render_volume,
        summary=lambda data: f"{len(data.records)} 份记录",
    ),
]
