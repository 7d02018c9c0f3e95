"""Meetings benchmarks on 30 branches × 10 years of 三会一课 records.

Usage::

    .venv/bin/python benchmarks/meetings_bench.py generate DIR [--branches 30] [--years 10]
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/meetings_bench.py view DIR
    .venv/bin/python benchmarks/meetings_bench.py check DIR
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/meetings_bench.py all [--branches 30]

Targets: the period view fills in under 100 ms after open; ``check`` for one branch
under 200 ms, for all 30 under 3 s.  The generator writes rows straight into the tables
(the same rows the services write: meetings, attendance, roster with histories), about
590 records and 11,000 attendance rows per branch.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from villagebook.services import registry

TODAY = dt.date(2026, 11, 22)
MEMBERS = 30
ROLES = ["书记", "副书记", "组织委员", "宣传委员", "纪检委员"]


def _stamp(row: dict[str, Any]) -> dict[str, Any]:
    row.setdefault("id", uuid.uuid4())
    row.update(
        created_at=dt.datetime.now(dt.UTC), created_by="bench", updated_at=None, updated_by=None
    )
    return row


def _roster(
    conn: Any, branch_id: uuid.UUID, start: dt.date
) -> tuple[list[dict[str, Any]], list[uuid.UUID]]:
    from villagebook.storage.models import GroupAssignment, PartyGroup, Person, StatusChange

    groups = [
        _stamp({"branch_id": branch_id, "name": n, "sort_order": i, "leader_id": None})
        for i, n in enumerate(("第一党小组", "第二党小组"))
    ]
    conn.execute(PartyGroup.__table__.insert(), groups)  # type: ignore[attr-defined]
    people, statuses, assignments = [], [], []
    for i in range(MEMBERS):
        group = groups[i % 2]["id"]
        person = _stamp(
            {
                "branch_id": branch_id,
                "name": f"党员{i:02d}",
                "gender": "男",
                "ethnicity": "汉族",
                "birth_date": dt.date(1970, 1, 1),
                "education": "",
                "phone": "",
                "id_number": None,
                "status": "full",
                "group_id": group,
                "committee_role": ROLES[i] if i < len(ROLES) else "",
                "note": "",
            }
        )
        people.append(person)
        statuses.append(
            _stamp(
                {
                    "person_id": person["id"],
                    "status": "full",
                    "effective_on": start,
                    "reason": "recorded",
                    "note": "",
                }
            )
        )
        assignments.append(
            _stamp({"person_id": person["id"], "group_id": group, "effective_on": start})
        )
    conn.execute(Person.__table__.insert(), people)  # type: ignore[attr-defined]
    conn.execute(StatusChange.__table__.insert(), statuses)  # type: ignore[attr-defined]
    conn.execute(GroupAssignment.__table__.insert(), assignments)  # type: ignore[attr-defined]
    return groups, [p["id"] for p in people]


def _meeting(
    branch_id: uuid.UUID, kind: str, day: dt.date, host: uuid.UUID, group: uuid.UUID | None = None
) -> dict[str, Any]:
    return _stamp(
        {
            "branch_id": branch_id,
            "kind": kind,
            "held_on": day,
            "start_time": dt.time(9, 0),
            "end_time": dt.time(11, 0),
            "place": "村委会议室",
            "place_type": "",
            "group_id": group,
            "title": "",
            "host_id": host,
            "recorder_id": host,
            "lecturer_id": host if kind == "lesson" else None,
            "lecturer_name": "",
            "topics": ["传达学习上级精神", "研究部署工作"],
            "speeches": [{"speaker_id": None, "speaker": "党员00", "summary": "发言摘要" * 20}],
            "resolutions": "会议议定事项。",
            "votes": [
                {
                    "motion": "决议",
                    "yes": 20,
                    "no": 0,
                    "abstain": 1,
                    "written_yes": 0,
                    "secret_ballot": False,
                }
            ]
            if kind == "general"
            else [],
            "appraisals": [],
            "note": "",
            "status": "finalised",
            "finalised_on": day + dt.timedelta(days=1),
            "finalised_by": "bench",
        }
    )


def build_branch(db: Any, index: int, years: int, rng: random.Random) -> uuid.UUID:
    from villagebook.storage.models import Branch
    from villagebook.storage.models.meetings import Meeting, MeetingAttendance

    branch_id = uuid.uuid4()
    start = dt.date(TODAY.year - years, 1, 1)
    meetings: list[dict[str, Any]] = []
    attendance: list[dict[str, Any]] = []
    with db.engine.begin() as conn:
        conn.execute(
            Branch.__table__.insert(),
            [
                _stamp(
                    {  # type: ignore[attr-defined]
                        "id": branch_id,
                        "name": f"中共基准{index:02d}村支部",
                        "village": f"基准{index:02d}村",
                        "township": "",
                        "county": "",
                        "has_committee": True,
                        "secretary_is_director": False,
                    }
                )
            ],
        )
        groups, people = _roster(conn, branch_id, start - dt.timedelta(days=400))
        host = people[0]
        day = start
        while day < TODAY:
            plan: list[tuple[str, dt.date, uuid.UUID | None, list[uuid.UUID]]] = [
                ("committee", day.replace(day=3), None, people[:5]),
                ("theme_day", day.replace(day=10), None, people),
            ]
            plan += [
                ("group", day.replace(day=15 + g), groups[g]["id"], people[g::2]) for g in range(2)
            ]
            if day.month % 3 == 2:
                plan += [
                    ("general", day.replace(day=20), None, people),
                    ("lesson", day.replace(day=21), None, people),
                ]
            if day.month == 12:
                plan += [
                    (k, day.replace(day=d), None, people)
                    for k, d in (("org_life", 26), ("appraisal", 27), ("talks", 8))
                ]
            for kind, held, group, expected in plan:
                if held >= TODAY or rng.random() < 0.02:  # a few gaps
                    continue
                row = _meeting(branch_id, kind, held, host, group)
                meetings.append(row)
                for position, person in enumerate(expected):
                    absent = rng.random() < 0.1
                    attendance.append(
                        _stamp(
                            {
                                "meeting_id": row["id"],
                                "person_id": person,
                                "name": f"党员{position:02d}",
                                "expected": True,
                                "voting": True,
                                "presence": "leave" if absent else "present",
                                "reason": "外出务工" if absent else "",
                                "position": position,
                            }
                        )
                    )
            day = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
        conn.execute(Meeting.__table__.insert(), meetings)  # type: ignore[attr-defined]
        conn.execute(MeetingAttendance.__table__.insert(), attendance)  # type: ignore[attr-defined]
    return branch_id


def generate(data_dir: Path, branches: int, years: int) -> None:
    from villagebook.storage.db import open_database

    db = open_database(data_dir, actor="bench")
    rng = random.Random(7)
    started = time.perf_counter()
    for index in range(branches):
        build_branch(db, index, years, rng)
    db.close()
    print(f"generated {branches} branches × {years} years in {time.perf_counter() - started:.1f} s")


def _branches(db: Any) -> list[Any]:
    from villagebook.services.roster import queries as roster_queries

    with db.read() as session:
        return roster_queries.list_branches(session)


def bench_view(data_dir: Path, repeats: int = 5) -> float:
    from PySide6.QtWidgets import QApplication

    from villagebook.services.book import Book
    from villagebook.storage.db import open_database
    from villagebook.ui.changes import ChangeHub
    from villagebook.ui.context import AppContext
    from villagebook.ui.meetings.page import MeetingsPage

    app = QApplication.instance() or QApplication(sys.argv)
    db = open_database(data_dir, actor="bench")
    branch = _branches(db)[0]
    book = Book(db, today=lambda: TODAY)
    hub = ChangeHub(book)
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        page = MeetingsPage(AppContext(book=book, branch_id=branch.id, hub=hub))
        page.show()
        app.processEvents()
        timings.append(time.perf_counter() - started)
        assert page.model.rowCount() == 12 and page.model.cells
        page.close()
        page.deleteLater()
    median = statistics.median(timings) * 1000
    print(
        f"period view open + filled: median {median:.0f} ms of {repeats}"
        f" (first {timings[0] * 1000:.0f} ms)"
    )
    db.close()
    return median


def bench_check(data_dir: Path) -> tuple[float, float, float]:
    from villagebook.services.checks import CheckContext
    from villagebook.services.meetings.checks import meeting_checks
    from villagebook.storage.db import open_database

    db = open_database(data_dir, actor="bench")
    branches = _branches(db)
    with db.read() as session:
        started = time.perf_counter()
        findings = list(meeting_checks(session, CheckContext(branches[0], TODAY)))
        one_provider = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        registry.run_checks(session, as_of=TODAY, branch_id=branches[0].id)
        one = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        everything = registry.run_checks(session, as_of=TODAY)
        total = time.perf_counter() - started
    print(f"check, meetings rules, one branch: {one_provider:.0f} ms ({len(findings)} findings)")
    print(f"check, all rules, one branch: {one:.0f} ms")
    print(f"check, all rules, {len(branches)} branches: {total:.2f} s ({len(everything)} findings)")
    db.close()
    return one_provider, one, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("what", choices=("generate", "view", "check", "all"))
    parser.add_argument("dir", nargs="?", type=Path)
    parser.add_argument("--branches", type=int, default=30)
    parser.add_argument("--years", type=int, default=10)
    args = parser.parse_args(argv)
    if args.what == "all":
        with tempfile.TemporaryDirectory() as tmp:
            generate(Path(tmp), args.branches, args.years)
            bench_view(Path(tmp))
            bench_check(Path(tmp))
        return 0
    if args.dir is None:
        parser.error("DIR is required")
    if args.what == "generate":
        generate(args.dir, args.branches, args.years)
    elif args.what == "view":
        bench_view(args.dir)
    else:
        bench_check(args.dir)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
