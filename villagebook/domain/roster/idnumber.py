"""Resident ID numbers (居民身份证号码) and phone numbers: clean, validate, mask."""

from __future__ import annotations

import datetime as dt
import re

from stdnum.cn import ric
from stdnum.exceptions import ValidationError

from villagebook.domain.common.i18n import _
from villagebook.domain.common.text import clean_code


def normalize_id_number(value: str) -> str:
    return clean_code(value).upper()


def id_number_problem(value: str) -> str | None:
    """Explain what is wrong with an ID number, or None if it is valid."""
    number = normalize_id_number(value)
    if len(number) != 18:
        return _("应为18位，实际为{count}位", count=len(number))
    if not re.fullmatch(r"\d{17}[\dX]", number):
        return _("只能包含数字，最后一位可为X")
    # Check digit and birth date only: stdnum's region table is keyed to dates and rejects
    # some real, long-issued numbers, so an unknown region code is not an error here.
    if ric.calc_check_digit(number) != number[-1]:
        return _("校验位不正确，请核对号码")
    try:
        ric.get_birth_date(number)
    except ValidationError:
        return _("号码中的出生日期无效")
    return None


def birth_date_from_id(value: str) -> dt.date:
    return ric.get_birth_date(normalize_id_number(value))


def mask_id_number(value: str | None) -> str:
    """Show the region and last four only: 110105********123X."""
    if not value:
        return ""
    if len(value) < 10:
        return "*" * len(value)
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


def normalize_phone(value: str) -> str:
    return clean_code(value).replace("-", "")


def phone_problem(value: str) -> str | None:
    number = normalize_phone(value)
    if not re.fullmatch(r"(1\d{10}|0\d{9,11}|\d{7,8})", number):
        return _("应为11位手机号或带区号的固定电话")
    return None


def mask_phone(value: str | None) -> str:
    if not value:
        return ""
    if len(value) < 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]
