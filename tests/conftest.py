"""Shared fixtures.  Every path a test touches lives in a temporary folder.

Databases come from templates made once per test session: an empty, fully migrated data
folder, and one holding the demo branch.  Each test gets its own copy (a file copy costs a
few milliseconds; running every migration cost 1.3–1.9 s per test).
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from villagebook.paths import DB_FILENAME
from villagebook.services.book import Book
from villagebook.storage.anchor import ANCHOR_FILENAME
from villagebook.storage.db import Database, backup_copy, open_database

TODAY = dt.date(2026, 11, 22)
ACTOR = "测试员"


def _copy_template(template: Path, target: Path) -> Path:
    """A fresh data folder holding a copy of ``template``'s database (and attachments)."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(template / DB_FILENAME, target / DB_FILENAME)
    if (template / ANCHOR_FILENAME).is_file():  # the audit chain's anchor goes with it
        shutil.copy2(template / ANCHOR_FILENAME, target / ANCHOR_FILENAME)
    if (template / "attachments").is_dir():
        shutil.copytree(template / "attachments", target / "attachments")
    return target


@pytest.fixture(scope="session")
def template_empty(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, empty data folder (closed, so its WAL is checkpointed)."""
    folder = tmp_path_factory.mktemp("template-empty")
    open_database(folder, actor=ACTOR).close()
    return folder


@pytest.fixture(scope="session")
def template_demo(tmp_path_factory: pytest.TempPathFactory, template_empty: Path) -> Path:
    """The demo branch 青山村 as of :data:`TODAY`."""
    folder = _copy_template(template_empty, tmp_path_factory.mktemp("template-demo") / "data")
    with Book.open(folder, actor=ACTOR, today=lambda: TODAY) as book:
        book.create_demo()
    return folder


#: RSA keys made once per test process and handed out in turn: each installation a test
#: makes still has its own key, without paying half a second per key generated.
_KEYS: list[object] = []


@pytest.fixture(autouse=True)
def _key_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    from villagebook.services.safety import identity

    made = iter(range(1_000))

    def pooled() -> object:
        index = next(made)
        while len(_KEYS) <= index:
            _KEYS.append(identity.KEY_MAKER())
        return _KEYS[index]

    monkeypatch.setattr(identity, "new_key", pooled)


@pytest.fixture(autouse=True)
def _forget_data_keys() -> Iterator[None]:
    """Data keys unlocked by a test (app lock on) stay with that test."""
    from villagebook.storage import cipher

    yield
    cipher.forget_all()


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VILLAGEBOOK_DATA_DIR", str(tmp_path / "default-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def db(data_dir: Path, template_empty: Path) -> Iterator[Database]:
    """An empty data folder's database (for tests of services below the Book)."""
    database = open_database(_copy_template(template_empty, data_dir), actor=ACTOR)
    yield database
    database.close()


@pytest.fixture
def demo_db(db: Database, template_demo: Path) -> Database:
    """The same object as ``db``, filled with the demo branch by copying its template."""
    db.engine.dispose()
    for suffix in ("-wal", "-shm"):
        db.path.with_name(db.path.name + suffix).unlink(missing_ok=True)
    backup_copy(template_demo / DB_FILENAME, db.path)
    shutil.copy2(template_demo / ANCHOR_FILENAME, db.data_dir / ANCHOR_FILENAME)
    db.update_anchor()
    if (template_demo / "attachments").is_dir():
        shutil.copytree(template_demo / "attachments", db.data_dir / "attachments")
    return db


@pytest.fixture
def book(db: Database) -> Book:
    """An empty Book on the same database as ``db``."""
    return Book(db)


@pytest.fixture
def demo_book(demo_db: Database) -> Book:
    """The demo branch 青山村 (made as of :data:`TODAY`) in a Book whose today is TODAY."""
    return Book(demo_db, today=lambda: TODAY)


# Property-based tests (hypothesis): modest and without deadlines so the suite stays fast.
from hypothesis import HealthCheck  # noqa: E402
from hypothesis import settings as hypothesis_settings  # noqa: E402

hypothesis_settings.register_profile(
    "villagebook",
    deadline=None,
    max_examples=50,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
hypothesis_settings.load_profile("villagebook")


def app_context(db: Database, branch_id: object) -> object:
    """The window's page context on ``db`` (a Book, its change hub) for page tests."""
    from villagebook.ui.changes import ChangeHub
    from villagebook.ui.context import AppContext

    opened = Book(db)
    return AppContext(book=opened, branch_id=branch_id, hub=ChangeHub(opened))  # type: ignore[arg-type]
