"""Corrections of finalised records (更正), pure: what may be corrected and how a value reads.

A finalised record is never silently changed: each correction is stored with the field, the
old and the new value as text, who, when and why.  The field of an attendance correction is
``attendance.<person id>``; evidence added to a finalised record is listed as ``attachment``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from villagebook.domain.common.errors import Problem
from villagebook.domain.common.i18n import N_, _, label
from villagebook.domain.meetings.values import (
    PRESENCE_LABELS,
    MeetingRecord,
    MeetingStatus,
    Presence,
)

#: Fields a correction may change, with their names (translate with ``label`` where shown).
AMENDABLE: dict[str, str] = {
    "place": N_("地点"),
    "place_type": N_("地点类型"),
    "title": N_("会议主题"),
    "start_time": N_("开始时间"),
    "end_time": N_("结束时间"),
    "lecturer_name": N_("授课人"),
    "topics": N_("议题"),
    "resolutions": N_("决议"),
    "note": N_("备注"),
}
ATTENDANCE_PREFIX = "attendance."
ATTACHMENT_FIELD = "attachment"


def field_name_text(field_name: str) -> str:
    """The name of an amended field as printed (the Chinese source; ``label`` translates)."""
    if field_name.startswith(ATTENDANCE_PREFIX):
        return N_("出席情况")
    if field_name == ATTACHMENT_FIELD:
        return N_("附件")
    return AMENDABLE.get(field_name, field_name)


def current_value(record: MeetingRecord, field_name: str) -> str:
    """A correctable field of ``record`` as the text an amendment keeps."""
    value = getattr(record, field_name)
    if field_name == "topics":
        return "\n".join(value)
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return "" if value is None else str(value)


def presence_text(name: str, presence: Presence, reason: str) -> str:
    """An attendance line as an amendment keeps it (stored: always in Chinese)."""
    word = PRESENCE_LABELS[presence]
    return f"{name}：{word}（{reason}）" if reason else f"{name}：{word}"


def presence_shown(presence: Presence, reason: str) -> str:
    """An attendance state as the window shows it (translated)."""
    return f"{presence.label}（{reason}）" if reason else presence.label


def amendment_problems(
    status: MeetingStatus, finalised_on: dt.date | None, reason: str, on: dt.date
) -> list[Problem]:
    """Why a correction of a record cannot be registered (the record's state, the reason)."""
    problems = []
    if status is not MeetingStatus.FINALISED:
        problems.append(Problem("status", _("记录状态"), _("草稿可直接修改，无须登记更正")))
    if not reason.strip():
        problems.append(Problem("reason", _("更正原因"), _("必须写明更正原因")))
    if finalised_on and on < finalised_on:
        problems.append(Problem("amended_on", _("更正日期"), _("不能早于定稿日期")))
    return problems


def unknown_field(field_name: str) -> Problem:
    return Problem("field_name", _("更正项目"), _("“{name}”不能更正", name=field_name))


@dataclass(frozen=True)
class ParsedValue:
    """The new value of a corrected field, or the problem with the text typed."""

    value: object
    problem: Problem | None = None


def parse_value(record: MeetingRecord, field_name: str, text: str) -> ParsedValue:
    """The typed value of ``text`` for ``field_name`` (one of :data:`AMENDABLE`)."""
    if field_name == "topics":
        return ParsedValue([line.strip() for line in text.splitlines() if line.strip()])
    if field_name not in ("start_time", "end_time"):
        return ParsedValue(text.strip())
    try:
        value = dt.time.fromisoformat(text.strip()) if text.strip() else None
    except ValueError:
        message = _("“{text}”不是有效时间（应为HH:MM）", text=text)
        return ParsedValue(None, Problem(field_name, label(AMENDABLE[field_name]), message))
    start = value if field_name == "start_time" else record.start_time
    end = value if field_name == "end_time" else record.end_time
    if start and end and end < start:
        problem = Problem("end_time", label(AMENDABLE["end_time"]), _("不能早于开始时间"))
        return ParsedValue(value, problem)
    return ParsedValue(value)


def unchanged(field_name: str) -> Problem:
    return Problem(field_name, label(AMENDABLE[field_name]), _("新内容与原内容相同"))


def attendance_problems(listed: bool, presence: Presence, presence_reason: str) -> list[Problem]:
    """Why an attendance line cannot be corrected to ``presence`` (``listed``: the person is
    on the record's attendance list)."""
    problems = []
    if not listed:
        problems.append(Problem("field_name", _("出席情况"), _("该人员不在本次会议的应到人员中")))
    if presence is Presence.LEAVE and not presence_reason.strip():
        problems.append(Problem("new_value", _("出席情况"), _("请假须写明事由")))
    return problems
