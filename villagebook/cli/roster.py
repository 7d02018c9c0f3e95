"""Command line for the roster: ``report roster`` (党员花名册 PDF)."""

from __future__ import annotations

import argparse

from villagebook.cli.common import SubParsers, date_arg, open_book, uuid_arg, write_report


def cmd_report_roster(args: argparse.Namespace) -> int:
    from villagebook.services.printing import ReportRequest

    with open_book(args, unlock=args.unmasked) as book:
        request = ReportRequest(
            "roster",
            branch_id=args.branch,
            as_of=args.as_of,
            options={"unmasked": args.unmasked},
        )
        return write_report(book, request, args.output)


def register(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    """The roster has no commands of its own besides its report."""


def register_reports(reports: SubParsers, common: argparse.ArgumentParser) -> None:
    p = reports.add_parser("roster", parents=[common], help="党员花名册 PDF")  # i18n: help text
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--as-of", type=date_arg)
    p.add_argument("--branch", type=uuid_arg)
    p.add_argument("--unmasked", action="store_true", help="show full ID and phone numbers")
    p.set_defaults(handler=cmd_report_roster)
