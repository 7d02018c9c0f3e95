"""Command line for 三会一课: ``meetings list``, ``meetings finalise`` and the PDF reports.

``report minutes --meeting ID -o FILE.pdf`` (one record) and
``report volume --year Y --quarter Q -o FILE.pdf`` (一季度一合订); registered by
:func:`register` and :func:`register_reports`.  Heavy imports stay inside the handlers.
"""

from __future__ import annotations

import argparse
import datetime as dt

from villagebook.cli.common import EXIT_OK, open_book, write_report
from villagebook.cli.common import date_arg as _date
from villagebook.cli.common import uuid_arg as _uuid

KINDS = ("general", "committee", "group", "lesson", "theme_day", "org_life", "appraisal", "talks")


def cmd_list(args: argparse.Namespace) -> int:
    from villagebook.cli.common import legacy_branch_id as _branch_id
    from villagebook.cli.common import legacy_open as _open
    from villagebook.domain.meetings.values import MeetingKind
    from villagebook.services.meetings.records import attendance_of, list_meetings
    from villagebook.services.meetings.summary import display_title

    db = _open(args)
    branch_id = _branch_id(db, args)
    start = dt.date(args.year, 1, 1) if args.year else None
    end = dt.date(args.year, 12, 31) if args.year else None
    kind = MeetingKind(args.kind) if args.kind else None
    with db.read() as session:
        meetings = list_meetings(session, branch_id, start, end, kind)
        for m in meetings:
            rows = [a for a in attendance_of(session, m.id) if a.expected]
            present = sum(1 for a in rows if a.presence.value == "present")
            print(
                f"{m.id}  {m.held_on.isoformat()}  {m.kind.label:<8}  {m.status.label}"
                f"  应到{len(rows)} 实到{present}  {display_title(m)}"
            )
    print(f"共 {len(meetings)} 份记录。")
    return EXIT_OK


def cmd_finalise(args: argparse.Namespace) -> int:
    from villagebook.cli.common import legacy_open as _open
    from villagebook.services.meetings.records import finalise_meeting

    db = _open(args)
    with db.write() as session:
        meeting = finalise_meeting(session, args.meeting, on=args.on)
        text = f"{meeting.held_on.isoformat()} {meeting.kind.label}"
    print(f"已定稿：{text}")
    return EXIT_OK


def cmd_report_minutes(args: argparse.Namespace) -> int:
    from villagebook.services.printing import ReportRequest

    with open_book(args) as book:
        return write_report(book, ReportRequest("minutes", subject_id=args.meeting), args.output)


def cmd_report_volume(args: argparse.Namespace) -> int:
    from villagebook.services.printing import ReportRequest

    with open_book(args) as book:
        request = ReportRequest(
            "volume", branch_id=args.branch, year=args.year, quarter=args.quarter
        )
        return write_report(book, request, args.output)


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    p = sub.add_parser("meetings", parents=[common], help="三会一课 meeting records")
    commands = p.add_subparsers(dest="meetings_command", metavar="ACTION", required=True)
    q = commands.add_parser("list", parents=[common], help="list the records")
    q.add_argument("--year", type=int)
    q.add_argument("--kind", choices=KINDS)
    q.add_argument("--branch", type=_uuid)
    q.set_defaults(handler=cmd_list)
    q = commands.add_parser("finalise", parents=[common], help="lock a draft record (定稿)")
    q.add_argument("meeting", type=_uuid)
    q.add_argument("--on", type=_date, default=None, help="finalising date (default today)")
    q.set_defaults(handler=cmd_finalise)


def register_reports(
    reports: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    p = reports.add_parser(
        "minutes", parents=[common], help="三会一课 minutes of one meeting (PDF)"
    )
    p.add_argument("--meeting", type=_uuid, required=True)
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(handler=cmd_report_minutes)
    p = reports.add_parser("volume", parents=[common], help="quarterly bound volume (PDF)")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--quarter", type=int, choices=(1, 2, 3, 4), required=True)
    p.add_argument("--branch", type=_uuid)
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(handler=cmd_report_volume)
