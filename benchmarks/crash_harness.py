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
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
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

    def text(self) -> str:
        return (
            f"kills survived: {self.kills - self.corruptions}/{self.kills}, "
            f"corruptions: {self.corruptions}, committed records lost: {self.lost} "
            f"(of {self.committed} reported committed), audit mismatches: "
            f"{self.audit_mismatches}, stale locks taken over: {self.stale_locks_taken_over}, "
            f"{self.seconds:.1f} s"
        )


def _start(data_dir: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(HERE), "writer", str(data_dir)],
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("writer")
    w.add_argument("data_dir", type=Path)
    r = sub.add_parser("run")
    r.add_argument("--kills", type=int, default=200)
    r.add_argument("--seed", type=int, default=1)
    r.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args(argv)
    if args.command == "writer":
        writer(args.data_dir)
        return 0
    data_dir = args.dir or Path(tempfile.mkdtemp(prefix="villagebook-crash-"))
    result = run(args.kills, data_dir, args.seed)
    print(result.text())
    for problem in result.problems[:20]:
        print("  " + problem)
    return 0 if not (result.corruptions or result.lost or result.audit_mismatches) else 1


if __name__ == "__main__":
    sys.exit(main())
