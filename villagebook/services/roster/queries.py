"""Reading the roster: branches, groups, people, histories, and who counted on a given day.

Functions here take a session and return storage rows or values; the :mod:`.api` turns rows
into the records the Book hands out.  Other capabilities may use this module (it is the
roster's public read side); they never use the roster's other modules.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from villagebook.domain.common.errors import NotFoundError
from villagebook.domain.common.i18n import _
from villagebook.domain.roster.validation import PersonInput
from villagebook.domain.roster.values import (
    BranchRecord,
    GroupEntry,
    GroupRecord,
    PartyStatus,
    PersonRecord,
    RecorderRecord,
    RosterEntry,
    RosterFilter,
    StatusEntry,
)
from villagebook.storage.dialect import contains
from villagebook.storage.models import (
    Branch,
    Discipline,
    GroupAssignment,
    PartyGroup,
    Person,
    Recorder,
    StatusChange,
)

__all__ = ["RosterEntry", "RosterFilter"]


def get_branch(session: Session, branch_id: uuid.UUID) -> Branch:
    branch = session.get(Branch, branch_id)
    if branch is None:
        raise NotFoundError(_("支部不存在：{id}", id=branch_id))
    return branch


def list_branches(session: Session) -> list[Branch]:
    return list(session.exec(select(Branch).order_by(col(Branch.created_at))))


def first_branch(session: Session) -> Branch | None:
    """The branch the window shows (a data folder normally holds one branch)."""
    return session.exec(select(Branch).order_by(col(Branch.created_at)).limit(1)).first()


def list_groups(session: Session, branch_id: uuid.UUID) -> list[PartyGroup]:
    query = (
        select(PartyGroup)
        .where(PartyGroup.branch_id == branch_id)
        .order_by(col(PartyGroup.sort_order), col(PartyGroup.name))
    )
    return list(session.exec(query))


def get_person(session: Session, person_id: uuid.UUID) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(_("人员不存在：{id}", id=person_id))
    return person


def status_history(session: Session, person_id: uuid.UUID) -> list[StatusChange]:
    query = (
        select(StatusChange)
        .where(StatusChange.person_id == person_id)
        .order_by(col(StatusChange.effective_on), col(StatusChange.created_at))
    )
    return list(session.exec(query))


def group_history(session: Session, person_id: uuid.UUID) -> list[GroupAssignment]:
    query = (
        select(GroupAssignment)
        .where(GroupAssignment.person_id == person_id)
        .order_by(col(GroupAssignment.effective_on), col(GroupAssignment.created_at))
    )
    return list(session.exec(query))


class StatusBook:
    """Status and discipline histories of some people, answering for any date (two queries)."""

    def __init__(self, session: Session, person_ids: Iterable[uuid.UUID]) -> None:
        ids = list(set(person_ids))
        self.history: dict[uuid.UUID, list[tuple[dt.date, PartyStatus]]] = defaultdict(list)
        self.discipline: dict[uuid.UUID, list[tuple[dt.date, dt.date | None]]] = defaultdict(list)
        if not ids:
            return
        rows = session.exec(
            select(
                col(StatusChange.person_id),
                col(StatusChange.effective_on),
                col(StatusChange.status),
            )
            .where(col(StatusChange.person_id).in_(ids))
            .order_by(col(StatusChange.effective_on), col(StatusChange.created_at))
        ).all()
        for person_id, day, status in rows:
            self.history[person_id].append((day, status))
        for record in session.exec(select(Discipline).where(col(Discipline.person_id).in_(ids))):
            self.discipline[record.person_id].append((record.start_on, record.end_on))

    def status_on(self, person_id: uuid.UUID, day: dt.date) -> PartyStatus | None:
        current = None
        for effective, status in self.history.get(person_id, []):
            if effective <= day:
                current = status
        return current

    def first_date(self, person_id: uuid.UUID, status: PartyStatus) -> dt.date | None:
        """E.g. the joining date (first day probationary)."""
        return next((d for d, s in self.history.get(person_id, []) if s is status), None)

    def disciplined_on(self, person_id: uuid.UUID, day: dt.date) -> bool:
        return any(
            start <= day and (end is None or day <= end)
            for start, end in self.discipline.get(person_id, [])
        )


def _groups_on(
    session: Session, ids: Sequence[uuid.UUID], day: dt.date
) -> dict[uuid.UUID, uuid.UUID | None]:
    rows = session.exec(
        select(
            col(GroupAssignment.person_id),
            col(GroupAssignment.effective_on),
            col(GroupAssignment.group_id),
        )
        .where(col(GroupAssignment.person_id).in_(ids))
        .order_by(col(GroupAssignment.effective_on), col(GroupAssignment.created_at))
    ).all()
    groups: dict[uuid.UUID, uuid.UUID | None] = {}
    for person_id, effective_on, group_id in rows:
        if effective_on <= day:
            groups[person_id] = group_id
    return groups


def roster_on(session: Session, branch_id: uuid.UUID, day: dt.date) -> list[RosterEntry]:
    """Everyone with a status on ``day`` (four queries, whatever the roster's size)."""
    people = {p.id: p for p in session.exec(select(Person).where(Person.branch_id == branch_id))}
    if not people:
        return []
    book = StatusBook(session, people)
    groups = _groups_on(session, list(people), day)
    entries = []
    for person_id, person in people.items():
        status = book.status_on(person_id, day)
        if status is None:
            continue
        entries.append(
            RosterEntry(
                person_id=person_id,
                name=person.name,
                status=PartyStatus(status),
                group_id=groups.get(person_id),
                committee_role=person.committee_role,
                under_discipline=book.disciplined_on(person_id, day),
            )
        )
    entries.sort(key=lambda e: e.name)
    return entries


def members_on(session: Session, branch_id: uuid.UUID, day: dt.date) -> list[RosterEntry]:
    """Party members (probationary and full) of the branch on ``day``."""
    return [e for e in roster_on(session, branch_id, day) if e.is_member]


def status_on(session: Session, person_id: uuid.UUID, day: dt.date) -> PartyStatus | None:
    current = None
    for change in status_history(session, person_id):
        if change.effective_on <= day:
            current = change.status
    return current


def first_date_with_status(
    session: Session, person_id: uuid.UUID, status: PartyStatus
) -> dt.date | None:
    """E.g. the joining date (first day probationary) or the full-membership date."""
    for change in status_history(session, person_id):
        if change.status is status:
            return change.effective_on
    return None


def _filtered(branch_id: uuid.UUID, flt: RosterFilter):  # type: ignore[no-untyped-def]
    query = select(Person).where(Person.branch_id == branch_id)
    if flt.search.strip():
        text = flt.search.strip()
        query = query.where(
            or_(
                contains(Person.name, text),
                contains(func.coalesce(Person.phone, ""), text),
                contains(func.coalesce(Person.id_number, ""), text.upper()),
            )
        )
    if flt.status is not None:
        query = query.where(Person.status == flt.status)
    if flt.group_id is not None:
        query = query.where(Person.group_id == flt.group_id)
    return query


def count_people(session: Session, branch_id: uuid.UUID, flt: RosterFilter) -> int:
    subquery = _filtered(branch_id, flt).subquery()
    return int(session.exec(select(func.count()).select_from(subquery)).one())


def page_people(
    session: Session, branch_id: uuid.UUID, flt: RosterFilter, offset: int, limit: int
) -> list[Person]:
    query = _filtered(branch_id, flt).order_by(col(Person.name), col(Person.id))
    return list(session.exec(query.offset(offset).limit(limit)))


def person_input(person: Person) -> PersonInput:
    """A person's own fields as an input, e.g. to restore them when an edit is undone."""
    return PersonInput(
        name=person.name,
        gender=person.gender,
        ethnicity=person.ethnicity,
        birth_date=person.birth_date,
        education=person.education,
        phone=person.phone,
        id_number=person.id_number or "",
        committee_role=person.committee_role,
        note=person.note,
    )


# --- rows as the records the Book hands out ---------------------------------------------


def branch_record(row: Branch) -> BranchRecord:
    return BranchRecord(
        id=row.id,
        name=row.name,
        village=row.village,
        township=row.township,
        county=row.county,
        has_committee=row.has_committee,
        secretary_is_director=row.secretary_is_director,
    )


def group_record(row: PartyGroup) -> GroupRecord:
    return GroupRecord(id=row.id, branch_id=row.branch_id, name=row.name, sort_order=row.sort_order)


def person_record(row: Person) -> PersonRecord:
    return PersonRecord(
        id=row.id,
        branch_id=row.branch_id,
        name=row.name,
        gender=row.gender,
        ethnicity=row.ethnicity,
        birth_date=row.birth_date,
        education=row.education,
        phone=row.phone,
        id_number=row.id_number,
        status=row.status,
        group_id=row.group_id,
        committee_role=row.committee_role,
        note=row.note,
    )


def status_entry(row: StatusChange) -> StatusEntry:
    return StatusEntry(
        id=row.id,
        person_id=row.person_id,
        status=row.status,
        effective_on=row.effective_on,
        reason=row.reason,
        note=row.note,
        created_at=row.created_at,
        created_by=row.created_by,
    )


def group_entry(row: GroupAssignment) -> GroupEntry:
    return GroupEntry(
        id=row.id,
        person_id=row.person_id,
        group_id=row.group_id,
        effective_on=row.effective_on,
        created_at=row.created_at,
        created_by=row.created_by,
    )


def names_in_branch(session: Session, branch_id: uuid.UUID) -> list[str]:
    """Every person's and Party group's name (reports keep them whole on a line)."""
    people = session.exec(select(col(Person.name)).where(Person.branch_id == branch_id)).all()
    groups = session.exec(
        select(col(PartyGroup.name)).where(PartyGroup.branch_id == branch_id)
    ).all()
    return [*people, *groups]


def person_ids(session: Session, branch_id: uuid.UUID) -> list[uuid.UUID]:
    """The ids of everyone in the branch's roster (one query)."""
    return list(session.exec(select(col(Person.id)).where(Person.branch_id == branch_id)))


# --- who keeps the records ----------------------------------------------------------------


def recorders(
    session: Session, branch_id: uuid.UUID, *, retired: bool = False
) -> list[RecorderRecord]:
    """The branch's recorders in the order they were added (``retired``: those too)."""
    query = select(Recorder).where(Recorder.branch_id == branch_id)
    if not retired:
        query = query.where(col(Recorder.retired).is_(False))
    rows = session.exec(query.order_by(col(Recorder.sort_order), col(Recorder.created_at)))
    return [recorder_record(r) for r in rows]


def recorder_record(row: Recorder) -> RecorderRecord:
    return RecorderRecord(row.id, row.branch_id, row.name, row.retired)
