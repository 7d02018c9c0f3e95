"""The roster's part of the exchange format: the branch, its groups and people at the top
level of the document (see docs/exchange-format.md).  It is the *root section*: every other
section refers to the people and groups it brings.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator

from sqlmodel import Session, col, select

from villagebook.domain.common.errors import Problem
from villagebook.domain.common.i18n import _
from villagebook.domain.roster.idnumber import normalize_id_number
from villagebook.domain.roster.validation import PersonInput, clean_person
from villagebook.domain.roster.values import ChangeReason, PartyStatus
from villagebook.services.exchange import (
    ImportContext,
    Record,
    RecordId,
    iso,
    parse_date,
    parse_uuid,
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


def export_roster(session: Session, branch: Branch) -> Record:
    groups = session.exec(
        select(PartyGroup)
        .where(PartyGroup.branch_id == branch.id)
        .order_by(col(PartyGroup.sort_order))
    ).all()
    people = session.exec(
        select(Person)
        .where(Person.branch_id == branch.id)
        .order_by(col(Person.name), col(Person.id))
    ).all()
    ids = [p.id for p in people]
    statuses: dict[uuid.UUID, list[Record]] = {i: [] for i in ids}
    for s in session.exec(
        select(StatusChange)
        .where(col(StatusChange.person_id).in_(ids))
        .order_by(
            col(StatusChange.effective_on), col(StatusChange.created_at), col(StatusChange.id)
        )
    ):
        statuses[s.person_id].append(
            {
                "id": str(s.id),
                "status": s.status.value,
                "effective_on": iso(s.effective_on),
                "reason": s.reason.value,
                "note": s.note,
            }
        )
    assignments: dict[uuid.UUID, list[Record]] = {i: [] for i in ids}
    for a in session.exec(
        select(GroupAssignment)
        .where(col(GroupAssignment.person_id).in_(ids))
        .order_by(
            col(GroupAssignment.effective_on),
            col(GroupAssignment.created_at),
            col(GroupAssignment.id),
        )
    ):
        assignments[a.person_id].append(
            {
                "id": str(a.id),
                "group_id": str(a.group_id) if a.group_id else None,
                "effective_on": iso(a.effective_on),
            }
        )
    disciplines: dict[uuid.UUID, list[Record]] = {i: [] for i in ids}
    for d in session.exec(
        select(Discipline)
        .where(col(Discipline.person_id).in_(ids))
        .order_by(col(Discipline.start_on))
    ):
        disciplines[d.person_id].append(
            {
                "id": str(d.id),
                "kind": d.kind,
                "start_on": iso(d.start_on),
                "end_on": iso(d.end_on),
                "note": d.note,
            }
        )
    return {
        "branch": {
            "id": str(branch.id),
            "name": branch.name,
            "village": branch.village,
            "township": branch.township,
            "county": branch.county,
            "has_committee": branch.has_committee,
            "secretary_is_director": branch.secretary_is_director,
        },
        "groups": [
            {
                "id": str(g.id),
                "name": g.name,
                "sort_order": g.sort_order,
                "leader_id": str(g.leader_id) if g.leader_id else None,
            }
            for g in groups
        ],
        "people": [
            {
                "id": str(p.id),
                "name": p.name,
                "gender": p.gender,
                "ethnicity": p.ethnicity,
                "birth_date": iso(p.birth_date),
                "education": p.education,
                "phone": p.phone,
                "id_number": p.id_number,
                "committee_role": p.committee_role,
                "note": p.note,
                "status_history": statuses[p.id],
                "group_history": assignments[p.id],
                "discipline": disciplines[p.id],
            }
            for p in people
        ],
        "recorders": [
            {"id": str(r.id), "name": r.name, "retired": r.retired}
            for r in session.exec(
                select(Recorder)
                .where(Recorder.branch_id == branch.id)
                .order_by(col(Recorder.sort_order), col(Recorder.created_at))
            )
        ],
    }


def _validate_person(
    index: int, item: Record, ctx: ImportContext, seen_ids: dict[str, int]
) -> list[Problem]:
    base = f"people[{index}]"
    problems: list[Problem] = []
    birth = parse_date(item.get("birth_date"), f"{base}.birth_date", _("出生日期"), problems)
    data = PersonInput(
        name=str(item.get("name", "")),
        gender=str(item.get("gender", "")),
        ethnicity=str(item.get("ethnicity", "汉族")),  # i18n: stored
        birth_date=birth,
        education=str(item.get("education", "")),
        phone=str(item.get("phone", "")),
        id_number=str(item.get("id_number") or ""),
        committee_role=str(item.get("committee_role", "")),
        note=str(item.get("note", "")),
    )
    cleaned, found = clean_person(data, ctx.today)
    name = cleaned.name or _("（无姓名）")
    problems += [
        Problem(f"{base}.{p.field}", _("{name}的{label}", name=name, label=p.label), p.message)
        for p in found
    ]
    if cleaned.id_number:
        if cleaned.id_number in seen_ids:
            other = seen_ids[cleaned.id_number]
            problems.append(
                Problem(
                    f"{base}.id_number",
                    _("{name}的身份证号", name=name),
                    _("与 people[{other}] 重复", other=other),
                )
            )
        seen_ids[cleaned.id_number] = index
    previous: dt.date | None = None
    for j, change in enumerate(item.get("status_history", [])):
        day = parse_date(
            change.get("effective_on"),
            f"{base}.status_history[{j}].effective_on",
            _("{name}的状态生效日期", name=name),
            problems,
        )
        if day and day > ctx.today:
            problems.append(
                Problem(
                    f"{base}.status_history[{j}].effective_on",
                    _("{name}的状态生效日期", name=name),
                    _("不能晚于今天"),
                )
            )
        if day and previous and day < previous:
            problems.append(
                Problem(
                    f"{base}.status_history[{j}].effective_on",
                    _("{name}的状态生效日期", name=name),
                    _("状态历史应按日期先后排列"),
                )
            )
        previous = day or previous
    for j, assignment in enumerate(item.get("group_history", [])):
        parse_date(
            assignment.get("effective_on"),
            f"{base}.group_history[{j}].effective_on",
            _("{name}的党小组生效日期", name=name),
            problems,
        )
        group = assignment.get("group_id")
        if group is not None and parse_uuid(group) not in ctx.group_ids:
            problems.append(
                Problem(
                    f"{base}.group_history[{j}].group_id",
                    _("{name}的党小组", name=name),
                    _("引用了文件中不存在的党小组"),
                )
            )
    for j, record in enumerate(item.get("discipline", [])):
        start = parse_date(
            record.get("start_on"), f"{base}.discipline[{j}].start_on", _("处分开始日期"), problems
        )
        end = parse_date(
            record.get("end_on"), f"{base}.discipline[{j}].end_on", _("处分结束日期"), problems
        )
        if start and end and end < start:
            problems.append(
                Problem(f"{base}.discipline[{j}].end_on", _("处分结束日期"), _("不能早于开始日期"))
            )
    return problems


def validate_roster(doc: Record, ctx: ImportContext) -> list[Problem]:
    problems: list[Problem] = []
    branch = doc["branch"]
    for key, label in (("name", _("支部名称")), ("village", _("村名"))):
        if not str(branch.get(key, "")).strip():
            problems.append(Problem(f"branch.{key}", label, _("不能为空")))
    for index, group in enumerate(doc["groups"]):
        if not str(group["name"]).strip():
            problems.append(Problem(f"groups[{index}].name", _("党小组名称"), _("不能为空")))
        leader = group.get("leader_id")
        if leader and parse_uuid(leader) not in ctx.person_ids:
            message = _("引用了文件中不存在的人员")
            problems.append(Problem(f"groups[{index}].leader_id", _("党小组组长"), message))
    seen_ids: dict[str, int] = {}
    for index, item in enumerate(doc["people"]):
        problems += _validate_person(index, item, ctx, seen_ids)
    return problems


def load_roster(session: Session, doc: Record, ctx: ImportContext) -> None:
    load_records(session, "branch", [doc["branch"]], ctx)
    load_records(session, "groups", doc["groups"], ctx)
    load_records(session, "people", doc["people"], ctx)
    load_records(session, "recorders", doc.get("recorders", []), ctx)  # optional (schema 0010 on)


def load_records(session: Session, key: str, items: list[Record], ctx: ImportContext) -> None:
    """Load the records of one root key (``branch``, ``groups``, ``people`` or ``recorders``)."""
    if key == "branch":
        for b in items:
            session.add(
                Branch(
                    id=ctx.branch_id,
                    name=b["name"].strip(),
                    village=b["village"].strip(),
                    township=b.get("township", ""),
                    county=b.get("county", ""),
                    has_committee=bool(b.get("has_committee", False)),
                    secretary_is_director=bool(b.get("secretary_is_director", False)),
                )
            )
    elif key == "groups":
        for g in items:
            session.add(
                PartyGroup(
                    id=parse_uuid(g["id"]),
                    branch_id=ctx.branch_id,
                    name=g["name"].strip(),
                    sort_order=int(g.get("sort_order", 0)),
                    leader_id=parse_uuid(g["leader_id"]) if g.get("leader_id") else None,
                )
            )
    elif key == "people":
        for item in items:
            _load_person(session, item, ctx)
    elif key == "recorders":
        for order, item in enumerate(items):
            session.add(
                Recorder(
                    id=parse_uuid(item["id"]),
                    branch_id=ctx.branch_id,
                    name=item["name"].strip(),
                    sort_order=order,
                    retired=bool(item.get("retired", False)),
                )
            )
    session.flush()


def _load_person(session: Session, item: Record, ctx: ImportContext) -> None:
    data = PersonInput(
        name=str(item.get("name", "")),
        gender=str(item.get("gender", "")),
        ethnicity=str(item.get("ethnicity", "汉族")),  # i18n: stored
        birth_date=dt.date.fromisoformat(item["birth_date"]) if item.get("birth_date") else None,
        education=str(item.get("education", "")),
        phone=str(item.get("phone", "")),
        id_number=str(item.get("id_number") or ""),
        committee_role=str(item.get("committee_role", "")),
        note=str(item.get("note", "")),
    )
    cleaned, _ = clean_person(data, ctx.today)
    person_id = parse_uuid(item["id"])
    history = item["status_history"]
    groups = item.get("group_history", [])
    person = Person(
        id=person_id,
        branch_id=ctx.branch_id,
        name=cleaned.name,
        gender=cleaned.gender,
        ethnicity=cleaned.ethnicity,
        birth_date=cleaned.birth_date,
        education=cleaned.education,
        phone=cleaned.phone,
        id_number=cleaned.id_number or None,
        committee_role=cleaned.committee_role,
        note=cleaned.note,
        status=PartyStatus(history[-1]["status"]),
        group_id=parse_uuid(groups[-1]["group_id"])
        if groups and groups[-1].get("group_id")
        else None,
    )
    session.add(person)
    session.flush()
    for change in history:
        row = StatusChange(
            person_id=person_id,
            status=PartyStatus(change["status"]),
            effective_on=dt.date.fromisoformat(change["effective_on"]),
            reason=ChangeReason(change.get("reason", "import")),
            note=change.get("note", ""),
        )
        if change.get("id"):
            row.id = parse_uuid(change["id"])
        session.add(row)
    for assignment in groups:
        row_a = GroupAssignment(
            person_id=person_id,
            group_id=parse_uuid(assignment["group_id"]) if assignment.get("group_id") else None,
            effective_on=dt.date.fromisoformat(assignment["effective_on"]),
        )
        if assignment.get("id"):
            row_a.id = parse_uuid(assignment["id"])
        session.add(row_a)
    for record in item.get("discipline", []):
        row_d = Discipline(
            person_id=person_id,
            kind=record.get("kind", "留党察看"),  # i18n: stored
            start_on=dt.date.fromisoformat(record["start_on"]),
            end_on=dt.date.fromisoformat(record["end_on"]) if record.get("end_on") else None,
            note=record.get("note", ""),
        )
        if record.get("id"):
            row_d.id = parse_uuid(record["id"])
        session.add(row_d)


def roster_ids(document: Record) -> Iterator[RecordId]:
    """Every record the root section adds (the framework checks them for duplicates)."""
    yield RecordId("branch.id", Branch, document["branch"]["id"])
    for i, group in enumerate(document["groups"]):
        yield RecordId(f"groups[{i}].id", PartyGroup, group["id"])
    for i, person in enumerate(document["people"]):
        base = f"people[{i}]"
        yield RecordId(f"{base}.id", Person, person["id"])
        for key, table in (
            ("status_history", StatusChange),
            ("group_history", GroupAssignment),
            ("discipline", Discipline),
        ):
            for j, row in enumerate(person.get(key, [])):
                yield RecordId(f"{base}.{key}[{j}].id", table, row.get("id"))


def validate_against_folder(session: Session, document: Record) -> list[Problem]:
    """What the folder already holds that the file would clash with: ID numbers (ids of
    records are checked by the framework)."""
    problems = []
    existing_ids = {
        p.id_number: p.name
        for p in session.exec(select(Person).where(col(Person.id_number).is_not(None)))
        if p.id_number
    }
    for index, item in enumerate(document["people"]):
        number = normalize_id_number(str(item.get("id_number") or ""))
        if number and number in existing_ids:
            problems.append(
                Problem(
                    f"people[{index}].id_number",
                    _("身份证号"),
                    _("与本机花名册中的“{name}”重复", name=existing_ids[number]),
                )
            )
    return problems


class RosterRoot:
    """The root section: ``branch``, ``groups`` and ``people`` at the document's top level."""

    keys: tuple[str, ...] = ("branch", "groups", "people", "recorders")

    def export(self, session: Session, branch: Branch) -> Record:
        return export_roster(session, branch)

    def context(self, document: Record, today: dt.date) -> ImportContext:
        return ImportContext(
            document=document,
            branch_id=parse_uuid(document["branch"]["id"]),
            today=today,
            person_ids={parse_uuid(p["id"]) for p in document["people"]},
            group_ids={parse_uuid(g["id"]) for g in document["groups"]},
        )

    def record_ids(self, document: Record) -> Iterator[RecordId]:
        return roster_ids(document)

    def validate(self, session: Session, document: Record, ctx: ImportContext) -> list[Problem]:
        return validate_against_folder(session, document) + validate_roster(document, ctx)

    def load(self, session: Session, document: Record, ctx: ImportContext) -> None:
        load_roster(session, document, ctx)

    def validate_records(self, document: Record, ctx: ImportContext) -> list[Problem]:
        """The records' own rules, without comparing with the folder (a township merges)."""
        return validate_roster(document, ctx)

    def load_records(
        self, session: Session, key: str, items: list[Record], ctx: ImportContext
    ) -> None:
        load_records(session, key, items, ctx)


ROOT = RosterRoot()
