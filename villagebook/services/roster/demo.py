"""A realistic demo branch (青山村) so a newcomer sees a living app.

Deterministic: the same ``today`` and seed give the same village.  The roster comes first;
then each capability's ``populate`` (meetings, deliberations, development cases), handed
in by the Book, adds its records.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlmodel import Session, select
from stdnum.cn import ric

from villagebook.domain.common.calendar import add_years
from villagebook.domain.roster import values as roster_values
from villagebook.domain.roster.validation import PersonInput
from villagebook.domain.roster.values import ChangeReason, PartyStatus
from villagebook.services.roster import commands as roster_commands
from villagebook.services.roster import queries as roster_queries
from villagebook.storage.models import Branch, PartyGroup, Person

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何罗高林"
GIVEN = [
    "建国",
    "秀英",
    "桂兰",
    "志强",
    "春花",
    "国华",
    "玉梅",
    "德明",
    "海燕",
    "永福",
    "丽娟",
    "文斌",
    "小红",
    "金山",
    "淑珍",
    "红霞",
    "长青",
    "立新",
    "晓东",
    "凤英",
    "明亮",
    "翠兰",
    "家豪",
    "婷婷",
    "振华",
    "兰芳",
    "宇航",
    "雪梅",
    "福生",
    "静怡",
    "正阳",
    "美玲",
    "大勇",
    "思源",
    "月娥",
    "光荣",
    "慧敏",
    "继承",
    "秋菊",
    "子涵",
]
REGION = "520323"  # a county-level region code, so the demo ID numbers validate
COMMITTEE = ["书记", "副书记", "组织委员", "宣传委员", "纪检委员"]


@dataclass(frozen=True)
class DemoPerson:
    status: PartyStatus
    joined_years_ago: int | None  # for members: years since admission


# 40 people: 26 full, 3 probationary, 2 targets, 3 activists, 2 applicants,
# 1 transferred out, 1 deceased, 2 masses (villagers who attend as 列席).
PLAN: list[DemoPerson] = (
    [DemoPerson(PartyStatus.FULL, y) for y in (38, 31, 27, 25, 22, 20, 19, 17, 16, 15, 14, 13, 12)]
    + [DemoPerson(PartyStatus.FULL, y) for y in (11, 10, 9, 8, 8, 7, 6, 5, 5, 4, 3, 3, 2)]
    # two admitted within the last year; one whose probation was extended (development demo)
    + [DemoPerson(PartyStatus.PROBATIONARY, 0)] * 2
    + [DemoPerson(PartyStatus.PROBATIONARY, 1)]
    + [DemoPerson(PartyStatus.TARGET, None)] * 2
    + [DemoPerson(PartyStatus.ACTIVIST, None)] * 3
    + [DemoPerson(PartyStatus.APPLICANT, None)] * 2
    + [DemoPerson(PartyStatus.TRANSFERRED_OUT, 12), DemoPerson(PartyStatus.DECEASED, 40)]
    + [DemoPerson(PartyStatus.MASSES, None)] * 2
)

Populator = Callable[[Session, Branch, dt.date, random.Random], None]


def _id_number(birth: dt.date, rng: random.Random, female: bool) -> str:
    seq = rng.randrange(0, 50) * 2 + (0 if female else 1)
    body = f"{REGION}{birth:%Y%m%d}{rng.randrange(10)}{seq:02d}"
    return body + ric.calc_check_digit(body + "0")


def _names(rng: random.Random, count: int) -> list[str]:
    names: set[str] = set()
    ordered: list[str] = []
    while len(ordered) < count:
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        if name not in names:
            names.add(name)
            ordered.append(name)
    return ordered


def create_demo(
    session: Session,
    populators: Sequence[Populator] = (),
    *,
    today: dt.date | None = None,
    seed: int = 20261122,
) -> Branch:
    """Create the demo branch with its roster, then each capability's records (in order)."""
    today = today or dt.date.today()
    rng = random.Random(seed)
    branch = roster_commands.create_branch(
        session,
        roster_values.BranchInput(
            name="中共青山村支部委员会",
            village="青山村",
            township="石门镇",
            county="云岭县",
            has_committee=True,
        ),
    )
    groups = [
        roster_commands.create_group(session, branch.id, n) for n in ("第一党小组", "第二党小组")
    ]
    names = _names(rng, len(PLAN))
    for index, (plan, name) in enumerate(zip(PLAN, names, strict=True)):
        _create_person(session, branch, groups, index, plan, name, today, rng)
    secretary = session.exec(
        select(Person).where(Person.branch_id == branch.id, Person.committee_role == "书记")
    ).first()
    if secretary is not None:  # the secretary keeps the demo's records and signs them
        roster_commands.add_recorder(session, branch.id, secretary.name)
        session.info["actor"] = secretary.name
    for populate in populators:
        populate(session, branch, today, rng)
    session.flush()
    return branch


def _create_person(
    session: Session,
    branch: Branch,
    groups: list[PartyGroup],
    index: int,
    plan: DemoPerson,
    name: str,
    today: dt.date,
    rng: random.Random,
) -> Person:
    female = rng.random() < 0.35
    age = (
        rng.randint(24, 45)
        if plan.joined_years_ago is None
        else rng.randint(max(plan.joined_years_ago + 22, 26), max(plan.joined_years_ago + 30, 40))
    )
    birth = today.replace(year=today.year - age, day=min(today.day, 28)) - dt.timedelta(
        days=rng.randrange(300)
    )
    data = PersonInput(
        name=name,
        gender="女" if female else "男",
        ethnicity=rng.choice(["汉族"] * 6 + ["苗族", "布依族", "侗族"]),
        birth_date=birth,
        education=rng.choice(["小学", "初中", "初中", "高中", "中专", "大专", "本科"]),
        phone=f"1{rng.choice('3578')}{rng.randrange(10**9):09d}",
        id_number=_id_number(birth, rng, female),
        committee_role=COMMITTEE[index] if index < len(COMMITTEE) else "",
    )
    group = (
        groups[index % 2].id
        if plan.status in (PartyStatus.FULL, PartyStatus.PROBATIONARY)
        else None
    )
    joined = None
    if plan.joined_years_ago is not None:
        joined = add_years(today, -plan.joined_years_ago) - dt.timedelta(
            days=rng.randrange(20, 200)
        )
    first_status = PartyStatus.PROBATIONARY if joined else plan.status
    first_date = joined or (today - dt.timedelta(days=rng.randrange(60, 500)))
    person = roster_commands.create_person(
        session,
        branch.id,
        data,
        status=first_status,
        status_on=first_date,
        group_id=group,
        reason=ChangeReason.RECORDED,
        as_of=today,
    )
    if joined and plan.status is not PartyStatus.PROBATIONARY:
        full_on = add_years(joined, 1)
        roster_commands.change_status(session, person.id, PartyStatus.FULL, full_on, as_of=today)
        if plan.status in (PartyStatus.TRANSFERRED_OUT, PartyStatus.DECEASED):
            gone = today - dt.timedelta(days=rng.randrange(200, 500))
            roster_commands.change_status(session, person.id, plan.status, gone, as_of=today)
            if group is not None:
                roster_commands.assign_group(session, person.id, None, gone, as_of=today)
    return person


def demo_branch_id(session: Session) -> uuid.UUID | None:
    branch = roster_queries.first_branch(session)
    return branch.id if branch else None
