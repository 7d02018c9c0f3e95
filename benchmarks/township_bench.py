"""Township and county benchmarks: importing a county's bundles into PostgreSQL against a
``COPY`` floor, the township summary on SQLite, the county roll-up on PostgreSQL.

Usage::

    .venv/bin/python benchmarks/township_bench.py generate DIR [--branches 300] [--years 10]
    .venv/bin/python benchmarks/township_bench.py run DIR [--summary-branches 30]

``generate`` builds the branches with the meetings benchmark's generator (30 members, two
Party groups, about 60 三会一课 records and 1,100 attendance rows a year), exports each
branch with the real exporter and writes one signed bundle per branch and year (the roster
and branch in the first; each year's meetings in its own), with versions growing year by
year, each branch's certificate naming it (ten keys shared among the branches, so the
township confirms ten fingerprints: keys cost half a second each to make).

``run`` starts a throw-away PostgreSQL server (tests/pgserver.py), then, side by side:

- **import**: every bundle, oldest first, into a county installation on PostgreSQL through
  ``book.township.import_bundles`` (verify, validate, merge, audit trail), as records/s and
  rows/s;
- **floor**: the same rows (every table the import filled, without the audit trail and the
  merge bookkeeping) loaded into an empty database of the same schema with PostgreSQL's
  ``COPY``;
- **county roll-up** of every branch on PostgreSQL: in the importing process, as the whole
  command ``villagebook township show --county`` in a new process (cold: the figures kept
  when each bundle was merged), and for a chosen day (every branch's checks run again: the
  first view of a new quarter or after a rules change);
- **township summary** of ``--summary-branches`` branches on SQLite, the same three ways.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import random
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TODAY = dt.date(2026, 11, 22)
PER_TOWNSHIP = 30
KEYS = 10


def _signers(count: int) -> list[Any]:
    from villagebook.services.safety.identity import new_key

    return [new_key() for _ in range(count)]


def _signer(key: Any, branch: Any) -> Any:
    from villagebook.services.proof.signing import Signer
    from villagebook.services.safety.identity import identity_of, make_certificate

    certificate = make_certificate(key, branch, str(uuid.uuid4()), dt.datetime.now(dt.UTC))
    return Signer(key, certificate, identity_of(certificate))


def generate(folder: Path, branches: int, years: int) -> None:
    import sqlalchemy as sa

    from benchmarks.meetings_bench import build_branch
    from villagebook.services import registry
    from villagebook.services.township import bundle as files
    from villagebook.services.township import records as rec
    from villagebook.storage.db import open_database
    from villagebook.storage.models import Branch

    out = folder / "bundles"
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    keys = _signers(min(KEYS, branches))
    keys_made = time.perf_counter() - started
    rng = random.Random(20261122)
    keys_list = rec.section_keys(registry.EXCHANGE_SECTIONS)
    with tempfile.TemporaryDirectory() as scratch:
        db = open_database(Path(scratch), actor="bench")
        count = 0
        for index in range(branches):
            branch_id = build_branch(db, index, years, rng)
            township = f"基准{index // PER_TOWNSHIP + 1:02d}镇"
            with db.engine.begin() as conn:
                conn.execute(
                    sa.update(Branch.__table__)  # type: ignore[arg-type]
                    .where(Branch.__table__.c.id == branch_id)  # type: ignore[attr-defined]
                    .values(
                        township=township,
                        county="基准县",
                        name=f"中共{township}基准{index:03d}村支部",
                    )
                )
            with db.read() as session:
                branch = session.get(Branch, branch_id)
                assert branch is not None
                document = registry.export_branch(session, branch)
                signer = _signer(keys[index % len(keys)], branch)
            first_year = TODAY.year - years
            for year_index in range(years):
                year = first_year + year_index
                chosen: dict[str, list[dict[str, Any]]] = {}
                if year_index == 0:
                    chosen["branch"] = [document["branch"]]
                    chosen["groups"] = document["groups"]
                    chosen["people"] = document["people"]
                else:
                    chosen["branch"] = [document["branch"]]
                chosen["meetings"] = [
                    m for m in document["meetings"] if m["held_on"].startswith(str(year))
                ]
                version = (year_index + 1) * 1000
                listed = [
                    {
                        "section": section,
                        "id": record_id,
                        "version": 1000 if section == "branch" else version,
                        "digest": rec.record_digest(item),
                        "changed_at": f"{year}-12-31T12:00:00+08:00",
                        "changed_by": "书记",
                    }
                    for section, record_id, item in rec.iter_records(
                        rec.assemble(document, chosen, keys_list), keys_list
                    )
                ]
                body = rec.assemble(document, chosen, keys_list)
                manifest = files.new_manifest(
                    "records",
                    signer,
                    branch={"id": str(branch.id), "name": branch.name, "village": branch.village},
                    extra={
                        "schema": "bench",
                        "full": year_index == 0,
                        "changes": {"from": year_index * 1000, "to": version},
                        "counts": {"records": len(listed), "deleted": 0, "files": 0},
                    },
                )
                files.write(
                    out / f"{index:03d}-{year}.vbbundle",
                    manifest,
                    {
                        files.RECORDS: files.json_bytes(body),
                        files.VERSIONS: files.json_bytes({"records": listed, "deleted": []}),
                    },
                    signer,
                )
                count += 1
        db.close()
    print(
        f"generated {count} bundles of {branches} branches × {years} years in "
        f"{time.perf_counter() - started:.1f} s ({len(keys)} keys in {keys_made:.1f} s)"
    )


# --- running -----------------------------------------------------------------------------------


def _bundles(folder: Path, branches: int | None = None) -> list[Path]:
    found = sorted((folder / "bundles").glob("*.vbbundle"), key=lambda p: (p.stem[4:], p.stem))
    if branches is not None:
        found = [p for p in found if int(p.stem[:3]) < branches]
    return found


class _Stages:
    """Seconds spent in each stage of the import, by wrapping its functions (the bench only)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._undo: list[tuple[Any, str, Any]] = []

    def wrap(self, owner: Any, name: str, label: str) -> None:
        real = getattr(owner, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return real(*args, **kwargs)
            finally:
                spent = time.perf_counter() - started
                self.seconds[label] = self.seconds.get(label, 0.0) + spent

        setattr(owner, name, timed)
        self._undo.append((owner, name, real))

    def __enter__(self) -> _Stages:
        from villagebook.services.township import api, merge
        from villagebook.services.township import bundle as bundle_file
        from villagebook.storage import audit

        self.wrap(bundle_file, "read", "reading and verifying the signed bundles")
        self.wrap(merge, "schema_problems", "JSON Schema validation of the records")
        self.wrap(merge.Merger, "_plan", "classifying against the records held")
        self.wrap(merge.Merger, "_validate", "the records' rules over the merged branch")
        self.wrap(merge.Merger, "_apply", "writing: loaders, seals, audit entries")
        self.wrap(api.TownshipApi, "summary", "the touched branches' figures")
        self.wrap(audit, "append", "the audit entries: each row's JSON, hash chain, insert")
        return self

    def __exit__(self, *_exc: object) -> None:
        for owner, name, real in reversed(self._undo):
            setattr(owner, name, real)

    def report(self, floor: float) -> None:
        for label, spent in sorted(self.seconds.items(), key=lambda kv: -kv[1]):
            print(f"  {label}: {spent:.1f} s = {spent / floor:.1f}x the floor")


def _import(book: Any, paths: list[Path]) -> tuple[float, int, int]:
    started = time.perf_counter()
    done, refused = book.township.import_bundles(paths, lambda _s: True)
    elapsed = time.perf_counter() - started
    if refused:
        path, error = refused[0]
        raise SystemExit(f"{len(refused)} bundles refused, e.g. {path.name}: {error}")
    return elapsed, sum(o.added + o.replaced for o in done), len(done)


COPIED_SKIP = {
    "alembic_version",
    "audit_log",
    "received_record",
    "received_bundle",
    "received_branch",
    "trusted_certificate",
    "branch_summary",
    "app_setting",
    "installation_identity",
    "installation_key",
}


#: What the import writes beyond the records' rows, all of it required: the audit trail's
#: entry for every row (issue 14) and the merge's bookkeeping (each record as received, for
#: conflicts; the bundles and branches received).
WRITTEN_TOO = ("audit_log", "received_record", "received_bundle", "received_branch")


def _copy_floor(source_url: str, targets: tuple[str, str]) -> tuple[float, int, float, int]:
    """The rows the import wrote, dumped and loaded again with COPY (the floor), and the
    same with everything else the import must write (:data:`WRITTEN_TOO`) into ``targets[1]``:
    no import can be faster than that second load, however it is written."""
    import psycopg

    from villagebook.storage.models.base import SQLModel

    plain = source_url.replace("postgresql+psycopg://", "postgresql://")
    tables = [t.name for t in SQLModel.metadata.sorted_tables if t.name not in COPIED_SKIP]
    everything = [*tables, *WRITTEN_TOO]
    dumps: dict[str, bytes] = {}
    counts: dict[str, int] = {}
    with psycopg.connect(plain) as conn:
        for name in everything:
            buffer = io.BytesIO()
            with conn.cursor().copy(f'COPY "{name}" TO STDOUT') as copy:
                for data in copy:
                    buffer.write(data)
            dumps[name] = buffer.getvalue()
            counts[name] = conn.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0]  # type: ignore[index]

    def load(target_url: str, names: list[str]) -> float:
        target = target_url.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(target) as conn:
            conn.execute("SET session_replication_role = replica")  # no FK triggers: a pure load
            started = time.perf_counter()
            for name in names:
                with conn.cursor().copy(f'COPY "{name}" FROM STDIN') as copy:
                    copy.write(dumps[name])
            conn.commit()
            return time.perf_counter() - started

    floor = load(targets[0], tables)
    floor_all = load(targets[1], everything)
    rows = sum(counts[n] for n in tables)
    return floor, rows, floor_all, sum(counts.values())


