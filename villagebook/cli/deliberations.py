"""Command line for 四议两公开: ``deliberations list`` and the two PDF reports.

``report deliberation --deliberation ID -o FILE.pdf`` (四议两公开工作记录) and
``report publicity --deliberation ID -o FILE.pdf`` (村务公开栏); ``--matter`` is kept as
an alias of ``--deliberation``.  Registered by :func:`register` and :func:`register_reports`.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from villagebook.cli.common import (
    EXIT_OK,
    SubParsers,
    branch_id,
    date_arg,
    open_book,
    register_period_report,
    uuid_arg,
    write_report,
)
from villagebook.domain.common.i18n import _

if TYPE_CHECKING:  # the domain is imported when a command runs (``--help`` stays fast)
    from villagebook.domain.deliberations.values import DeliberationSummary


def _line(summary: DeliberationSummary) -> str:
    from villagebook.domain.deliberations.amounts import format_amount

    status = summary.status.label
    step = _("下一步：{step}", step=summary.next_step.label) if summary.next_step else status
    codes = "　[{}]".format(" ".join(summary.codes)) if summary.codes else ""
    round_text = _("（第{round}轮）", round=summary.round_no) if summary.round_no > 1 else ""
    amount = format_amount(summary.amount_fen) or "-"
    fields = (f"{summary.title}{round_text}", summary.category.label, amount, status)
    return f"{summary.id}　" + "　".join(fields) + f"　{step}{codes}"


def cmd_list(args: argparse.Namespace) -> int:
    with open_book(args) as book:
        rows = book.deliberations.summaries(branch_id(book, args), args.as_of)
    for row in rows:
        print(_line(row))
    print(_("共 {count} 个事项。", count=len(rows)))
    return EXIT_OK


def cmd_report_deliberation(args: argparse.Namespace) -> int:
    from villagebook.domain.common.reports import ReportRequest

    with open_book(args) as book:
        request = ReportRequest("deliberation", subject_id=args.deliberation, as_of=args.as_of)
        return write_report(book, request, args.output)


def cmd_report_publicity(args: argparse.Namespace) -> int:
    from villagebook.domain.common.reports import ReportRequest

    with open_book(args) as book:
        options = {"step": args.step}
        request = ReportRequest("publicity", subject_id=args.deliberation, options=options)
        return write_report(book, request, args.output)


def register(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("deliberations", parents=[common], help=_("四议两公开 deliberations"))
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    q = actions.add_parser("list", parents=[common], help="list deliberations with their next step")
    q.add_argument("--branch", type=uuid_arg)
    q.add_argument("--as-of", type=date_arg)
    q.set_defaults(handler=cmd_list)


def _deliberation_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--deliberation",
        "--matter",
        dest="deliberation",
        type=uuid_arg,
        required=True,
        metavar="ID",
        help="the deliberation (one round); --matter is an older name for it",
    )


def register_reports(reports: SubParsers, common: argparse.ArgumentParser) -> None:
    p = reports.add_parser("deliberation", parents=[common], help=_("四议两公开工作记录 PDF"))
    _deliberation_arg(p)
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--as-of", type=date_arg)
    p.set_defaults(handler=cmd_report_deliberation)
    p = reports.add_parser("publicity", parents=[common], help=_("村务公开栏 PDF"))
    _deliberation_arg(p)
    p.add_argument("--step", choices=["resolution", "result"])
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(handler=cmd_report_publicity)
    register_period_report(
        reports, common, "deliberation-ledger", _("“四议两公开”年度台账 PDF (--year)")
    )
