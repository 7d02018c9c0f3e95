"""MTG-ABSENT-6M on the demo branch: the member who stopped coming is flagged, the one away
for work who asked for leave each time is not; the finding follows the branch's records."""

from __future__ import annotations

import datetime as dt

from tests.conftest import TODAY
from villagebook.domain.common.findings import Severity
from villagebook.domain.meetings.values import Presence
from villagebook.services.book import Book
from villagebook.services.meetings import queries


def _absent(book: Book, as_of: dt.date = TODAY) -> list[object]:
    return [f for f in book.checks.run(as_of=as_of) if f.code == "MTG-ABSENT-6M"]


def test_mtg_absent_6m_flags_the_demo_member_who_stopped_coming(demo_book: Book) -> None:
    [finding] = _absent(demo_book)
    assert finding.severity is Severity.ERROR  # type: ignore[attr-defined]
    branch = demo_book.roster.require_branch(None)
    with demo_book.reading() as session:
        lines = queries.attendance_lines(session, branch.id, finding.due, TODAY)  # type: ignore[attr-defined]
    mine = [x for x in lines if x.person_id == finding.subject_id and x.expected]  # type: ignore[attr-defined]
    assert mine and all(x.presence is Presence.ABSENT for x in mine)


def test_mtg_absent_6m_passes_the_member_on_leave_with_a_reason(demo_book: Book) -> None:
    branch = demo_book.roster.require_branch(None)
    with demo_book.reading() as session:
        lines = queries.attendance_lines(session, branch.id, dt.date(2026, 6, 1), TODAY)
    mine: dict[str | None, list[object]] = {}
    for line in lines:
        if line.expected:
            mine.setdefault(line.person_id, []).append(line)
    away = {
        person
        for person, rows in mine.items()
        if all(r.presence is Presence.LEAVE and r.reason for r in rows)  # type: ignore[attr-defined]
    }
    assert len(away) == 1
    assert all(f.subject_id not in away for f in _absent(demo_book))  # type: ignore[attr-defined]


def test_mtg_absent_6m_is_not_yet_reported_before_six_months(demo_book: Book) -> None:
    [finding] = _absent(demo_book)
    before = finding.due - dt.timedelta(days=40)  # type: ignore[attr-defined]
    assert _absent(demo_book, before) == []
