"""Crash-safety harness: kill a writer with SIGKILL at random moments, then check the data.

A writer process (``crash_harness.py writer DIR``) adds people and changes their status
through the real services in the Book's transactions (``Book.transaction``, the path every
edit of the window takes), printing each id only after its transaction committed.  The
harness kills it at a random moment, then:

* runs ``PRAGMA integrity_check`` on the database (corruption),
* checks every id the writer reported as committed is present (lost records),
* verifies the audit trail against the tables (a change saved without its log entry),
* checks the folder lock was taken over from the killed writer (stale lock).

Usage (the documented long run; the test suite runs a shorter one)::

    .venv/bin/python benchmarks/crash_harness.py run --kills 200 [--seed 1] [--dir DIR]

Two more modes kill the safety operations themselves (``--mode restore|backup``):

* ``restore``: a process restores two backups of different content in turn (A, B, A, …)
  and is killed at a random moment; then the folder must still have its database, intact,
  holding A or B (never a mix, never nothing), the Book must open it without complaint,
  ``villagebook check`` must report the village (not an empty one), and no unfinished copy
  may survive the next open;
* ``backup``: a process backs the folder up again and again and is killed; then the
  database must be unchanged, every snapshot carrying a backup's name must be whole, and
  the next backup must remove the unfinished copy the kill left.

    .venv/bin/python benchmarks/crash_harness.py run --mode restore --kills 60
    .venv/bin/python benchmarks/crash_harness.py run --mode backup --kills 60
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve()


def writer(data_dir: Path) -> None:
    """Write forever through the Book; print ``<kind> <uuid-hex>`` after each commit."""
    from villagebook.domain.roster import values as roster_values
    from villagebook.domain.roster.validation import PersonInput
    from villagebook.domain.roster.values import PartyStatus
    from villagebook.services.book import Book
    from villagebook.services.roster import commands as roster_commands

    book = Book.open(data_dir, actor="crash-writer")
    book.safety.claim_folder()  # one writer, as the window takes it on open
    branch = book.roster.first_branch() or book.roster.create_branch(
        roster_values.BranchInput(name="压力测试支部", village="测试村")
    )
    print("ready", os.getpid(), flush=True)
    n = 0
    last = None
    while True:
        n += 1
        # One transaction of the Book, as the window's edits are: a person, and every third
        # time a status change of the previous one.
        with book.transaction("crash-writer") as session:
            person = roster_commands.create_person(
                session,
                branch.id,
                PersonInput(name=f"写入{os.getpid()}-{n}", note="x" * (n % 200)),
            )
            if last is not None and n % 3 == 0:
                roster_commands.change_status(
                    session, last, PartyStatus.APPLICANT, dt.date.today(), allow_backdated=True
                )
            person_id = person.id
        print("person", person_id.hex, flush=True)
        last = person_id


def restorer(data_dir: Path, first: Path, second: Path) -> None:
    """Restore ``first`` and ``second`` in turn, forever; print each after it is done."""
    from villagebook.services.book import Book

    folder = Book.folder(data_dir)
    print("ready", os.getpid(), flush=True)
    n = 0
    while True:
        source = first if n % 2 == 0 else second
        folder.restore(source)
        print("restored", source.parent.name, flush=True)
        n += 1


def backer(data_dir: Path) -> None:
    """Back the folder up (manual snapshots in backups/), forever."""
    from villagebook.services.book import Book

    folder = Book.folder(data_dir)
    print("ready", os.getpid(), flush=True)
    while True:
        made = folder.back_up()
        print("backup", made.name, flush=True)


@dataclass
class Result:
    kills: int = 0
    corruptions: int = 0
    lost: int = 0
    committed: int = 0
    audit_mismatches: int = 0
    stale_locks_taken_over: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)
    mode: str = "write"

    #: restore/backup modes: operations that finished before the kills, folders left
    #: without a database, unfinished copies left after the next open or backup.
    completed: int = 0
    stranded: int = 0
    wrong_content: int = 0
    empty_village: int = 0
    leftovers: int = 0

    def text(self) -> str:
        if self.mode != "write":
            return (
                f"{self.mode}: {self.kills} kills ({self.completed} operations finished in "
                f"between), folders without their database: {self.stranded}, corruptions: "
                f"{self.corruptions}, neither old nor new content: {self.wrong_content}, "
                f"empty village reported: {self.empty_village}, unfinished copies left: "
                f"{self.leftovers}, {self.seconds:.1f} s"
            )
        return (
            f"kills survived: {self.kills - self.corruptions}/{self.kills}, "
            f"corruptions: {self.corruptions}, committed records lost: {self.lost} "
            f"(of {self.committed} reported committed), audit mismatches: "
            f"{self.audit_mismatches}, stale locks taken over: {self.stale_locks_taken_over}, "
            f"{self.seconds:.1f} s"
        )


def _start(data_dir: Path, *extra: str, role: str = "writer") -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(HERE), role, str(data_dir), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def _check(data_dir: Path, committed: set[str], result: Result) -> None:
    from villagebook.services.book import Book
    from villagebook.storage.lock import FolderLock

    path = data_dir / "villagebook.sqlite3"
    conn = sqlite3.connect(path)  # read-write: replays the WAL like the next start would
    try:
        status = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if status != ["ok"]:
            result.corruptions += 1
            result.problems.append(f"kill {result.kills}: {status[:3]}")
            return
        present = {r[0] for r in conn.execute("SELECT id FROM person")}
    finally:
        conn.close()
    missing = committed - present
    result.lost += len(missing)
    if missing:
        result.problems.append(f"kill {result.kills}: lost {sorted(missing)[:3]}")
    issues = Book.folder(data_dir).verify_audit()
    result.audit_mismatches += len(issues)
    result.problems += [f"kill {result.kills}: {i.message}" for i in issues[:3]]
    lock = FolderLock(data_dir)
    lock.acquire()  # must succeed: the OS released the dead writer's lock
    if lock.stale_owner is not None:
        result.stale_locks_taken_over += 1
    lock.release()


def run(kills: int, data_dir: Path, seed: int = 1, max_delay: float = 0.25) -> Result:
    """Kill a writer ``kills`` times; count corruptions and committed records lost."""
    rng = random.Random(seed)
    result = Result()
    committed: set[str] = set()
    started = time.monotonic()
    for _ in range(kills):
        proc = _start(data_dir)
        assert proc.stdout is not None
        first = proc.stdout.readline()
        if not first.startswith("ready"):
            proc.kill()
            proc.wait()
            raise RuntimeError(f"writer did not start: {first!r}")
        time.sleep(rng.uniform(0.0, max_delay))
        proc.send_signal(signal.SIGKILL)
        output, _ = proc.communicate()
        for line in output.splitlines():
            kind, _, value = line.partition(" ")
            if kind == "person" and len(value) == 32:
                committed.add(value)
        result.kills += 1
        result.committed = len(committed)
        _check(data_dir, committed, result)
    result.seconds = time.monotonic() - started
    return result


# --- killing restore and backup ------------------------------------------------------------------


def _people(db_path: Path) -> int:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM person").fetchone()[0])
    finally:
        conn.close()


def _prepare(data_dir: Path, sets: Path) -> tuple[Path, Path, set[int]]:
    """A demo village (A) and the same with five more people (B), as two backups."""
    from villagebook.domain.roster.validation import PersonInput
    from villagebook.services.book import Book
    from villagebook.services.roster import commands as roster_commands

    with Book.open(data_dir, actor="crash") as book:
        book.create_demo()
    first = Book.folder(data_dir).back_up(sets / "A")
    with Book.open(data_dir, actor="crash") as book:
        branch = book.roster.first_branch()
        assert branch is not None
        with book.transaction("more people") as session:
            for i in range(5):
                roster_commands.create_person(session, branch.id, PersonInput(name=f"新增{i}"))
    second = Book.folder(data_dir).back_up(sets / "B")
    return first, second, {_people(first), _people(second)}


def _unfinished(folder: Path) -> list[Path]:
    return [*folder.rglob("*.partial*"), *folder.rglob("*.part")]


def _check_restore(data_dir: Path, counts: set[int], result: Result) -> None:
    import contextlib
    import io

    from villagebook import app
    from villagebook.services.book import Book

    db_path = data_dir / "villagebook.sqlite3"
    where = f"kill {result.kills}"
    if not db_path.is_file():
        result.stranded += 1
        result.problems.append(f"{where}: no database; left {sorted(os.listdir(data_dir))}")
        return
    conn = sqlite3.connect(db_path)
    try:
        status = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()
    if status != ["ok"]:
        result.corruptions += 1
        result.problems.append(f"{where}: {status[:3]}")
        return
    people = _people(db_path)
    if people not in counts:
        result.wrong_content += 1
        result.problems.append(f"{where}: {people} people, expected one of {sorted(counts)}")
    with Book.open(data_dir, actor="crash-check") as book:
        branch = book.roster.first_branch()
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = app.main(["check", "--json", "--data-dir", str(data_dir)])
    report = json.loads(out.getvalue()) if code in (0, 1) else {}
    if branch is None or not report.get("findings"):
        result.empty_village += 1
        result.problems.append(f"{where}: check gave exit {code}, branch {branch}")
    left = [p for p in _unfinished(data_dir) if "replaced-" not in str(p)]
    if left:
        result.leftovers += len(left)
        result.problems.append(f"{where}: left after opening: {left[:3]}")
    for aside in data_dir.glob("replaced-*"):  # kept by every restore: free the disk
        shutil.rmtree(aside)


def _check_backup(data_dir: Path, people: int, result: Result) -> None:
    from villagebook.services.book import Book

    db_path = data_dir / "villagebook.sqlite3"
    where = f"kill {result.kills}"
    if not db_path.is_file() or _people(db_path) != people:
        result.wrong_content += 1
        result.problems.append(f"{where}: the database changed")
    backups = data_dir / "backups"
    for info in Book.folder(data_dir).backups():
        if not info.healthy or _people(info.path) != people:
            result.corruptions += 1
            result.problems.append(f"{where}: {info.path.name} is not a whole copy")
    for snapshot in backups.glob("villagebook-*.sqlite3"):  # checked: free the disk
        snapshot.unlink()


def run_operation(
    mode: str, kills: int, work: Path, seed: int = 1, max_delay: float = 0.6
) -> Result:
    """Kill a process that restores (``mode="restore"``) or backs up (``"backup"``)."""
    rng = random.Random(seed)
    result = Result(mode=mode)
    data_dir = work / "data"
    first, second, counts = _prepare(data_dir, work / "sets")
    people = _people(data_dir / "villagebook.sqlite3")
    started = time.monotonic()
    for _ in range(kills):
        if mode == "restore":
            proc = _start(data_dir, str(first), str(second), role="restorer")
        else:
            proc = _start(data_dir, role="backer")
        assert proc.stdout is not None
        first_line = proc.stdout.readline()
        if not first_line.startswith("ready"):
            proc.kill()
            proc.wait()
            raise RuntimeError(f"{mode} process did not start: {first_line!r}")
        time.sleep(rng.uniform(0.0, max_delay))
        proc.send_signal(signal.SIGKILL)
        output, _ = proc.communicate()
        result.completed += sum(1 for line in output.splitlines() if line.strip())
        result.kills += 1
        if mode == "restore":
            _check_restore(data_dir, counts, result)
        else:
            _check_backup(data_dir, people, result)
    if mode == "backup":  # the next backup removes what the last kill left unfinished
        from villagebook.services.book import Book

        Book.folder(data_dir).back_up()
        left = _unfinished(data_dir / "backups")
        result.leftovers += len(left)
        result.problems += [f"after the last backup: {p}" for p in left[:3]]
    result.seconds = time.monotonic() - started
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("writer")
    w.add_argument("data_dir", type=Path)
    w = sub.add_parser("restorer")
    w.add_argument("data_dir", type=Path)
    w.add_argument("first", type=Path)
    w.add_argument("second", type=Path)
    w = sub.add_parser("backer")
    w.add_argument("data_dir", type=Path)
    r = sub.add_parser("run")
    r.add_argument("--mode", choices=["write", "restore", "backup"], default="write")
    r.add_argument("--kills", type=int, default=200)
    r.add_argument("--seed", type=int, default=1)
    r.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args(argv)
    if args.command == "writer":
        writer(args.data_dir)
        return 0
    if args.command == "restorer":
        restorer(args.data_dir, args.first, args.second)
        return 0
    if args.command == "backer":
        backer(args.data_dir)
        return 0
    work = args.dir or Path(tempfile.mkdtemp(prefix="villagebook-crash-"))
    if args.mode == "write":
        result = run(args.kills, work, args.seed)
    else:
        result = run_operation(args.mode, args.kills, work, args.seed)
    print(result.text())
    for problem in result.problems[:20]:
        print("  " + problem)
    failed = (
        result.corruptions
        or result.lost
        or result.audit_mismatches
        or result.stranded
        or result.wrong_content
        or result.empty_village
        or result.leftovers
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