def _views(book: Any, county: bool, where: list[str]) -> dict[str, float]:
    """The township view (or county roll-up) the ways a user waits for it.

    - ``kept``: in the importing process, right after the import (the same Book);
    - ``fresh``: the whole command ``villagebook township show [--county] --json`` in a new
      process (Python, the storage stack, opening the database, the figures kept when each
      bundle was merged), the inspector opening today's view; median of 3;
    - ``recompute``: the same command for a chosen day (``--as-of`` tomorrow), which runs
      every branch's checks again: what the first view of a new quarter, or the view after
      the rules changed, costs.
    """
    import subprocess

    started = time.perf_counter()
    found = book.township.county() if county else book.township.summary()
    kept = time.perf_counter() - started
    rows = sum(len(t.rows) for t in found.townships) if county else len(found.rows)
    book.close()  # a data folder is held by one program at a time
    command = [
        sys.executable,
        "-m",
        "villagebook",
        "township",
        "show",
        "--json",
        *(["--county"] if county else []),
        *where,
    ]

    def timed(extra: list[str]) -> float:
        started = time.perf_counter()
        done = subprocess.run([*command, *extra], capture_output=True, cwd=ROOT, check=False)
        elapsed = time.perf_counter() - started
        if done.returncode != 0:
            raise SystemExit(f"township show failed: {done.stderr.decode()[-500:]}")
        return elapsed

    fresh = sorted(timed([]) for _ in range(3))[1]
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    recompute = timed(["--as-of", tomorrow])
    return {"kept": kept, "fresh": fresh, "recompute": recompute, "rows": rows}


