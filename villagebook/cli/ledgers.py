"""Command line for the reports across capabilities: ``report ledger`` (季度台账),
``report annual`` (年度工作报告) and ``report self-check`` (自查报告), each for a period
given by ``--year``, ``--quarter``, ``--from`` and ``--to``."""

from __future__ import annotations

import argparse

from villagebook.cli.common import SubParsers, register_period_report
from villagebook.domain.common.i18n import _


def register(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    """No commands besides the reports."""


def register_reports(reports: SubParsers, common: argparse.ArgumentParser) -> None:
    register_period_report(reports, common, "ledger", _("季度台账 PDF (--year --quarter)"))
    register_period_report(reports, common, "annual", _("年度工作报告 PDF (--year)"))
    register_period_report(
        reports, common, "self-check", _("自查报告 PDF (a year, a quarter or --from/--to)")
    )
