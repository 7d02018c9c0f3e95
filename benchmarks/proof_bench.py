"""What proving a PDF costs: the same report signed, unsigned, and as a bare layout.

Usage::

    .venv/bin/python benchmarks/proof_bench.py [--runs 7] [--kinds minutes volume]

On the demo branch, for each kind, in one run and interleaved (so load hits all alike):

- **bare**: gather + ReportLab layout only (what a report cost before it proved itself);
- **unsigned**: ``book.reports.render(request, sign=False)``: the stamp, PDF/A-3b with the
  records embedded, no signature and no log entry;
- **signed**: ``book.reports.render(request)``: all of it, signed and logged.

Prints the median of each and the ratios signed/unsigned (the cost of signing) and
signed/bare (the cost of the whole proof).  The first report of a session also makes the
installation's key; that is measured apart, once.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TODAY = dt.date(2026, 11, 22)


def main() -> int:
    from villagebook.domain.common.i18n import chinese
    from villagebook.reports.base import reproducible
    from villagebook.services.book import Book
    from villagebook.services.printing import ReportRequest

    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--kinds", nargs="+", default=["minutes", "volume"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, Book.open(Path(tmp), today=lambda: TODAY) as book:
        book.create_demo()
        branch = book.roster.require_branch(None).id
        meeting = book.meetings.records(branch)[-1].id
        requests = {
            "minutes": ReportRequest("minutes", subject_id=meeting),
            "volume": ReportRequest("volume", year=2026, quarter=3),
            "roster": ReportRequest("roster"),
        }
        start = time.perf_counter()
        book.identity.ensure()
        print(f"installation key and certificate made once: {time.perf_counter() - start:.2f} s")
        book.reports.render(requests["minutes"])  # imports, caches

        def bare(request: ReportRequest) -> None:
            kind = book.reports.kind(request.kind)
            full = book.reports._request(request)
            assert full.generated_at is not None
            with book.reading() as session, chinese():
                data = kind.gather(session, full)
            with chinese(), reproducible(full.generated_at.date()):
                kind.render(data, io.BytesIO())

        for key in args.kinds:
            request = requests[key]
            times: dict[str, list[float]] = {"bare": [], "unsigned": [], "signed": []}
            pages = book.reports.render(request, sign=False).pages
            for _ in range(args.runs):
                for variant in times:
                    start = time.perf_counter()
                    if variant == "bare":
                        bare(request)
                    else:
                        book.reports.render(request, sign=variant == "signed")
                    times[variant].append(time.perf_counter() - start)
            median = {k: statistics.median(v) for k, v in times.items()}
            print(
                f"{key} ({pages} pages): bare {median['bare'] * 1000:.0f} ms, "
                f"unsigned {median['unsigned'] * 1000:.0f} ms, "
                f"signed {median['signed'] * 1000:.0f} ms; signing "
                f"+{(median['signed'] - median['unsigned']) * 1000:.0f} ms = "
                f"{median['signed'] / median['unsigned']:.2f}x unsigned, "
                f"{median['signed'] / median['bare']:.2f}x the bare layout"
            )
            data = book.reports.render(request).data
            start = time.perf_counter()
            book.reports.verify(data)
            print(f"  verify: {(time.perf_counter() - start) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
