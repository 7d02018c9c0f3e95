"""Changing the roster: the branch, Party groups, people, status and group histories.

Every function validates the whole input first (pure validation in
:mod:`villagebook.domain.roster.validation`, lookups here) and raises an
:class:`InputError` listing every problem before anything is written.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlmodel import Session, col, select

from villagebook.domain.common.errors import InputError, NotFoundError, Problem
from villagebook.domain.common.i18n import _
from villagebook.domain.common.text import as_typed, match_key
from villagebook.domain.roster.validation import PersonInput, clean_person
from villagebook.domain.roster.values import BranchInput, ChangeReason, PartyStatus
from villagebook.services.roster.queries import (
    get_branch,
    get_person,
    list_groups,
    status_history,
)
from villagebook.storage.models import (
    Branch,
    Discipline,
    GroupAssignment,
    PartyGroup,
    Person,
    Recorder,
    StatusChange,
)


def _required(value: str, field: str, label: str, problems: list[Problem], limit: int = 100) -> str:
    text = as_typed(value)
    if not text:
        problems.append(Problem(field, label, _("不能为空")))
    elif len(text) > limit:
        problems.append(Problem(field, label, _("不能超过{count}个字", count=limit)))
    return text


def create_branch(
    session: Session, data: BranchInput, *, branch_id: uuid.UUID | None = None
) -> Branch:
    problems: list[Problem] = []
    name = _required(data.name, "name", _("支部名称"), problems)
    village = _required(data.village, "village", _("村名"), problems)
    if problems:
        raise InputError(problems)
    branch = Branch(
        name=name,
        village=village,
        township=as_typed(data.township),
        county=as_typed(data.county),
        has_committee=data.has_committee,
        secretary_is_director=data.secretary_is_director,
    )
    if branch_id is not None:
        branch.id = branch_id
    session.add(branch)
    session.flush()
    return branch


def update_branch(session: Session, branch_id: uuid.UUID, data: BranchInput) -> Branch:
    branch = get_branch(session, branch_id)
    problems: list[Problem] = []
    branch.name = _required(data.name, "name", _("支部名称"), problems)
    branch.village = _required(data.village, "village", _("村名"), problems)
    if problems:
        raise InputError(problems)
    branch.township = as_typed(data.township)
    branch.county = as_typed(data.county)
    branch.has_committee = data.has_committee
    branch.secretary_is_director = data.secretary_is_director
    session.add(branch)
    session.flush()
    return branch


def _group_named(session: Session, branch_id: uuid.UUID, name: str) -> PartyGroup | None:
    """The branch's group of that name (width, case and spacing do not count)."""
    key = match_key(name)
    for group in list_groups(session, branch_id):
        if match_key(group.name) == key:
            return group
    return None


def create_group(
    session: Session, branch_id: uuid.UUID, name: str, *, group_id: uuid.UUID | None = None
) -> PartyGroup:
    problems: list[Problem] = []
    text = _required(name, "name", _("党小组名称"), problems)
    if problems:
        raise InputError(problems)
    if _group_named(session, branch_id, text) is not None:
        raise InputError.single("name", _("党小组名称"), _("“{name}”已存在", name=text))
    count = len(list_groups(session, branch_id))
    group = PartyGroup(branch_id=branch_id, name=text, sort_order=count)
    if group_id is not None:
        group.id = group_id
    session.add(group)
    session.flush()
    return group


def rename_group(session: Session, group_id: uuid.UUID, name: str) -> PartyGroup:
    group = session.get(PartyGroup, group_id)
    if group is None:
        raise NotFoundError(_("党小组不存在：{id}", id=group_id))
    problems: list[Problem] = []
    text = _required(name, "name", _("党小组名称"), problems)
    if problems:
        raise InputError(problems)
    clash = _group_named(session, group.branch_id, text)
    if clash is not None and clash.id != group_id:
        raise InputError.single("name", _("党小组名称"), _("“{name}”已存在", name=text))
    group.name = text
    session.add(group)
    session.flush()
    return group


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
        problems.append(
            Problem("id_number", _("身份证号"), _("与花名册中的“{name}”重复", name=other.name))
        )


def _check_group(
    session: Session, branch_id: uuid.UUID, group_id: uuid.UUID | None, problems: list[Problem]
) -> None:
    if group_id is None:
        return
    group = session.get(PartyGroup, group_id)
    if group is None or group.branch_id != branch_id:
        problems.append(Problem("group_id", _("党小组"), _("所选党小组不存在")))


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
        problems.append(Problem("effective_on", _("生效日期"), _("不能晚于今天")))
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
        problems.append(Problem("effective_on", _("生效日期"), _("不能晚于今天")))
    if history and not allow_backdated:
        last = history[-1]
        if effective_on < last.effective_on:
            problems.append(
                Problem(
                    "effective_on",
                    _("生效日期"),
                    _(
                        "不能早于上一次状态变更（{day} {status}）",
                        day=last.effective_on.isoformat(),
                        status=last.status.label,
                    ),
                )
            )
        if last.status is PartyStatus.DECEASED:
            problems.append(Problem("status", _("党员状态"), _("该人员已去世，不能再变更状态")))
    if person.birth_date and effective_on < person.birth_date:
        problems.append(Problem("effective_on", _("生效日期"), _("不能早于出生日期")))
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
        problems.append(Problem("effective_on", _("生效日期"), _("不能晚于今天")))
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
    kind: str = "留党察看",  # i18n: stored
    note: str = "",
) -> Discipline:
    get_person(session, person_id)
    if end_on is not None and end_on < start_on:
        raise InputError.single("end_on", _("结束日期"), _("不能早于开始日期"))
    record = Discipline(person_id=person_id, kind=kind, start_on=start_on, end_on=end_on, note=note)
    session.add(record)
    session.flush()
    return record


# --- who keeps the records ------------------------------------------------------------------


def add_recorder(session: Session, branch_id: uuid.UUID, name: str) -> Recorder:
    """Someone who keeps the records; a retired recorder of that name is taken back."""
    get_branch(session, branch_id)
    problems: list[Problem] = []
    text = _required(name, "name", _("记录人姓名"), problems, limit=30)
    if problems:
        raise InputError(problems)
    rows = session.exec(select(Recorder).where(Recorder.branch_id == branch_id)).all()
    same = next((r for r in rows if match_key(r.name) == match_key(text)), None)
    if same is not None and not same.retired:
        raise InputError.single("name", _("记录人姓名"), _("“{name}”已在记录人名单中", name=text))
    if same is not None:
        same.retired = False
        session.add(same)
        session.flush()
        return same
    recorder = Recorder(branch_id=branch_id, name=text, sort_order=len(rows))
    session.add(recorder)
    session.flush()
    return recorder


def retire_recorder(session: Session, recorder_id: uuid.UUID) -> Recorder:
    """The recorder no longer keeps records (kept: old records name them)."""
    recorder = session.get(Recorder, recorder_id)
    if recorder is None:
        raise NotFoundError(_("记录人不存在：{id}", id=recorder_id))
    recorder.retired = True
    session.add(recorder)
    session.flush()
    return recorder
