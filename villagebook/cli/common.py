"""What every command-line module shares: argument types, opening the Book, exit codes.

Commands call the core :class:`~villagebook.services.book.Book` only.  A refusal
(:class:`UserError`) prints a plain message and exits with :data:`EXIT_INPUT` (or
:data:`EXIT_STORAGE` for storage failures); anything else is a bug and is left to surface.
Heavy modules are imported inside the commands so ``villagebook --help`` stays fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from villagebook.domain.common.i18n import _

if TYPE_CHECKING:
    from villagebook.domain.safety.values import AuditIssue
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

    book = Book.open(
        getattr(args, "data_dir", None),
        actor=getattr(args, "actor", None),
        today=(lambda: today) if today else None,
    )
    warn_audit_issues(book.safety.open_issues)
    return book


def warn_audit_issues(issues: Sequence[AuditIssue]) -> None:
    """What the quick audit check on open found, on stderr (the command still runs)."""
    if not issues:
        return
    print(_("警告：打开数据文件夹时发现审计日志异常："), file=sys.stderr)
    for issue in issues[:5]:
        print(f"  {issue.message}", file=sys.stderr)
    print(_("请运行 villagebook audit verify 查看全部。"), file=sys.stderr)


def branch_id(book: Book, args: argparse.Namespace) -> uuid.UUID:
    """``--branch``, or the data folder's first branch (refused when there is none)."""
    return book.roster.require_branch(getattr(args, "branch", None)).id


def write_report(book: Book, request: ReportRequest, output: str) -> int:
    """Build a report into ``output`` and say so."""
    result = book.reports.build(request, Path(output))
    detail = f"{result.summary}，" if result.summary else ""
    print(_("已生成 {path}（{detail}{pages} 页）", path=output, detail=detail, pages=result.pages))
    return EXIT_OK
