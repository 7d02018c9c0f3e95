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
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from villagebook.domain.common.errors import InputError
from villagebook.domain.common.i18n import _

if TYPE_CHECKING:
    from villagebook.domain.common.reports import ReportRequest
    from villagebook.domain.safety.values import AuditIssue
    from villagebook.services.book import Book
    from villagebook.services.safety.folder import DataFolder

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2
EXIT_STORAGE = 3
EXIT_INTERRUPTED = 130
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
    common.add_argument(
        "--password-file",
        type=Path,
        default=argparse.SUPPRESS,
        help="a file holding the app lock password (or the recovery key) on its first line;"
        " without it the password is asked on the terminal",
    )
    return common


def database_url(args: argparse.Namespace) -> str | None:
    return getattr(args, "database_url", None) or os.environ.get(DATABASE_URL_ENV) or None


def ask_password(args: argparse.Namespace, prompt: str | None = None) -> str:
    """The app lock password: ``--current-password`` (lock set/clear), ``--password-file``,
    the environment variable :data:`PASSWORD_ENV`, else asked on the terminal.

    Refused (PasswordRequired) when none is possible: a script must name a file.
    """
    from villagebook.domain.safety.errors import PasswordRequired

    given = getattr(args, "current_password", None)
    if given is not None:
        return str(given)
    source = getattr(args, "password_file", None)
    if source is not None:
        try:
            lines = Path(source).read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError.single(
                "--password-file",
                _("密码文件"),
                _("无法读取 {path}：{error}", path=source, error=getattr(exc, "strerror", exc)),
            ) from exc
        return lines[0] if lines else ""
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env is not None:
        return from_env
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt or _("程序锁密码："))
    raise PasswordRequired(
        _(
            "程序锁已开启：请用 --password-file 指定密码文件、设置环境变量 {name}，"
            "或在终端中运行以输入密码",
            name=PASSWORD_ENV,
        )
    )


#: Read instead of asking when the app lock's password is needed without a terminal.
PASSWORD_ENV = "VILLAGEBOOK_PASSWORD"


@contextmanager
def open_book(
    args: argparse.Namespace, *, today: dt.date | None = None, unlock: bool = False
) -> Iterator[Book]:
    """The Book of ``--data-dir`` (created or upgraded as needed), for one ``with`` block.

    An encrypted folder (app lock on) is opened with the password (:func:`ask_password`);
    ``unlock``: the command shows personal data in clear (export, unmasked reports) or
    changes the lock, so the password is needed whenever the lock is on.  What the quick
    audit check on open finds is said on stderr.

    When the block changed anything, the folder gets the automatic backup the window makes
    on close (if anything changed since the last one; an encrypted database is copied
    encrypted, its key file beside); a failed backup is said, not raised.
    """
    from villagebook.services.book import Book

    data_dir = getattr(args, "data_dir", None)
    url = database_url(args)
    on_server = Book.is_server_url(url)
    password = ask_password(args) if not on_server and Book.folder(data_dir).is_locked() else None
    book = Book.open(
        data_dir,
        actor=getattr(args, "actor", None),
        today=(lambda: today) if today else None,
        password=password,
        url=url,
    )
    try:
        if unlock and not book.safety.unlocked:
            book.safety.unlock(ask_password(args))
        warn_audit_issues(book.safety.open_issues)
        yield book
    finally:
        changed = book.changed
        book.close()
    if changed:
        _back_up_after_changes(book)


def _back_up_after_changes(book: Book) -> None:
    """The automatic backup after a command's changes, through the data folder (unlocked
    for an encrypted one: the keys of the command are still known)."""
    from villagebook.domain.common.errors import UserError

    try:
        book.folder(book.data_dir).auto_backup(on_close=True)
    except (UserError, OSError) as exc:
        print(_("已保存，但自动备份没有完成：{error}", error=exc), file=sys.stderr)


def open_folder(args: argparse.Namespace) -> DataFolder:
    """The data folder of ``--data-dir`` as files, unlocked when it is encrypted."""
    from villagebook.services.book import Book

    folder = Book.folder(getattr(args, "data_dir", None))
    if folder.is_locked():
        folder.unlock(ask_password(args))
    return folder


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


def unlock_for_signing(book: Book) -> bool:
    """Ask for the app-lock password when the signing key needs it; False if refused."""
    from villagebook.domain.safety.errors import PasswordRequired

    if not book.identity.needs_password():
        return True
    try:
        password: str | None = ask_password(
            argparse.Namespace(), _("程序锁密码（用于打开本安装的签名密钥）：")
        )
    except PasswordRequired:
        password = None
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
    from villagebook.domain.common.reports import ReportRequest

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
