"""Development figures (pure): each case's milestones, the funnel of a year, the mix of
those admitted (age, gender, education) as the yearly statistics report them.

The milestones are the steps a development roster (台账) records a date for: the
application (step 1), the activist (3), the development target (7), the admission meeting
that makes a probationary member (15) and the conversion meeting (23).
"""  # i18n: data (the labels are printed on official forms)

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from villagebook.domain.common.calendar import age_on

#: Milestone → step number.
MILESTONE_STEPS = {"applied": 1, "activist": 3, "target": 7, "admitted": 15, "converted": 23}
#: The funnel's stages as printed, in order.
FUNNEL = (
    ("applied", "入党申请人"),
    ("activist", "入党积极分子"),
    ("target", "发展对象"),
    ("admitted", "预备党员"),
    ("converted", "正式党员"),
)
AGE_BANDS = ((35, "35岁及以下"), (45, "36至45岁"), (55, "46至55岁"), (200, "56岁及以上"))
EDUCATION_BANDS = (
    ("大专及以上", ("大专", "专科", "本科", "大学", "研究生", "硕士", "博士")),
    ("高中、中专", ("高中", "中专", "职高", "技校", "中技")),
    ("初中及以下", ("初中", "小学", "文盲", "识字")),
)


@dataclass(frozen=True)
class Milestones:
    """One development case as the roster (台账) and the statistics read it."""

    case_id: str
    person_id: str
    name: str
    gender: str
    birth_date: dt.date | None
    education: str
    is_open: bool
    dates: dict[str, dt.date]
    contacts: tuple[str, ...] = ()
    introducers: tuple[str, ...] = ()

    def on(self, milestone: str) -> dt.date | None:
        return self.dates.get(milestone)


def funnel(cases: Iterable[Milestones], start: dt.date, end: dt.date) -> list[tuple[str, int]]:
    """How many cases reached each stage within ``[start, end]``."""
    counts = Counter(
        key
        for case in cases
        for key, _label in FUNNEL
        if (day := case.on(key)) is not None and start <= day <= end
    )
    return [(label, counts[key]) for key, label in FUNNEL]


def age_band(age: int | None) -> str:
    if age is None:
        return "未填写"
    return next(text for limit, text in AGE_BANDS if age <= limit)


def education_band(education: str) -> str:
    text = education.strip()
    if not text:
        return "未填写"
    for band, words in EDUCATION_BANDS:
        if any(word in text for word in words):
            return band
    return "其他"


@dataclass(frozen=True)
class Mix:
    """The make-up of a group of people by age band, gender and education band."""

    total: int
    ages: list[tuple[str, int]]
    genders: list[tuple[str, int]]
    educations: list[tuple[str, int]]


def _ordered(counts: Counter[str], order: Sequence[str]) -> list[tuple[str, int]]:
    known = [(k, counts[k]) for k in order if counts[k]]
    return known + [(k, v) for k, v in sorted(counts.items()) if k not in order]


def mix(cases: Iterable[Milestones], milestone: str, start: dt.date, end: dt.date) -> Mix:
    """The people whose ``milestone`` falls within ``[start, end]`` (age on that day)."""
    chosen = [
        (case, day)
        for case in cases
        if (day := case.on(milestone)) is not None and start <= day <= end
    ]
    ages: Counter[str] = Counter()
    genders: Counter[str] = Counter()
    educations: Counter[str] = Counter()
    for case, day in chosen:
        ages[age_band(age_on(case.birth_date, day) if case.birth_date else None)] += 1
        genders[case.gender or "未填写"] += 1
        educations[education_band(case.education)] += 1
    return Mix(
        total=len(chosen),
        ages=_ordered(ages, [text for _limit, text in AGE_BANDS] + ["未填写"]),
        genders=_ordered(genders, ["男", "女", "未填写"]),
        educations=_ordered(educations, [b for b, _w in EDUCATION_BANDS] + ["其他", "未填写"]),
    )
