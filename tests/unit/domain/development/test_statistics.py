"""The development funnel of a year and the mix of those admitted."""

from __future__ import annotations

import datetime as dt

from villagebook.domain.development.statistics import (
    Milestones,
    age_band,
    education_band,
    funnel,
    mix,
)


def _case(name: str, gender: str, birth: int, education: str, **dates: dt.date) -> Milestones:
    return Milestones(
        "c" + name, "p" + name, name, gender, dt.date(birth, 6, 1), education, True, dates
    )


CASES = [
    _case("甲", "男", 1995, "本科", applied=dt.date(2026, 1, 5), activist=dt.date(2026, 4, 1)),
    _case("乙", "女", 1980, "高中", applied=dt.date(2024, 3, 1), admitted=dt.date(2026, 9, 1)),
    _case("丙", "女", 1960, "", admitted=dt.date(2025, 9, 1), converted=dt.date(2026, 9, 2)),
]


def test_the_funnel_counts_the_milestones_of_the_year() -> None:
    stages = funnel(CASES, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert [n for _label, n in stages] == [1, 1, 0, 1, 1]
    assert stages[0][0] == "入党申请人" and stages[-1][0] == "正式党员"


def test_the_mix_of_those_admitted() -> None:
    admitted = mix(CASES, "admitted", dt.date(2025, 1, 1), dt.date(2026, 12, 31))
    assert admitted.total == 2
    assert dict(admitted.genders) == {"女": 2}
    assert dict(admitted.ages) == {"46至55岁": 1, "56岁及以上": 1}
    assert dict(admitted.educations) == {"高中、中专": 1, "未填写": 1}


def test_bands() -> None:
    assert (
        age_band(35) == "35岁及以下" and age_band(36) == "36至45岁" and age_band(None) == "未填写"
    )
    assert education_band("大学本科") == "大专及以上" and education_band("小学") == "初中及以下"
    assert education_band("私塾") == "其他"
