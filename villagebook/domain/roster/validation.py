"""Validation of a person's fields (花名册), independent of storage."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from villagebook.domain.common.errors import Problem
from villagebook.domain.common.i18n import N_, _, label
from villagebook.domain.common.text import as_typed
from villagebook.domain.roster.idnumber import (
    birth_date_from_id,
    id_number_problem,
    normalize_id_number,
    normalize_phone,
    phone_problem,
)

GENDERS = ("男", "女")  # i18n: stored
EDUCATION_LEVELS = (
    "小学",  # i18n: stored
    "初中",  # i18n: stored
    "高中",  # i18n: stored
    "中专",  # i18n: stored
    "大专",  # i18n: stored
    "本科",  # i18n: stored
    "研究生",  # i18n: stored
)
NAME_MAX = 30

FIELD_LABELS = {
    "name": N_("姓名"),
    "gender": N_("性别"),
    "ethnicity": N_("民族"),
    "birth_date": N_("出生日期"),
    "education": N_("文化程度"),
    "phone": N_("联系电话"),
    "id_number": N_("身份证号"),
    "group_id": N_("党小组"),
    "committee_role": N_("支委职务"),
    "note": N_("备注"),
    "status": N_("党员状态"),
    "effective_on": N_("生效日期"),
}


@dataclass
class PersonInput:
    """What the add/edit dialog and the importer hand to the roster service."""

    name: str
    gender: str = ""
    ethnicity: str = "汉族"  # i18n: stored
    birth_date: dt.date | None = None
    education: str = ""
    phone: str = ""
    id_number: str = ""
    committee_role: str = ""
    note: str = ""


def _problem(field: str, message: str) -> Problem:
    return Problem(field, label(FIELD_LABELS[field]), message)


def clean_person(data: PersonInput, today: dt.date) -> tuple[PersonInput, list[Problem]]:
    """Normalise the fields and list every problem (all of them, not just the first)."""
    problems: list[Problem] = []
    name = as_typed(data.name)
    if not name:
        problems.append(_problem("name", _("不能为空（不能只有空格）")))
    elif len(name) > NAME_MAX:
        problems.append(_problem("name", _("不能超过{count}个字", count=NAME_MAX)))
    gender = as_typed(data.gender)
    if gender and gender not in GENDERS:
        problems.append(_problem("gender", _("只能是“男”或“女”")))
    ethnicity = as_typed(data.ethnicity) or "汉族"  # i18n: stored
    if len(ethnicity) > 20:
        problems.append(_problem("ethnicity", _("不能超过{count}个字", count=20)))
    if data.birth_date is not None and data.birth_date > today:
        problems.append(_problem("birth_date", _("不能晚于今天（{day}）", day=today.isoformat())))
    if data.birth_date is not None and data.birth_date.year < 1900:
        problems.append(_problem("birth_date", _("不能早于1900年")))
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
                    _problem(
                        "birth_date",
                        _("与身份证号中的出生日期（{day}）不一致", day=from_id.isoformat()),
                    )
                )
            if from_id > today:
                problems.append(_problem("id_number", _("号码中的出生日期晚于今天")))
    phone = normalize_phone(data.phone) if data.phone else ""
    if phone:
        message = phone_problem(phone)
        if message:
            problems.append(_problem("phone", message))
    education = as_typed(data.education)
    if len(education) > 30:
        problems.append(_problem("education", _("不能超过{count}个字", count=30)))
    note = as_typed(data.note)
    if len(note) > 500:
        problems.append(_problem("note", _("不能超过{count}个字", count=500)))
    cleaned = replace(
        data,
        name=name,
        gender=gender,
        ethnicity=ethnicity,
        birth_date=birth,
        education=education,
        phone=phone,
        id_number=id_number,
        committee_role=as_typed(data.committee_role),
        note=note,
    )
    return cleaned, problems
