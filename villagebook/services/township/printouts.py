"""The township summary PDF as a report kind (``villagebook report township``): the same
rows as the township view, signed and logged like every PDF."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session

from villagebook.domain.common.calendar import quarter_of
from villagebook.domain.common.errors import InputError
from villagebook.domain.common.i18n import N_, _
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.township.values import BranchRow, Role
from villagebook.reports import township as township_report
from villagebook.reports.township import SummaryLine, TownshipReport
from villagebook.services import checks
from villagebook.services.printing import RecordSelection, ReportKind, ReportRequest
from villagebook.services.roster.queries import get_branch
from villagebook.services.township import role, summary


def line(row: BranchRow) -> SummaryLine:
    return SummaryLine(
        name=row.name,
        township=row.township,
        activities="\n".join(f"{k.kind_label} {k.held}/{k.required}" for k in row.activities),
        short=row.activities_short,
        overdue=row.development_overdue,
        deliberations_open=row.deliberations_open,
        findings_open=row.findings_open,
        findings_handled=row.findings_handled,
        errors_open=row.errors_open,
        last_received=f"{row.last_received.astimezone():%Y-%m-%d}" if row.last_received else "",
        conflicts=row.conflicts_waiting,
    )


def reports(providers: Sequence[checks.CheckProvider]) -> list[ReportKind]:
    """The township report kind, gathering with ``providers`` (every capability's checks)."""

    def gather(session: Session, request: ReportRequest) -> TownshipReport:
        from villagebook.services.township.api import adopted_rules

        if role.role(session) is Role.BRANCH:
            raise InputError.single(
                "role",
                _("安装类型"),
                _("乡镇汇总表只能在乡镇（县）安装中生成：本安装是村党支部的安装"),
            )
        day = request.as_of or request.day
        unit = role.own_unit(session)
        rows, _fresh = summary.branch_rows(
            session,
            providers,
            as_of=day,
            fallback=adopted_rules(session) or RuleSet(),
            exclude=unit,
            keep=False,
            current=request.as_of is None,
        )
        assert request.branch_id is not None
        own = get_branch(session, request.branch_id)
        return TownshipReport(
            name=own.name,
            county=own.county,
            year=day.year,
            quarter=quarter_of(day),
            as_of=day,
            lines=[line(r) for r in rows],
            county_rollup=role.role(session) is Role.COUNTY,
        )

    def selection(_session: Session, _request: ReportRequest, _data: object) -> RecordSelection:
        return RecordSelection()  # the township's own unit: the figures are not records

    return [
        ReportKind(
            key="township",
            title=N_("乡镇汇总表"),
            gather=gather,
            render=township_report.render,
            file_name=lambda data: f"{data.title}-{data.as_of.isoformat()}",
            summary=lambda data: f"{len(data.lines)}个支部",
            records=selection,
            period=lambda data: f"{data.year}年第{data.quarter}季度",
        )
    ]
