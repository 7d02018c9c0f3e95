"""四议两公开 benchmark: the matters list and the DLB checks over many matters.

Usage::

    .venv/bin/python benchmarks/deliberations_bench.py [--matters 500]

Builds matters through the services (every step validated as in the window), then times
``matter_rows`` (what the matters list shows), the DLB check provider, and one decision
record PDF.  Target: the list of 500 matters in under 0.5 s.
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
    from tests.deliberations import helpers as h
    from villagebook.reports import deliberation
    from villagebook.services.checks import CheckContext
    from villagebook.services.deliberations import matters as dlb
    from villagebook.services.roster import queries as roster_queries
    from villagebook.storage.db import open_database

    parser = argparse.ArgumentParser()
    parser.add_argument("--matters", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp), actor="bench")
        start = time.perf_counter()
        with db.write() as session:
            branch_id = h.branch(session)
            for i in range(args.matters):
                h.full_matter(session, branch_id, result=i % 3 != 0)
        print(f"built {args.matters} matters: {time.perf_counter() - start:.2f} s")
        with db.read() as session:
            start = time.perf_counter()
            rows = dlb.matter_rows(session, branch_id, TODAY)
            print(f"matter_rows: {len(rows)} rows in {time.perf_counter() - start:.3f} s")
            ctx = CheckContext(branch=roster_queries.get_branch(session, branch_id), as_of=TODAY)
            start = time.perf_counter()
            findings = list(dlb.deliberation_checks(session, ctx))
            print(f"DLB checks: {len(findings)} findings in {time.perf_counter() - start:.3f} s")
            start = time.perf_counter()
            report = deliberation.gather(session, rows[0].id, TODAY)
        pages = deliberation.render(report, Path(tmp) / "record.pdf")
        print(f"decision record: {pages} pages in {time.perf_counter() - start:.3f} s")
        db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
