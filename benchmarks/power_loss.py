"""Power loss, not only SIGKILL: what survives when the writes never synced are lost.

A SIGKILL leaves the operating system's cache intact: everything the process wrote reaches
the disk.  A power cut does not: only what was synced (fsync/fdatasync) is there.  This
harness runs the crash harness's processes (``crash_harness.py writer`` / ``restorer``)
with a small LD_PRELOAD shim (``power_loss/fsync_shim.c``) that records, at every sync,
the content of the synced file (by inode) and the names of a synced directory.  After a
kill at a random moment it builds the folder a machine would find after the cut — every
file as last synced, every directory as last synced, nothing else — and checks it:

* ``write``: ``PRAGMA integrity_check`` passes, every record the writer reported committed
  is there, the audit log agrees with the tables;
* ``restore``: the folder has its database, intact, holding the old or the new backup.

Then the next round starts from that folder.  Linux only (LD_PRELOAD, /proc); needs a C
compiler.  Usage::

    .venv/bin/python benchmarks/power_loss.py --mode write --cuts 50
    .venv/bin/python benchmarks/power_loss.py --mode restore --cuts 50
"""

from __future__ import annotations

import argparse
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

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import crash_harness  # noqa: E402

SHIM_SOURCE = HERE / "power_loss" / "fsync_shim.c"


def build_shim(work: Path) -> Path:
    """Compile the shim (``cc``); raises if there is no compiler."""
    target = work / "fsync_shim.so"
    subprocess.run(
        ["cc", "-shared", "-fPIC", "-O2", "-o", str(target), str(SHIM_SOURCE), "-ldl"],
        check=True,
        capture_output=True,
    )
    return target


# --- the disk as synced ----------------------------------------------------------------------


def _key(st: os.stat_result) -> str:
    return f"{st.st_dev}-{st.st_ino}"


def baseline(folder: Path, shadow: Path) -> None:
    """Record ``folder`` as durable (it was there before the process started)."""
    shadow.mkdir(parents=True, exist_ok=True)
    for directory, names, files in os.walk(folder):
        here = Path(directory)
        lines = [str(here)]
        for name in [*names, *files]:
            st = (here / name).lstat()
            lines.append(f"{name}\t{st.st_ino}\t{'d' if name in names else 'f'}")
            if name in files:
                shutil.copyfile(here / name, shadow / f"ino-{_key(st)}.dat")
        (shadow / f"dir-{_key(here.stat())}.txt").write_text("\n".join(lines) + "\n")


def _listings(shadow: Path) -> dict[str, list[tuple[str, str, str]]]:
    """Directory inode key → its synced entries (name, inode, ``d`` for a folder)."""
    found = {}
    for listing in shadow.glob("dir-*.txt"):
        lines = listing.read_text().splitlines()
        entries = [line.split("\t") for line in lines[1:] if line.count("\t") == 2]
        found[listing.stem.removeprefix("dir-")] = [(n, i, k) for n, i, k in entries]
    return found


def materialise(shadow: Path, folder: Path, target: Path) -> None:
    """Build in ``target`` what the disk holds of ``folder`` after a power cut."""
    listings = _listings(shadow)
    device = str(folder.stat().st_dev)

    def build(key: str, into: Path) -> None:
        into.mkdir(parents=True, exist_ok=True)
        for name, inode, kind in listings.get(key, []):
            child = f"{device}-{inode}"
            if kind == "d":  # (a folder never synced has no names on the disk yet)
                build(child, into / name)
            elif name.endswith("-shm"):  # shared memory: rebuilt by SQLite, never synced
                continue
            else:
                data = shadow / f"ino-{child}.dat"
                if data.exists():
                    shutil.copyfile(data, into / name)
                else:  # named on disk, content never synced
                    (into / name).write_bytes(b"")

    build(_key(folder.stat()), target)


# --- rounds --------------------------------------------------------------------------------------


@dataclass
class Result:
    mode: str
    cuts: int = 0
    completed: int = 0
    corruptions: int = 0
    lost: int = 0
    committed: int = 0
    audit_mismatches: int = 0
    stranded: int = 0
    wrong_content: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    def failed(self) -> bool:
        return bool(
            self.corruptions
            or self.lost
            or self.audit_mismatches
            or self.stranded
            or self.wrong_content
        )

    def text(self) -> str:
        return (
            f"{self.mode}: {self.cuts} power cuts ({self.completed} operations finished in "
            f"between), corruptions: {self.corruptions}, committed records lost: {self.lost} "
            f"(of {self.committed}), audit mismatches: {self.audit_mismatches}, folders "
            f"without their database: {self.stranded}, neither old nor new content: "
            f"{self.wrong_content}, {self.seconds:.1f} s"
        )


