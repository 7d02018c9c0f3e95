"""四议两公开 use cases: matters, their steps in order, text versions, rounds, checks.

Every change checks all its input first and raises :class:`InputError` with every problem
(in Chinese, naming the field) before anything is written.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session

from villagebook.domain.common.errors import InputError, NotFoundError, Problem
from villagebook.domain.common.findings import Finding
from villagebook.domain.deliberations.values import (
    Category,
    MatterStatus,
    parse_amount,
    workflow_for,
)
from villagebook.services.checks import CheckContext
from villagebook.services.deliberations.read import (
    OWNER_TYPE,
    TEXT_MAX,
    TITLE_MAX,
    MatterRow,
    clean_text,
    current_text,
    facts_of,
    findings_of,
    get_matter,
    linked_meeting,
    list_matters,
    matter_rows,
    next_round,
    next_step,
    photos_of,
    rounds_of,
    step_counts,
    step_date,
    steps_by_matter,
    steps_of,
    texts_of,
    voting_members,
    workflow_of,
)
from villagebook.services.deliberations.steps import (
    StepInput,
    end_publication,
    previous_date,
    record_step,
    validate_step,
)
from villagebook.services.roster import queries as roster_queries
from villagebook.storage.models import Attachment
from villagebook.storage.models.deliberations import (
    Deliberation,
    DeliberationStep,
    DeliberationText,
)

#: The capability's API, gathered here so callers import one module.
__all__ = [
    "OWNER_TYPE",
    "TEXT_MAX",
    "TITLE_MAX",
    "MatterInput",
    "MatterRow",
    "StepInput",
    "attach_photo",
    "clean_text",
    "create_matter",
    "current_text",
    "deliberation_checks",
    "edit_text",
    "end_publication",
    "facts_of",
    "findings_of",
    "get_matter",
    "linked_meeting",
    "list_matters",
    "matter_rows",
    "next_round",
    "next_step",
    "photos_of",
    "record_step",
    "reject",
    "repropose",
    "rounds_of",
    "step_counts",
    "step_date",
    "steps_by_matter",
    "steps_of",
    "texts_of",
    "update_matter",
    "validate_step",
    "voting_members",
    "withdraw",
    "workflow_of",
    "yuan_text",
]


@dataclass
class MatterInput:
    title: str
    category: Category
    amount: str = ""  # yuan as typed
    text: str = ""  # the proposal as first drafted
    note: str = ""


# --- matters -------------------------------------------------------------------------------


def _clean_matter(data: MatterInput, problems: list[Problem]) -> tuple[str, int | None, str]:
    title = clean_text(data.title).strip() if data.title else ""
    if not title:
        problems.append(Problem("title", "事项名称", "不能为空"))
    elif len(title) > TITLE_MAX:
        problems.append(Problem("title", "事项名称", f"不能超过{TITLE_MAX}个字"))
    amount, message = parse_amount(data.amount)
    if message:
        problems.append(Problem("amount", "涉及金额", message))
    text = (data.text or "").strip()
    if len(text) > TEXT_MAX:
        problems.append(Problem("text", "提议内容", f"不能超过{TEXT_MAX}个字"))
    if len(data.note.strip()) > 500:
        problems.append(Problem("note", "备注", "不能超过500个字"))
    return title, amount, text


def create_matter(
    session: Session,
    branch_id: uuid.UUID,
    data: MatterInput,
    *,
    previous: Deliberation | None = None,
) -> Deliberation:
    """A new matter (round 1), or the next round of ``previous``."""
    branch = roster_queries.get_branch(session, branch_id)
    problems: list[Problem] = []
    title, amount, text = _clean_matter(data, problems)
    if not text:
        problems.append(Problem("text", "提议内容", "不能为空：请写明提议的具体内容"))
    if problems:
        raise InputError(problems)
    flow = workflow_for(branch.secretary_is_director)
    matter = Deliberation(
        branch_id=branch_id,
        title=title,
        category=Category(data.category),
        amount_fen=amount,
        workflow=flow.key,
        workflow_version=flow.version,
        round_no=previous.round_no + 1 if previous else 1,
        previous_id=previous.id if previous else None,
        note=data.note.strip(),
    )
    session.add(matter)
    session.flush()
    session.add(DeliberationText(deliberation_id=matter.id, version=1, body=text))
    session.flush()
    return matter


def update_matter(session: Session, matter_id: uuid.UUID, data: MatterInput) -> Deliberation:
    """Change title, category and amount: only before the first step is recorded."""
    matter = get_matter(session, matter_id)
    problems: list[Problem] = []
    title, amount, _ = _clean_matter(data, problems)
    if steps_of(session, matter_id):
        problems.append(Problem("title", "事项", "已开始办理的事项不能再修改名称、类别或金额"))
    if problems:
        raise InputError(problems)
    matter.title = title
    matter.category = Category(data.category)
    matter.amount_fen = amount
    matter.note = data.note.strip()
    session.add(matter)
    session.flush()
    return matter


def edit_text(session: Session, matter_id: uuid.UUID, body: str) -> DeliberationText:
    """Edit the working text; a version a step decided on stays, the edit is a new version."""
    matter = get_matter(session, matter_id)
    text = (body or "").strip()
    problems: list[Problem] = []
    if matter.status.closed:
        problems.append(Problem("text", "提议内容", f"事项{matter.status.label}，不能再修改"))
    if not text:
        problems.append(Problem("text", "提议内容", "不能为空"))
    elif len(text) > TEXT_MAX:
        problems.append(Problem("text", "提议内容", f"不能超过{TEXT_MAX}个字"))
    if problems:
        raise InputError(problems)
    latest = current_text(session, matter_id)
    if latest is not None and latest.frozen_by is None:
        latest.body = text
        session.add(latest)
        session.flush()
        return latest
    if latest is not None and latest.body == text:
        return latest
    version = DeliberationText(
        deliberation_id=matter_id, version=(latest.version + 1 if latest else 1), body=text
    )
    session.add(version)
    session.flush()
    return version


def _close(
    session: Session,
    matter_id: uuid.UUID,
    status: MatterStatus,
    reason: str,
    day: dt.date,
    today: dt.date | None,
) -> Deliberation:
    matter = get_matter(session, matter_id)
    problems: list[Problem] = []
    if matter.status.closed:
        problems.append(Problem("status", "事项状态", f"事项已{matter.status.label}"))
    text = (reason or "").strip()
    if not text:
        problems.append(Problem("reason", "原因", "请写明原因"))
    elif len(text) > 500:
        problems.append(Problem("reason", "原因", "不能超过500个字"))
    if day > (today or dt.date.today()):
        problems.append(Problem("day", "日期", "不能晚于今天"))
    before, label = previous_date(steps_of(session, matter_id))
    if before is not None and day < before:
        problems.append(Problem("day", "日期", f"不能早于“{label}”（{before.isoformat()}）"))
    if problems:
        raise InputError(problems)
    matter.status = status
    matter.status_on = day
    matter.status_reason = text
    session.add(matter)
    session.flush()
    return matter


def withdraw(
    session: Session,
    matter_id: uuid.UUID,
    reason: str,
    day: dt.date,
    *,
    today: dt.date | None = None,
) -> Deliberation:
    """The branch withdraws the matter (撤回) at any step."""
    return _close(session, matter_id, MatterStatus.WITHDRAWN, reason, day, today)


def reject(
    session: Session,
    matter_id: uuid.UUID,
    reason: str,
    day: dt.date,
    *,
    today: dt.date | None = None,
) -> Deliberation:
    """The matter was not approved at its current step (未通过)."""
    return _close(session, matter_id, MatterStatus.REJECTED, reason, day, today)


def repropose(
    session: Session, matter_id: uuid.UUID, *, text: str | None = None, title: str | None = None
) -> Deliberation:
    """A rejected matter proposed again: a new round linked to the previous one."""
    previous = get_matter(session, matter_id)
    if previous.status is not MatterStatus.REJECTED:
        raise InputError.single("status", "事项状态", "只有未通过的事项才能重新提议")
    later = next_round(session, previous.id)
    if later is not None:
        raise InputError.single("status", "事项状态", f"已有第{later.round_no}轮，不能重复提议")
    last = current_text(session, matter_id)
    data = MatterInput(
        title=title or previous.title,
        category=previous.category,
        amount=yuan_text(previous.amount_fen),
        text=text if text is not None else (last.body if last else ""),
        note=previous.note,
    )
    return create_matter(session, previous.branch_id, data, previous=previous)


def yuan_text(fen: int | None) -> str:
    if fen is None:
        return ""
    return f"{fen // 100}.{fen % 100:02d}"


def attach_photo(
    session: Session, data_dir: Path, step_id: uuid.UUID, source: Path, note: str = ""
) -> Attachment:
    """A photo (or scan) of the posting, kept with the publication step."""
    from villagebook.services.attachments import add_attachment

    step = session.get(DeliberationStep, step_id)
    if step is None:
        raise NotFoundError(f"步骤不存在：{step_id}")
    matter = get_matter(session, step.deliberation_id)
    return add_attachment(
        session,
        data_dir,
        branch_id=matter.branch_id,
        owner_type=OWNER_TYPE,
        owner_id=step.id,
        source=source,
        kind="photo",
        note=note,
        field="photo",
        label="公开照片",
    )


# --- `villagebook check` -----------------------------------------------------------------


def deliberation_checks(session: Session, ctx: CheckContext) -> Iterable[Finding]:
    """Check provider: every DLB-* finding of every matter of the branch."""
    matters = list_matters(session, ctx.branch.id)
    all_steps = steps_by_matter(session, [m.id for m in matters])
    for matter in matters:
        yield from findings_of(session, matter, ctx.as_of, ctx.rules, all_steps[matter.id])
