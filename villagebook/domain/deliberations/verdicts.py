"""The verdict of a meeting step: quorum and vote rules over its counts (DOMAIN.md §5).

Party members vote by those expected (DLB-MEMBER-QUORUM), villagers by those present
(DLB-VILLAGER-VOTE); a 村民会议 is quorate by adults or by households, a representatives'
meeting by 2/3 of its members.  The fractions come from the rule set.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from villagebook.domain.common import i18n
from villagebook.domain.common.errors import Problem
from villagebook.domain.common.i18n import N_, _
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.deliberations.values import Basis, Counts, DeliberationVerdict
from villagebook.domain.deliberations.workflow import DeliberationStepDef

Value = int | str


@dataclass(frozen=True)
class Assessment:
    """A verdict with the rule code and the reason.

    The reason is kept as a core message (marked with ``N_``) and its values, so it can be
    shown in the interface language (:attr:`reason`) and stored in Chinese
    (:attr:`chinese_reason`, what a rejected round's status reason says).
    """

    verdict: DeliberationVerdict
    code: str | None = None
    message: str = ""
    values: tuple[tuple[str, Value], ...] = ()

    @property
    def reason(self) -> str:
        """Why, in the interface language."""
        return self._format(i18n.label)

    @property
    def chinese_reason(self) -> str:
        """Why, in Chinese."""
        return self._format(lambda text: text)

    def _format(self, translate: Callable[[str], str]) -> str:
        if not self.message:
            return ""
        values = {k: translate(v) if isinstance(v, str) else v for k, v in self.values}
        return translate(self.message).format(**values)


def _fraction(value: float) -> Fraction:
    return Fraction(value).limit_denominator(1000)


def _share(fraction: Fraction) -> str:
    """How a fraction is said: 半数, or 2/3 (a message, translated where shown)."""
    if fraction == Fraction(1, 2):
        return N_("半数")
    return f"{fraction.numerator}/{fraction.denominator}"


def _no_quorum(code: str, message: str, counts: Counts, need: Fraction) -> Assessment:
    values: tuple[tuple[str, Value], ...] = (
        ("expected", counts.expected or 0),
        ("present", counts.present or 0),
        ("need", _share(need)),
    )
    return Assessment(DeliberationVerdict.NO_QUORUM, code, message, values)


#: basis → (rule code, parameter, the quorum fails when present is below/at need × expected,
#: message).
_QUORUM: dict[Basis, tuple[str, str, bool, str]] = {
    Basis.VOTING_MEMBERS: (
        "DLB-MEMBER-QUORUM",
        "DLB-MEMBER-QUORUM.present_fraction",
        False,
        N_("有表决权的党员应到{expected}名、实到{present}名，不足{need}"),
    ),
    Basis.ADULT_VILLAGERS: (
        "DLB-ASSEMBLY-QUORUM",
        "DLB-ASSEMBLY-QUORUM.adult_fraction",
        True,
        N_("本村18周岁以上村民{expected}人、到会{present}人，未超过{need}"),
    ),
    Basis.HOUSEHOLDS: (
        "DLB-ASSEMBLY-QUORUM",
        "DLB-ASSEMBLY-QUORUM.household_fraction",
        False,
        N_("本村共{expected}户、到会户代表{present}人，不足{need}"),
    ),
    Basis.REPRESENTATIVES: (
        "DLB-REPS-QUORUM",
        "DLB-REPS-QUORUM.present_fraction",
        False,
        N_("村民代表{expected}名、到会{present}名，不足{need}"),
    ),
}


def quorum(counts: Counts, rules: RuleSet) -> Assessment | None:
    """None when the quorum is met; otherwise the rule it fails."""
    rule = _QUORUM.get(counts.basis)
    if rule is None:
        return None
    code, parameter, more_than, message = rule
    need = _fraction(rules.as_float(parameter))
    expected, present = counts.expected or 0, counts.present or 0
    failed = present <= need * expected if more_than else present < need * expected
    return _no_quorum(code, message, counts, need) if failed else None


def vote(counts: Counts, rules: RuleSet) -> Assessment:
    """The vote rule of the step: Party members by expected, villagers by those present."""
    yes = counts.yes or 0
    if counts.basis is Basis.VOTING_MEMBERS:
        expected = counts.expected or 0
        if 2 * yes > expected:
            return Assessment(DeliberationVerdict.PASSED)
        return Assessment(
            DeliberationVerdict.REJECTED,
            "DLB-MEMBER-QUORUM",
            N_("赞成{yes}票，未超过应到有表决权党员{expected}名的半数"),
            (("yes", yes), ("expected", expected)),
        )
    present = counts.present or 0
    need = _fraction(rules.as_float("DLB-VILLAGER-VOTE.yes_fraction"))
    if yes > need * present:
        return Assessment(DeliberationVerdict.PASSED)
    return Assessment(
        DeliberationVerdict.REJECTED,
        "DLB-VILLAGER-VOTE",
        N_("赞成{yes}票，未超过到会{present}人的{need}"),
        (("yes", yes), ("present", present), ("need", _share(need))),
    )


def assess(step: DeliberationStepDef, counts: Counts | None, rules: RuleSet) -> Assessment:
    """The verdict of a recorded step under ``rules``."""
    if not step.votes or counts is None:
        return Assessment(DeliberationVerdict.RECORDED)
    failed = quorum(counts, rules)
    return failed or vote(counts, rules)


def count_problems(counts: Counts) -> list[Problem]:
    """Counts that cannot be true (checked before saving, and reported for imported ones)."""
    found: list[Problem] = []
    numbers = {
        "expected": (_("应到人数"), counts.expected),
        "present": (_("实到人数"), counts.present),
        "yes": (_("赞成票"), counts.yes),
        "no": (_("反对票"), counts.no),
        "abstain": (_("弃权票"), counts.abstain),
    }
    for field, (label, value) in numbers.items():
        if value is not None and value < 0:
            found.append(Problem(field, label, _("不能为负数")))
    if (
        counts.expected is not None
        and counts.present is not None
        and counts.present > counts.expected
    ):
        message = _(
            "实到{present}人多于应到{expected}人（{basis}）",
            present=counts.present,
            expected=counts.expected,
            basis=counts.basis.label,
        )
        found.append(Problem("present", _("实到人数"), message))
    votes = sum(v or 0 for v in (counts.yes, counts.no, counts.abstain))
    if counts.present is not None and votes > counts.present:
        message = _(
            "赞成、反对、弃权共{votes}票，多于实到{present}人", votes=votes, present=counts.present
        )
        found.append(Problem("yes", _("表决票数"), message))
    return found
