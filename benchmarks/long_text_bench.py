"""Bounded work: a PDF's layout time against the length of one text in it.

Renders the minutes of one demo meeting whose resolution is N characters long, through the
Book's report pipeline, and, side by side in the same run, the same text laid out as one
ReportLab paragraph (what ``reports/base.para`` did before it cut long text into chunks).
Time per 1,000 characters staying flat means linear; growing means quadratic.

    .venv/bin/python benchmarks/long_text_bench.py [--sizes 10000 40000 100000 400000]
"""

from __future__ import annotations

import argparse
import io
import sqlite3
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SENTENCE = "村党支部研究决定，加强基层组织建设，落实三会一课制度，切实提高党员教育管理水平。"
#: One paragraph is timed only up to here (beyond, it takes minutes).
SINGLE_MAX = 40_000


def _text(chars: int) -> str:
    return (SENTENCE * (chars // len(SENTENCE) + 1))[:chars]


def minutes_seconds(folder: Path, chars: int) -> tuple[float, int]:
    from villagebook.services.book import Book
    from villagebook.services.printing import ReportRequest

    conn = sqlite3.connect(folder / "villagebook.sqlite3")
    with conn:
        meeting = conn.execute("SELECT id FROM meeting LIMIT 1").fetchone()[0]
        conn.execute("UPDATE meeting SET resolutions = ? WHERE id = ?", (_text(chars), meeting))
    conn.close()
    with Book.open(folder) as book:
        started = time.perf_counter()
        report = book.reports.render(ReportRequest("minutes", subject_id=uuid.UUID(meeting)))
        return time.perf_counter() - started, report.pages


def single_paragraph_seconds(chars: int) -> float:
    from reportlab.platypus import Paragraph

    from villagebook.reports import base

    style = base.styles().body
    text = base.escape(_text(chars))
    started = time.perf_counter()
    base.build_pdf(io.BytesIO(), lambda: [Paragraph(text, style)], title="t", footer="t")
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    from villagebook.services.book import Book

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 40_000, 100_000, 400_000])
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        with Book.open(folder, actor="bench") as book:
            book.create_demo()
        print("characters | pages | minutes PDF (chunks) | per 1,000 chars | one paragraph")
        for chars in args.sizes:
            seconds, pages = minutes_seconds(folder, chars)
            single = f"{single_paragraph_seconds(chars):.2f} s" if chars <= SINGLE_MAX else "—"
            per = seconds / chars * 1000
            print(f"{chars:>10} | {pages:>5} | {seconds:>8.2f} s | {per:>8.3f} s | {single}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
