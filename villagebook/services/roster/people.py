"""The roster (花名册): people, their status and group histories, and who counts on a day."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from villagebook.domain.common.errors import InputError, NotFoundError, Problem
from villagebook.domain.roster.person import PersonInput, clean_person
from villagebook.domain.roster.status import ChangeReason, PartyStatus, can_vote, is_member
from villagebook.storage.models import (
    Discipline,
    GroupAssignment,
    PartyGroup,
    Person,
    StatusChange,
)


def today() -> dt.date:
    return dt.date.today()


def _check_unique_id(
    session: Session, id_number: str, exclude: uuid.UUID | None, problems: list[Problem]
) -> None:
    if not id_number:
        return
    query = select(Person).where(Person.id_number == id_number)
    if exclude is not None:
        query = query.where(Person.id != exclude)
    other = session.exec(query).first()
    if other is not None:
        problems.append(Problem("id_number", "身份证号", f"与花名册中的“{other.name}”重复"))


def _check_group(
    session: Session, branch_id: uuid.UUID, group_id: uuid.UUID | None, problems: list[Problem]
) -> None:
    if group_id is None:
        return
    group = session.get(PartyGroup, group_id)
    if group is None or group.branch_id != branch_id:
        problems.append(Problem("group_id", "党小组", "所选党小组不存在"))


def create_person(
    session: Session,
    branch_id: uuid.UUID,
    data: PersonInput,
    *,
    status: PartyStatus = PartyStatus.MASSES,
    status_on: dt.date | None = None,
    group_id: uuid.UUID | None = None,
    reason: ChangeReason = ChangeReason.RECORDED,
    person_id: uuid.UUID | None = None,
    as_of: dt.date | None = None,
) -> Person:
    """Add a person with their first status (and group) entry; all or nothing."""
    now = as_of or today()
    cleaned, problems = clean_person(data, now)
    _check_unique_id(session, cleaned.id_number, None, problems)
    _check_group(session, branch_id, group_id, problems)
    effective = status_on or now
    if effective > now:
        problems.append(Problem("effective_on", "生效日期", "不能晚于今天"))
    if problems:
        raise InputError(problems)
    person = Person(
        branch_id=branch_id,
        name=cleaned.name,
        gender=cleaned.gender,
        ethnicity=cleaned.ethnicity,
        birth_date=cleaned.birth_date,
        education=cleaned.education,
        phone=cleaned.phone,
        id_number=cleaned.id_number or None,
        committee_role=cleaned.committee_role,
        note=cleaned.note,
        status=status,
        group_id=group_id,
    )
    if person_id is not None:
        person.id = person_id
    session.add(person)
    session.flush()
    session.add(
        StatusChange(person_id=person.id, status=status, effective_on=effective, reason=reason)
    )
    if group_id is not None:
        session.add(GroupAssignment(person_id=person.id, group_id=group_id, effective_on=effective))
    session.flush()
    return person


def update_person(
    session: Session, person_id: uuid.UUID, data: PersonInput, *, as_of: dt.date | None = None
) -> Person:
    """Change a person's own fields (not status or group: those have histories)."""
    person = get_person(session, person_id)
    cleaned, problems = clean_person(data, as_of or today())
    _check_unique_id(session, cleaned.id_number, person.id, problems)
    if problems:
        raise InputError(problems)
    person.name = cleaned.name
    person.gender = cleaned.gender
    person.ethnicity = cleaned.ethnicity
    person.birth_date = cleaned.birth_date
    person.education = cleaned.education
    person.phone = cleaned.phone
    person.id_number = cleaned.id_number or None
    person.committee_role = cleaned.committee_role
    person.note = cleaned.note
    session.add(person)
    session.flush()
    return person


def get_person(session: Session, person_id: uuid.UUID) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(f"人员不存在：{person_id}")
    return person


def status_history(session: Session, person_id: uuid.UUID) -> list[StatusChange]:
    query = (
        select(StatusChange)
        .where(StatusChange.person_id == person_id)
        .order_by(col(StatusChange.effective_on), col(StatusChange.created_at))
    )
    return list(session.exec(query))


