"""Command line for 三会一课: ``meetings list``, ``meetings finalise`` and the PDF reports.

``report minutes --meeting ID -o FILE.pdf`` (one record) and
``report volume --year Y --quarter Q -o FILE.pdf`` (一季度一合订); registered by
:func:`register` and :func:`register_reports`.  Every command calls the Book; heavy imports
stay inside the handlers.
"""

from __future__ import annotations

import argparse
import datetime as dt

from villagebook.cli.common import (
    EXIT_OK,
    SubParsers,
    branch_id,
    date_arg,
    open_book,
    period_options,
    period_request,
    register_period_report,
    uuid_arg,
    write_report,
)
from villagebook.domain.common.i18n import _

KINDS = ("general", "committee", "group", "lesson", "theme_day", "org_life", "appraisal", "talks")


def cmd_list(args: argparse.Namespace) -> int:
    from villagebook.domain.meetings.values import MeetingKind

    start = dt.date(args.year, 1, 1) if args.year else None
    end = dt.date(args.year, 12, 31) if args.year else None
    kind = MeetingKind(args.kind) if args.kind else None
    with open_book(args) as book:
        records = book.meetings.records(branch_id(book, args), start, end, kind)
    for m in records:
        counts = _(
            "应到{expected} 实到{present}", expected=len(m.expected), present=m.present_count
        )
        print(
            f"{m.id}  {m.held_on.isoformat()}  {m.kind.label:<8}  {m.status.label}"
            f"  {counts}  {m.display_title}"
        )
    print(_("共 {count} 份记录。", count=len(records)))
    return EXIT_OK


def cmd_finalise(args: argparse.Namespace) -> int:
    with open_book(args) as book:
        record = book.meetings.finalise(args.meeting, args.on)
    text = f"{record.held_on.isoformat()} {record.kind.label}"
    print(_("已定稿：{record}", record=text))
    return EXIT_OK


def cmd_report_minutes(args: argparse.Namespace) -> int:
    from villagebook.domain.common.reports import ReportRequest

    with open_book(args) as book:
        return write_report(book, ReportRequest("minutes", subject_id=args.meeting), args.output)


def cmd_report_volume(args: argparse.Namespace) -> int:
    with open_book(args) as book:
        return write_report(book, period_request(args, "volume"), args.output)


def cmd_report_talks(args: argparse.Namespace) -> int:
    with open_book(args) as book:
        request = period_request(args, "talks")
        if args.meeting is not None:
            from dataclasses import replace

            request = replace(request, subject_id=args.meeting)
        return write_report(book, request, args.output)


def register(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("meetings", parents=[common], help=_("三会一课 meeting records"))
    commands = p.add_subparsers(dest="meetings_command", metavar="ACTION", required=True)
    q = commands.add_parser("list", parents=[common], help="list the records")
    q.add_argument("--year", type=int)
    q.add_argument("--kind", choices=KINDS)
    q.add_argument("--branch", type=uuid_arg)
    q.set_defaults(handler=cmd_list)
    q = commands.add_parser("finalise", parents=[common], help=_("lock a draft record (定稿)"))
    q.add_argument("meeting", type=uuid_arg)
    q.add_argument("--on", type=date_arg, default=None, help="finalising date (default today)")
    q.set_defaults(handler=cmd_finalise)


def register_reports(reports: SubParsers, common: argparse.ArgumentParser) -> None:
    p = reports.add_parser(
        "minutes", parents=[common], help=_("三会一课 minutes of one meeting (PDF)")
    )
    p.add_argument("--meeting", type=uuid_arg, required=True)
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(handler=cmd_report_minutes)
    p = reports.add_parser("volume", parents=[common], help="quarterly bound volume (PDF)")
    period_options(p)
    p.set_defaults(handler=cmd_report_volume)
    register_period_report(
        reports, common, "attendance", _("党员参加组织生活情况统计表 PDF (a year or any period)")
    )
    register_period_report(
        reports, common, "meeting-plan", _("组织生活计划报备表 PDF (--year --quarter)")
    )
    p = register_period_report(
        reports, common, "talks", _("谈心谈话记录表 PDF (a period's talks, or one --meeting)")
    )
    p.add_argument("--meeting", type=uuid_arg, help="one talk record (its ID)")
    p.set_defaults(handler=cmd_report_talks)
