"""What every command-line module shares: argument types, opening the Book, exit codes.

Commands call the core :class:`~villagebook.services.book.Book` only.  A refusal
(:class:`UserError`) prints a plain message and exits with :data:`EXIT_INPUT` (or
:data:`EXIT_STORAGE` for storage failures); anything else is a bug and is left to surface.
Heavy modules are imported inside the commands so ``villagebook --help`` stays fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from villagebook.domain.common.i18n import _

if TYPE_CHECKING:
    from villagebook.services.book import Book
    from villagebook.services.printing import ReportRequest

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2
EXIT_STORAGE = 3

Handler = Callable[[argparse.Namespace], int]
SubParsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def date_arg(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(_("日期格式应为 YYYY-MM-DD：{text}", text=text)) from exc


def uuid_arg(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(_("不是有效的编号（UUID）：{text}", text=text)) from exc


def common_parser() -> argparse.ArgumentParser:
    """The options every command takes (``--data-dir``, ``--actor``)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        type=Path,
        default=argparse.SUPPRESS,
        help="data folder (default: the per-user data folder)",
    )
    common.add_argument(
        "--actor", default=argparse.SUPPRESS, help="who makes the changes (default: the login name)"
    )
    return common


def open_book(args: argparse.Namespace, *, today: dt.date | None = None) -> Book:
    """The Book of ``--data-dir`` (created or upgraded as needed)."""
    from villagebook.services.book import Book

    return Book.open(
        getattr(args, "data_dir", None),
        actor=getattr(args, "actor", None),
        today=(lambda: today) if today else None,
    )


def branch_id(book: Book, args: argparse.Namespace) -> uuid.UUID:
    """``--branch``, or the data folder's first branch (refused when there is none)."""
    return book.roster.require_branch(getattr(args, "branch", None)).id


def write_report(book: Book, request: ReportRequest, output: str) -> int:
    """Build a report into ``output`` and say so."""
    result = book.reports.build(request, Path(output))
    detail = f"{result.summary}，" if result.summary else ""
    print(_("已生成 {path}（{detail}{pages} 页）", path=output, detail=detail, pages=result.pages))
    return EXIT_OK


def period_options(parser: argparse.ArgumentParser, *, day: bool = False) -> None:
    """``--year``, ``--quarter``, ``--from``, ``--to`` (and ``--as-of`` for a day's report),
    ``--branch`` and ``-o``: what every report of a period takes."""
    parser.add_argument("--year", type=int, help="the year (default: this year)")
    parser.add_argument("--quarter", type=int, choices=(1, 2, 3, 4), help="a quarter of --year")
    parser.add_argument("--from", dest="start", type=date_arg, metavar="DATE", help="first day")
    parser.add_argument("--to", dest="end", type=date_arg, metavar="DATE", help="last day")
    if day:
        parser.add_argument(
            "--as-of", type=date_arg, help="the day shown (default: the period's last day)"
        )
    parser.add_argument("--branch", type=uuid_arg)
    parser.add_argument("-o", "--output", required=True)


def period_request(args: argparse.Namespace, kind: str, **options: object) -> ReportRequest:
    """The request of ``kind`` for the period given on the command line."""
    from villagebook.services.printing import ReportRequest

    return ReportRequest(
        kind,
        branch_id=getattr(args, "branch", None),
        year=getattr(args, "year", None),
        quarter=getattr(args, "quarter", None),
        start=getattr(args, "start", None),
        end=getattr(args, "end", None),
        as_of=getattr(args, "as_of", None),
        options=options,
    )


def cmd_report_period(args: argparse.Namespace) -> int:
    """``report KIND --year/--quarter/--from/--to -o FILE.pdf`` for a report of a period."""
    with open_book(args) as book:
        return write_report(book, period_request(args, args.report_kind), args.output)


def register_period_report(
    reports: SubParsers, common: argparse.ArgumentParser, kind: str, help_text: str
) -> argparse.ArgumentParser:
    p = reports.add_parser(kind, parents=[common], help=help_text)
    period_options(p)
    p.set_defaults(handler=cmd_report_period, report_kind=kind)
    return p
