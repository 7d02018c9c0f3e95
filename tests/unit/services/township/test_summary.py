"""The township view: one row per branch, figures equal to each branch's own check."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

from tests.conftest import TODAY
from tests.unit.services.township.helpers import make_branch, make_township, trust
from villagebook.domain.common.findings import Finding, Severity
from villagebook.domain.meetings.values import MeetingKind
from villagebook.services.book import Book
from villagebook.storage.db import Database

Opener = Callable[[str], Database]


def _own_figures(book: Book, as_of: dt.date) -> dict[str, int]:
    """What the branch's own ``check`` says, counted here independently."""
    found: list[Finding] = [
        f for f in book.checks.run(as_of=as_of) if f.severity is not Severity.INFO
    ]
    return {
        "findings_open": sum(1 for f in found if f.handled is None),
        "findings_handled": sum(1 for f in found if f.handled is not None),
        "errors_open": sum(1 for f in found if f.handled is None and f.severity is Severity.ERROR),
        "development_overdue": sum(
            1
            for f in found
            if f.code.startswith("DEV-")
            and f.severity is Severity.ERROR
            and f.due
            and f.due < as_of
        ),
    }


def test_one_row_per_branch_matching_each_branchs_own_check(
    demo_book: Book, open_any: Opener, tmp_path: Path
) -> None:
    township = make_township(open_any("township"))
    branches = [demo_book]
    small, _village, _meeting = make_branch(open_any("small"), tmp_path / "files")
    branches.append(small)
    for index, book in enumerate(branches):
        finding = next(f for f in book.checks.run() if f.severity is not Severity.INFO)
        assert finding.branch_id is not None
        import uuid

        book.checks.mark_handled(uuid.UUID(finding.branch_id), finding.key, "已补开")
        sent = book.township.export_bundle(tmp_path / f"{index}.vbbundle")
        township.township.import_bundle(Path(sent.path), trust)
    found = township.township.summary()
    assert len(found.rows) == 2 and found.name == "中共石门镇委员会"
    assert (found.year, found.quarter) == (TODAY.year, 4)
    for book in branches:
        own = book.roster.first_branch()
        assert own is not None
        [row] = [r for r in found.rows if r.branch_id == own.id]
        figures = _own_figures(book, TODAY)
        assert figures["findings_handled"] == 1
        assert {k: getattr(row, k) for k in figures} == figures
        held = {k.kind: k.held for k in row.activities}
        quarter = book.meetings.entries(own.id, dt.date(2026, 10, 1), TODAY)
        assert held[MeetingKind.GENERAL.value] == sum(
            1 for m in quarter if m.kind is MeetingKind.GENERAL
        )
        assert row.last_received is not None and row.conflicts_waiting == 0
    demo_row = next(r for r in found.rows if r.name.startswith("中共青山村"))
    assert demo_row.deliberations_open == sum(
        1 for d in demo_book.deliberations.deliberations(demo_row.branch_id) if not d.status.closed
    )
    # the figures are kept for the day and come back the same
    assert township.township.summary() == found
    county = township.township.county()
    assert sum(len(t.rows) for t in county.townships) == 2
    shutil.rmtree(tmp_path / "files", ignore_errors=True)


def test_todays_view_keeps_the_merged_figures_for_the_quarter(
    demo_book: Book, open_any: Opener, tmp_path: Path
) -> None:
    """Figures are computed when a bundle is merged; today's view reuses them on later days
    of the quarter (saying of which day they are), a chosen day and a new quarter compute."""
    days = iter([TODAY, TODAY + dt.timedelta(days=5), dt.date(2027, 1, 4)])
    today = [next(days)]
    township = Book(open_any("township"), today=lambda: today[0])  # the calendar moves on
    township.township.init("中共石门镇委员会", township="石门镇", county="云岭县")
    sent = demo_book.township.export_bundle(tmp_path / "q4.vbbundle")
    township.township.import_bundle(Path(sent.path), trust)
    township.township.import_bundles([Path(sent.path)], trust)  # already held: no new figures
    merged = township.township.summary()
    [row] = merged.rows
    assert row.figures_as_of == TODAY
    today[0] = next(days)
    later = township.township.summary()
    assert later.rows == merged.rows and later.as_of == today[0]
    exact = township.township.summary(today[0])
    [own] = exact.rows
    assert own.figures_as_of == today[0]
    assert own.findings_open == _own_figures(demo_book, today[0])["findings_open"]
    today[0] = next(days)
    [new_quarter] = township.township.summary().rows
    assert new_quarter.figures_as_of == today[0]
