"""Command line for 四议两公开: ``deliberations list`` and the two PDF reports.

``report deliberation --matter ID -o FILE.pdf`` (四议两公开工作记录) and
``report publicity --matter ID -o FILE.pdf`` (村务公开栏); registered by :func:`register`
and :func:`register_reports`.  Heavy imports stay inside the handlers.
"""

from __future__ import annotations

import argparse
import datetime as dt

from villagebook.cli.common import EXIT_OK, open_book, write_report
from villagebook.cli.common import date_arg as _date
from villagebook.cli.common import uuid_arg as _uuid


def cmd_list(args: argparse.Namespace) -> int:
    from villagebook.cli.common import legacy_branch_id as _branch_id
    from villagebook.cli.common import legacy_open as _open
    from villagebook.domain.deliberations.values import format_amount
    from villagebook.services.deliberations import matters as dlb

    db = _open(args)
    branch_id = _branch_id(db, args)
    as_of = args.as_of or dt.date.today()
    with db.read() as session:
        rows = dlb.matter_rows(session, branch_id, as_of)
    for row in rows:
        step = f"下一步：{row.next_step.label}" if row.next_step else row.status.label
        codes = f"　[{' '.join(row.codes)}]" if row.codes else ""
        round_text = f"（第{row.round_no}轮）" if row.round_no > 1 else ""
        print(f"{row.id}　{row.title}{round_text}　{row.category.label}　", end="")
        print(f"{format_amount(row.amount_fen) or '-'}　{row.status.label}　{step}{codes}")
    print(f"共 {len(rows)} 个事项。")
    return EXIT_OK


def cmd_report_deliberation(args: argparse.Namespace) -> int:
    from villagebook.services.printing import ReportRequest

    with open_book(args) as book:
        request = ReportRequest("deliberation", subject_id=args.matter, as_of=args.as_of)
        return write_report(book, request, args.output)


def cmd_report_publicity(args: argparse.Namespace) -> int:
    from villagebook.services.printing import ReportRequest

    with open_book(args) as book:
        request = ReportRequest("publicity", subject_id=args.matter, options={"step": args.step})
        return write_report(book, request, args.output)


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    p = sub.add_parser("deliberations", parents=[common], help="四议两公开 matters")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    q = actions.add_parser("list", parents=[common], help="list matters with their next step")
    q.add_argument("--branch", type=_uuid)
    q.add_argument("--as-of", type=_date)
    q.set_defaults(handler=cmd_list)


def register_reports(
    reports: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    p = reports.add_parser("deliberation", parents=[common], help="四议两公开工作记录 PDF")
    p.add_argument("--matter", type=_uuid, required=True)
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--as-of", type=_date)
    p.set_defaults(handler=cmd_report_deliberation)
    p = reports.add_parser("publicity", parents=[common], help="村务公开栏 PDF")
    p.add_argument("--matter", type=_uuid, required=True)
    p.add_argument("--step", choices=["resolution", "result"])
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(handler=cmd_report_publicity)