def run(folder: Path, summary_branches: int) -> None:
    import psycopg

    from tests import pgserver
    from villagebook.services.book import Book
    from villagebook.storage.db import open_database

    server_dir = Path(tempfile.mkdtemp(prefix="villagebook-bench-pg-"))
    work = Path(tempfile.mkdtemp(prefix="villagebook-bench-"))
    try:
        server = pgserver.start(server_dir)
        admin = psycopg.connect(
            server.replace("postgresql+psycopg://", "postgresql://"), autocommit=True
        )
        admin.execute("CREATE DATABASE county")
        admin.execute("CREATE DATABASE floor")
        admin.execute("CREATE DATABASE floor_all")
        base = server.rsplit("/", 1)[0]
        paths = _bundles(folder)
        branches = len({p.stem[:3] for p in paths})
        size = sum(p.stat().st_size for p in paths)
        print(f"{len(paths)} bundles of {branches} branches, {size / 1e6:.1f} MB")
        county = Book(open_database(work / "county", url=f"{base}/county", actor="bench"))
        county.township.init("中共基准县委组织部", county="基准县", role=_county_role())
        with _Stages() as stages:
            elapsed, records, done = _import(county, paths)
        with county.database.engine.connect() as conn:
            import sqlalchemy as sa

            audit = conn.execute(sa.text("SELECT COUNT(*) FROM audit_log")).scalar()
        for name in ("floor", "floor_all"):
            open_database(work / name, url=f"{base}/{name}", actor="bench").close()
        floor, rows, floor_all, rows_all = _copy_floor(
            f"{base}/county", (f"{base}/floor", f"{base}/floor_all")
        )
        print(
            f"import into PostgreSQL: {done} bundles, {records} records, {rows} rows "
            f"(+{audit} audit entries) in {elapsed:.1f} s = {records / elapsed:.0f} records/s, "
            f"{rows / elapsed:.0f} rows/s"
        )
        print(
            f"floor (COPY of the same {rows} rows): {floor:.2f} s = {rows / floor:.0f} rows/s;"
            f" import/floor = {elapsed / floor:.1f}x"
        )
        print(
            f"what the import must write besides (audit entries, merge bookkeeping), loaded"
            f" with the rows by COPY: {rows_all} rows in {floor_all:.2f} s ="
            f" {floor_all / floor:.1f}x the floor, before any reading, verifying or checking"
        )
        print("where the import's time goes (stages overlap where one calls another):")
        stages.report(floor)
        url = f"{base}/county"
        views = _views(county, True, ["--data-dir", str(work / "county"), "--database-url", url])
        print(
            f"county roll-up of {views['rows']} branches on PostgreSQL: {views['kept']:.2f} s"
            f" in the importing process; a new process (`township show --county`, whole"
            f" command): {views['fresh']:.2f} s; a chosen day (every branch's checks again):"
            f" {views['recompute']:.2f} s"
        )
        township = Book(open_database(work / "township", actor="bench"))
        township.township.init("中共基准01镇委员会", township="基准01镇", county="基准县")
        elapsed_sqlite, _records, _done = _import(township, _bundles(folder, summary_branches))
        views = _views(township, False, ["--data-dir", str(work / "township")])
        print(
            f"township summary of {views['rows']} branches on SQLite: {views['kept']:.2f} s in"
            f" the importing process; a new process (`township show`, whole command):"
            f" {views['fresh']:.2f} s; a chosen day (every branch's checks again):"
            f" {views['recompute']:.2f} s (import of their bundles: {elapsed_sqlite:.1f} s)"
        )
        admin.close()
    finally:
        pgserver.stop(server_dir)
        shutil.rmtree(work, ignore_errors=True)


def _county_role() -> Any:
    from villagebook.domain.township.values import Role

    return Role.COUNTY


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("generate")
    p.add_argument("folder", type=Path)
    p.add_argument("--branches", type=int, default=300)
    p.add_argument("--years", type=int, default=10)
    p = sub.add_parser("run")
    p.add_argument("folder", type=Path)
    p.add_argument("--summary-branches", type=int, default=30)
    args = parser.parse_args(argv)
    if args.command == "generate":
        generate(args.folder, args.branches, args.years)
    else:
        run(args.folder, args.summary_branches)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
