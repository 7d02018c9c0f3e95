"""Pure validation of what a deliberation's use cases take in (no database).

The services gather the facts (the steps recorded so far, the status, the date of the
villagers' decision) and these functions decide, listing every problem at once, each
naming its field.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Any

from villagebook.domain.common.errors import Problem
from villagebook.domain.common.i18n import _
from villagebook.domain.deliberations.amounts import parse_amount
from villagebook.domain.deliberations.values import (
    Basis,
    Category,
    Channel,
    Counts,
    DeliberationInput,
    DeliberationStatus,
    DeliberationStepInput,
    LinkedMeeting,
    StepKind,
)
from villagebook.domain.deliberations.verdicts import count_problems
from villagebook.domain.deliberations.workflow import DeliberationStepDef, DeliberationWorkflow

TITLE_MAX = 100
TEXT_MAX = 20000
NOTE_MAX = 500
REASON_MAX = 500
PLACE_MAX = 100
STEP_NOTE_MAX = 1000

_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff]")


def drop_invisible(value: str) -> str:
    """Drop invisible characters (zero-width spaces, BOM); keep everything else as typed.

    Titles and places are prose, not codes: spaces and full-width punctuation stay
    (:func:`villagebook.domain.common.text.as_typed` does the same and trims the ends).
    """
    return _INVISIBLE.sub("", value or "")


def _too_long(limit: int) -> str:
    return _("不能超过{limit}个字", limit=limit)


# --- the header and the text ------------------------------------------------------------------


@dataclass(frozen=True)
class CleanDeliberation:
    """A :class:`DeliberationInput` as it will be stored."""

    title: str
    category: Category
    amount_fen: int | None
    text: str
    note: str


def clean_deliberation(data: DeliberationInput) -> tuple[CleanDeliberation, list[Problem]]:
    """Normalise the header and the text and list every problem."""
    problems: list[Problem] = []
    title = drop_invisible(data.title).strip() if data.title else ""
    if not title:
        problems.append(Problem("title", _("事项名称"), _("不能为空")))
    elif len(title) > TITLE_MAX:
        problems.append(Problem("title", _("事项名称"), _too_long(TITLE_MAX)))
    amount, message = parse_amount(data.amount)
    if message:
        problems.append(Problem("amount", _("涉及金额"), message))
    text = (data.text or "").strip()
    if len(text) > TEXT_MAX:
        problems.append(Problem("text", _("提议内容"), _too_long(TEXT_MAX)))
    note = data.note.strip()
    if len(note) > NOTE_MAX:
        problems.append(Problem("note", _("备注"), _too_long(NOTE_MAX)))
    return CleanDeliberation(title, Category(data.category), amount, text, note), problems


def new_deliberation(data: DeliberationInput) -> tuple[CleanDeliberation, list[Problem]]:
    """A new deliberation (or round) needs its proposal written out."""
    cleaned, problems = clean_deliberation(data)
    if not cleaned.text:
        problems.append(Problem("text", _("提议内容"), _("不能为空：请写明提议的具体内容")))
    return cleaned, problems


def changed_header(
    data: DeliberationInput, *, started: bool
) -> tuple[CleanDeliberation, list[Problem]]:
    """Title, category and amount change only before the first step is recorded."""
    cleaned, problems = clean_deliberation(data)
    if started:
        message = _("已开始办理的事项不能再修改名称、类别或金额")
        problems.append(Problem("title", _("事项"), message))
    return cleaned, problems


def edited_text(status: DeliberationStatus, body: str) -> tuple[str, list[Problem]]:
    """The working text as it will be stored, and its problems."""
    text = (body or "").strip()
    problems: list[Problem] = []
    if status.closed:
        message = _("事项{status}，不能再修改", status=status.label)
        problems.append(Problem("text", _("提议内容"), message))
    if not text:
        problems.append(Problem("text", _("提议内容"), _("不能为空")))
    elif len(text) > TEXT_MAX:
        problems.append(Problem("text", _("提议内容"), _too_long(TEXT_MAX)))
    return text, problems


# --- closing a round --------------------------------------------------------------------------


@dataclass(frozen=True)
class DatedStep:
    """The newest recorded step that has a date, and that date."""

    kind: StepKind
    day: dt.date


def closing(
    status: DeliberationStatus,
    reason: str,
    day: dt.date,
    *,
    today: dt.date,
    previous: DatedStep | None,
) -> tuple[str, list[Problem]]:
    """Withdrawing or rejecting a round on ``day`` for ``reason``."""
    problems: list[Problem] = []
    if status.closed:
        problems.append(Problem("status", _("事项状态"), _("事项已{status}", status=status.label)))
    text = (reason or "").strip()
    if not text:
        problems.append(Problem("reason", _("原因"), _("请写明原因")))
    elif len(text) > REASON_MAX:
        problems.append(Problem("reason", _("原因"), _too_long(REASON_MAX)))
    if day > today:
        problems.append(Problem("day", _("日期"), _("不能晚于今天")))
    if previous is not None and day < previous.day:
        message = _(
            "不能早于“{step}”（{day}）", step=previous.kind.label, day=previous.day.isoformat()
        )
        problems.append(Problem("day", _("日期"), message))
    return text, problems


def reproposal(status: DeliberationStatus, later_round: int | None) -> list[Problem]:
    """Only a rejected round is proposed again, and only once."""
    if status is not DeliberationStatus.REJECTED:
        return [Problem("status", _("事项状态"), _("只有未通过的事项才能重新提议"))]
    if later_round is not None:
        message = _("已有第{round}轮，不能重复提议", round=later_round)
        return [Problem("status", _("事项状态"), message)]
    return []


# --- recording a step ------------------------------------------------------------------------


@dataclass(frozen=True)
class NextStepFacts:
    """What the service knows when a step is to be recorded."""

    status: DeliberationStatus
    workflow: DeliberationWorkflow
    done: frozenset[StepKind]
    previous: DatedStep | None
    #: The date of the villagers' decision (step 4), once recorded.
    decided_on: dt.date | None
    today: dt.date


def with_linked_meeting(
    data: DeliberationStepInput, linked: LinkedMeeting | None
) -> DeliberationStepInput:
    """A linked general meeting's date and counts win over what was typed."""
    if linked is None:
        return data
    counts = linked.counts
    changes: dict[str, Any] = {
        "held_on": linked.held_on,
        "basis": Basis.VOTING_MEMBERS,
        "expected": counts.expected,
        "present": counts.present,
    }
    if counts.yes is not None:
        changes.update(yes=counts.yes, no=counts.no, abstain=counts.abstain)
    return replace(data, **changes)


