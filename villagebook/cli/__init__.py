"""Command line: the same services as the window, without a window.

``villagebook`` alone opens the window; subcommands work headless.  Heavy modules are
imported inside the commands so ``villagebook --help`` and start-up stay fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from villagebook import __version__

if TYPE_CHECKING:
    from villagebook.storage.db import Database

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2
EXIT_STORAGE = 3

Handler = Callable[[argparse.Namespace], int]


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text}") from exc


def _uuid(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"不是有效的编号（UUID）：{text}") from exc


def _open(args: argparse.Namespace) -> Database:
    from villagebook.storage.db import open_database

    return open_database(args.data_dir, actor=args.actor)


def _branch_id(db: Database, args: argparse.Namespace) -> uuid.UUID:
    from villagebook.domain.common.errors import InputError
    from villagebook.services.roster import queries as roster_queries

    if getattr(args, "branch", None):
        return uuid.UUID(str(args.branch))
    with db.read() as session:
        branch = roster_queries.first_branch(session)
    if branch is None:
        raise InputError.single("branch", "支部", "数据文件夹中还没有支部，请先导入或运行 demo")
    return branch.id


# --- commands -----------------------------------------------------------------------------


def cmd_gui(args: argparse.Namespace) -> int:
    from villagebook.ui.app import run

    return run(data_dir=args.data_dir, actor=args.actor, english=args.english)


def cmd_demo(args: argparse.Namespace) -> int:
    from villagebook.services import demo
    from villagebook.services.roster import queries as roster_queries

    db = _open(args)
    with db.write() as session:
        if roster_queries.first_branch(session) is not None and not args.force:
            print("数据文件夹中已有支部，未创建演示数据（加 --force 可再加一个演示支部）。")
            return EXIT_OK
        branch = demo.create_demo(session, today=args.today)
        name = branch.name
    print(f"已创建演示支部：{name}（{db.data_dir}）")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from villagebook.services import exchange
    from villagebook.services.roster import queries as roster_queries

    db = _open(args)
    branch_id = _branch_id(db, args)
    with db.read() as session:
        document = exchange.export_branch(session, roster_queries.get_branch(session, branch_id))
    exchange.write_json(document, Path(args.output))
    print(f"已导出到 {args.output}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from villagebook.services import exchange

    document = exchange.read_document(Path(args.file))
    db = _open(args)
    with db.write() as session:
        branch_id = exchange.import_document(session, document)
    print(f"导入完成：支部 {branch_id}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from villagebook.domain.common.rules import load_ruleset
    from villagebook.services.checks import has_errors, run_checks

    db = _open(args)
    rules = load_ruleset(Path(args.rules) if args.rules else db.data_dir / "rules.json")
    as_of = args.as_of or dt.date.today()
    with db.read() as session:
        findings = run_checks(session, as_of=as_of, rules=rules, branch_id=args.branch)
    if args.json:
        payload = {
            "as_of": as_of.isoformat(),
            "rules": {"name": rules.name, "version": rules.version},
            "findings": [f.to_json() for f in findings],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print(f"检查日期：{as_of.isoformat()}　规则：{rules.name}（{rules.version}）")
        for finding in findings:
            print(finding.text())
        print(f"共 {len(findings)} 条结果。")
    return EXIT_FINDINGS if has_errors(findings) else EXIT_OK


def cmd_report_roster(args: argparse.Namespace) -> int:
    from villagebook.reports import roster as roster_report

    db = _open(args)
    branch_id = _branch_id(db, args)
    with db.read() as session:
        data = roster_report.gather(
            session, branch_id, args.as_of or dt.date.today(), unmasked=args.unmasked
        )
    pages = roster_report.render(data, Path(args.output))
    print(f"已生成 {args.output}（{pages} 页）")
    return EXIT_OK


# --- parser -------------------------------------------------------------------------------


def _common() -> argparse.ArgumentParser:
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


def _report_commands(
    reports: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    p = reports.add_parser("roster", parents=[common], help="党员花名册 PDF")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--as-of", type=_date)
    p.add_argument("--branch", type=_uuid)
    p.add_argument("--unmasked", action="store_true", help="show full ID and phone numbers")
    p.set_defaults(handler=cmd_report_roster)
    from villagebook.cli import deliberations as cli_deliberations

    cli_deliberations.register_reports(reports, common)
    from villagebook.cli import meetings as cli_meetings

    cli_meetings.register_reports(reports, common)
    from villagebook.cli import development as cli_development

    cli_development.register_reports(reports, common)


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = argparse.ArgumentParser(
        prog="villagebook",
        parents=[common],
        description="VillageBook 村务记事本: offline records of a village Party branch.",
    )
    parser.add_argument("--version", action="version", version=f"villagebook {__version__}")
    parser.add_argument("--english", action="store_true", help="English user interface")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation in a temporary folder and exit (0 = all passed)",
    )
    parser.set_defaults(handler=cmd_gui)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("demo", parents=[common], help="create the demo branch (青山村)")
    p.add_argument("--force", action="store_true")
    p.add_argument("--today", type=_date, default=None, help=argparse.SUPPRESS)
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("export", parents=[common], help="export a branch to JSON")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--branch", type=_uuid)
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("import", parents=[common], help="import a JSON exchange file")
    p.add_argument("file")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("check", parents=[common], help="run every rule check")
    p.add_argument("--as-of", type=_date)
    p.add_argument("--json", action="store_true")
    p.add_argument("--branch", type=_uuid)
    p.add_argument("--rules", help="a county rule file (JSON)")
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser("report", parents=[common], help="print a PDF report")
    reports = p.add_subparsers(dest="report", metavar="REPORT", required=True)
    _report_commands(reports, common)
    from villagebook.cli import safety as cli_safety

    cli_safety.register(sub, common)
    from villagebook.cli import deliberations as cli_deliberations

    cli_deliberations.register(sub, common)
    from villagebook.cli import meetings as cli_meetings

    cli_meetings.register(sub, common)
    from villagebook.cli import development as cli_development

    cli_development.register(sub, common)
    return parser


def _utf8_output() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_output()
    args = build_parser().parse_args(argv)
    if args.self_test:
        from villagebook import selftest

        return selftest.main()
    args.data_dir = getattr(args, "data_dir", None)
    args.actor = getattr(args, "actor", None)
    handler: Handler = args.handler
    if handler is cmd_gui:
        return handler(args)
    from villagebook.domain.common.errors import InputError
    from villagebook.storage.errors import StorageError

    try:
        return handler(args)
    except InputError as exc:
        print("输入有误：", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem.field}　{problem.text()}", file=sys.stderr)
        return EXIT_INPUT
    except StorageError as exc:
        print(f"存储错误：{exc}", file=sys.stderr)
        if type(exc).__name__ == "DatabaseDamaged":
            print("恢复最近一次完好的备份：villagebook restore --newest", file=sys.stderr)
        return EXIT_STORAGE
