"""The rule set: every threshold a county or province may change, with a version.

DOMAIN.md marks several numbers as local defaults.  They live here as data, keyed by
rule code, so that ``villagebook check`` can say which rule set (and version) it used,
and a county can ship a ``rules.json`` that overrides some values.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

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


def load_ruleset(path: Path | None) -> RuleSet:
    """Load a county rule file ``{"name":..., "version":..., "params": {...}}`` or defaults."""
    if path is None or not path.exists():
        return RuleSet()
    data = json.loads(path.read_text(encoding="utf-8"))
    params = data.get("params", {})
    base = RuleSet(name=str(data.get("name", DEFAULT_NAME)))
    return base.replace(params, version=str(data.get("version", DEFAULT_VERSION)))
