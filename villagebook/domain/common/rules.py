"""The rule set: every threshold a county or province may change, with a version.

DOMAIN.md marks several numbers as local defaults.  They live here as data, keyed by
rule code, so that ``villagebook check`` can say which rule set (and version) it used,
and a county can ship a ``rules.json`` that overrides some values.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import cast

from villagebook.domain.common.errors import InputError, Problem
from villagebook.domain.common.i18n import _

Number = int | float

#: DOMAIN.md defaults.  Keys are ``RULE-CODE.parameter``.
DEFAULT_PARAMS: Mapping[str, Number] = MappingProxyType(
    {
        # §2 organisation
        "ORG-MIN-MEMBERS.full_members": 3,
        "ORG-COMMITTEE.full_members": 7,
        # §3 organisational life
        "MTG-GENERAL-Q.per_quarter": 1,
        "MTG-COMMITTEE-M.per_month": 1,
        "MTG-GROUP-M.per_month": 1,
        "MTG-LESSON-Q.per_quarter": 1,
        "MTG-LESSON-Q.secretary_per_year": 1,
        "MTG-THEMEDAY-M.per_month": 1,
        "MTG-ORGLIFE-Y.per_year": 1,
        "MTG-APPRAISAL-Y.per_year": 1,
        "MTG-TALKS-Y.per_year": 1,
        "MTG-QUORUM.present_fraction": 0.5,
        "MTG-RECORD-3WD.working_days": 3,
        "MTG-ABSENT-6M.months": 6,
        "MTG-PLAN.day_of_quarter": 5,
        "ELECTION.present_fraction": 0.8,
        # §4 development
        "DEV-AGE-18.min_age": 18,
        "DEV-TALK-1M.months": 1,
        "DEV-CONTACTS.min": 1,
        "DEV-CONTACTS.max": 2,
        "DEV-ASSESS-6M.months": 6,
        "DEV-ACTIVIST-1Y.years": 1,
        "DEV-INTRODUCERS.count": 2,
        "DEV-TRAINING.min_days": 3,
        "DEV-TRAINING.min_hours": 24,
        "DEV-PUBLICITY.working_days": 5,
        "DEV-APPROVAL-3M.months": 3,
        "DEV-APPROVAL-3M.max_months": 6,
        "DEV-PROBATION-1Y.years": 1,
        "DEV-EXTENSION.min_months": 6,
        "DEV-EXTENSION.max_months": 12,
        "DEV-EXTENSION.max_count": 1,
        "DEV-CONVERT-APPROVAL-3M.months": 3,
        "DEV-THOUGHT-REPORT.months": 3,
        "DEV-DUE-SOON.days": 30,
        # §5 四议两公开
        "DLB-MEMBER-QUORUM.present_fraction": 0.5,
        "DLB-ASSEMBLY-QUORUM.adult_fraction": 0.5,
        "DLB-ASSEMBLY-QUORUM.household_fraction": 2 / 3,
        "DLB-REPS-QUORUM.present_fraction": 2 / 3,
        "DLB-VILLAGER-VOTE.yes_fraction": 0.5,
        "DLB-NOTICE-10D.days": 10,
        "DLB-PUBLICITY.days": 7,
    }
)

DEFAULT_VERSION = "domain-2026.1"
DEFAULT_NAME = "DOMAIN.md 默认规则"  # i18n: stored (a rule set's name is data)


@dataclass(frozen=True)
class RuleSet:
    """A named, versioned set of thresholds."""

    name: str = DEFAULT_NAME
    version: str = DEFAULT_VERSION
    overrides: Mapping[str, Number] = field(default_factory=dict)

    def __getitem__(self, key: str) -> Number:
        if key in self.overrides:
            return self.overrides[key]
        return DEFAULT_PARAMS[key]

    def as_int(self, key: str) -> int:
        return int(self[key])

    def as_float(self, key: str) -> float:
        return float(self[key])

    def replace(self, values: Mapping[str, Number], version: str | None = None) -> RuleSet:
        unknown = sorted(set(values) - set(DEFAULT_PARAMS))
        if unknown:
            raise KeyError(f"unknown rule parameters: {', '.join(unknown)}")
        merged = {**self.overrides, **values}
        return RuleSet(self.name, version or self.version, MappingProxyType(merged))


#: The keys a rule file may have (a misspelt key is refused rather than ignored).
FILE_KEYS = frozenset({"name", "version", "params", "description"})
#: No threshold is anywhere near this (days, months, counts, fractions).
PARAM_MAX = 100_000


def load_ruleset(path: Path | None, *, required: bool = False) -> RuleSet:
    """Load a county rule file ``{"name":..., "version":..., "params": {...}}``.

    Without a file the defaults apply (unless ``required``: ``check --rules FILE``).  A file
    that cannot be read, is not JSON, has a key or parameter this program does not know,
    or a value that is not a plain number, is refused with an :class:`InputError` naming
    the file and the key (a county's rule must never be silently ignored).
    """
    if path is None or (not required and not path.exists()):
        return RuleSet()
    data = _read_rule_file(path)
    problems = _rule_file_problems(data)
    if problems:
        raise InputError([Problem("rules", _rule_label(path), problems[0])])
    params = cast("dict[str, Number]", data.get("params", {}))
    base = RuleSet(name=str(data.get("name", DEFAULT_NAME)))
    return base.replace(params, version=str(data.get("version", DEFAULT_VERSION)))


def _rule_label(path: Path) -> str:
    return _("规则文件 {name}", name=path.name)


def _read_rule_file(path: Path) -> dict[str, object]:
    def refuse(message: str) -> InputError:
        return InputError.single("rules", _rule_label(path), message)

    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError as exc:
        raise refuse(_("找不到文件 {path}", path=path)) from exc
    except IsADirectoryError as exc:
        raise refuse(_("“{path}”是一个文件夹", path=path)) from exc
    except OSError as exc:
        raise refuse(_("无法读取：{reason}", reason=exc.strerror or exc)) from exc
    except UnicodeDecodeError as exc:
        raise refuse(_("不是UTF-8编码的文本文件")) from exc
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        line = getattr(exc, "lineno", None)
        where = _("（第{line}行）", line=line) if line else ""
        raise refuse(_("不是有效的JSON{where}", where=where)) from exc
    if not isinstance(data, dict):
        raise refuse(_("应为一个JSON对象（含 name、version、params 三项）"))
    return data


def _rule_file_problems(data: dict[str, object]) -> list[str]:
    unknown = sorted(set(data) - FILE_KEYS)
    if unknown:
        return [_("不认识的项“{key}”（可用：name、version、params）", key=unknown[0][:40])]
    for key in ("name", "version"):
        if key in data and not isinstance(data[key], str):
            return [_("“{key}”应为文字", key=key)]
    params = data.get("params", {})
    if not isinstance(params, dict):
        return [_("“params”应为一个JSON对象（规则参数和数值）")]
    for key, value in params.items():
        if key not in DEFAULT_PARAMS:
            return [_("没有这个规则参数：“{key}”", key=str(key)[:60])]
        if isinstance(value, bool) or not isinstance(value, int | float):
            return [_("规则参数“{key}”应为数字", key=key)]
        if not math.isfinite(value) or not 0 <= value <= PARAM_MAX:
            return [_("规则参数“{key}”应在0到{max}之间", key=key, max=PARAM_MAX)]
    return []