def change_status(
    session: Session,
    person_id: uuid.UUID,
    status: PartyStatus,
    effective_on: dt.date,
    *,
    reason: ChangeReason = ChangeReason.RECORDED,
    note: str = "",
    as_of: dt.date | None = None,
    allow_backdated: bool = False,
) -> StatusChange:
    """Record a status change from ``effective_on``; the cached status follows the latest entry.

    A change may not predate the latest recorded change unless ``allow_backdated`` (used
    by imported history); it may never lie in the future.
    """
    person = get_person(session, person_id)
    history = status_history(session, person_id)
    problems: list[Problem] = []
    if effective_on > (as_of or today()):
        problems.append(Problem("effective_on", "生效日期", "不能晚于今天"))
    if history and not allow_backdated:
        last = history[-1]
        if effective_on < last.effective_on:
            problems.append(
                Problem(
                    "effective_on",
                    "生效日期",
                    f"不能早于上一次状态变更（{last.effective_on.isoformat()}"
                    f" {last.status.label}）",
                )
            )
        if last.status is PartyStatus.DECEASED:
            problems.append(Problem("status", "党员状态", "该人员已去世，不能再变更状态"))
    if person.birth_date and effective_on < person.birth_date:
        problems.append(Problem("effective_on", "生效日期", "不能早于出生日期"))
    if problems:
        raise InputError(problems)
    change = StatusChange(
        person_id=person_id,
        status=status,
        effective_on=effective_on,
        reason=reason,
        note=note.strip(),
    )
    session.add(change)
    session.flush()
    latest = status_history(session, person_id)[-1]
    person.status = latest.status
    session.add(person)
    session.flush()
    return change


def assign_group(
    session: Session,
    person_id: uuid.UUID,
    group_id: uuid.UUID | None,
    effective_on: dt.date,
    *,
    as_of: dt.date | None = None,
) -> GroupAssignment:
    person = get_person(session, person_id)
    problems: list[Problem] = []
    _check_group(session, person.branch_id, group_id, problems)
    if effective_on > (as_of or today()):
        problems.append(Problem("effective_on", "生效日期", "不能晚于今天"))
    if problems:
        raise InputError(problems)
    assignment = GroupAssignment(person_id=person_id, group_id=group_id, effective_on=effective_on)
    session.add(assignment)
    session.flush()
    latest = session.exec(
        select(GroupAssignment)
        .where(GroupAssignment.person_id == person_id)
        .order_by(col(GroupAssignment.effective_on).desc(), col(GroupAssignment.created_at).desc())
    ).first()
    person.group_id = latest.group_id if latest else None
    session.add(person)
    session.flush()
    return assignment


def add_discipline(
    session: Session,
    person_id: uuid.UUID,
    start_on: dt.date,
    end_on: dt.date | None,
    *,
    kind: str = "留党察看",
    note: str = "",
) -> Discipline:
    get_person(session, person_id)
    if end_on is not None and end_on < start_on:
        raise InputError.single("end_on", "结束日期", "不能早于开始日期")
    record = Discipline(person_id=person_id, kind=kind, start_on=start_on, end_on=end_on, note=note)
    session.add(record)
    session.flush()
    return record


# --- who was what on a given day -------------------------------------------------------


@dataclass(frozen=True)
class RosterEntry:
    """A person as they stood on one day: status, group, and whether they may vote."""

    person_id: uuid.UUID
    name: str
    status: PartyStatus
    group_id: uuid.UUID | None
    committee_role: str
    under_discipline: bool

    @property
    def is_member(self) -> bool:
        return is_member(self.status)

    @property
    def can_vote(self) -> bool:
        return can_vote(self.status, under_probation_discipline=self.under_discipline)


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


# --- list queries for the roster window ----------------------------------------------


@dataclass(frozen=True)
class RosterFilter:
    search: str = ""
    status: PartyStatus | None = None
    group_id: uuid.UUID | None = None


