"""Command line for Party member development (发展党员).

``development list`` (open cases with the next step and its due date),
``report dossier --person ID -o FILE.pdf`` (发展党员全程纪实表) and
``report development-roster -o FILE.pdf`` (the branch's open cases by stage).
Heavy imports stay inside the handlers.
"""

from __future__ import annotations

import argparse

from villagebook.cli.common import (
    EXIT_OK,
    SubParsers,
    branch_id,
    date_arg,
    open_book,
    period_options,
    period_request,
    register_period_report,
    uuid_arg,
    write_report,
)
from villagebook.domain.common.i18n import _, label


def cmd_list(args: argparse.Namespace) -> int:
    from villagebook.domain.development.workflow import DEFAULT

    with open_book(args) as book:
        cards = book.development.board(branch_id(book, args), args.as_of)
    for card in cards:
        due = card.due.isoformat() if card.due else "—"
        stage = label(DEFAULT.stage(card.stage).name)
        line = f"{card.person_id}  {card.name}  {stage}  {card.next_label}  {due}"
        print(f"{line}  {card.urgency.value}")
    print(_("共 {n} 份进行中的发展党员档案。", n=len(cards)))
    return EXIT_OK


def cmd_report_dossier(args: argparse.Namespace) -> int:
    from villagebook.domain.common.reports import ReportRequest

    with open_book(args, unlock=args.unmasked) as book:
        request = ReportRequest(
            "dossier",
            subject_id=args.person,
            as_of=args.as_of,
            options={"unmasked": args.unmasked},
        )
        return write_report(book, request, args.output)


def cmd_report_roster(args: argparse.Namespace) -> int:
    with open_book(args) as book:
        request = period_request(args, "development-roster")
        return write_report(book, request, args.output)


def register(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("development", parents=[common], help="Party member development cases")
    commands = p.add_subparsers(dest="development", metavar="ACTION", required=True)
    q = commands.add_parser("list", parents=[common], help="open cases, next step and due date")
    q.add_argument("--branch", type=uuid_arg)
    q.add_argument("--as-of", type=date_arg)
    q.set_defaults(handler=cmd_list)


def register_reports(reports: SubParsers, common: argparse.ArgumentParser) -> None:
    p = reports.add_parser("dossier", parents=[common], help=_("发展党员全程纪实表 PDF"))
    p.add_argument("--person", type=uuid_arg, required=True)
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--as-of", type=date_arg)
    p.add_argument("--unmasked", action="store_true", help="show the full ID number")
    p.set_defaults(handler=cmd_report_dossier)
    p = reports.add_parser("development-roster", parents=[common], help=_("发展党员工作台账 PDF"))
    period_options(p, day=True)
    p.set_defaults(handler=cmd_report_roster)
    register_period_report(
        reports, common, "development-plan", _("发展党员年度计划及统计表 PDF (--year)")
    )
