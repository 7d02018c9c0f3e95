"""Branch and Party groups."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlmodel import Session, col, select

from villagebook.domain.common.errors import InputError, NotFoundError, Problem
from villagebook.domain.common.text import clean_text
from villagebook.storage.models import Branch, PartyGroup


@dataclass
class BranchInput:
    name: str
    village: str
    township: str = ""
    county: str = ""
    has_committee: bool = False
    secretary_is_director: bool = False


def _required(value: str, field: str, label: str, problems: list[Problem], limit: int = 100) -> str:
    text = clean_text(value).strip() if value else ""
    if not text:
        problems.append(Problem(field, label, "不能为空"))
    elif len(text) > limit:
        problems.append(Problem(field, label, f"不能超过{limit}个字"))
    return text


def create_branch(
    session: Session, data: BranchInput, *, branch_id: uuid.UUID | None = None
) -> Branch:
    problems: list[Problem] = []
    name = _required(data.name, "name", "支部名称", problems)
    village = _required(data.village, "village", "村名", problems)
    if problems:
        raise InputError(problems)
    branch = Branch(
        name=name,
        village=village,
        township=clean_text(data.township).strip(),
        county=clean_text(data.county).strip(),
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
    branch.name = _required(data.name, "name", "支部名称", problems)
    branch.village = _required(data.village, "village", "村名", problems)
    if problems:
        raise InputError(problems)
    branch.township = clean_text(data.township).strip()
    branch.county = clean_text(data.county).strip()
    branch.has_committee = data.has_committee
    branch.secretary_is_director = data.secretary_is_director
    session.add(branch)
    session.flush()
    return branch


def get_branch(session: Session, branch_id: uuid.UUID) -> Branch:
    branch = session.get(Branch, branch_id)
    if branch is None:
        raise NotFoundError(f"支部不存在：{branch_id}")
    return branch


def list_branches(session: Session) -> list[Branch]:
    return list(session.exec(select(Branch).order_by(col(Branch.created_at))))


def first_branch(session: Session) -> Branch | None:
    """The branch the window shows (a data folder normally holds one branch)."""
    return session.exec(select(Branch).order_by(col(Branch.created_at)).limit(1)).first()


def create_group(
    session: Session, branch_id: uuid.UUID, name: str, *, group_id: uuid.UUID | None = None
) -> PartyGroup:
    problems: list[Problem] = []
    text = _required(name, "name", "党小组名称", problems)
    if problems:
        raise InputError(problems)
    exists = session.exec(
        select(PartyGroup).where(PartyGroup.branch_id == branch_id, PartyGroup.name == text)
    ).first()
    if exists is not None:
        raise InputError.single("name", "党小组名称", f"“{text}”已存在")
    count = len(list_groups(session, branch_id))
    group = PartyGroup(branch_id=branch_id, name=text, sort_order=count)
    if group_id is not None:
        group.id = group_id
    session.add(group)
    session.flush()
    return group


def list_groups(session: Session, branch_id: uuid.UUID) -> list[PartyGroup]:
    query = (
        select(PartyGroup)
        .where(PartyGroup.branch_id == branch_id)
        .order_by(col(PartyGroup.sort_order), col(PartyGroup.name))
    )
    return list(session.exec(query))


def rename_group(session: Session, group_id: uuid.UUID, name: str) -> PartyGroup:
    group = session.get(PartyGroup, group_id)
    if group is None:
        raise NotFoundError(f"党小组不存在：{group_id}")
    problems: list[Problem] = []
    text = _required(name, "name", "党小组名称", problems)
    if problems:
        raise InputError(problems)
    clash = session.exec(
        select(PartyGroup).where(
            PartyGroup.branch_id == group.branch_id,
            PartyGroup.name == text,
            PartyGroup.id != group_id,
        )
    ).first()
    if clash is not None:
        raise InputError.single("name", "党小组名称", f"“{text}”已存在")
    group.name = text
    session.add(group)
    session.flush()
    return group
