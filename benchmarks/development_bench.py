"""Development benchmarks: the pipeline board with 2,000 open cases, and ``check`` over
30 branches' cases.

Usage::

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/development_bench.py board [--cases 2000]
    .venv/bin/python benchmarks/development_bench.py check [--branches 30] [--cases 60]

Targets: the board opens in under 200 ms; ``check`` runs in under 2 s.  The data is
written straight into the tables (fast to build, the same rows the services write).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

from villagebook.services import registry

TODAY = dt.date(2026, 11, 22)
OFFSETS = [0, 20, 70, 80, 85, 100, 440, 445, 450, 460, 468, 475, 490, 495, 500, 505, 515, 525]
OFFSETS += [530, 535, 600, 860, 870, 900, 910]


def build_branch(  # type: ignore[no-untyped-def]
    session, rng: random.Random, cases: int, name: str, branch_id: uuid.UUID | None = None
) -> uuid.UUID:
    """A branch with ``cases`` open development cases (or those cases in branch ``branch_id``)."""
    from villagebook.domain.development.values import CaseState, Role
    from villagebook.domain.roster.values import ChangeReason, PartyStatus
    from villagebook.storage.models import Branch, Person, StatusChange
    from villagebook.storage.models.development import (
        DevelopmentAssessment,
        DevelopmentCase,
        DevelopmentStep,
        DevelopmentStepPerson,
    )

    branch = session.get(Branch, branch_id) if branch_id else None
    if branch is None:
        branch = Branch(name=f"中共{name}支部", village=name)
        session.add(branch)
        session.flush()
    layers: list[list[object]] = [[], [], [], []]  # people, cases, steps, step people
    members = []
    for i in range(30):
        person = Person(branch_id=branch.id, name=f"党员{i}", status=PartyStatus.FULL)
        members.append(person)
        layers[0].append(person)
        layers[1].append(
            StatusChange(
                person_id=person.id, status=PartyStatus.FULL, effective_on=dt.date(2000, 1, 1)
            )
        )
    for i in range(cases):
        person = Person(
            branch_id=branch.id,
            name=f"对象{i:04d}",
            birth_date=dt.date(1995, 1, 1),
            status=PartyStatus.APPLICANT,
        )
        layers[0].append(person)
        layers[1].append(
            StatusChange(
                person_id=person.id,
                status=PartyStatus.APPLICANT,
                effective_on=dt.date(2020, 1, 1),
                reason=ChangeReason.DEVELOPMENT,
            )
        )
        case = DevelopmentCase(
            branch_id=branch.id, person_id=person.id, workflow_id="cpc-2014-rules"
        )
        case.state = CaseState.OPEN
        layers[1].append(case)
        done = rng.randint(1, 22)
        start = TODAY - dt.timedelta(days=OFFSETS[done - 1] + rng.randint(10, 300))
        for number in range(1, done + 1):
            step = DevelopmentStep(
                case_id=case.id,
                number=number,
                done_on=start + dt.timedelta(days=OFFSETS[number - 1]),
            )
            if number in (15, 23):
                step.expected_voting, step.present_voting, step.yes = 30, 25, 22
                step.no, step.abstain, step.written_yes = 2, 1, 1
            if number == 11:
                step.training_days = 3
            if number == 13:
                step.publicity_from = step.done_on - dt.timedelta(days=14)
                step.publicity_to = step.done_on - dt.timedelta(days=3)
            layers[2].append(step)
            roles = {2: (Role.TALKER, 1), 5: (Role.CONTACT, 2), 9: (Role.INTRODUCER, 2)}
            if number in roles:
                role, count = roles[number]
                for member in rng.sample(members, count):
                    layers[3].append(
                        DevelopmentStepPerson(
                            step_id=step.id, role=role, person_id=member.id, name=member.name
                        )
                    )
        if done >= 3:
            layers[2].append(
                DevelopmentAssessment(
                    case_id=case.id, assessed_on=start + dt.timedelta(days=OFFSETS[2] + 150)
                )
            )
    for layer in layers:
        session.add_all(layer)
        session.flush()
    return branch.id


def _database(folder: Path):  # type: ignore[no-untyped-def]
    from villagebook.storage.db import open_database

    return open_database(folder, actor="benchmark")


def bench_board(cases: int) -> float:
    from villagebook.ui.app import create_application

    app = create_application()
    from villagebook.services.book import Book
    from villagebook.ui.changes import ChangeHub
    from villagebook.ui.context import AppContext
    from villagebook.ui.development.page import DevelopmentPage

    with tempfile.TemporaryDirectory() as tmp:
        db = _database(Path(tmp))
        with db.write() as session:
            branch_id = build_branch(session, random.Random(1), cases, "基准村")
        book = Book(db, today=lambda: TODAY)
        ctx = AppContext(book=book, branch_id=branch_id, hub=ChangeHub(book))
        timings, cpu = [], []
        for _ in range(5):
            started, started_cpu = time.perf_counter(), time.process_time()
            page = DevelopmentPage(ctx)
            page.resize(1200, 700)
            page.show()
            app.processEvents()
            timings.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
            shown = sum(m.rowCount() for m in page.models)
            page.close()
            page.deleteLater()
            app.processEvents()
        db.close()
    best, worst = min(timings), max(timings)
    print(
        f"board: {shown} open cases; opened in {1000 * best:.0f} ms best, "
        f"{1000 * worst:.0f} ms worst (CPU {1000 * min(cpu):.0f} ms best)"
    )
    return best


def bench_check(branches: int, cases: int) -> float:

    with tempfile.TemporaryDirectory() as tmp:
        db = _database(Path(tmp))
        rng = random.Random(2)
        with db.write() as session:
            for i in range(branches):
                build_branch(session, rng, cases, f"村{i:02d}")
        started, started_cpu = time.perf_counter(), time.process_time()
        with db.read() as session:
            findings = registry.run_checks(session, as_of=TODAY)
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - started_cpu
        db.close()
    dev = sum(1 for f in findings if f.code.startswith("DEV"))
    print(
        f"check: {branches} branches x {cases} cases = {branches * cases} cases; "
        f"{len(findings)} findings ({dev} DEV-*) in {elapsed:.2f} s (CPU {cpu:.2f} s)"
    )
    return elapsed


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="what", required=True)
    p = sub.add_parser("board")
    p.add_argument("--cases", type=int, default=2000)
    p = sub.add_parser("check")
    p.add_argument("--branches", type=int, default=30)
    p.add_argument("--cases", type=int, default=60)
    args = parser.parse_args(argv)
    if args.what == "board":
        return 0 if bench_board(args.cases) < 0.2 else 1
    return 0 if bench_check(args.branches, args.cases) < 2.0 else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
