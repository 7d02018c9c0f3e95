"""The storage layer on SQLite and on a real PostgreSQL server: the same migrations, the
audit chain, undo and redo, and verification of the log against the tables."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.conftest import TODAY
from villagebook import __version__, language
from villagebook.domain.roster.validation import PersonInput
from villagebook.domain.roster.values import BranchInput, PartyStatus, RosterFilter
from villagebook.services.book import Book
from villagebook.storage import audit_reading, dialect, rows
from villagebook.storage.db import Database, is_server_url, open_server
from villagebook.storage.errors import StorageError
from villagebook.storage.migrate import head_revision
from villagebook.storage.undo import UndoConflict

Opener = Callable[[str], Database]


def test_the_same_schema_on_both(open_any: Opener) -> None:
    database = open_any("a")
    with database.engine.connect() as conn:
        revision = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
        tables = set(dialect.table_names(conn))
    assert revision == head_revision()
    assert {"person", "meeting", "audit_log", "received_record", "merge_conflict"} <= tables


def test_audit_chain_undo_redo_and_search(open_any: Opener) -> None:
    book = Book(open_any("a"), today=lambda: TODAY)
    branch = book.roster.create_branch(BranchInput(name="中共测试村支部", village="测试村"))
    person = book.roster.add_person(
        branch.id,
        PersonInput(name="王芳", phone="13800000000"),
        status=PartyStatus.FULL,
        status_on=TODAY,
    )
    book.roster.update_person(person.id, PersonInput(name="王芳芳", phone="13800000000"))
    assert book.roster.count(branch.id, RosterFilter(search="芳芳")) == 1
    assert book.roster.count(branch.id, RosterFilter(search="0000")) == 1
    assert book.roster.count(branch.id, RosterFilter(search="李")) == 0
    book.undo()
    assert book.roster.person(person.id).name == "王芳"
    book.redo()
    assert book.roster.person(person.id).name == "王芳芳"
    book.undo()
    book.undo()  # the person is gone again
    with pytest.raises(Exception):  # noqa: B017 (NotFoundError)
        book.roster.person(person.id)
    book.redo()
    assert book.roster.person(person.id).name == "王芳"
    assert audit_reading.verify_engine(book.database.engine) == []
    with book.reading() as session:
        assert rows.head(session.connection()) > 0


def test_tampering_behind_the_apps_back_shows_in_the_log(open_any: Opener) -> None:
    book = Book(open_any("a"), today=lambda: TODAY)
    branch = book.roster.create_branch(BranchInput(name="中共测试村支部", village="测试村"))
    with book.database.engine.begin() as conn:
        conn.execute(sa.text("UPDATE branch SET village = '别村'"))
    issues = audit_reading.verify_engine(book.database.engine)
    assert [i.kind for i in issues] == ["edited"] and issues[0].row_id == branch.id.hex


def test_undo_refused_when_the_row_changed_since(open_any: Opener) -> None:
    book = Book(open_any("a"), today=lambda: TODAY)
    branch = book.roster.create_branch(BranchInput(name="中共测试村支部", village="测试村"))
    book.roster.update_branch(branch.id, BranchInput(name="中共测试村支部", village="新村"))
    with book.database.engine.begin() as conn:
        conn.execute(sa.text("UPDATE branch SET name = '别的名字'"))
    with pytest.raises(UndoConflict):
        book.undo()


def test_server_urls_are_told_apart() -> None:
    assert is_server_url("postgresql://county/villagebook")
    assert is_server_url("postgresql+psycopg://u@h/db") and is_server_url("postgres://h/db")
    assert not is_server_url(None) and not is_server_url("sqlite:///x.sqlite3")


def test_a_server_url_without_the_postgresql_addon_names_the_fix(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The Windows main installer has no psycopg: a PostgreSQL URL must say which add-on to
    run, in the interface language, and never reach SQLAlchemy's ImportError."""
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg -> ImportError
    url = "postgresql://county/villagebook"
    with pytest.raises(StorageError) as chinese:
        open_server(url, tmp_path)
    assert str(chinese.value) == (
        f"未安装 PostgreSQL 组件：请运行 VillageBook-{__version__}-postgresql-setup.exe"
        "（县级服务器才需要）"
    )
    language.use("en")
    try:
        with pytest.raises(StorageError) as english:
            open_server(url, tmp_path)
    finally:
        language.use("zh_CN")
    assert f"VillageBook-{__version__}-postgresql-setup.exe" in str(english.value)
    assert "PostgreSQL" in str(english.value) and "未安装" not in str(english.value)