def _filtered(branch_id: uuid.UUID, flt: RosterFilter):  # type: ignore[no-untyped-def]
    query = select(Person).where(Person.branch_id == branch_id)
    if flt.search.strip():
        text = flt.search.strip()
        query = query.where(
            or_(
                func.instr(Person.name, text) > 0,
                func.instr(func.coalesce(Person.phone, ""), text) > 0,
                func.instr(func.coalesce(Person.id_number, ""), text.upper()) > 0,
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


# --- undo support (the window's Edit ▸ Undo calls these) -------------------------------


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


#: Tables that only hold the person's own history; they go with the person.
_OWN_HISTORY = {"person", "status_change", "group_assignment"}


def _references(session: Session, person_id: uuid.UUID) -> list[str]:
    """Names of the tables with a row that refers to the person (besides their own history)."""
    from sqlmodel import SQLModel

    found: list[str] = []
    for table in SQLModel.metadata.sorted_tables:
        if table.name in _OWN_HISTORY:
            continue
        for fk in table.foreign_keys:
            if fk.column.table.name == "person":
                hit = session.exec(
                    select(func.count()).select_from(table).where(fk.parent == person_id)
                ).one()
                if hit:
                    found.append(table.name)
    leaders = select(func.count()).where(PartyGroup.leader_id == person_id)
    if session.exec(leaders).one():
        found.append(PartyGroup.__tablename__)
    return found


def remove_unreferenced_person(session: Session, person_id: uuid.UUID) -> None:
    """Remove a person added by mistake (undo of "add"), only while nothing refers to them.

    Refused once the person has a later status or group change, or any other record
    (meeting, development case, discipline, group leadership, ...) refers to them.
    """
    person = get_person(session, person_id)
    statuses = status_history(session, person_id)
    groups = list(
        session.exec(select(GroupAssignment).where(GroupAssignment.person_id == person_id))
    )
    if len(statuses) > 1 or len(groups) > 1 or _references(session, person_id):
        raise InputError.single(
            "person", "人员", f"“{person.name}”已有其他记录引用或后续变更，不能撤销添加"
        )
    for row in [*statuses, *groups]:
        session.delete(row)
    session.flush()
    session.delete(person)
    session.flush()


def undo_status_change(session: Session, change_id: uuid.UUID) -> Person:
    """Remove the latest status entry of a person and recompute the cached status.

    Only the latest entry can go (earlier ones are history that later ones build on), and
    never the first (a person always has a status).
    """
    change = session.get(StatusChange, change_id)
    if change is None:
        raise NotFoundError(f"状态变更不存在：{change_id}")
    history = status_history(session, change.person_id)
    if history[-1].id != change.id:
        raise InputError.single("status", "党员状态", "只能撤销最近一次状态变更")
    if len(history) == 1:
        raise InputError.single("status", "党员状态", "这是第一条状态记录，不能撤销")
    person = get_person(session, change.person_id)
    session.delete(change)
    session.flush()
    person.status = history[-2].status
    session.add(person)
    session.flush()
    return person


def group_history(session: Session, person_id: uuid.UUID) -> list[GroupAssignment]:
    query = (
        select(GroupAssignment)
        .where(GroupAssignment.person_id == person_id)
        .order_by(col(GroupAssignment.effective_on), col(GroupAssignment.created_at))
    )
    return list(session.exec(query))


def undo_group_assignment(session: Session, assignment_id: uuid.UUID) -> Person:
    """Remove the latest group entry of a person and recompute the cached group."""
    assignment = session.get(GroupAssignment, assignment_id)
    if assignment is None:
        raise NotFoundError(f"党小组变更不存在：{assignment_id}")
    history = group_history(session, assignment.person_id)
    if history[-1].id != assignment.id:
        raise InputError.single("group_id", "党小组", "只能撤销最近一次党小组变更")
    person = get_person(session, assignment.person_id)
    session.delete(assignment)
    session.flush()
    person.group_id = history[-2].group_id if len(history) > 1 else None
    session.add(person)
    session.flush()
    return person
