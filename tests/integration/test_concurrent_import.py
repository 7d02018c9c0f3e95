"""Two processes importing bundles into the same township at the same moment, on SQLite and
on a real PostgreSQL server: no bundle is merged twice, no row duplicated, no update lost.

On PostgreSQL both inspectors work at once (writers wait for each other in the database);
on SQLite the second waits for the data folder (one writer per folder) and tries again."""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from tests.unit.services.township.helpers import general, make_branch, make_township
from villagebook.storage.db import Database

Opener = Callable[[str], Database]


def _import_all(where: dict[str, Any], paths: list[str], barrier: Any, results: Any) -> None:
    from villagebook.domain.safety.errors import FolderInUse
    from villagebook.services.book import Book

    barrier.wait(timeout=60)
    outcomes = []
    for path in paths:
        for _attempt in range(400):
            try:
                with Book.open(
                    Path(where["data_dir"]), url=where.get("url"), actor=where["actor"]
                ) as book:
                    outcome = book.township.import_bundle(Path(path), lambda _s: True)
                outcomes.append((Path(path).name, outcome.already, outcome.conflicts))
                break
            except FolderInUse:
                time.sleep(0.05)
    results.put(outcomes)


def test_two_inspectors_import_at_the_same_moment(
    open_any: Opener, tmp_path: Path, backend: str
) -> None:
    branch, village, _meeting = make_branch(open_any("branch"), tmp_path / "files")
    other, other_village, _ = make_branch(open_any("other"), tmp_path / "files2")
    draft = branch.meetings.create(village.branch_id, general(village, title="第一版"))
    first = branch.township.export_bundle(tmp_path / "b1.vbbundle").path
    branch.meetings.update(draft.id, general(village, title="第二版"))
    second = branch.township.export_bundle(tmp_path / "b2.vbbundle").path
    third = other.township.export_bundle(tmp_path / "c.vbbundle").path
    database = open_any("township")
    make_township(database)
    where = {
        "data_dir": str(database.data_dir),
        "url": database.engine.url.render_as_string(hide_password=False)
        if database.is_server
        else None,
        "actor": "检查员",
    }
    database.close()
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(2)
    results = context.Queue()
    workers = [
        context.Process(target=_import_all, args=(where, order, barrier, results))
        for order in ([first, second, third], [third, second, first])
    ]
    for worker in workers:
        worker.start()
    got = [results.get(timeout=240) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    merged = [name for outcomes in got for name, already, _c in outcomes if not already]
    assert sorted(merged) == ["b1.vbbundle", "b2.vbbundle", "c.vbbundle"]  # each exactly once
    from villagebook.services.book import Book
    from villagebook.storage.db import open_database

    with Book(open_database(Path(where["data_dir"]), url=where["url"])) as township:
        with township.reading() as session:
            conn = session.connection()
            count = conn.execute(sa.text("SELECT COUNT(*) FROM received_bundle")).scalar()
            meetings = conn.execute(sa.text("SELECT COUNT(*) FROM meeting")).scalar()
            people = conn.execute(sa.text("SELECT COUNT(*) FROM person")).scalar()
        assert count == 3
        assert meetings == 3  # two of 测试村 (one a draft), one of the other branch
        assert people == 2 * 11
        assert township.meetings.record(draft.id).title == "第二版"  # the newer one stays
        waiting = township.township.conflicts()
        assert all(c.incoming["title"] == "第一版" for c in waiting)
        assert len(waiting) <= 1
    assert other_village.branch_id != village.branch_id
