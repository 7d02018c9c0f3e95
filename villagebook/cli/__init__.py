"""Command line: the same Book as the window, without a window.

``villagebook`` alone opens the window (:func:`villagebook.app.main` decides); the subcommands work
headless.  Each capability registers its commands from its own module; shared helpers live
in :mod:`villagebook.cli.common`.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys

from villagebook import __version__
from villagebook.cli import (
    deliberations,
    development,
    general,
    ledgers,
    meetings,
    proof,
    roster,
    safety,
    township,
)
from villagebook.cli.common import (
    EXIT_INPUT,
    EXIT_INTERRUPTED,
    EXIT_OK,
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
REPORT_MODULES = (roster, deliberations, meetings, development, ledgers, township)


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
    """Run a parsed subcommand; every refusal becomes a message and an exit code.

    Exit codes (README "Exit codes"): 0 done, 1 findings (``check``, ``audit verify``),
    2 refused input, 3 storage (damaged, full, read-only, held by another program, newer),
    130 interrupted.  A reader that stops early (``| head -1``) ends the command quietly.
    """
    from villagebook.domain.common.errors import (
        InputError,
        StorageError,
        UserError,
        os_error_text,
    )

    handler: Handler = args.handler
    remember_rebuild(args)
    args.data_dir = getattr(args, "data_dir", None)
    args.actor = getattr(args, "actor", None)
    try:
        code = handler(args)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        return _reader_gone()
    except InputError as exc:
        _say(_input_text(exc))
        return EXIT_INPUT
    except StorageError as exc:
        text = _("存储错误：{error}", error=exc)
        if type(exc).__name__ == "DatabaseDamaged":
            text += _("。恢复最近一次完好的备份：villagebook restore --newest")
        _say(text)
        return EXIT_STORAGE
    except UserError as exc:
        _say(str(exc))
        return EXIT_INPUT
    except KeyboardInterrupt:
        _say(_("已中断：没有完成的操作不会保存。"))
        return EXIT_INTERRUPTED
    except OSError as exc:  # the system refused a file operation nothing above foresaw
        where = f"（{exc.filename}）" if exc.filename else ""
        _say(_("文件操作失败：{reason}{where}", reason=os_error_text(exc), where=where))
        return EXIT_STORAGE
    finally:
        if "villagebook.services.book" in sys.modules:  # a command's keys end with it
            sys.modules["villagebook.services.book"].Book.forget_keys()


def _input_text(exc: Exception) -> str:
    """One line for one problem; a list (with paths in a file, if any) for more."""
    from villagebook.domain.common.errors import InputError

    assert isinstance(exc, InputError)
    problems = exc.problems
    with_paths = getattr(exc, "show_paths", False)
    if len(problems) == 1 and not with_paths:
        return _("输入有误：") + problems[0].text()
    header = (
        _("文件被拒绝，没有导入任何内容（{count}处问题）：", count=len(problems))
        if with_paths
        else _("输入有误：")
    )
    lines = [f"  {p.field}\u3000{p.text()}" if with_paths else f"  {p.text()}" for p in problems]
    return "\n".join([header, *lines])


def _say(text: str) -> None:
    with contextlib.suppress(OSError):  # nowhere to say it
        print(text, file=sys.stderr)


def _reader_gone() -> int:
    """The reader of our output went away (``| head -1``): stop quietly.  Python would
    otherwise report the broken pipe again when it flushes stdout at exit."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass
    return EXIT_OK
