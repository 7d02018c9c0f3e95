"""四议两公开 benchmark: the deliberations list and the DLB checks over many deliberations.

Usage::

    .venv/bin/python benchmarks/deliberations_bench.py [--deliberations 500]

Builds deliberations through the commands (every step validated as in the window), then
times the list the window shows (``book.deliberations.summaries``), the DLB check provider,
and one decision record PDF through the Book.  Target: the list of 500 in under 0.5 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TODAY = dt.date(2026, 11, 22)


def main() -> int:
    from tests.unit.services.deliberations import helpers as h
    from villagebook.services.book import Book
    from villagebook.services.checks import CheckContext
    from villagebook.services.deliberations.checks import deliberation_checks
    from villagebook.services.printing import ReportRequest
    from villagebook.services.roster import queries as roster_queries
    from villagebook.storage.db import open_database

    parser = argparse.ArgumentParser()
    parser.add_argument("--deliberations", "--matters", dest="count", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp), actor="bench")
        book = Book(db, today=lambda: TODAY)
        start = time.perf_counter()
        with db.write() as session:
            branch_id = h.branch(session)
            for i in range(args.count):
                h.full_deliberation(session, branch_id, result=i % 3 != 0)
        print(f"built {args.count} deliberations: {time.perf_counter() - start:.2f} s")
        start = time.perf_counter()
        rows = book.deliberations.summaries(branch_id, TODAY)
        print(f"summaries: {len(rows)} rows in {time.perf_counter() - start:.3f} s")
        with db.read() as session:
            ctx = CheckContext(branch=roster_queries.get_branch(session, branch_id), as_of=TODAY)
            start = time.perf_counter()
            findings = list(deliberation_checks(session, ctx))
            print(f"DLB checks: {len(findings)} findings in {time.perf_counter() - start:.3f} s")
        start = time.perf_counter()
        request = ReportRequest("deliberation", subject_id=rows[0].id, as_of=TODAY)
        result = book.reports.build(request, Path(tmp) / "record.pdf")
        print(f"decision record: {result.pages} pages in {time.perf_counter() - start:.3f} s")
        db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
