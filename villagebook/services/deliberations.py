"""四议两公开 use cases: matters, their steps in order, text versions, rounds, checks.

Every change checks all its input first and raises :class:`InputError` with every problem
(in Chinese, naming the field) before anything is written.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import Session, col, select

from villagebook.domain.deliberation_rules import MatterFacts, StepFacts, evaluate
from villagebook.domain.deliberations import (
    Basis,
    Category,
    Channel,
    Counts,
    MatterStatus,
    StepDef,
    StepKind,
    Workflow,
    assess,
    count_problems,
    parse_amount,
    workflow,
    workflow_for,
)
from villagebook.domain.errors import InputError, NotFoundError, Problem
from villagebook.domain.findings import Finding
from villagebook.domain.rules import RuleSet
from villagebook.services import org, roster
from villagebook.services.checks import CheckContext
from villagebook.services.meeting_link import MeetingSummary, meeting_summary
from villagebook.storage.models import Attachment
from villagebook.storage.models.deliberations import (
    Deliberation,
    DeliberationStep,
    DeliberationText,
)

OWNER_TYPE = "deliberation_step"
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff]")


def clean_text(value: str) -> str:
    """Drop invisible characters; keep full-width Chinese punctuation as typed."""
    return _INVISIBLE.sub("", value or "")


TITLE_MAX = 100
TEXT_MAX = 20000


@dataclass
class MatterInput:
    title: str
    category: Category
    amount: str = ""  # yuan as typed
    text: str = ""  # the proposal as first drafted
    note: str = ""


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


# --- reading ------------------------------------------------------------------------------


def get_matter(session: Session, matter_id: uuid.UUID) -> Deliberation:
    matter = session.get(Deliberation, matter_id)
    if matter is None:
        raise NotFoundError(f"事项不存在：{matter_id}")
    return matter


def list_matters(session: Session, branch_id: uuid.UUID) -> list[Deliberation]:
    query = (
        select(Deliberation)
        .where(Deliberation.branch_id == branch_id)
        .order_by(col(Deliberation.created_at).desc(), col(Deliberation.id))
    )
    return list(session.exec(query))


def steps_of(session: Session, matter_id: uuid.UUID) -> list[DeliberationStep]:
    rows = session.exec(
        select(DeliberationStep).where(DeliberationStep.deliberation_id == matter_id)
    ).all()
    order = workflow("standard")
    return sorted(rows, key=lambda s: order.index(s.kind))


def texts_of(session: Session, matter_id: uuid.UUID) -> list[DeliberationText]:
    query = (
        select(DeliberationText)
        .where(DeliberationText.deliberation_id == matter_id)
        .order_by(col(DeliberationText.version))
    )
    return list(session.exec(query))


def current_text(session: Session, matter_id: uuid.UUID) -> DeliberationText | None:
    texts = texts_of(session, matter_id)
    return texts[-1] if texts else None


def rounds_of(session: Session, matter: Deliberation) -> list[Deliberation]:
    """Every round of the matter, first to last (following ``previous_id`` both ways)."""
    chain = [matter]
    while chain[0].previous_id is not None:
        earlier = session.get(Deliberation, chain[0].previous_id)
        if earlier is None:
            break
        chain.insert(0, earlier)
    while True:
        later = next_round(session, chain[-1].id)
        if later is None:
            break
        chain.append(later)
    return chain


def next_round(session: Session, matter_id: uuid.UUID) -> Deliberation | None:
    """The round that re-proposed this one, if any."""
    return session.exec(select(Deliberation).where(Deliberation.previous_id == matter_id)).first()


def photos_of(session: Session, step_id: uuid.UUID) -> list[Attachment]:
    from villagebook.services.attachments import attachments_of

    return attachments_of(session, OWNER_TYPE, step_id)


def voting_members(session: Session, branch_id: uuid.UUID, day: dt.date) -> int:
    """Voting Party members on ``day`` (full members not under 留党察看)."""
    return sum(1 for e in roster.roster_on(session, branch_id, day) if e.can_vote)


def linked_meeting(session: Session, meeting_id: uuid.UUID | None) -> MeetingSummary | None:
    """The 三会一课 meeting a step links to, if the meetings capability is there."""
    if meeting_id is None:
        return None
    try:
        return meeting_summary(session, meeting_id)
    except ImportError:
        return None


def step_counts(session: Session, step: DeliberationStep) -> Counts | None:
    """The step's counts; a linked meeting record's counts win when present."""
    summary = linked_meeting(session, step.meeting_id)
    if summary is not None:
        first = summary.votes[0] if summary.votes else None
        return Counts(
            Basis.VOTING_MEMBERS,
            summary.expected_voting,
            summary.present_voting,
            first.yes + first.written_yes if first else None,
            first.no if first else None,
            first.abstain if first else None,
        )
    if step.basis is None:
        return None
    return Counts(step.basis, step.expected, step.present, step.yes, step.no, step.abstain)


def step_date(session: Session, step: DeliberationStep) -> dt.date | None:
    summary = linked_meeting(session, step.meeting_id)
    return summary.held_on if summary is not None else step.held_on


def steps_by_matter(
    session: Session, matter_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[DeliberationStep]]:
    """The steps of many matters in a few queries, each list in workflow order."""
    found: dict[uuid.UUID, list[DeliberationStep]] = {i: [] for i in matter_ids}
    ids = list(matter_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        query = select(DeliberationStep).where(col(DeliberationStep.deliberation_id).in_(chunk))
        for step in session.exec(query):
            found[step.deliberation_id].append(step)
    order = workflow("standard")
    for steps in found.values():
        steps.sort(key=lambda s: order.index(s.kind))
    return found


def facts_of(
    session: Session, matter: Deliberation, steps: Sequence[DeliberationStep] | None = None
) -> MatterFacts:
    facts: dict[StepKind, StepFacts] = {}
    for step in steps if steps is not None else steps_of(session, matter.id):
        facts[step.kind] = StepFacts(
            kind=step.kind,
            held_on=step_date(session, step),
            counts=step_counts(session, step),
            notice_on=step.notice_on,
            held_with_previous=step.held_with_previous,
            posted_from=step.posted_from,
            posted_until=step.posted_until,
        )
    return MatterFacts(
        id=str(matter.id),
        branch_id=str(matter.branch_id),
        title=matter.title,
        category=matter.category,
        workflow=workflow(matter.workflow),
        status=matter.status,
        round_no=matter.round_no,
        steps=facts,
    )


def findings_of(
    session: Session,
    matter: Deliberation,
    as_of: dt.date,
    rules: RuleSet | None = None,
    steps: Sequence[DeliberationStep] | None = None,
) -> list[Finding]:
    return evaluate(facts_of(session, matter, steps), rules or RuleSet(), as_of)


def next_step(session: Session, matter: Deliberation) -> StepDef | None:
    """What is next for an open matter (None when closed or complete)."""
    if matter.status.closed:
        return None
    done = {s.kind for s in steps_of(session, matter.id)}
    return workflow(matter.workflow).next_step(done)


@dataclass(frozen=True)
class MatterRow:
    """One line of the matters list."""

    id: uuid.UUID
    title: str
    category: Category
    amount_fen: int | None
    round_no: int
    status: MatterStatus
    last_step: StepKind | None
    next_step: StepKind | None
    last_date: dt.date | None
    codes: tuple[str, ...] = field(default_factory=tuple)


def matter_rows(
    session: Session, branch_id: uuid.UUID, as_of: dt.date, rules: RuleSet | None = None
) -> list[MatterRow]:
    rows = []
    matters = list_matters(session, branch_id)
    all_steps = steps_by_matter(session, [m.id for m in matters])
    for matter in matters:
        steps = all_steps[matter.id]
        done = {s.kind for s in steps}
        nxt = None if matter.status.closed else workflow(matter.workflow).next_step(done)
        last = steps[-1] if steps else None
        findings = findings_of(session, matter, as_of, rules, steps)
        rows.append(
            MatterRow(
                id=matter.id,
                title=matter.title,
                category=matter.category,
                amount_fen=matter.amount_fen,
                round_no=matter.round_no,
                status=matter.status,
                last_step=last.kind if last else None,
                next_step=nxt.kind if nxt else None,
                last_date=(last.posted_from or last.held_on) if last else None,
                codes=tuple(sorted({f.code for f in findings})),
            )
        )
    return rows


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
    branch = org.get_branch(session, branch_id)
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


def _previous_date(steps: Sequence[DeliberationStep]) -> tuple[dt.date | None, str]:
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
    before, before_label = _previous_date(steps)
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
    before, label = _previous_date(steps_of(session, matter_id))
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


def workflow_of(matter: Deliberation) -> Workflow:
    return workflow(matter.workflow)
