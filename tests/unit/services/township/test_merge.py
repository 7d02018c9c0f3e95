"""Bundles merged into a township, on SQLite and on a real PostgreSQL server: re-import is a
no-op, a newer bundle updates, conflicts keep both values, deletions follow, attachments
arrive byte-identical, damaged or untrusted bundles are refused with nothing written."""

from __future__ import annotations

import shutil
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import select

from tests.unit.services.township.helpers import (
    PNG,
    exported,
    general,
    make_branch,
    make_township,
    sha,
    trust,
)
from villagebook.domain.common.errors import UserError
from villagebook.domain.township.values import ConflictKind
from villagebook.services.book import Book
from villagebook.services.township.bundle import BundleRefused
from villagebook.storage import files, rows
from villagebook.storage.db import Database
from villagebook.storage.guard import ReadOnlyRecord
from villagebook.storage.models import Attachment

Opener = Callable[[str], Database]


def _head(book: Book) -> int:
    with book.reading() as session:
        return rows.head(session.connection())


def _count(book: Book, table: str) -> int:
    with book.reading() as session:
        return int(session.connection().execute(sa.text(f"SELECT COUNT(*) FROM {table}")).scalar())


def test_reimport_is_a_no_op_and_the_copy_equals_the_branch(
    open_any: Opener, tmp_path: Path
) -> None:
    branch, village, _meeting = make_branch(open_any("branch"), tmp_path / "files")
    township = make_township(open_any("township"))
    bundle = branch.township.export_bundle(tmp_path / "q4.vbbundle", full=True)
    first = township.township.import_bundle(Path(bundle.path), trust)
    assert first.added > 0 and first.conflicts == 0 and first.trusted_now
    once = exported(township, village.branch_id)
    head = _head(township)
    again = township.township.import_bundle(Path(bundle.path), trust)
    assert again.already
    assert exported(township, village.branch_id) == once  # the same database
    assert _head(township) == head  # nothing written at all
    assert exported(branch, village.branch_id) == once  # the township holds the branch as is


def test_a_newer_bundle_replaces_only_what_changed(open_any: Opener, tmp_path: Path) -> None:
    branch, village, meeting_id = make_branch(open_any("branch"), tmp_path / "files")
    township = make_township(open_any("township"))
    first = branch.township.export_bundle(tmp_path / "1.vbbundle")
    township.township.import_bundle(Path(first.path), trust)
    receipt = township.township.write_receipt(village.branch_id, tmp_path / "r1.vbbundle")
    branch.township.import_receipt(Path(receipt.path), trust)
    assert branch.township.acknowledged() == first.to_change
    draft = branch.meetings.create(village.branch_id, general(village, title="第二次"))
    second = branch.township.export_bundle(tmp_path / "2.vbbundle")
    assert second.records == 2  # the branch itself and the new meeting
    outcome = township.township.import_bundle(Path(second.path))
    assert (outcome.added, outcome.replaced, outcome.identical) == (1, 0, 1)
    branch.meetings.update(draft.id, general(village, title="第二次修改"))
    third = branch.township.export_bundle(tmp_path / "3.vbbundle")
    outcome = township.township.import_bundle(Path(third.path))
    assert outcome.replaced == 1 and outcome.conflicts == 0
    assert township.meetings.record(draft.id).title == "第二次修改"
    assert exported(township, village.branch_id) == exported(branch, village.branch_id)
    assert meeting_id in {m.id for m in township.meetings.records(village.branch_id)}


def test_a_deleted_draft_is_deleted_at_the_township(open_any: Opener, tmp_path: Path) -> None:
    branch, village, _meeting = make_branch(open_any("branch"), tmp_path / "files")
    township = make_township(open_any("township"))
    draft = branch.meetings.create(village.branch_id, general(village, title="草稿"))
    township.township.import_bundle(
        Path(branch.township.export_bundle(tmp_path / "1.vbbundle").path), trust
    )
    branch.meetings.delete_draft(draft.id)
    outcome = township.township.import_bundle(
        Path(branch.township.export_bundle(tmp_path / "2.vbbundle").path)
    )
    assert outcome.deleted == 1
    assert draft.id not in {m.id for m in township.meetings.records(village.branch_id)}
    assert exported(township, village.branch_id) == exported(branch, village.branch_id)


