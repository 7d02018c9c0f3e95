"""Commands over the whole data folder: ``demo``, ``export``, ``import`` and ``check``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from villagebook.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    SubParsers,
    ask_password,
    branch_id,
    date_arg,
    open_book,
    uuid_arg,
)
from villagebook.domain.common.i18n import _


def cmd_demo(args: argparse.Namespace) -> int:
    with open_book(args, today=args.today) as book:
        branch = book.create_demo(force=args.force)
        if branch is None:
            print(_("数据文件夹中已有支部，未创建演示数据（加 --force 可再加一个演示支部）。"))
            return EXIT_OK
        print(_("已创建演示支部：{name}（{path}）", name=branch.name, path=book.data_dir))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    with open_book(args, unlock=True) as book:
        book.exchange.export(branch_id(book, args), Path(args.output), plain=args.plain)
        sealed = book.safety.app_lock().encrypted and not args.plain
    if sealed:
        print(_("已导出到 {path}（已加密：须用程序锁密码或恢复密钥打开）", path=args.output))
    else:
        print(_("已导出到 {path}", path=args.output))
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from villagebook.domain.safety.errors import PasswordRequired
    from villagebook.services.exchange import read_document

    path = Path(args.file)
    try:  # read (and refuse a bad file) before the data folder is opened or created
        document = read_document(path)
    except PasswordRequired:  # a sealed export (app lock on)
        document = None
    with open_book(args) as book:
        if document is None:
            try:  # an encrypted folder's own key opens its own exports
                document = read_document(path)
            except PasswordRequired:  # sealed elsewhere, or under an older password
                document = read_document(path, ask_password(args))
        imported = book.exchange.import_document(document)
    print(_("导入完成：支部 {branch}", branch=imported))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from villagebook.domain.common.rules import load_ruleset
    from villagebook.services.checks import has_errors

    with open_book(args) as book:
        rules = load_ruleset(Path(args.rules)) if args.rules else book.rules()
        as_of = args.as_of or book.today()
        findings = book.checks.run(as_of=as_of, rules=rules, branch_id=args.branch)
    if args.json:
        payload = {
            "as_of": as_of.isoformat(),
            "rules": {"name": rules.name, "version": rules.version},
            "findings": [f.to_json() for f in findings],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print(
            _(
                "检查日期：{day}　规则：{name}（{version}）",
                day=as_of.isoformat(),
                name=rules.name,
                version=rules.version,
            )
        )
        for finding in findings:
            print(finding.text())
        print(_("共 {count} 条结果。", count=len(findings)))
    return EXIT_FINDINGS if has_errors(findings) else EXIT_OK


def register(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    demo_help = "create the demo branch (青山村)"  # i18n: help text
    p = sub.add_parser("demo", parents=[common], help=demo_help)
    p.add_argument("--force", action="store_true")
    p.add_argument("--today", type=date_arg, default=None, help=argparse.SUPPRESS)
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("export", parents=[common], help="export a branch to JSON")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--branch", type=uuid_arg)
    p.add_argument(
        "--plain",
        action="store_true",
        help="with the app lock on: write the file unencrypted (needs the password too)",
    )
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("import", parents=[common], help="import a JSON exchange file")
    p.add_argument("file")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("check", parents=[common], help="run every rule check")
    p.add_argument("--as-of", type=date_arg)
    p.add_argument("--json", action="store_true")
    p.add_argument("--branch", type=uuid_arg)
    p.add_argument("--rules", help="a county rule file (JSON)")
    p.set_defaults(handler=cmd_check)
