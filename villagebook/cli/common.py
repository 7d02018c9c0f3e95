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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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
EXIT_INTERRUPTED = 130

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


@contextmanager
def open_book(args: argparse.Namespace, *, today: dt.date | None = None) -> Iterator[Book]:
    """The Book of ``--data-dir`` (created or upgraded as needed), for one ``with`` block.

    When the block changed anything, the folder gets the automatic backup the window makes
    on close (if anything changed since the last one); a failed backup is said, not raised.
    """
    from villagebook.services.book import Book

    book = Book.open(
        getattr(args, "data_dir", None),
        actor=getattr(args, "actor", None),
        today=(lambda: today) if today else None,
    )
    try:
        yield book
    finally:
        changed = book.changed
        book.close()
    if changed:
        _back_up_after_changes(book)


def _back_up_after_changes(book: Book) -> None:
    from villagebook.domain.common.errors import UserError

    try:
        book.folder(book.data_dir).auto_backup(on_close=True)
    except (UserError, OSError) as exc:
        print(_("已保存，但自动备份没有完成：{error}", error=exc), file=sys.stderr)


def branch_id(book: Book, args: argparse.Namespace) -> uuid.UUID:
    """``--branch``, or the data folder's first branch (refused when there is none)."""
    return book.roster.require_branch(getattr(args, "branch", None)).id


def write_report(book: Book, request: ReportRequest, output: str) -> int:
    """Build a report into ``output`` and say so."""
    result = book.reports.build(request, Path(output))
    detail = f"{result.summary}，" if result.summary else ""
    print(_("已生成 {path}（{detail}{pages} 页）", path=output, detail=detail, pages=result.pages))
    return EXIT_OK