def test_an_older_bundle_is_a_conflict_with_both_values(open_any: Opener, tmp_path: Path) -> None:
    """TWN-CONFLICT-OLDER: an older version never overwrites the township's newer copy."""
    branch, village, _meeting = make_branch(open_any("branch"), tmp_path / "files")
    township = make_township(open_any("township"))
    draft = branch.meetings.create(village.branch_id, general(village, title="旧标题"))
    old = branch.township.export_bundle(tmp_path / "old.vbbundle")
    branch.meetings.update(draft.id, general(village, title="新标题"))
    new = branch.township.export_bundle(tmp_path / "new.vbbundle")
    township.township.import_bundle(Path(new.path), trust)
    outcome = township.township.import_bundle(Path(old.path))
    assert outcome.conflicts == 1 and outcome.replaced == 0
    assert township.meetings.record(draft.id).title == "新标题"
    [conflict] = township.township.conflicts()
    assert conflict.kind is ConflictKind.OLDER
    assert conflict.held is not None and conflict.held["title"] == "新标题"
    assert conflict.incoming["title"] == "旧标题"
    assert conflict.held_version > conflict.incoming_version
    assert conflict.incoming_by == "测试员" and conflict.incoming_at is not None
    assert ("title", "新标题", "旧标题") in conflict.differences()
    assert township.township.summary().rows[0].conflicts_waiting == 1
    kept = township.township.resolve(conflict.id, take_incoming=False)
    assert kept.status == "kept" and township.township.conflicts() == []


def test_same_version_other_content_is_a_conflict_and_can_be_taken(
    open_any: Opener, tmp_path: Path, backend: str
) -> None:
    """TWN-CONFLICT-SAME: two laptops of one branch changed the same record differently."""
    branch, village, _meeting = make_branch(open_any("branch"), tmp_path / "files")
    township = make_township(open_any("township"))
    draft = branch.meetings.create(village.branch_id, general(village, title="原标题"))
    branch.identity.ensure()
    township.township.import_bundle(
        Path(branch.township.export_bundle(tmp_path / "0.vbbundle").path), trust
    )
    twin = _twin(branch, open_any("twin"), backend, tmp_path)
    branch.meetings.update(draft.id, general(village, title="甲改"))
    twin.meetings.update(draft.id, general(village, title="乙改"))
    one = branch.township.export_bundle(tmp_path / "a.vbbundle")
    two = twin.township.export_bundle(tmp_path / "b.vbbundle")
    township.township.import_bundle(Path(one.path))
    outcome = township.township.import_bundle(Path(two.path))
    assert outcome.conflicts == 1
    [conflict] = township.township.conflicts()
    assert conflict.kind is ConflictKind.SAME_VERSION
    assert (conflict.held or {})["title"] == "甲改" and conflict.incoming["title"] == "乙改"
    taken = township.township.resolve(conflict.id, take_incoming=True)
    assert taken.status == "taken"
    assert township.meetings.record(draft.id).title == "乙改"


def _twin(branch: Book, empty: Database, backend: str, tmp_path: Path) -> Book:
    """A second installation holding a copy of ``branch`` (the same key: a cloned laptop)."""
    shutil.copytree(branch.data_dir / "attachments", empty.data_dir / "attachments")
    if backend == "sqlite":
        empty.close()
        with branch.database.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(FULL)")
        shutil.copy2(branch.path, empty.path)
        from villagebook.storage.db import open_database

        return Book(open_database(empty.data_dir), today=branch.today)
    # PostgreSQL: copy every row, in foreign-key order, through SQLAlchemy
    from villagebook.storage.models.base import SQLModel

    with branch.database.engine.connect() as source, empty.engine.begin() as target:
        target.exec_driver_sql("SET CONSTRAINTS ALL DEFERRED")
        for table in SQLModel.metadata.sorted_tables:
            target.execute(table.delete())
        for table in SQLModel.metadata.sorted_tables:
            found = [dict(r) for r in source.execute(sa.select(table)).mappings()]
            if found:
                target.execute(table.insert(), found)
        target.exec_driver_sql("DELETE FROM audit_log")
        for row in source.exec_driver_sql("SELECT * FROM audit_log ORDER BY seq").mappings():
            target.execute(
                sa.text(
                    "INSERT INTO audit_log VALUES (:seq, :at, :actor, :table_name, :row_id,"
                    " :action, :before, :after, :prev_hash, :hash)"
                ),
                dict(row),
            )
    return Book(empty, today=branch.today)


def test_a_uuid_owned_by_another_branch_is_a_conflict(open_any: Opener, tmp_path: Path) -> None:
    """TWN-CONFLICT-OWNER: a record id already held for another branch is never taken over."""
    branch, village, _meeting = make_branch(open_any("branch"), tmp_path / "files")
    township = make_township(open_any("township"))
    township.township.import_bundle(
        Path(branch.township.export_bundle(tmp_path / "a.vbbundle").path), trust
    )
    document = branch.exchange.export_document(village.branch_id)
    document["branch"]["id"] = str(uuid.uuid4())
    document["branch"]["name"] = "中共复制村支部"
    for person in document["people"]:
        person["id_number"] = None
    copy = Book(open_any("copy"), today=branch.today)
    copy.exchange.import_document(document)
    (tmp_path / "files" / "签到表.png").write_bytes(PNG)
    shutil.copytree(
        branch.data_dir / "attachments", copy.data_dir / "attachments", dirs_exist_ok=True
    )
    outcome = township.township.import_bundle(
        Path(copy.township.export_bundle(tmp_path / "b.vbbundle").path), trust
    )
    assert outcome.added == 1  # only its branch record: every other id belongs to 测试村
    assert outcome.conflicts > 0
    kinds = {c.kind for c in township.township.conflicts()}
    assert kinds == {ConflictKind.OTHER_BRANCH}
    conflict = township.township.conflicts()[0]
    assert conflict.held_branch == "中共测试村支部"
    with pytest.raises(UserError):
        township.township.resolve(conflict.id, take_incoming=True)


