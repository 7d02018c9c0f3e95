"""Opening a data folder: what the quick audit check and encryption at rest add.

Usage::

    .venv/bin/python benchmarks/open_check.py [--rounds 30]

On the demo village, side by side in one run (medians):

* ``open_database`` alone (the floor: integrity check, engine) vs ``Book.open`` (which also
  runs the quick audit check: schema, the chain's head, the anchor) — the ratio is what the
  check costs on every opening;
* the same folder encrypted (app lock on): ``Book.open`` with the key known vs plain;
* the full ``audit verify`` and the seal check of every finalised record, for comparison
  (they run on demand and in ``check``, not on open).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def median_ms(call: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> int:
    from villagebook import paths
    from villagebook.services.book import Book
    from villagebook.storage import audit_reading, cipher, seals
    from villagebook.storage.db import open_database

    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        with Book.open(folder) as book:
            book.create_demo()
        db_path = paths.database_path(folder)

        def floor() -> None:
            open_database(folder).close()

        def book_open() -> None:
            Book.open(folder).close()

        base = median_ms(floor, args.rounds)
        opened = median_ms(book_open, args.rounds)
        quick = median_ms(lambda: audit_reading.quick_verify(db_path), args.rounds)
        full = median_ms(lambda: audit_reading.verify(db_path), max(3, args.rounds // 10))
        conn = cipher.connect(db_path)
        sealed = median_ms(lambda: seals.broken_seals(conn), max(3, args.rounds // 10))
        conn.close()
        print(f"open_database (floor)          {base:8.1f} ms")
        print(f"Book.open (with quick check)   {opened:8.1f} ms   ratio {opened / base:.2f}")
        print(f"quick_verify alone             {quick:8.1f} ms")
        print(f"audit verify (full)            {full:8.1f} ms")
        print(f"seals of finalised records     {sealed:8.1f} ms")
        with Book.open(folder) as book:
            book.safety.set_app_lock("bench-password")
        encrypted = median_ms(book_open, args.rounds)
        print(
            f"Book.open, encrypted (key known) {encrypted:6.1f} ms   ratio {encrypted / opened:.2f}"
        )
        cipher.forget_all()
        start = time.perf_counter()
        Book.open(folder, password="bench-password").close()
        unlock = 1000 * (time.perf_counter() - start)
        print(f"Book.open, encrypted, password (Argon2id) {unlock:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
