"""Exchange section "deliberations": rounds of deliberations with their text versions, steps,
publications and the metadata of their photos (schema: deliberations-v1.schema.json).

Imported history is accepted as it happened: counts that break a rule (more present than
members, a skipped step, a publication before the resolution) are loaded and then shown
by ``villagebook check``; only what cannot be read (bad dates, dangling references) is
refused.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from typing import Any

from sqlmodel import Session, col, select

from villagebook.domain.common.errors import Problem
from villagebook.domain.common.i18n import _
from villagebook.domain.deliberations.values import (
    Basis,
    Category,
    Channel,
    DeliberationStatus,
    DeliberationVerdict,
    StepKind,
)
from villagebook.services.deliberations.queries import OWNER_TYPE, steps_of, texts_of
from villagebook.services.exchange import (
    ImportContext,
    Record,
    RecordId,
    Section,
    iso,
    parse_date,
    parse_uuid,
)
from villagebook.storage.models import Attachment, Branch
from villagebook.storage.models.deliberations import (
    Deliberation,
    DeliberationStep,
    DeliberationText,
)

KEY = "deliberations"


def _of(subject: str, what: str) -> str:
    """The label of a field of a record in the file: 事项“…”的会议日期."""
    return _("{subject}的{what}", subject=subject, what=what)


def _attachments(session: Session, step_id: uuid.UUID) -> list[Record]:
    rows = session.exec(
        select(Attachment)
        .where(Attachment.owner_type == OWNER_TYPE, Attachment.owner_id == step_id)
        .order_by(col(Attachment.sha256), col(Attachment.id))
    )
    return [
        {
            "id": str(a.id),
            "kind": a.kind,
            "filename": a.filename,
            "media_type": a.media_type,
            "size": a.size,
            "sha256": a.sha256,
            "stored_path": a.stored_path,
            "note": a.note,
        }
        for a in rows
    ]


def _step(session: Session, s: DeliberationStep) -> Record:
    return {
        "id": str(s.id),
        "kind": s.kind.value,
        "held_on": iso(s.held_on),
        "place": s.place,
        "held_with_previous": s.held_with_previous,
        "meeting_id": str(s.meeting_id) if s.meeting_id else None,
        "basis": s.basis.value if s.basis else None,
        "expected": s.expected,
        "present": s.present,
        "yes": s.yes,
        "no": s.no,
        "abstain": s.abstain,
        "notice_on": iso(s.notice_on),
        "verdict": s.verdict.value,
        "channels": [c for c in s.channels.split(",") if c],
        "posted_from": iso(s.posted_from),
        "posted_until": iso(s.posted_until),
        "text_id": str(s.text_id) if s.text_id else None,
        "note": s.note,
        "attachments": _attachments(session, s.id),
    }


def _deliberation(session: Session, m: Deliberation) -> Record:
    return {
        "id": str(m.id),
        "title": m.title,
        "category": m.category.value,
        "amount_fen": m.amount_fen,
        "workflow": m.workflow,
        "workflow_version": m.workflow_version,
        "round_no": m.round_no,
        "previous_id": str(m.previous_id) if m.previous_id else None,
        "status": m.status.value,
        "status_on": iso(m.status_on),
        "status_reason": m.status_reason,
        "note": m.note,
        "texts": [
            {
                "id": str(t.id),
                "version": t.version,
                "body": t.body,
                "frozen_by": t.frozen_by.value if t.frozen_by else None,
            }
            for t in texts_of(session, m.id)
        ],
        "steps": [_step(session, s) for s in steps_of(session, m.id)],
    }


class DeliberationsSection:
    key = KEY

    def export(
        self, session: Session, branch: Branch, only: frozenset[uuid.UUID] | None = None
    ) -> list[Record]:
        query = select(Deliberation).where(Deliberation.branch_id == branch.id)
        if only is not None:
            query = query.where(col(Deliberation.id).in_(list(only)))
        rows = session.exec(query)
        ordered = sorted(rows, key=lambda m: (m.title, m.round_no, str(m.id)))
        return [_deliberation(session, m) for m in ordered]

    def record_ids(self, items: list[Record]) -> Iterator[RecordId]:
        for i, item in enumerate(items):
            base = f"{KEY}[{i}]"
            yield RecordId(f"{base}.id", Deliberation, item["id"])
            for j, text in enumerate(item.get("texts", [])):
                yield RecordId(f"{base}.texts[{j}].id", DeliberationText, text["id"])
            for j, step in enumerate(item.get("steps", [])):
                yield RecordId(f"{base}.steps[{j}].id", DeliberationStep, step["id"])
                for k, a in enumerate(step.get("attachments", [])):
                    yield RecordId(f"{base}.steps[{j}].attachments[{k}].id", Attachment, a["id"])

    def validate(self, items: list[Record], ctx: ImportContext) -> list[Problem]:
        problems: list[Problem] = []
        ids = {str(parse_uuid(item["id"])) for item in items}
        for i, item in enumerate(items):
            base = f"{KEY}[{i}]"
            label = _("事项“{title}”", title=item.get("title", ""))
            parse_date(
                item.get("status_on"), f"{base}.status_on", _of(label, _("状态日期")), problems
            )
            previous = item.get("previous_id")
            if previous and str(parse_uuid(previous)) not in ids:
                message = _("引用了文件中不存在的事项")
                problems.append(Problem(f"{base}.previous_id", _of(label, _("上一轮")), message))
            texts = {str(parse_uuid(t["id"])) for t in item.get("texts", [])}
            kinds: set[str] = set()
            for j, step in enumerate(item.get("steps", [])):
                where = f"{base}.steps[{j}]"
                if step["kind"] in kinds:
                    message = _("同一步骤出现两次")
                    problems.append(Problem(f"{where}.kind", _of(label, _("步骤")), message))
                kinds.add(step["kind"])
                for name, what in (
                    ("held_on", _("会议日期")),
                    ("notice_on", _("通知日期")),
                    ("posted_from", _("公开开始日期")),
                    ("posted_until", _("公开结束日期")),
                ):
                    parse_date(step.get(name), f"{where}.{name}", _of(label, what), problems)
                text_id = step.get("text_id")
                if text_id and str(parse_uuid(text_id)) not in texts:
                    message = _("引用了不存在的文本版本")
                    problems.append(Problem(f"{where}.text_id", _of(label, _("议定内容")), message))
        return problems

    def load(self, session: Session, items: list[Record], ctx: ImportContext) -> None:
        for item in items:
            session.add(_deliberation_row(item, ctx.branch_id))
        session.flush()
        for item in items:
            deliberation_id = parse_uuid(item["id"])
            for t in item.get("texts", []):
                session.add(
                    DeliberationText(
                        id=parse_uuid(t["id"]),
                        deliberation_id=deliberation_id,
                        version=int(t["version"]),
                        body=t["body"],
                        frozen_by=StepKind(t["frozen_by"]) if t.get("frozen_by") else None,
                    )
                )
        session.flush()
        for item in items:
            for s in item.get("steps", []):
                session.add(_step_row(s, parse_uuid(item["id"])))
                for a in s.get("attachments", []):
                    session.add(_attachment_row(a, ctx.branch_id, parse_uuid(s["id"])))
        session.flush()
        ctx.loaded[KEY] = {parse_uuid(item["id"]) for item in items}


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _uuid_or_none(value: Any) -> uuid.UUID | None:
    return parse_uuid(value) if value else None


def _deliberation_row(item: Record, branch_id: uuid.UUID) -> Deliberation:
    return Deliberation(
        id=parse_uuid(item["id"]),
        branch_id=branch_id,
        title=item["title"],
        category=Category(item["category"]),
        amount_fen=item.get("amount_fen"),
        workflow=item.get("workflow", "standard"),
        workflow_version=int(item.get("workflow_version", 1)),
        round_no=int(item.get("round_no", 1)),
        previous_id=_uuid_or_none(item.get("previous_id")),
        status=DeliberationStatus(item.get("status", "open")),
        status_on=_date(item.get("status_on")),
        status_reason=item.get("status_reason", ""),
        note=item.get("note", ""),
    )


def _step_row(s: Record, deliberation_id: uuid.UUID) -> DeliberationStep:
    return DeliberationStep(
        id=parse_uuid(s["id"]),
        deliberation_id=deliberation_id,
        kind=StepKind(s["kind"]),
        held_on=_date(s.get("held_on")),
        place=s.get("place", ""),
        held_with_previous=bool(s.get("held_with_previous", False)),
        meeting_id=_uuid_or_none(s.get("meeting_id")),
        basis=Basis(s["basis"]) if s.get("basis") else None,
        expected=s.get("expected"),
        present=s.get("present"),
        yes=s.get("yes"),
        no=s.get("no"),
        abstain=s.get("abstain"),
        notice_on=_date(s.get("notice_on")),
        verdict=DeliberationVerdict(s.get("verdict", "recorded")),
        channels=",".join(Channel(c).value for c in s.get("channels", [])),
        posted_from=_date(s.get("posted_from")),
        posted_until=_date(s.get("posted_until")),
        text_id=_uuid_or_none(s.get("text_id")),
        note=s.get("note", ""),
    )


def _attachment_row(a: Record, branch_id: uuid.UUID, step_id: uuid.UUID) -> Attachment:
    return Attachment(
        id=parse_uuid(a["id"]),
        branch_id=branch_id,
        owner_type=OWNER_TYPE,
        owner_id=step_id,
        kind=a.get("kind", ""),
        filename=a["filename"],
        media_type=a["media_type"],
        size=int(a["size"]),
        sha256=a["sha256"],
        stored_path=a["stored_path"],
        note=a.get("note", ""),
    )


SECTION = DeliberationsSection()


SECTIONS: list[Section] = [SECTION]
