"""四议两公开 steps: record the next step in order, with every problem named first.

The text a step decides is frozen with it; a failed vote closes the round as rejected.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session

from villagebook.domain.common.errors import InputError, NotFoundError, Problem
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.deliberations.values import (
    Basis,
    Channel,
    Counts,
    MatterStatus,
    StepDef,
    StepKind,
    assess,
    count_problems,
    workflow,
)
from villagebook.services.deliberations.read import (
    TEXT_MAX,
    clean_text,
    current_text,
    get_matter,
    linked_meeting,
    step_counts,
    steps_of,
)
from villagebook.storage.models.deliberations import (
    Deliberation,
    DeliberationStep,
    DeliberationText,
)


@dataclass
class StepInput:
    kind: StepKind
    held_on: dt.date | None = None
    place: str = ""
    #: One shoulder (一肩挑): the proposal entry also records the joint meeting.
    with_joint_meeting: bool = False
    meeting_id: uuid.UUID | None = None
    basis: Basis | None = None
    expected: int | None = None
    present: int | None = None
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    notice_on: dt.date | None = None
    channels: tuple[Channel, ...] = ()
    posted_from: dt.date | None = None
    posted_until: dt.date | None = None
    text: str | None = None  # None: the current text as it stands
    note: str = ""


def _freeze_text(
    session: Session, matter_id: uuid.UUID, body: str | None, kind: StepKind
) -> DeliberationText:
    latest = current_text(session, matter_id)
    text = body.strip() if body is not None else (latest.body if latest else "")
    if latest is not None and latest.body == text:
        if latest.frozen_by is None:
            latest.frozen_by = kind
            session.add(latest)
            session.flush()
        return latest
    if latest is not None and latest.frozen_by is None:
        latest.body = text
        latest.frozen_by = kind
        session.add(latest)
        session.flush()
        return latest
    version = DeliberationText(
        deliberation_id=matter_id,
        version=(latest.version + 1 if latest else 1),
        body=text,
        frozen_by=kind,
    )
    session.add(version)
    session.flush()
    return version


# --- steps ---------------------------------------------------------------------------------


def previous_date(steps: Sequence[DeliberationStep]) -> tuple[dt.date | None, str]:
    for step in reversed(steps):
        day = step.posted_from or step.held_on
        if day is not None:
            return day, step.kind.label
    return None, ""


def _check_meeting(
    data: StepInput, step_def: StepDef, today: dt.date, problems: list[Problem]
) -> None:
    if data.held_on is None:
        problems.append(Problem("held_on", "会议日期", "不能为空"))
    elif data.held_on > today:
        problems.append(Problem("held_on", "会议日期", f"不能晚于今天（{today.isoformat()}）"))
    place = clean_text(data.place).strip()
    if not place:
        problems.append(Problem("place", "会议地点", "不能为空"))
    elif len(place) > 100:
        problems.append(Problem("place", "会议地点", "不能超过100个字"))
    if not step_def.votes:
        return
    if data.basis is None or data.basis not in step_def.bases:
        allowed = "、".join(b.label for b in step_def.bases)
        problems.append(Problem("basis", "人数口径", f"应为：{allowed}"))
    for name, label in (("expected", "应到人数"), ("present", "实到人数"), ("yes", "赞成票")):
        if getattr(data, name) is None:
            problems.append(Problem(name, label, "不能为空"))
    if data.basis is not None:
        counts = Counts(data.basis, data.expected, data.present, data.yes, data.no, data.abstain)
        problems += [Problem(f, label, m) for f, label, m in count_problems(counts)]
    if data.basis is not None and data.basis.is_assembly:
        if data.notice_on is None:
            problems.append(Problem("notice_on", "通知日期", "村民会议应记录提前通知的日期"))
        elif data.held_on is not None and data.notice_on > data.held_on:
            problems.append(Problem("notice_on", "通知日期", "不能晚于会议日期"))


def _check_publication(
    data: StepInput, decided_on: dt.date | None, today: dt.date, problems: list[Problem]
) -> None:
    if not data.channels:
        problems.append(Problem("channels", "公开方式", "至少选择一种：村务公开栏、村微信群、广播"))
    if data.posted_from is None:
        problems.append(Problem("posted_from", "公开开始日期", "不能为空"))
        return
    if data.posted_from > today:
        problems.append(
            Problem("posted_from", "公开开始日期", f"不能晚于今天（{today.isoformat()}）")
        )
    if decided_on is not None and data.posted_from < decided_on:
        problems.append(
            Problem(
                "posted_from",
                "公开开始日期",
                f"不能早于决议日期（{decided_on.isoformat()}）",
            )
        )
    if data.posted_until is not None and data.posted_until < data.posted_from:
        problems.append(Problem("posted_until", "公开结束日期", "不能早于开始日期"))


def _step_row(matter: Deliberation, data: StepInput, kind: StepKind) -> DeliberationStep:
    return DeliberationStep(
        deliberation_id=matter.id,
        kind=kind,
        held_on=data.held_on,
        place=clean_text(data.place).strip(),
        meeting_id=data.meeting_id,
        basis=data.basis,
        expected=data.expected,
        present=data.present,
        yes=data.yes,
        no=data.no if data.no is not None else (0 if data.yes is not None else None),
        abstain=data.abstain if data.abstain is not None else (0 if data.yes is not None else None),
        notice_on=data.notice_on,
        channels=",".join(c.value for c in data.channels),
        posted_from=data.posted_from,
        posted_until=data.posted_until,
        note=data.note.strip(),
    )


def _apply_linked_meeting(session: Session, data: StepInput) -> StepInput:
    """A linked general meeting's date and counts win over what was typed."""
    summary = linked_meeting(session, data.meeting_id)
    if summary is None:
        return data
    first = summary.votes[0] if summary.votes else None
    data.held_on = summary.held_on
    data.basis = Basis.VOTING_MEMBERS
    data.expected = summary.expected_voting
    data.present = summary.present_voting
    if first is not None:
        data.yes, data.no, data.abstain = first.yes + first.written_yes, first.no, first.abstain
    return data


