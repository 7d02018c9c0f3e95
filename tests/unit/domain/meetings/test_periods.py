"""The period grid's columns."""

from __future__ import annotations

import uuid

from villagebook.domain.meetings.periods import period_columns
from villagebook.domain.meetings.values import MeetingKind


def test_period_columns_one_per_group_and_the_committee_only_if_there_is_one() -> None:
    group = uuid.uuid4()
    without = period_columns(False, [(group, "一组")])
    assert [c.kind for c in without][:2] == [MeetingKind.GENERAL, MeetingKind.GROUP]
    assert without[1].title == "一组" and without[1].group_id == group
    assert MeetingKind.COMMITTEE in [c.kind for c in period_columns(True, [])]
