"""Command line: the same Book as the window, without a window.

``villagebook`` alone opens the window (:func:`villagebook.app.main` decides); the subcommands work
headless.  Each capability registers its commands from its own module; shared helpers live
in :mod:`villagebook.cli.common`.
"""

from __future__ import annotations

import argparse
import sys

from villagebook import __version__
from villagebook.cli import (
    deliberations,
    development,
    general,
    meetings,
    proof,
    roster,
    safety,
    township,
)
from villagebook.cli.common import (
    EXIT_INPUT,
    EXIT_STORAGE,
    Handler,
    add_rebuild_options,
    common_parser,
    remember_rebuild,
)
from villagebook.domain.common.i18n import _

DESCRIPTION = "VillageBook 村务记事本: offline records of a village Party branch."  # i18n: help
#: Modules that add commands, in the order ``--help`` lists them.
MODULES = (general, safety, proof, township, deliberations, meetings, development)
#: Modules that add ``report`` kinds.
REPORT_MODULES = (roster, deliberations, meetings, development, township)


def build_parser() -> argparse.ArgumentParser:
    common = common_parser()
    parser = argparse.ArgumentParser(
        prog="villagebook",
        parents=[common],
        description=DESCRIPTION,
    )
    parser.add_argument("--version", action="version", version=f"villagebook {__version__}")
    parser.add_argument("--english", action="store_true", help="English user interface")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation in a temporary folder and exit (0 = all passed)",
    )
    parser.set_defaults(handler=None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    general.register(sub, common)
    p = sub.add_parser("report", parents=[common], help="print a PDF report")
    reports = p.add_subparsers(dest="report", metavar="REPORT", required=True)
    for module in REPORT_MODULES:
        module.register_reports(reports, common)
    for report in reports.choices.values():
        add_rebuild_options(report)
    for module in MODULES[1:]:
        module.register(sub, common)
    return parser


def utf8_output() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


def run(args: argparse.Namespace) -> int:
    """Run a parsed subcommand; refusals become a message and an exit code."""
    from villagebook.domain.common.errors import InputError, StorageError, UserError

    handler: Handler = args.handler
    remember_rebuild(args)
    args.data_dir = getattr(args, "data_dir", None)
    args.actor = getattr(args, "actor", None)
    try:
        return handler(args)
    except InputError as exc:
        print(_("输入有误："), file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem.field}　{problem.text()}", file=sys.stderr)
        return EXIT_INPUT
    except StorageError as exc:
        print(_("存储错误：{error}", error=exc), file=sys.stderr)
        if type(exc).__name__ == "DatabaseDamaged":
            print(_("恢复最近一次完好的备份：villagebook restore --newest"), file=sys.stderr)
        return EXIT_STORAGE
    except UserError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_INPUT
    finally:
        if "villagebook.services.book" in sys.modules:  # a command's keys end with it
            sys.modules["villagebook.services.book"].Book.forget_keys()