def validate_step(
    session: Session, matter: Deliberation, data: StepInput, today: dt.date
) -> list[Problem]:
    """Every problem with recording ``data`` as the next step of ``matter``."""
    flow = workflow(matter.workflow)
    steps = steps_of(session, matter.id)
    done = {s.kind for s in steps}
    problems: list[Problem] = []
    if matter.status.closed:
        return [Problem("kind", "步骤", f"事项{matter.status.label}，不能再办理")]
    expected = flow.next_step(done)
    if data.kind in done:
        problems.append(Problem("kind", "步骤", f"“{data.kind.label}”已经记录过"))
    elif expected is None or expected.kind is not data.kind:
        wanted = expected.label if expected else "（无）"
        problems.append(
            Problem("kind", "步骤", f"不能跳过步骤：下一步应为“{wanted}”，不是“{data.kind.label}”")
        )
    if data.with_joint_meeting and not flow.may_hold_together(
        StepKind.PROPOSAL, StepKind.JOINT_MEETING
    ):
        problems.append(
            Problem(
                "with_joint_meeting",
                "合并召开",
                "只有书记兼任村委会主任（一肩挑）的村，提议和两委商议才可合并召开",
            )
        )
    step_def = flow.step(data.kind)
    if step_def.meeting:
        _check_meeting(data, step_def, today, problems)
    decided = next((s for s in steps if s.kind is StepKind.VILLAGER_DECISION), None)
    if step_def.publication:
        _check_publication(data, decided.held_on if decided else None, today, problems)
    day = data.posted_from if step_def.publication else data.held_on
    before, before_label = previous_date(steps)
    if day is not None and before is not None and day < before:
        field_name = "posted_from" if step_def.publication else "held_on"
        problems.append(
            Problem(
                field_name,
                "日期",
                f"不能早于上一步“{before_label}”的日期（{before.isoformat()}）",
            )
        )
    text = data.text if data.text is not None else None
    if text is not None and not text.strip():
        problems.append(Problem("text", "内容", "不能为空"))
    if text is not None and len(text) > TEXT_MAX:
        problems.append(Problem("text", "内容", f"不能超过{TEXT_MAX}个字"))
    if len(data.note) > 1000:
        problems.append(Problem("note", "备注", "不能超过1000个字"))
    return problems


def record_step(
    session: Session,
    matter_id: uuid.UUID,
    data: StepInput,
    *,
    today: dt.date | None = None,
    rules: RuleSet | None = None,
) -> list[DeliberationStep]:
    """Record the next step (two, for a joint 一肩挑 entry); the text decided there freezes.

    A vote that fails (no quorum, or not enough yes votes) closes the round as rejected;
    the matter can then be re-proposed as a new round.
    """
    matter = get_matter(session, matter_id)
    data = _apply_linked_meeting(session, data)
    problems = validate_step(session, matter, data, today or dt.date.today())
    if problems:
        raise InputError(problems)
    flow = workflow(matter.workflow)
    kinds = [data.kind]
    if data.with_joint_meeting and data.kind is StepKind.PROPOSAL:
        kinds.append(StepKind.JOINT_MEETING)
    text = _freeze_text(session, matter.id, data.text, data.kind)
    recorded = []
    for index, kind in enumerate(kinds):
        row = _step_row(matter, data, kind)
        row.held_with_previous = index > 0
        row.text_id = text.id
        counts = step_counts(session, row)
        result = assess(flow.step(kind), counts, rules or RuleSet())
        row.verdict = result.verdict
        session.add(row)
        recorded.append(row)
        _advance(matter, row, result.reason)
    session.add(matter)
    session.flush()
    return recorded


def _advance(matter: Deliberation, row: DeliberationStep, reason: str) -> None:
    if not row.verdict.ok:
        matter.status = MatterStatus.REJECTED
        matter.status_on = row.held_on
        matter.status_reason = f"{row.kind.label}{row.verdict.label}：{reason}"[:500]
    elif row.kind is StepKind.VILLAGER_DECISION:
        matter.status = MatterStatus.DECIDED
        matter.status_on = row.held_on
    elif row.kind is StepKind.RESULT_PUBLICITY:
        matter.status = MatterStatus.COMPLETED
        matter.status_on = row.posted_from


def end_publication(
    session: Session, step_id: uuid.UUID, posted_until: dt.date, *, today: dt.date | None = None
) -> DeliberationStep:
    """Fill in the last day of a publication that was still posted."""
    step = session.get(DeliberationStep, step_id)
    if step is None:
        raise NotFoundError(f"步骤不存在：{step_id}")
    problems: list[Problem] = []
    if step.posted_from is None:
        problems.append(Problem("posted_until", "公开结束日期", "该步骤不是公开步骤"))
    elif posted_until < step.posted_from:
        problems.append(Problem("posted_until", "公开结束日期", "不能早于开始日期"))
    if step.posted_until is not None:
        problems.append(Problem("posted_until", "公开结束日期", "已经记录，不能修改"))
    if posted_until > (today or dt.date.today()):
        problems.append(Problem("posted_until", "公开结束日期", "不能晚于今天"))
    if problems:
        raise InputError(problems)
    step.posted_until = posted_until
    session.add(step)
    session.flush()
    return step