def step_problems(data: DeliberationStepInput, facts: NextStepFacts) -> list[Problem]:
    """Every problem with recording ``data`` as the next step."""
    if facts.status.closed:
        message = _("事项{status}，不能再办理", status=facts.status.label)
        return [Problem("kind", _("步骤"), message)]
    step_def = facts.workflow.step(data.kind)
    problems = _order_problems(data, facts)
    if step_def.meeting:
        problems += _meeting_problems(data, step_def, facts.today)
    if step_def.publication:
        problems += _publication_problems(data, facts.decided_on, facts.today)
    problems += _date_problems(data, step_def, facts.previous)
    problems += _content_problems(data)
    return problems


def _order_problems(data: DeliberationStepInput, facts: NextStepFacts) -> list[Problem]:
    problems: list[Problem] = []
    expected = facts.workflow.next_step(facts.done)
    if data.kind in facts.done:
        message = _("“{step}”已经记录过", step=data.kind.label)
        problems.append(Problem("kind", _("步骤"), message))
    elif expected is None or expected.kind is not data.kind:
        message = _(
            "不能跳过步骤：下一步应为“{next}”，不是“{step}”",
            next=expected.label if expected else _("（无）"),
            step=data.kind.label,
        )
        problems.append(Problem("kind", _("步骤"), message))
    if data.with_joint_meeting and not facts.workflow.may_join_proposal:
        message = _("只有书记兼任村委会主任（一肩挑）的村，提议和两委商议才可合并召开")
        problems.append(Problem("with_joint_meeting", _("合并召开"), message))
    return problems


def _meeting_problems(
    data: DeliberationStepInput, step_def: DeliberationStepDef, today: dt.date
) -> list[Problem]:
    problems: list[Problem] = []
    if data.held_on is None:
        problems.append(Problem("held_on", _("会议日期"), _("不能为空")))
    elif data.held_on > today:
        message = _("不能晚于今天（{today}）", today=today.isoformat())
        problems.append(Problem("held_on", _("会议日期"), message))
    place = drop_invisible(data.place).strip()
    if not place:
        problems.append(Problem("place", _("会议地点"), _("不能为空")))
    elif len(place) > PLACE_MAX:
        problems.append(Problem("place", _("会议地点"), _too_long(PLACE_MAX)))
    if step_def.votes:
        problems += _vote_problems(data, step_def)
    return problems


