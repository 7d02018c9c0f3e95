"""The one start-up: parse the command line, choose the language, then run a command, the
self-test or the window.

The window is imported only when it is wanted, so commands never load Qt; the window module
shows itself before the storage stack is imported.
"""

from __future__ import annotations

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
    return cli.run(args)


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
