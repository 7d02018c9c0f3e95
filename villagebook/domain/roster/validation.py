"""Validation of a person's fields (花名册), independent of storage."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from villagebook.domain.common.errors import Problem
from villagebook.domain.common.text import clean_text
from villagebook.domain.roster.idnumber import (
    birth_date_from_id,
    id_number_problem,
    normalize_id_number,
    normalize_phone,
    phone_problem,
)

GENDERS = ("男", "女")
EDUCATION_LEVELS = (
    "小学",
    "初中",
    "高中",
    "中专",
    "大专",
    "本科",
    "研究生",
)
NAME_MAX = 30

FIELD_LABELS = {
    "name": "姓名",
    "gender": "性别",
    "ethnicity": "民族",
    "birth_date": "出生日期",
    "education": "文化程度",
    "phone": "联系电话",
    "id_number": "身份证号",
    "group_id": "党小组",
    "committee_role": "支委职务",
    "note": "备注",
    "status": "党员状态",
    "effective_on": "生效日期",
}


@dataclass
class PersonInput:
    """What the add/edit dialog and the importer hand to the roster service."""

    name: str
    gender: str = ""
    ethnicity: str = "汉族"
    birth_date: dt.date | None = None
    education: str = ""
    phone: str = ""
    id_number: str = ""
    committee_role: str = ""
    note: str = ""


def _problem(field: str, message: str) -> Problem:
    return Problem(field, FIELD_LABELS[field], message)


def clean_person(data: PersonInput, today: dt.date) -> tuple[PersonInput, list[Problem]]:
    """Normalise the fields and list every problem (all of them, not just the first)."""
    problems: list[Problem] = []
    name = clean_text(data.name).strip() if data.name else ""
    if not name:
        problems.append(_problem("name", "不能为空（不能只有空格）"))
    elif len(name) > NAME_MAX:
        problems.append(_problem("name", f"不能超过{NAME_MAX}个字"))
    gender = clean_text(data.gender).strip()
    if gender and gender not in GENDERS:
        problems.append(_problem("gender", "只能是“男”或“女”"))
    ethnicity = clean_text(data.ethnicity).strip() or "汉族"
    if len(ethnicity) > 20:
        problems.append(_problem("ethnicity", "不能超过20个字"))
    if data.birth_date is not None and data.birth_date > today:
        problems.append(_problem("birth_date", f"不能晚于今天（{today.isoformat()}）"))
    if data.birth_date is not None and data.birth_date.year < 1900:
        problems.append(_problem("birth_date", "不能早于1900年"))
    id_number = normalize_id_number(data.id_number) if data.id_number else ""
    birth = data.birth_date
    if id_number:
        message = id_number_problem(id_number)
        if message:
            problems.append(_problem("id_number", message))
        else:
            from_id = birth_date_from_id(id_number)
            if birth is None:
                birth = from_id
            elif birth != from_id:
                problems.append(
                    _problem("birth_date", f"与身份证号中的出生日期（{from_id.isoformat()}）不一致")
                )
            if from_id > today:
                problems.append(_problem("id_number", "号码中的出生日期晚于今天"))
    phone = normalize_phone(data.phone) if data.phone else ""
    if phone:
        message = phone_problem(phone)
        if message:
            problems.append(_problem("phone", message))
    education = clean_text(data.education).strip()
    if len(education) > 30:
        problems.append(_problem("education", "不能超过30个字"))
    note = data.note.strip()
    if len(note) > 500:
        problems.append(_problem("note", "不能超过500个字"))
    cleaned = replace(
        data,
        name=name,
        gender=gender,
        ethnicity=ethnicity,
        birth_date=birth,
        education=education,
        phone=phone,
        id_number=id_number,
        committee_role=clean_text(data.committee_role).strip(),
        note=note,
    )
    return cleaned, problems