def _vote_problems(data: DeliberationStepInput, step_def: DeliberationStepDef) -> list[Problem]:
    problems: list[Problem] = []
    if data.basis is None or data.basis not in step_def.bases:
        allowed = _("、").join(b.label for b in step_def.bases)
        problems.append(Problem("basis", _("人数口径"), _("应为：{allowed}", allowed=allowed)))
    for name, label in (
        ("expected", _("应到人数")),
        ("present", _("实到人数")),
        ("yes", _("赞成票")),
    ):
        if getattr(data, name) is None:
            problems.append(Problem(name, label, _("不能为空")))
    if data.basis is None:
        return problems
    counts = Counts(data.basis, data.expected, data.present, data.yes, data.no, data.abstain)
    problems += count_problems(counts)
    if data.basis.is_assembly:
        if data.notice_on is None:
            message = _("村民会议应记录提前通知的日期")
            problems.append(Problem("notice_on", _("通知日期"), message))
        elif data.held_on is not None and data.notice_on > data.held_on:
            problems.append(Problem("notice_on", _("通知日期"), _("不能晚于会议日期")))
    return problems


def _publication_problems(
    data: DeliberationStepInput, decided_on: dt.date | None, today: dt.date
) -> list[Problem]:
    problems: list[Problem] = []
    if not data.channels:
        choices = _("、").join(c.label for c in Channel)
        message = _("至少选择一种：{channels}", channels=choices)
        problems.append(Problem("channels", _("公开方式"), message))
    if data.posted_from is None:
        problems.append(Problem("posted_from", _("公开开始日期"), _("不能为空")))
        return problems
    if data.posted_from > today:
        message = _("不能晚于今天（{today}）", today=today.isoformat())
        problems.append(Problem("posted_from", _("公开开始日期"), message))
    if decided_on is not None and data.posted_from < decided_on:
        message = _("不能早于决议日期（{day}）", day=decided_on.isoformat())
        problems.append(Problem("posted_from", _("公开开始日期"), message))
    if data.posted_until is not None and data.posted_until < data.posted_from:
        problems.append(Problem("posted_until", _("公开结束日期"), _("不能早于开始日期")))
    return problems


def _date_problems(
    data: DeliberationStepInput, step_def: DeliberationStepDef, previous: DatedStep | None
) -> list[Problem]:
    day = data.posted_from if step_def.publication else data.held_on
    if day is None or previous is None or day >= previous.day:
        return []
    message = _(
        "不能早于上一步“{step}”的日期（{day}）",
        step=previous.kind.label,
        day=previous.day.isoformat(),
    )
    field = "posted_from" if step_def.publication else "held_on"
    return [Problem(field, _("日期"), message)]


def _content_problems(data: DeliberationStepInput) -> list[Problem]:
    problems: list[Problem] = []
    text = data.text
    if text is not None and not text.strip():
        problems.append(Problem("text", _("内容"), _("不能为空")))
    if text is not None and len(text) > TEXT_MAX:
        problems.append(Problem("text", _("内容"), _too_long(TEXT_MAX)))
    if len(data.note) > STEP_NOTE_MAX:
        problems.append(Problem("note", _("备注"), _too_long(STEP_NOTE_MAX)))
    return problems


# --- ending a publication ----------------------------------------------------------------------


def publication_end(
    posted_from: dt.date | None,
    recorded_until: dt.date | None,
    posted_until: dt.date,
    today: dt.date,
) -> list[Problem]:
    """Filling in the last day of a publication that was still posted."""
    label = _("公开结束日期")
    problems: list[Problem] = []
    if posted_from is None:
        problems.append(Problem("posted_until", label, _("该步骤不是公开步骤")))
    elif posted_until < posted_from:
        problems.append(Problem("posted_until", label, _("不能早于开始日期")))
    if recorded_until is not None:
        problems.append(Problem("posted_until", label, _("已经记录，不能修改")))
    if posted_until > today:
        problems.append(Problem("posted_until", label, _("不能晚于今天")))
    return problems
