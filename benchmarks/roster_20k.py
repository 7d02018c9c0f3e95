"""Opening the roster page on a roster of 20,000 people.

Usage::

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/roster_20k.py [--people 20000]

Generates a branch with N people (status and group histories, the rows the services
write) in a temporary data folder, then times, in one process with the storage stack
already imported (as in the running app):

* opening the roster page (count + the first 200 rows; the model fetches lazily),
* a search (name contains one character) and a status filter,
* fetching the next 200 rows (scrolling down).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何罗高林"
GIVEN = "建国秀英桂兰志强春花国华玉梅德明海燕永福丽娟文斌小红金山淑珍"


def generate(data_dir: Path, people: int) -> Any:
    from villagebook.domain.roster import values as roster_values
    from villagebook.domain.roster.values import PartyStatus
    from villagebook.services.roster import commands as roster_commands
    from villagebook.storage.db import open_database
    from villagebook.storage.models import GroupAssignment, Person, StatusChange

    rng = random.Random(20000)
    db = open_database(data_dir, actor="bench")
    statuses = list(PartyStatus)
    with db.write() as session:
        branch = roster_commands.create_branch(
            session, roster_values.BranchInput(name="基准支部", village="基准村")
        )
        groups = [
            roster_commands.create_group(session, branch.id, f"第{i}党小组") for i in range(1, 9)
        ]
        people_rows: list[Any] = []
        rows: list[Any] = []
        for i in range(people):
            status = rng.choice(statuses)
            group = rng.choice(groups)
            name = rng.choice(SURNAMES) + GIVEN[rng.randrange(0, len(GIVEN) - 1)] + str(i % 97)
            person = Person(
                branch_id=branch.id,
                name=name[:30],
                gender=rng.choice("男女"),
                birth_date=dt.date(1940 + rng.randrange(60), 1 + rng.randrange(12), 1),
                phone=f"13{rng.randrange(10**9):09d}",
                status=status,
                group_id=group.id,
            )
            since = dt.date(2000 + rng.randrange(25), 1, 1)
            people_rows.append(person)
            rows += [
                StatusChange(person_id=person.id, status=status, effective_on=since),
                GroupAssignment(person_id=person.id, group_id=group.id, effective_on=since),
            ]
        session.add_all(people_rows)
        session.flush()  # people first: the histories refer to them
        session.add_all(rows)
    return db, branch.id


def timed(fn: Any, repeat: int = 5) -> float:
    values = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        values.append(time.perf_counter() - start)
    return statistics.median(values)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=20_000)
    args = parser.parse_args(argv)
    from PySide6.QtCore import QModelIndex

    from villagebook.domain.roster.values import PartyStatus
    from villagebook.services.roster import queries as roster_queries
    from villagebook.ui.app import create_application
    from villagebook.ui.context import AppContext
    from villagebook.ui.roster.page import RosterPage

    app = create_application()
    with tempfile.TemporaryDirectory(prefix="vb-roster20k-") as tmp:
        start = time.perf_counter()
        db, branch_id = generate(Path(tmp), args.people)
        print(f"generated {args.people} people in {time.perf_counter() - start:.1f} s")
        ctx = AppContext(db=db, branch_id=branch_id)
        pages: list[Any] = []

        def open_page() -> None:
            page = RosterPage(ctx)
            page.show()
            app.processEvents()
            pages.append(page)

        opened = timed(open_page)
        page = pages[-1]
        print(f"rows loaded: {page.model.rowCount()} of {page.model.total}")

        def search() -> None:
            page.model.set_filter(roster_queries.RosterFilter(search="王"))

        def by_status() -> None:
            page.model.set_filter(roster_queries.RosterFilter(status=PartyStatus.FULL))

        searched = timed(search)
        filtered = timed(by_status)
        page.model.set_filter(roster_queries.RosterFilter())

        def fetch_more() -> None:
            page.model.fetchMore(QModelIndex())

        fetched = timed(fetch_more)
        for widget in pages:
            widget.close()
            widget.deleteLater()
        db.close()
    print(f"open the roster page (count + first 200 rows, shown): {opened * 1000:.1f} ms")
    print(f"search '王': {searched * 1000:.1f} ms   status filter: {filtered * 1000:.1f} ms")
    print(f"fetch the next 200 rows: {fetched * 1000:.1f} ms   (medians of 5)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