def _start(shim: Path, shadow: Path, role: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "LD_PRELOAD": str(shim), "VB_SHADOW_DIR": str(shadow)}
    return subprocess.Popen(
        [sys.executable, str(HERE / "crash_harness.py"), role, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )


def _cut(proc: subprocess.Popen[str], delay: float) -> list[str]:
    assert proc.stdout is not None
    first = proc.stdout.readline()
    if not first.startswith("ready"):
        proc.kill()
        proc.wait()
        raise RuntimeError(f"the process did not start: {first!r}")
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    output, _ = proc.communicate()
    return output.splitlines()


def _after_the_cut(data_dir: Path, shadow: Path) -> None:
    after = data_dir.with_name(data_dir.name + "-after")
    materialise(shadow, data_dir, after)
    shutil.rmtree(data_dir)
    after.rename(data_dir)
    shutil.rmtree(shadow)


def _check_writes(data_dir: Path, committed: set[str], result: Result) -> None:
    from villagebook.services.book import Book

    db_path = data_dir / "villagebook.sqlite3"
    if not db_path.is_file():
        result.stranded += 1
        result.problems.append(f"cut {result.cuts}: no database")
        return
    conn = sqlite3.connect(db_path)  # replays the synced log as the next start would
    try:
        status = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        present = (
            {r[0] for r in conn.execute("SELECT id FROM person")} if status == ["ok"] else set()
        )
    finally:
        conn.close()
    if status != ["ok"]:
        result.corruptions += 1
        result.problems.append(f"cut {result.cuts}: {status[:3]}")
        return
    missing = committed - present
    result.lost += len(missing)
    if missing:
        result.problems.append(f"cut {result.cuts}: lost {sorted(missing)[:3]}")
    issues = Book.folder(data_dir).verify_audit()
    result.audit_mismatches += len(issues)
    result.problems += [f"cut {result.cuts}: {i.message}" for i in issues[:3]]


def _check_restore(data_dir: Path, counts: set[int], result: Result) -> None:
    db_path = data_dir / "villagebook.sqlite3"
    if not db_path.is_file() or db_path.stat().st_size == 0:
        result.stranded += 1
        result.problems.append(f"cut {result.cuts}: no database: {sorted(os.listdir(data_dir))}")
        return
    conn = sqlite3.connect(db_path)
    try:
        status = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        people = int(conn.execute("SELECT count(*) FROM person").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        status, people = [str(exc)], -1
    finally:
        conn.close()
    if status != ["ok"]:
        result.corruptions += 1
        result.problems.append(f"cut {result.cuts}: {status[:3]}")
    elif people not in counts:
        result.wrong_content += 1
        result.problems.append(f"cut {result.cuts}: {people} people, not {sorted(counts)}")
    for aside in data_dir.glob("replaced-*"):  # kept by every restore: free the disk
        shutil.rmtree(aside)


def run(mode: str, cuts: int, work: Path, seed: int = 1, max_delay: float = 0.5) -> Result:
    """``cuts`` power cuts of a process that writes records (``write``) or restores."""
    rng = random.Random(seed)
    result = Result(mode)
    work.mkdir(parents=True, exist_ok=True)
    shim = build_shim(work)
    data_dir = work / "data"
    committed: set[str] = set()
    counts: set[int] = set()
    first = second = None
    if mode == "restore":
        first, second, counts = crash_harness._prepare(data_dir, work / "sets")
    else:
        from villagebook.services.book import Book

        Book.open(data_dir, actor="power").close()
    started = time.monotonic()
    for _ in range(cuts):
        shadow = work / "shadow"
        baseline(data_dir, shadow)
        if mode == "restore":
            assert first is not None and second is not None
            proc = _start(shim, shadow, "restorer", str(data_dir), str(first), str(second))
        else:
            proc = _start(shim, shadow, "writer", str(data_dir))
        lines = _cut(proc, rng.uniform(0.0, max_delay))
        for line in lines:
            kind, _, value = line.partition(" ")
            if kind == "person" and len(value) == 32:
                committed.add(value)
            if kind in ("person", "restored"):
                result.completed += 1
        _after_the_cut(data_dir, shadow)
        result.cuts += 1
        result.committed = len(committed)
        if mode == "restore":
            _check_restore(data_dir, counts, result)
        else:
            _check_writes(data_dir, committed, result)
    result.seconds = time.monotonic() - started
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=["write", "restore"], default="write")
    parser.add_argument("--cuts", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args(argv)
    work = args.dir or Path(tempfile.mkdtemp(prefix="villagebook-power-"))
    result = run(args.mode, args.cuts, work, args.seed)
    print(result.text())
    for problem in result.problems[:20]:
        print("  " + problem)
    return 1 if result.failed() else 0


if __name__ == "__main__":
    sys.exit(main())
