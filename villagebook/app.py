"""The one start-up: parse the command line, choose the language, then run a command, the
self-test or the window.

The window is imported only when it is wanted, so commands never load Qt; the window module
shows itself before the storage stack is imported.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from villagebook import cli, language


def main(argv: Sequence[str] | None = None) -> int:
    cli.utf8_output()
    args = cli.build_parser().parse_args(argv)
    language.from_environment(english=args.english)
    if args.self_test:
        return self_test()
    if args.handler is None:
        return window(args)
    check_early(args)
    return cli.run(args)


def check_early(args: argparse.Namespace) -> None:
    """Start the data folder's quick check now, beside the storage stack's imports
    (:mod:`villagebook.storage.precheck`); opening the folder takes its result."""
    from villagebook import paths
    from villagebook.cli.common import database_url
    from villagebook.storage import precheck

    if database_url(args) or getattr(args, "on_files", False):
        # a server has no file; backup, restore and the lock copy or replace the file
        # itself, which Windows refuses while another connection holds it open
        return
    data_dir = getattr(args, "data_dir", None)
    try:
        folder = paths.default_data_dir() if data_dir is None else data_dir
        precheck.start(paths.database_path(folder))
    except (OSError, ValueError):  # a bad --data-dir is refused by the command itself
        return


def window(args: object) -> int:
    from villagebook.ui.app import run

    return run(
        data_dir=getattr(args, "data_dir", None),
        actor=getattr(args, "actor", None),
        english=bool(getattr(args, "english", False)),
    )


def self_test() -> int:
    """Every core check, then the window's (imported here: the core never imports Qt)."""
    from villagebook import selftest
    from villagebook.ui import selftest_gui

    return selftest.main([*selftest.CHECKS, *selftest_gui.CHECKS])
