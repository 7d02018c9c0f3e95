"""Hostile imports: a mutation generator over the demo export, and the long run.

Every mutated file goes through ``villagebook import`` (in process, as the command line
runs it).  The only acceptable outcomes are a refusal (exit 2, every problem on its own line
with its path in the file, nothing written) or an import of the whole file (exit 0, every
record there).  Anything else — a traceback, another exit code, a half-written folder —
is counted as a failure.

The test suite runs a few hundred mutations (``tests/integration/hostile/test_mutations.py``);
the documented long run is::

    .venv/bin/python benchmarks/hostile_import.py --mutations 2000 [--seed 1] [--full]

(``--full`` mutates the whole demo export; by default a trimmed copy of it, which reaches
every section and record kind at a tenth of the cost.)
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import datetime as dt
import io
import json
import random
import re
import shutil
import sqlite3
import sys
import tempfile
import time
import traceback
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TODAY = dt.date(2026, 11, 22)
Document = dict[str, Any]

# --- the base document ------------------------------------------------------------------------


def demo_export(folder: Path) -> Document:
    """The demo village, exported (built in ``folder``)."""
    from villagebook.services.book import Book

    with Book.open(folder, actor="hostile", today=lambda: TODAY) as book:
        book.create_demo()
        branch = book.roster.first_branch()
        assert branch is not None
        return book.exchange.export_document(branch.id)


def trimmed(document: Document) -> Document:
    """A smaller export with every section and record kind still in it (and consistent)."""
    doc = copy.deepcopy(document)
    doc["meetings"] = _spread(doc.get("meetings", []), 14)
    kept = {m["id"] for m in doc["meetings"]}
    for plan in doc.get("meeting_plans", []):
        for item in plan.get("items", []):
            if item.get("meeting_id") not in kept:
                item["meeting_id"] = None
    doc["development_cases"] = _spread(doc.get("development_cases", []), 4)
    doc["deliberations"] = [d for d in doc.get("deliberations", []) if not d.get("previous_id")][:3]
    return doc


def _spread(items: list[Any], count: int) -> list[Any]:
    """``count`` items taken evenly across the list (all kinds of meeting, not only the first)."""
    if len(items) <= count:
        return items
    step = len(items) / count
    return [items[int(i * step)] for i in range(count)]


# --- the mutations ----------------------------------------------------------------------------

LONG = 70_000
HOSTILE_TEXT = [
    "",
    " ",
    "\u3000\u3000",
    "王\ud800五",
    "\udfff",
    "王\x00五",
    "\x1b[31m红\x1b[0m",
    "王\u202e五",
    "\u2066隔离\u2069",
    "第一行\n第二行",
    "tab\there",
    "王" * 31,
    "王" * 101,
    "測試繁體",
    "１２３",
    "𠀀𠀁",
    "'; DROP TABLE person; --",
    "../../etc/passwd",
    "null",
]
HOSTILE_NUMBERS = [
    0,
    -1,
    1,
    25,
    26,
    2**31,
    2**53 + 1,
    2**63 - 1,
    2**63,
    -(2**63) - 1,
    10**20,
    10**19 * 9,
    1.5,
    -0.0,
    1e308,
    True,
    False,
]
HOSTILE_DATES = [
    "2026-02-30",
    "2026-13-01",
    "0000-01-01",
    "9999-12-31",
    "2099-01-01",
    "1900-01-01",
    "2026-1-1",
    "20260101",
    "2026-11-22T10:00",
    "",
]
HOSTILE_TIMES = ["24:00", "25:30", "29:59", "23:60", "9:00", "09:00:00", "12:00", "00:00"]


def _uuid_variants(value: str, rng: random.Random) -> str:
    """The same id written differently: capitals, no hyphens, or both."""
    choice = rng.randrange(3)
    if choice == 0:
        return value.upper()
    if choice == 1:
        return value.replace("-", "")
    return value.upper().replace("-", "")


@dataclass
class Location:
    parent: Any
    key: Any
    path: tuple[Any, ...]

    @property
    def value(self) -> Any:
        return self.parent[self.key]


def locations(document: Any) -> list[Location]:
    """Every value in the document, with where it is."""
    found: list[Location] = []
    stack: list[tuple[Any, tuple[Any, ...]]] = [(document, ())]
    while stack:
        node, path = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in items:
            found.append(Location(node, key, (*path, key)))
            if isinstance(value, dict | list):
                stack.append((value, (*path, key)))
    return found


def records(document: Any) -> list[Location]:
    """Every record (an object with an ``id``) inside a list."""
    return [
        loc
        for loc in locations(document)
        if isinstance(loc.key, int) and isinstance(loc.value, dict) and "id" in loc.value
    ]


def _hostile_value(rng: random.Random, old: Any) -> Any:
    pool: list[Callable[[], Any]] = [
        lambda: rng.choice(HOSTILE_TEXT),
        lambda: rng.choice(HOSTILE_NUMBERS),
        lambda: rng.choice(HOSTILE_DATES),
        lambda: rng.choice(HOSTILE_TIMES),
        lambda: None,
        lambda: [],
        lambda: {},
        lambda: [old, old],
        lambda: {"x": old},
        lambda: str(uuid.UUID(int=rng.getrandbits(128))),
        lambda: "长" * rng.choice([201, 501, 2001, 20001, LONG]),
    ]
    if isinstance(old, str):
        pool += [
            lambda: old + rng.choice(["\x00", "\x1b", "\u202e", "\ud83d", "\n", "\u200b"]),
            lambda: old * rng.randint(2, 50),
            lambda: old.upper(),
        ]
    if isinstance(old, int) and not isinstance(old, bool):
        pool += [lambda: old + 2**63, lambda: -old - 1, lambda: float(old), lambda: str(old)]
    return rng.choice(pool)()


def m_set_value(doc: Document, rng: random.Random) -> str:
    where = rng.choice(locations(doc))
    where.parent[where.key] = _hostile_value(rng, where.value)
    return f"set {where.path}"


def m_delete(doc: Document, rng: random.Random) -> str:
    keyed = [loc for loc in locations(doc) if isinstance(loc.parent, dict)]
    where = rng.choice(keyed)
    del where.parent[where.key]
    return f"delete {where.path}"


def m_unknown_key(doc: Document, rng: random.Random) -> str:
    objects = [loc for loc in locations(doc) if isinstance(loc.value, dict)] or [
        Location({"d": doc}, "d", ())
    ]
    where = rng.choice(objects)
    where.value[rng.choice(["extra", "nmae", "id ", "finalised", "\u202ekey"])] = 1
    return f"unknown key in {where.path}"


def m_duplicate_record(doc: Document, rng: random.Random) -> str:
    where = rng.choice(records(doc))
    twin = copy.deepcopy(where.value)
    if rng.random() < 0.5:
        twin["id"] = _uuid_variants(str(twin["id"]), rng)
    where.parent.append(twin)
    return f"duplicate record {where.path}"


def m_reuse_id(doc: Document, rng: random.Random) -> str:
    every = records(doc)
    source, target = rng.choice(every), rng.choice(every)
    target.value["id"] = _uuid_variants(str(source.value["id"]), rng)
    return f"id of {source.path} reused at {target.path}"


def m_dangling_reference(doc: Document, rng: random.Random) -> str:
    refs = [
        loc
        for loc in locations(doc)
        if isinstance(loc.key, str) and loc.key.endswith("_id") and loc.key != "workflow_id"
    ]
    where = rng.choice(refs)
    where.parent[where.key] = rng.choice(
        [str(uuid.uuid4()), _uuid_variants(str(where.value or uuid.uuid4()), rng), "", 7]
    )
    return f"reference {where.path}"


def m_times_and_dates(doc: Document, rng: random.Random) -> str:
    spots = [
        loc
        for loc in locations(doc)
        if isinstance(loc.key, str) and (loc.key.endswith(("_on", "_time", "_from", "_to")))
    ]
    where = rng.choice(spots)
    pool = HOSTILE_TIMES if where.key.endswith("_time") else HOSTILE_DATES
    where.parent[where.key] = rng.choice(pool + HOSTILE_DATES[:2])
    return f"date/time {where.path}"


def m_numbers(doc: Document, rng: random.Random) -> str:
    spots = [
        loc
        for loc in locations(doc)
        if isinstance(loc.value, int | float) and not isinstance(loc.value, bool)
    ]
    where = rng.choice(spots)
    where.parent[where.key] = rng.choice(HOSTILE_NUMBERS)
    return f"number {where.path}"


def m_same_id_number(doc: Document, rng: random.Random) -> str:
    people = [p for p in doc.get("people", []) if isinstance(p, dict) and p.get("id_number")]
    if len(people) < 2:
        return "no id numbers"
    a, b = rng.sample(people, 2)
    b["id_number"] = rng.choice([a["id_number"], str(a["id_number"]).lower(), " " + a["id_number"]])
    return "same id number twice"


DEEP = re.compile(r'"@@deep-(\d+)@@"')


def m_deep(doc: Document, rng: random.Random) -> str:
    """Arrays nested ``depth`` deep (written into the text: json.dumps would recurse)."""
    where = rng.choice(locations(doc))
    depth = rng.choice([30, 500, 5000, 100_000])
    where.parent[where.key] = f"@@deep-{depth}@@"
    return f"nested {depth} at {where.path}"


def m_header(doc: Document, rng: random.Random) -> str:
    doc[rng.choice(["version", "format"])] = rng.choice([2, 99, 0, "1", None, "villagebook", 1.0])
    return "header"


MUTATIONS: list[Callable[[Document, random.Random], str]] = [
    m_set_value,
    m_set_value,
    m_set_value,
    m_delete,
    m_unknown_key,
    m_duplicate_record,
    m_duplicate_record,
    m_reuse_id,
    m_reuse_id,
    m_dangling_reference,
    m_times_and_dates,
    m_numbers,
    m_same_id_number,
    m_deep,
    m_header,
]


def _raw_damage(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    choice = rng.randrange(5)
    if choice == 0:
        return data[: rng.randrange(len(data))], "truncated"
    if choice == 1:
        return b"\xef\xbb\xbf" + data, "byte order mark"
    if choice == 2:
        at = rng.randrange(len(data))
        return data[:at] + bytes([rng.randrange(256)]) + data[at + 1 :], "one byte changed"
    if choice == 3:
        return data.replace(b'"id": "', b'"id": "\\ud800', 1), "escaped lone surrogate"
    return data.decode("utf-8").encode("utf-16"), "utf-16"


@dataclass
class Mutant:
    data: bytes
    steps: list[str]
    #: Import into a folder that already holds the unmutated file.
    into_existing: bool = False


def mutate(base: Document, rng: random.Random) -> Mutant:
    """One hostile file made from ``base``: 1–4 mutations, sometimes damaged bytes, and
    sometimes a target folder that already holds ``base``."""
    doc = copy.deepcopy(base)
    steps = []
    for _ in range(rng.randint(1, 4)):
        steps.append(rng.choice(MUTATIONS)(doc, rng))
    data = json.dumps(doc, ensure_ascii=rng.random() < 0.5, indent=rng.choice([None, 1]))
    data = DEEP.sub(lambda m: "[" * int(m.group(1)) + "]" * int(m.group(1)), data)
    raw = data.encode("utf-8", errors="surrogatepass")
    if rng.random() < 0.08:
        raw, how = _raw_damage(raw, rng)
        steps.append(how)
    return Mutant(raw, steps, into_existing=rng.random() < 0.1)


# --- running one ------------------------------------------------------------------------------

PROBLEM_LINE = re.compile(r"^  (\S+)\u3000(.+)$")  # path, then label and message


@dataclass
class Outcome:
    exit_code: int | None
    stdout: str
    stderr: str
    error: str = ""
    problems: list[str] = field(default_factory=list)


def counts(database: Path) -> dict[str, int]:
    conn = sqlite3.connect(database)
    try:
        names = [
            str(r[0])
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            if not str(r[0]).startswith("sqlite_")
        ]
        return {n: int(conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0]) for n in names}
    finally:
        conn.close()


def run_import(file: Path, data_dir: Path) -> Outcome:
    """``villagebook import FILE --data-dir DIR`` in this process; what it printed and exited
    with, or the traceback of anything it raised."""
    from villagebook import app

    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = app.main(["import", str(file), "--data-dir", str(data_dir)])
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:  # a traceback: exactly what must never happen
        return Outcome(None, out.getvalue(), err.getvalue(), error=traceback.format_exc())
    return Outcome(code, out.getvalue(), err.getvalue())


def judge(mutant: Mutant, outcome: Outcome, before: dict[str, int], after: dict[str, int]) -> str:
    """Empty when the outcome is acceptable, else what was wrong."""
    if outcome.error:
        return "traceback:\n" + outcome.error
    if outcome.exit_code == 2:
        lines = outcome.stderr.splitlines()
        problems = [m for m in map(PROBLEM_LINE.match, lines) if m]
        if not problems:
            return f"refused without a path: {outcome.stderr[:300]!r}"
        if after != before:
            return "refused but the folder changed"
        if "没有导入任何内容" in outcome.stderr and "冲突" in outcome.stderr:
            return "refused only by the database's safety net: " + outcome.stderr[:300]
        return ""
    if outcome.exit_code == 0:
        document = json.loads(mutant.data.decode("utf-8-sig"))
        added = {k: after.get(k, 0) - before.get(k, 0) for k in after}
        wanted = {
            "person": len(document.get("people", [])),
            "meeting": len(document.get("meetings", [])),
            "development_case": len(document.get("development_cases", [])),
            "deliberation": len(document.get("deliberations", [])),
        }
        wrong = {k: (added.get(k), v) for k, v in wanted.items() if added.get(k) != v}
        return f"accepted but not whole: {wrong}" if wrong else ""
    return f"exit code {outcome.exit_code}: {outcome.stderr[:300]!r}"


class Targets:
    """Fresh data folders: empty ones, and ones already holding the base document."""

    def __init__(self, workdir: Path, base: Document) -> None:
        from villagebook.services.book import Book
        from villagebook.services.exchange import parse_document

        self.workdir = workdir
        self.empty = workdir / "template-empty"
        Book.open(self.empty, actor="hostile").close()
        self.full = workdir / "template-full"
        shutil.copytree(self.empty, self.full)
        with Book.open(self.full, actor="hostile") as book:
            book.exchange.import_document(parse_document(json.dumps(base).encode()))
        self.n = 0

    def fresh(self, existing: bool) -> Path:
        self.n += 1
        folder = self.workdir / f"target-{self.n}"
        shutil.rmtree(folder, ignore_errors=True)
        source = self.full if existing else self.empty
        folder.mkdir()
        shutil.copy2(source / "villagebook.sqlite3", folder / "villagebook.sqlite3")
        return folder


def check_one(base: Document, seed: int, targets: Targets) -> tuple[Mutant, Outcome, str]:
    mutant = mutate(base, random.Random(seed))
    folder = targets.fresh(mutant.into_existing)
    file = folder.parent / f"mutant-{targets.n}.json"
    file.write_bytes(mutant.data)
    database = folder / "villagebook.sqlite3"
    before = counts(database)
    outcome = run_import(file, folder)
    verdict = judge(mutant, outcome, before, counts(database))
    file.unlink()
    shutil.rmtree(folder, ignore_errors=True)
    return mutant, outcome, verdict


# --- the long run -----------------------------------------------------------------------------


@dataclass
class Summary:
    mutations: int = 0
    refused: int = 0
    accepted: int = 0
    tracebacks: int = 0
    other_failures: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)

    def text(self) -> str:
        return (
            f"{self.mutations} mutations: {self.refused} refused with paths (exit 2), "
            f"{self.accepted} imported whole (exit 0), {self.tracebacks} tracebacks, "
            f"{self.other_failures} other failures; {self.seconds:.0f} s"
        )


def iterate(count: int, seed: int) -> Iterator[int]:
    rng = random.Random(seed)
    for _ in range(count):
        yield rng.getrandbits(32)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mutations", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--full", action="store_true", help="mutate the whole demo export")
    args = parser.parse_args(argv)
    summary = Summary()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="villagebook-hostile-") as tmp:
        work = Path(tmp)
        base = demo_export(work / "demo")
        if not args.full:
            base = trimmed(base)
        targets = Targets(work, base)
        for n, seed in enumerate(iterate(args.mutations, args.seed), 1):
            mutant, outcome, verdict = check_one(base, seed, targets)
            summary.mutations += 1
            if verdict:
                if verdict.startswith("traceback"):
                    summary.tracebacks += 1
                else:
                    summary.other_failures += 1
                summary.failures.append(f"seed {seed} ({'; '.join(mutant.steps)}): {verdict}")
            elif outcome.exit_code == 0:
                summary.accepted += 1
            else:
                summary.refused += 1
            if n % 100 == 0:
                print(f"  {n}: {summary.text()}", flush=True)
    summary.seconds = time.monotonic() - started
    print(summary.text())
    for failure in summary.failures[:20]:
        print("  " + failure[:2000])
    return 0 if not summary.failures else 1


if __name__ == "__main__":
    sys.exit(main())
