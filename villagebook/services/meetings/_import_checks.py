"""What an imported meeting record must satisfy before anything is written.

References point at records of the file itself, dates are real and in order, attendance
lists only members of the branch on the meeting date (by the file's own status histories),
and vote tallies are possible (:func:`villagebook.domain.meetings.validation.vote_problems`).
More ballots than voting members present are accepted: MTG-CONSISTENCY reports them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from villagebook.domain.common.errors import Problem
from villagebook.domain.common.i18n import _
from villagebook.domain.meetings.validation import vote_problems
from villagebook.domain.meetings.values import MeetingKind, MeetingStatus, Presence, Vote
from villagebook.domain.roster.values import PartyStatus, is_member
from villagebook.services.exchange import ImportContext, Record, parse_date, parse_uuid

StatusHistories = dict[uuid.UUID, list[tuple[dt.date, PartyStatus]]]


def status_histories(document: Record) -> StatusHistories:
    """Every person's status history in the file, by date."""
    found: StatusHistories = {}
    for person in document.get("people", []):
        rows = []
        for change in person.get("status_history", []):
            try:
                rows.append(
                    (dt.date.fromisoformat(change["effective_on"]), PartyStatus(change["status"]))
                )
            except (KeyError, ValueError):
                continue
        found[parse_uuid(person["id"])] = sorted(rows, key=lambda r: r[0])
    return found


def _status_on(rows: list[tuple[dt.date, PartyStatus]], day: dt.date) -> PartyStatus | None:
    current = None
    for effective_on, status in rows:
        if effective_on <= day:
            current = status
    return current


def check_ref(
    value: Any, known: set[uuid.UUID], path: str, label: str, problems: list[Problem]
) -> None:
    """A reference to a record that must be in the file."""
    if value and parse_uuid(value) not in known:
        problems.append(Problem(path, label, _("引用了文件中不存在的记录")))


def _check_day(
    base: str, item: Record, ctx: ImportContext, problems: list[Problem]
) -> dt.date | None:
    day = parse_date(item["held_on"], f"{base}.held_on", _("会议日期"), problems)
    if day and day > ctx.today:
        problems.append(Problem(f"{base}.held_on", _("会议日期"), _("不能晚于今天")))
    start, end = item.get("start_time"), item.get("end_time")
    if start and end and str(end) < str(start):
        problems.append(Problem(f"{base}.end_time", _("结束时间"), _("不能早于开始时间")))
    return day


def _check_finalised(
    base: str, item: Record, day: dt.date | None, today: dt.date, problems: list[Problem]
) -> None:
    finalised = parse_date(
        item.get("finalised_on"), f"{base}.finalised_on", _("定稿日期"), problems
    )
    if item["status"] == MeetingStatus.FINALISED.value and (
        finalised is None or (day and finalised < day)
    ):
        message = _("已定稿记录须有不早于会议日期的定稿日期")
        problems.append(Problem(f"{base}.finalised_on", _("定稿日期"), message))
    if finalised is not None and finalised > today:
        problems.append(Problem(f"{base}.finalised_on", _("定稿日期"), _("不能晚于今天")))


def _check_refs(base: str, item: Record, ctx: ImportContext, problems: list[Problem]) -> None:
    people = (("host_id", _("主持人")), ("recorder_id", _("记录人")), ("lecturer_id", _("授课人")))
    for key, label in people:
        check_ref(item.get(key), ctx.person_ids, f"{base}.{key}", label, problems)
    check_ref(item.get("group_id"), ctx.group_ids, f"{base}.group_id", _("党小组"), problems)
    if item["kind"] == MeetingKind.GROUP.value and not item.get("group_id"):
        problems.append(Problem(f"{base}.group_id", _("党小组"), _("党小组会须指明党小组")))


def _check_attendance(
    base: str,
    item: Record,
    day: dt.date | None,
    ctx: ImportContext,
    statuses: StatusHistories,
    problems: list[Problem],
) -> tuple[int, int]:
    """Problems with the attendance lines; returns (voting present, voting absent)."""
    present = absent = 0
    for j, row in enumerate(item.get("attendance", [])):
        path = f"{base}.attendance[{j}]"
        check_ref(
            row.get("person_id"), ctx.person_ids, f"{path}.person_id", _("出席人员"), problems
        )
        if row.get("expected", True) and row.get("person_id") and day:
            status = _status_on(statuses.get(parse_uuid(row["person_id"]), []), day)
            if not is_member(status):
                who = _("{name}的出席情况", name=row.get("name", ""))
                message = _("{day}时不是本支部党员，不能登记为应到人员", day=day.isoformat())
                problems.append(Problem(f"{path}.person_id", who, message))
        if row.get("expected", True) and row.get("voting"):
            if row.get("presence") == Presence.PRESENT.value:
                present += 1
            else:
                absent += 1
    return present, absent


def validate_meeting(
    base: str, item: Record, ctx: ImportContext, statuses: StatusHistories
) -> list[Problem]:
    """Every problem with one imported record (``base`` is its path in the file)."""
    problems: list[Problem] = []
    day = _check_day(base, item, ctx, problems)
    _check_refs(base, item, ctx, problems)
    _check_finalised(base, item, day, ctx.today, problems)
    present, absent = _check_attendance(base, item, day, ctx, statuses, problems)
    for j, vote in enumerate(item.get("votes", [])):
        tally = Vote.model_validate(vote)
        for message in vote_problems(tally, present, absent, above_present=False):
            problems.append(Problem(f"{base}.votes[{j}].yes", _("表决票数"), message))
    for j, amendment in enumerate(item.get("amendments", [])):
        path = f"{base}.amendments[{j}].amended_on"
        parse_date(amendment["amended_on"], path, _("更正日期"), problems)
    return problems
