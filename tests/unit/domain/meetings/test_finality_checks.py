"""MTG-TAMPERED and MTG-FINAL-UNVERIFIED on plain facts."""

from __future__ import annotations

import datetime as dt

from villagebook.domain.meetings.checks import SealFact, finality_findings
from villagebook.domain.meetings.values import MeetingKind

TODAY = dt.date(2026, 11, 22)


def _fact(**changes: object) -> SealFact:
    values: dict[str, object] = {
        "id": "m1",
        "kind": MeetingKind.GENERAL,
        "held_on": dt.date(2026, 3, 1),
        "finalised_on": dt.date(2026, 3, 2),
        "seal_intact": True,
    }
    values.update(changes)
    return SealFact(**values)  # type: ignore[arg-type]


def _codes(*facts: SealFact) -> list[str]:
    return [f.code for f in finality_findings("b", facts, TODAY)]


def test_mtg_tampered_passes_for_an_intact_record() -> None:
    assert _codes(_fact()) == []


def test_mtg_tampered_fails_for_a_broken_seal() -> None:
    assert _codes(_fact(seal_intact=False)) == ["MTG-TAMPERED"]


def test_mtg_tampered_fails_for_a_finalisation_in_the_future() -> None:
    assert _codes(_fact(finalised_on=TODAY + dt.timedelta(days=1))) == ["MTG-TAMPERED"]
    assert _codes(_fact(finalised_on=TODAY)) == []


def test_mtg_final_unverified_flags_an_unsealed_import_only() -> None:
    assert _codes(_fact(unverified=True)) == ["MTG-FINAL-UNVERIFIED"]
    assert _codes(_fact(unverified=False)) == []