def test_attachments_arrive_byte_identical(open_any: Opener, tmp_path: Path) -> None:
    branch, _village, meeting_id = make_branch(open_any("branch"), tmp_path / "files")
    township = make_township(open_any("township"))
    bundle = branch.township.export_bundle(tmp_path / "a.vbbundle")
    assert bundle.files == 1
    outcome = township.township.import_bundle(Path(bundle.path), trust)
    assert outcome.files == 1
    with township.reading() as session:
        [row] = session.exec(select(Attachment).where(Attachment.owner_id == meeting_id)).all()
        data = files.get(session, township.data_dir, row.stored_path, row.sha256)
    assert data is not None and sha(data) == sha(PNG) == row.sha256


def _tampered(source: Path, target: Path, how: str) -> Path:
    data = bytearray(source.read_bytes())
    if how == "byte":
        with zipfile.ZipFile(source) as archive:
            info = archive.getinfo("records.json")
        offset = info.header_offset + 30 + len(info.filename) + 10
        data[offset] ^= 0x01
        target.write_bytes(bytes(data))
    elif how == "truncated":
        target.write_bytes(bytes(data[: len(data) * 2 // 3]))
    else:
        with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
            for item in old.infolist():
                content = old.read(item.filename)
                if how == "unsigned" and item.filename == "manifest.sig":
                    continue
                if how == "signature" and item.filename == "manifest.sig":
                    content = bytes(len(content))
                if how == "manifest" and item.filename == "manifest.json":
                    content = content.replace("测试村".encode(), "别的村".encode())
                new.writestr(item, content)
    return target


@pytest.mark.parametrize("how", ["byte", "truncated", "unsigned", "signature", "manifest"])
def test_a_damaged_or_altered_bundle_is_refused_and_nothing_written(
    open_any: Opener, tmp_path: Path, how: str
) -> None:
    """TWN-BUNDLE-SIGNED: one changed byte, a cut file, no or a wrong signature: refused."""
    branch, _village, _meeting = make_branch(open_any("branch"), tmp_path / "files")
    township = make_township(open_any("township"))
    good = Path(branch.township.export_bundle(tmp_path / "good.vbbundle").path)
    bad = _tampered(good, tmp_path / f"{how}.vbbundle", how)
    head = _head(township)
    with pytest.raises(BundleRefused):
        township.township.import_bundle(bad, trust)
    assert _head(township) == head
    assert _count(township, "received_record") == 0
    assert township.identity.trusted() == []
    assert township.township.import_bundle(good, trust).added > 0  # the good one still goes in


def test_an_unknown_branch_is_refused_unless_its_fingerprint_is_confirmed(
    open_any: Opener, tmp_path: Path
) -> None:
    """TWN-BUNDLE-TRUST: the first bundle of an unknown branch asks to confirm its key."""
    branch, _village, _meeting = make_branch(open_any("branch"), tmp_path / "files")
    township = make_township(open_any("township"))
    bundle = Path(branch.township.export_bundle(tmp_path / "a.vbbundle").path)
    head = _head(township)
    asked: list[str] = []
    with pytest.raises(UserError, match="信任列表"):
        township.township.import_bundle(bundle, lambda s: asked.append(s.fingerprint) or False)
    with pytest.raises(UserError):
        township.township.import_bundle(bundle)
    assert _head(township) == head and _count(township, "branch") == 1
    assert asked == [branch.identity.show().fingerprint]  # type: ignore[union-attr]
    assert township.township.import_bundle(bundle, trust).trusted_now
    [trusted] = township.identity.trusted()
    assert trusted.identity.fingerprint == asked[0]


def test_branch_records_are_read_only_at_the_township(open_any: Opener, tmp_path: Path) -> None:
    """TWN-READ-ONLY: a township reads its branches' records and writes only its own."""
    branch, village, meeting_id = make_branch(open_any("branch"), tmp_path / "files")
    township = make_township(open_any("township"))
    township.township.import_bundle(
        Path(branch.township.export_bundle(tmp_path / "a.vbbundle").path), trust
    )
    from villagebook.domain.roster.values import BranchInput

    with pytest.raises(ReadOnlyRecord):
        township.roster.update_branch(village.branch_id, BranchInput(name="改名", village="改"))
    with pytest.raises(ReadOnlyRecord):
        township.meetings.delete_draft(meeting_id)
    comment = township.township.comment(village.branch_id, "会议记录请补充签到表")
    assert comment.text == "会议记录请补充签到表"
