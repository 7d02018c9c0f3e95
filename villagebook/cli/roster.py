"""Command line for the roster: ``report roster`` (党员花名册 PDF)."""

from __future__ import annotations

import argparse

from villagebook.cli.common import (
    SubParsers,
    open_book,
    period_options,
    period_request,
    write_report,
)


def cmd_report_roster(args: argparse.Namespace) -> int:
    with open_book(args, unlock=args.unmasked) as book:
        request = period_request(args, "roster", unmasked=args.unmasked)
        return write_report(book, request, args.output)


def register(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    """The roster has no commands of its own besides its report."""


def register_reports(reports: SubParsers, common: argparse.ArgumentParser) -> None:
    p = reports.add_parser("roster", parents=[common], help="党员花名册 PDF")  # i18n: help text
    period_options(p, day=True)
    p.add_argument("--unmasked", action="store_true", help="show full ID and phone numbers")
    p.set_defaults(handler=cmd_report_roster)
