"""Findings marked as handled (已处理): storing, reading and exchanging the branch's notes.

A note never hides a finding: the check still reports it, with the note attached, in the
window, the CLI, the exchange file and the reports.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Iterator, Sequence

from sqlmodel import Session, col, select

from villagebook.domain.common.errors import InputError, NotFoundError, Problem
from villagebook.domain.common.findings import Finding, FindingKey, HandledNote
from villagebook.domain.common.i18n import _
from villagebook.services.exchange import (
    ImportContext,
    Record,
    RecordId,
    iso,
    parse_date,
    parse_uuid,
)
from villagebook.storage.models import Branch
from villagebook.storage.models.findings import FindingNote

NOTE_MAX = 2000


def note_value(row: FindingNote) -> HandledNote:
    return HandledNote(
        id=row.id,
        branch_id=row.branch_id,
        key=FindingKey(row.code, row.subject_id, row.period),
        note=row.note,
        handled_on=row.handled_on,
        handled_by=row.handled_by,
    )


def validate_note(text: str, day: dt.date, today: dt.date) -> list[Problem]:
    problems = []
    if not text.strip():
        problems.append(Problem("note", _("处理说明"), _("不能为空")))
    elif len(text) > NOTE_MAX:
        problems.append(Problem("note", _("处理说明"), _("不能超过{count}个字", count=NOTE_MAX)))
    if day > today:
        problems.append(Problem("handled_on", _("处理日期"), _("不能晚于今天")))
    return problems


def notes_of(session: Session, branch_ids: Iterable[uuid.UUID] | None = None) -> list[FindingNote]:
    query = select(FindingNote).order_by(col(FindingNote.handled_on), col(FindingNote.id))
    if branch_ids is not None:
        query = query.where(col(FindingNote.branch_id).in_(list(branch_ids)))
    return list(session.exec(query))


def mark_handled(
    session: Session,
    branch_id: uuid.UUID,
    key: FindingKey,
    text: str,
    *,
    day: dt.date,
    today: dt.date,
    actor: str,
) -> FindingNote:
    """Record (or replace) the note on one finding of one branch."""
    problems = validate_note(text, day, today)
    if problems:
        raise InputError(problems)
    if session.get(Branch, branch_id) is None:
        raise NotFoundError(_("支部不存在：{id}", id=branch_id))
    existing = session.exec(
        select(FindingNote).where(
            FindingNote.branch_id == branch_id,
            FindingNote.code == key.code,
            FindingNote.subject_id == key.subject_id,
            FindingNote.period == key.period,
        )
    ).first()
    row = existing or FindingNote(
        branch_id=branch_id,
        code=key.code,
        subject_id=key.subject_id,
        period=key.period,
        note=text.strip(),
        handled_on=day,
    )
    row.note = text.strip()
    row.handled_on = day
    row.handled_by = actor
    session.add(row)
    session.flush()
    return row


def remove_note(session: Session, note_id: uuid.UUID) -> None:
    row = session.get(FindingNote, note_id)
    if row is None:
        raise NotFoundError(_("处理说明不存在：{id}", id=note_id))
    session.delete(row)
    session.flush()


def attach(findings: Sequence[Finding], notes: Iterable[FindingNote]) -> list[Finding]:
    """The findings, each with its note when one matches its key and branch."""
    import dataclasses

    by_key = {(str(n.branch_id), FindingKey(n.code, n.subject_id, n.period)): n for n in notes}
    result = []
    for finding in findings:
        note = by_key.get((finding.branch_id or "", finding.key))
        result.append(dataclasses.replace(finding, handled=note_value(note)) if note else finding)
    return result


# --- the exchange section ------------------------------------------------------------------


class FindingNotesSection:
    """``finding_notes``: the branch's notes on handled findings (see docs/exchange-format.md)."""

    key = "finding_notes"

    def export(
        self, session: Session, branch: Branch, only: frozenset[uuid.UUID] | None = None
    ) -> list[Record]:
        return [
            {
                "id": str(n.id),
                "code": n.code,
                "subject_id": n.subject_id,
                "period": n.period,
                "note": n.note,
                "handled_on": iso(n.handled_on),
                "handled_by": n.handled_by,
            }
            for n in notes_of(session, [branch.id])
            if only is None or n.id in only
        ]

    def record_ids(self, items: list[Record]) -> Iterator[RecordId]:
        for i, item in enumerate(items):
            yield RecordId(f"{self.key}[{i}].id", FindingNote, item.get("id"))

    def validate(self, items: list[Record], ctx: ImportContext) -> list[Problem]:
        problems: list[Problem] = []
        keys: dict[tuple[str, str, str], int] = {}
        for index, item in enumerate(items):
            path = f"finding_notes[{index}]"
            key = (str(item["code"]), str(item.get("subject_id", "")), str(item.get("period", "")))
            if key in keys:
                message = _("与 finding_notes[{other}] 是同一条检查结果", other=keys[key])
                problems.append(Problem(f"{path}.code", _("规则代码"), message))
            keys.setdefault(key, index)
            day = parse_date(item.get("handled_on"), f"{path}.handled_on", _("处理日期"), problems)
            if day is not None:
                for problem in validate_note(str(item.get("note", "")), day, ctx.today):
                    problems.append(
                        Problem(f"{path}.{problem.field}", problem.label, problem.message)
                    )
        return problems

    def load(self, session: Session, items: list[Record], ctx: ImportContext) -> None:
        for item in items:
            row = FindingNote(
                branch_id=ctx.branch_id,
                code=str(item["code"]),
                subject_id=str(item.get("subject_id", "")),
                period=str(item.get("period", "")),
                note=str(item["note"]).strip(),
                handled_on=dt.date.fromisoformat(str(item["handled_on"])),
                handled_by=str(item.get("handled_by", "")),
            )
            if item.get("id"):
                row.id = parse_uuid(item["id"])
            session.add(row)
        session.flush()


SECTION = FindingNotesSection()
