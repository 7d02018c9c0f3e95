"""What every command-line module shares: argument types, opening the Book, exit codes.

Commands call the core :class:`~villagebook.services.book.Book` only.  A refusal
(:class:`UserError`) prints a plain message and exits with :data:`EXIT_INPUT` (or
:data:`EXIT_STORAGE` for storage failures); anything else is a bug and is left to surface.
Heavy modules are imported inside the commands so ``villagebook --help`` stays fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys
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
#: Where a county's server is, when not given with ``--database-url``.
DATABASE_URL_ENV = "VILLAGEBOOK_DATABASE_URL"

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
    common.add_argument(
        "--database-url",
        default=argparse.SUPPRESS,
        metavar="URL",
        help="a PostgreSQL server (postgresql://user@host/db) instead of the data folder's"
        f" file (default: ${DATABASE_URL_ENV})",
    )
    return common


def database_url(args: argparse.Namespace) -> str | None:
    return getattr(args, "database_url", None) or os.environ.get(DATABASE_URL_ENV) or None


def open_book(args: argparse.Namespace, *, today: dt.date | None = None) -> Book:
    """The Book of ``--data-dir`` (created or upgraded as needed)."""
    from villagebook.services.book import Book

    return Book.open(
        getattr(args, "data_dir", None),
        actor=getattr(args, "actor", None),
        today=(lambda: today) if today else None,
        url=database_url(args),
    )


def branch_id(book: Book, args: argparse.Namespace) -> uuid.UUID:
    """``--branch``, or the data folder's first branch (refused when there is none)."""
    return book.roster.require_branch(getattr(args, "branch", None)).id


def datetime_arg(text: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            _("时间格式应为 YYYY-MM-DDTHH:MM:SS+08:00：{text}", text=text)
        ) from exc
    return moment if moment.tzinfo else moment.astimezone()


def add_rebuild_options(parser: argparse.ArgumentParser) -> None:
    """``--report-id`` and ``--generated-at``: rebuild a report as it was issued."""
    parser.add_argument("--report-id", help="rebuild with this report ID (from the PDF)")
    parser.add_argument(
        "--generated-at", type=datetime_arg, help="rebuild as generated at (ISO 8601)"
    )


#: ``--report-id`` / ``--generated-at`` of the running ``report`` command.
_rebuild: dict[str, object] = {}


def remember_rebuild(args: argparse.Namespace) -> None:
    _rebuild.clear()
    for key in ("report_id", "generated_at"):
        value = getattr(args, key, None)
        if value is not None:
            _rebuild[key] = value


#: Read instead of asking when the app lock's password is needed without a terminal.
PASSWORD_ENV = "VILLAGEBOOK_PASSWORD"


def unlock_for_signing(book: Book) -> bool:
    """Ask for the app-lock password when the signing key needs it; False if refused."""
    if not book.identity.needs_password():
        return True
    password = os.environ.get(PASSWORD_ENV)
    if password is None and sys.stdin.isatty():
        password = getpass.getpass(_("程序锁密码（用于打开本安装的签名密钥）："))
    if password is None or not book.safety.check_password(password):
        print(
            _(
                "需要程序锁密码才能签名：在终端中运行，或设置环境变量 {name}。",
                name=PASSWORD_ENV,
            ),
            file=sys.stderr,
        )
        return False
    return True


def write_report(book: Book, request: ReportRequest, output: str) -> int:
    """Build a report into ``output`` (signed by this installation) and say so."""
    from dataclasses import replace

    if not unlock_for_signing(book):
        return EXIT_INPUT
    if _rebuild:
        request = replace(request, **_rebuild)  # type: ignore[arg-type]
    result = book.reports.build(request, Path(output))
    detail = f"{result.summary}，" if result.summary else ""
    print(_("已生成 {path}（{detail}{pages} 页）", path=output, detail=detail, pages=result.pages))
    print(
        _(
            "报表编号 {report_id}，已由本安装签名；核验：villagebook verify {path}",
            report_id=result.report_id,
            path=output,
        )
    )
    return EXIT_OK
