"""Report benchmarks: each report against a floor that does the same ReportLab work with no
data access, measured side by side in one run (runs interleaved, medians compared).

Usage::

    .venv/bin/python benchmarks/reports_bench.py one-page [--runs 9]
    .venv/bin/python benchmarks/reports_bench.py volume [--runs 7]
    .venv/bin/python benchmarks/reports_bench.py annual [--runs 7] [--years 10]
    .venv/bin/python benchmarks/reports_bench.py all

* ``one-page``: the whole command ``villagebook report meeting-plan --year 2026 --quarter 4``
  (a one-page form of the demo branch: start Python, open the data folder, gather, lay out,
  finish, write) against a floor script that starts Python, imports SQLModel and ReportLab,
  registers the same font and renders the same page from the same data, unpickled.
  Target: at most 1.5x.
* ``volume``: the quarterly bound volume of the demo branch (2026 Q3) through the Book
  (``book.reports.render``: gather, lay out, finish) against the same layout of the same
  data gathered beforehand; the cost per page of each.  Target: at most 1.5x.
* ``annual``: the annual work report of one branch with ``--years`` (10) years of data in
  its database (30 members, about 590 meeting records with 11,000 attendance lines from the
  meetings generator, 60 development cases from the development generator, 20 四议两公开
  matters): the whole command ``villagebook report annual`` against a floor script that
  renders the same report from the same data (as for the one-page report; target: at most
  1.5x), and, stricter, the Book's render in one process against the layout alone (every
  check over the ten years is then the whole difference).

Every floor keeps the branch's names whole while it lays out, as the Book does.  The
command runs with the machine's date; the floors' data was gathered for 2026-11-22.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import pickle
import random
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

TODAY = dt.date(2026, 11, 22)
FLOOR = textwrap.dedent(
    """
    import pickle, sys
    from pathlib import Path

    import sqlmodel  # noqa: F401  (what every program with a database imports)
    import reportlab  # noqa: F401

    from villagebook.reports import base, {module}
    from villagebook.reports.typeset import keep_words

    base.register_font()
    with open(sys.argv[1], "rb") as stream:
        data, names = pickle.load(stream)
    with keep_words(names):  # the branch's names kept whole, as the Book does
        {module}.render(data, Path(sys.argv[2]))
    """
)


#: The floor plus the same library work every finished PDF needs since issue 13: pikepdf
#: opens and saves it as PDF/A, pyHanko signs it with an RSA-3072 key read from a file.
#: No data access, no stamp, no embedded records, no log: what is left between this floor
#: and the whole command is VillageBook's own cost.
FLOOR_FINISHED = FLOOR.replace(
    "    {module}.render(data, Path(sys.argv[2]))",
    textwrap.indent(
        textwrap.dedent(
            """
            import io
            import pikepdf
            from cryptography import x509
            from cryptography.hazmat.primitives import serialization
            from villagebook.domain.proof.values import IdentityInfo
            from villagebook.services.proof.archive import save_kwargs
            from villagebook.services.proof.signing import Signer, sign
            page = io.BytesIO()
            {module}.render(data, page)
            with pikepdf.open(io.BytesIO(page.getvalue())) as pdf:
                out = io.BytesIO()
                pdf.save(out, **save_kwargs())
            key = serialization.load_pem_private_key(
                Path(sys.argv[3]).read_bytes(), None, unsafe_skip_rsa_key_validation=True
            )
            certificate = x509.load_pem_x509_certificate(Path(sys.argv[4]).read_bytes())
            signer = Signer(key, certificate, IdentityInfo("0" * 64, "bench", "bench"))
            Path(sys.argv[2]).write_bytes(sign(out.getvalue(), signer))
            """
        ).strip(),
        "    ",
    ),
)
assert FLOOR_FINISHED != FLOOR


def _key_files(folder: Path) -> tuple[Path, Path]:
    """An RSA-3072 key and a self-signed certificate for the finished floor."""
    from cryptography.hazmat.primitives import serialization

    from villagebook.services.safety.identity import make_certificate, new_key
    from villagebook.storage.models import Branch

    key = new_key()
    branch = Branch(name="基准村党支部", county="县", township="镇", village="村")
    certificate = make_certificate(key, branch, "bench", dt.datetime.now(dt.UTC))
    key_file, cert_file = folder / "key.pem", folder / "cert.pem"
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return key_file, cert_file


def _ratio(name: str, measured: list[float], floor: list[float], unit: str = "s") -> float:
    a, b = statistics.median(measured), statistics.median(floor)
    scale, suffix = (1000, "ms") if unit == "s" and a < 10 else (1, unit)
    print(
        f"{name}: {a * scale:.0f} {suffix} vs floor {b * scale:.0f} {suffix}"
        f" = {a / b:.2f}x  (medians of {len(measured)}; min {min(measured) * scale:.0f}"
        f" vs {min(floor) * scale:.0f})"
    )
    return a / b


def demo_folder(folder: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "villagebook",
            "demo",
            "--data-dir",
            str(folder),
            "--today",
            TODAY.isoformat(),
        ],
        check=True,
        capture_output=True,
    )
    return folder


def _interleaved(
    runs: int, first: Callable[[], float], second: Callable[[], float]
) -> tuple[list[float], list[float]]:
    a: list[float] = []
    b: list[float] = []
    for i in range(runs):  # alternate which goes first, so background load hits both alike
        if i % 2:
            b.append(second())
            a.append(first())
        else:
            a.append(first())
            b.append(second())
    return a, b


# --- one page: the whole command against its floor ----------------------------------------


def _whole_command(
    folder: Path, request: Any, cli: list[str], module: str, runs: int, name: str
) -> float:
    """``villagebook report ...`` as a user runs it, against the floor script rendering the
    same data (gathered beforehand and pickled) with the same font and the same names."""
    from villagebook.services.book import Book

    with Book.open(folder, today=lambda: TODAY) as book:
        kind = book.reports.kind(request.kind)
        filled = book.reports._request(request)
        with book.reading() as session:
            data = kind.gather(session, filled)
        names = book.reports._names(filled.branch_id)
    tmp = folder.parent
    pickled = tmp / "data.pickle"
    pickled.write_bytes(pickle.dumps((data, names)))
    floor = tmp / "floor.py"
    floor.write_text(FLOOR.format(module=module), encoding="utf-8")
    command = [sys.executable, "-m", "villagebook", "--data-dir", str(folder), "report", *cli]

    def whole() -> float:
        started = time.perf_counter()
        subprocess.run([*command, "-o", f"{tmp}/a.pdf"], check=True, capture_output=True, cwd=ROOT)
        return time.perf_counter() - started

    def bare() -> float:
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, str(floor), str(pickled), f"{tmp}/b.pdf"],
            check=True,
            capture_output=True,
            cwd=ROOT,
        )
        return time.perf_counter() - started

    finished = tmp / "floor_finished.py"
    finished.write_text(FLOOR_FINISHED.format(module=module), encoding="utf-8")
    key_file, cert_file = _key_files(tmp)

    def bare_finished() -> float:
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                str(finished),
                str(pickled),
                f"{tmp}/c.pdf",
                str(key_file),
                str(cert_file),
            ],
            check=True,
            capture_output=True,
            cwd=ROOT,
        )
        return time.perf_counter() - started

    whole(), bare(), bare_finished()  # warm the file cache
    measured: list[float] = []
    floors: list[float] = []
    floors_finished: list[float] = []
    for i in range(runs):  # rotate which goes first, so background load hits all alike
        order = [(measured, whole), (floors, bare), (floors_finished, bare_finished)]
        for times, run in order[i % 3 :] + order[: i % 3]:
            times.append(run())
    ratio = _ratio(name, measured, floors)
    _ratio(name + " vs the floor that also signs PDF/A", measured, floors_finished)
    return ratio


def bench_one_page(runs: int) -> float:
    from villagebook.services.printing import ReportRequest

    with tempfile.TemporaryDirectory() as tmp:
        folder = demo_folder(Path(tmp) / "data")
        request = ReportRequest("meeting-plan", year=2026, quarter=4)
        cli = ["meeting-plan", "--year", "2026", "--quarter", "4"]
        return _whole_command(
            folder,
            request,
            cli,
            "meeting_plan",
            runs,
            "one-page report, whole command (meeting-plan)",
        )


# --- in-process: a report through the Book against its layout alone -----------------------


def _in_process(
    book: Any, request: Any, module: Any, runs: int, name: str, per_page: bool
) -> float:
    from villagebook.reports.typeset import keep_words

    kind = book.reports.kind(request.kind)
    filled = book.reports._request(request)
    with book.reading() as session:
        data = kind.gather(session, filled)
    names = book.reports._names(filled.branch_id)  # the floor keeps the same names whole
    pages = {"book": 0, "floor": 0}

    def through_book() -> float:
        started = time.perf_counter()
        pages["book"] = book.reports.render(request).pages
        return time.perf_counter() - started

    def floor() -> float:
        started = time.perf_counter()
        with keep_words(names):
            pages["floor"] = module.render(data, io.BytesIO())
        return time.perf_counter() - started

    through_book(), floor()  # warm up (font, caches)
    measured, floors = _interleaved(runs, through_book, floor)
    if per_page:
        measured = [t / pages["book"] for t in measured]
        floors = [t / pages["floor"] for t in floors]
        name += f" per page ({pages['book']} pages)"
    return _ratio(name, measured, floors)


def bench_volume(runs: int) -> float:
    from villagebook.reports import volume
    from villagebook.services.book import Book
    from villagebook.services.printing import ReportRequest

    with tempfile.TemporaryDirectory() as tmp:
        folder = demo_folder(Path(tmp) / "data")
        with Book.open(folder, today=lambda: TODAY) as book:
            request = ReportRequest("volume", year=2026, quarter=3)
            return _in_process(book, request, volume, runs, "quarterly volume", per_page=True)


def build_ten_years(folder: Path, years: int) -> Any:
    """One branch: the meetings generator's records, the development generator's cases and
    四议两公开 matters, in one database."""
    import development_bench
    import meetings_bench

    from tests.unit.services.deliberations import helpers
    from villagebook.storage.db import open_database

    db = open_database(folder, actor="bench")
    rng = random.Random(11)
    branch_id = meetings_bench.build_branch(db, 0, years, rng)
    with db.write() as session:
        development_bench.build_branch(session, rng, 60, "基准", branch_id=branch_id)
        for i in range(20):
            helpers.full_deliberation(session, branch_id, result=i % 3 != 0)
    return db, branch_id


def bench_annual(runs: int, years: int) -> tuple[float, float]:
    """The whole command (as a user waits for it) and, stricter, the Book's render in one
    process against the layout alone."""
    from villagebook.reports import annual
    from villagebook.services.book import Book
    from villagebook.services.printing import ReportRequest

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        started = time.perf_counter()
        db, branch_id = build_ten_years(folder, years)
        db.close()
        print(
            f"built one branch with {years} years of data in {time.perf_counter() - started:.1f} s"
        )
        request = ReportRequest("annual", branch_id=branch_id, year=TODAY.year)
        cli = ["annual", "--year", str(TODAY.year), "--branch", str(branch_id)]
        whole = _whole_command(
            folder, request, cli, "annual", runs, f"annual report, {years} years, whole command"
        )
        with Book.open(folder, today=lambda: TODAY) as book:
            alone = _in_process(
                book, request, annual, runs, f"annual report, {years} years, in one process", False
            )
    return whole, alone


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("what", choices=("one-page", "volume", "annual", "all"))
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--years", type=int, default=10)
    args = parser.parse_args(argv)
    if args.what in ("one-page", "all"):
        bench_one_page(args.runs)
    if args.what in ("volume", "all"):
        bench_volume(args.runs)
    if args.what in ("annual", "all"):
        bench_annual(args.runs, args.years)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
