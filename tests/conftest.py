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


# --- a real PostgreSQL server for the storage, merge and concurrency tests ------------------
#
# The controller process starts one server for the whole run (tests/pgserver.py: initdb and
# pg_ctl in a temporary folder, as the ``postgres`` user when run as root) in the background
# while the tests are collected; xdist workers inherit its folder through the environment and
# wait for it when a test first needs it.  One database is migrated once as a template; each
# test gets its own copy (CREATE DATABASE … TEMPLATE), dropped afterwards.  The server is
# stopped when the run ends.  VILLAGEBOOK_TEST_PG=0 skips starting it (those tests then fail).

import os  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import uuid  # noqa: E402

from tests import pgserver  # noqa: E402

PG_DIR_ENV = "VILLAGEBOOK_TEST_PG_DIR"
PG_TEMPLATE = "vb_template"


def pytest_configure(config: pytest.Config) -> None:
    if hasattr(config, "workerinput") or os.environ.get("VILLAGEBOOK_TEST_PG") == "0":
        return
    if os.environ.get(PG_DIR_ENV):  # an outer run (a test of the test command) owns it
        return
    folder = Path(tempfile.mkdtemp(prefix="villagebook-pg-"))
    os.environ[PG_DIR_ENV] = str(folder)
    script = Path(__file__).with_name("pgserver.py")
    config._villagebook_pg = (  # type: ignore[attr-defined]
        folder,
        subprocess.Popen(
            [sys.executable, str(script), "start", str(folder)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
    )


def pytest_unconfigure(config: pytest.Config) -> None:
    started = getattr(config, "_villagebook_pg", None)
    if started is None:
        return
    folder, process = started
    process.wait()
    pgserver.stop(folder)
    os.environ.pop(PG_DIR_ENV, None)


def _server_url() -> str:
    folder = os.environ.get(PG_DIR_ENV)
    if not folder:
        pytest.fail("no PostgreSQL server was started for this run (VILLAGEBOOK_TEST_PG=0?)")
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        url = pgserver.url_of(Path(folder))
        if url:
            return url
        failed = Path(folder) / pgserver.FAILED
        if failed.exists():
            pytest.fail("PostgreSQL did not start: " + failed.read_text())
        time.sleep(0.1)
    pytest.fail("PostgreSQL did not start within 90 s")


def _admin(url: str) -> object:
    import psycopg

    return psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True)


def _database_url(server: str, name: str) -> str:
    return server.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(scope="session")
def pg_server() -> str:
    """The server's URL, with the migrated template database made (once for the whole run)."""
    server = _server_url()
    conn = _admin(server)
    try:
        conn.execute("SELECT pg_advisory_lock(20261122)")  # type: ignore[attr-defined]
        exists = conn.execute(  # type: ignore[attr-defined]
            "SELECT 1 FROM pg_database WHERE datname = %s", (PG_TEMPLATE,)
        ).fetchone()
        if not exists:
            conn.execute(f"CREATE DATABASE {PG_TEMPLATE}")  # type: ignore[attr-defined]
            database = open_database(
                Path(tempfile.mkdtemp(prefix="vb-pg-template-")),
                url=_database_url(server, PG_TEMPLATE),
                actor=ACTOR,
            )
            database.close()
        conn.execute("SELECT pg_advisory_unlock(20261122)")  # type: ignore[attr-defined]
    finally:
        conn.close()  # type: ignore[attr-defined]
    return server


def new_pg_database(server: str) -> str:
    """A fresh copy of the migrated template; returns its URL."""
    name = f"t_{uuid.uuid4().hex[:16]}"
    conn = _admin(server)
    try:
        for attempt in range(50):
            try:
                conn.execute(f"CREATE DATABASE {name} TEMPLATE {PG_TEMPLATE}")  # type: ignore[attr-defined]
                break
            except Exception as exc:  # another test copies the template at this moment
                if "being accessed by other users" not in str(exc) or attempt == 49:
                    raise
                time.sleep(0.05)
    finally:
        conn.close()  # type: ignore[attr-defined]
    return _database_url(server, name)


def drop_pg_database(server: str, url: str) -> None:
    conn = _admin(server)
    try:
        conn.execute(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]} WITH (FORCE)")  # type: ignore[attr-defined]
    finally:
        conn.close()  # type: ignore[attr-defined]


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A fresh, migrated PostgreSQL database of its own for one test."""
    url = new_pg_database(pg_server)
    yield url
    drop_pg_database(pg_server, url)


BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Run the test on SQLite (a data folder) and on a real PostgreSQL server."""
    return str(request.param)


@pytest.fixture
def open_any(
    backend: str, tmp_path: Path, template_empty: Path, request: pytest.FixtureRequest
) -> Iterator[object]:
    """``open_any(name)``: a new, empty, migrated database on the test's backend."""
    opened: list[Database] = []
    made: list[str] = []

    def make(name: str) -> Database:
        folder = tmp_path / name
        if backend == "sqlite":
            database = open_database(_copy_template(template_empty, folder), actor=ACTOR)
        else:
            server = request.getfixturevalue("pg_server")
            url = new_pg_database(server)
            made.append(url)
            database = open_database(folder, url=url, actor=ACTOR)
        opened.append(database)
        return database

    yield make
    for database in opened:
        database.close()
    if made:
        server = request.getfixturevalue("pg_server")
        for url in made:
            drop_pg_database(server, url)
