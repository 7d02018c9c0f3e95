"""Opening the database: pragmas on every connection, upgrade on open, who/when stamps."""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import sessionmaker
from sqlmodel import Session

from villagebook import __version__, paths
from villagebook.domain.common.errors import os_error_text
from villagebook.domain.common.i18n import _
from villagebook.domain.safety.errors import DatabaseMissing, DatabaseTooNew
from villagebook.storage import anchor, audit, cipher, dialect, guard, integrity, schema
from villagebook.storage.errors import StorageError, classify_operational_error
from villagebook.storage.lock import FolderLock
from villagebook.storage.models.base import Row, utcnow
from villagebook.storage.schema import SCHEMA_HEAD

BUSY_TIMEOUT_MS = 5000

log = logging.getLogger(__name__)


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def create_db_engine(path: Path) -> sa.Engine:
    """An engine whose every connection has WAL, synchronous=FULL and foreign keys on."""
    engine = cipher.create_engine(path, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _set_pragmas)
    return engine


def _read_only_engine(path: Path) -> sa.Engine:
    """For a folder that cannot be written (a CD, a write-protected stick): reads only."""
    return cipher.create_engine(
        path,
        f"sqlite:///file:{path}?mode=ro&immutable=1&uri=true",
        connect_args={"check_same_thread": False},
    )


def is_server_url(url: str | None) -> bool:
    """True for a PostgreSQL URL (``postgresql://…``); None and SQLite URLs are folders."""
    return bool(url) and str(url).split(":", 1)[0].split("+", 1)[0] in ("postgresql", "postgres")


def server_url(url: str) -> sa.URL:
    """``url`` with the psycopg 3 driver (``postgresql://`` → ``postgresql+psycopg://``)."""
    parsed = sa.make_url(url.replace("postgres://", "postgresql://", 1))
    if parsed.drivername in ("postgresql", "postgresql+psycopg2"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def postgresql_addon() -> str:
    """The Windows add-on installer that carries the PostgreSQL driver (psycopg): the main
    installer leaves it out, since only a county server needs it."""
    return f"VillageBook-{__version__}-postgresql-setup.exe"


def require_server_driver() -> None:
    """Refuse a PostgreSQL URL, with the fix, when psycopg cannot be imported (a Windows
    install without the PostgreSQL add-on)."""
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        raise StorageError(
            _(
                "未安装 PostgreSQL 组件：请运行 {installer}（县级服务器才需要）",
                installer=postgresql_addon(),
            )
        ) from exc


def create_server_engine(url: str) -> sa.Engine:
    """An engine on a PostgreSQL server (psycopg 3)."""
    require_server_driver()
    return sa.create_engine(server_url(url), pool_pre_ping=True)


def _stamp(session: Session, _context: Any, _instances: Any) -> None:
    actor = str(session.info.get("actor", ""))
    now = utcnow()
    for obj in session.new:
        if isinstance(obj, Row):
            obj.created_at = now
            obj.created_by = actor
    for obj in session.dirty:
        if isinstance(obj, Row) and session.is_modified(obj, include_collections=False):
            obj.updated_at = now
            obj.updated_by = actor


def default_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "user"


class ServerLock(FolderLock):
    """On a server the database itself keeps writers apart (:func:`dialect.serialize_writers`):
    several inspectors work at once, so there is no folder to lock."""

    def acquire(self) -> FolderLock:
        self.acquired = True
        return self

    def release(self) -> None:
        self.acquired = False


class Database:
    """One open data folder (or server database).  Use :meth:`write` for changes,
    :meth:`read` for queries."""

    def __init__(
        self, data_dir: Path, engine: sa.Engine, actor: str, lock: FolderLock | None = None
    ) -> None:
        self.data_dir = data_dir
        self.engine = engine
        #: Who makes the changes: the recorder's name (stamped on rows and the audit log).
        self.actor = actor
        #: True when the database is a PostgreSQL server rather than the folder's file.
        self.is_server = dialect.is_postgres(engine)
        #: The computer login: technical detail in the audit log, beside the actor.
        self.login = default_actor()
        #: One writer per data folder: taken on the first write (or by the window at once).
        self.lock = lock or (ServerLock(data_dir) if self.is_server else FolderLock(data_dir))
        self._sessions = sessionmaker(bind=engine, class_=Session, expire_on_commit=False)
        event.listen(self._sessions, "before_flush", _stamp)
        guard.install(self._sessions)
        audit.install(self._sessions)
        #: The audit chain's head last written to the anchor file (``storage.anchor``); a
        #: server has none: several computers write to it, its safety is its administrator's.
        self._anchored: anchor.Anchor | None = None if self.is_server else anchor.read(data_dir)

    @property
    def path(self) -> Path:
        return paths.database_path(self.data_dir)

    @property
    def url(self) -> str:
        """Where the database is, as shown to people (no password)."""
        if self.is_server:
            return self.engine.url.render_as_string(hide_password=True)
        return str(self.path)

    def reconnect(self) -> None:
        """A new engine on the same file (after it was re-written encrypted or plain)."""
        self.engine.dispose()
        writable = os.access(self.data_dir, os.W_OK)
        self.engine = create_db_engine(self.path) if writable else _read_only_engine(self.path)
        self._sessions.configure(bind=self.engine)

    def session(self) -> Session:
        session = self._sessions()
        session.info["actor"] = self.actor
        session.info[audit.LOGIN_KEY] = self.login
        return session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for queries; storage failures (a locked or unreadable file) are raised
        as :class:`StorageError` with a plain message, as for writes."""
        with self.session() as session:
            try:
                yield session
            except sa.exc.OperationalError as exc:
                raise classify_operational_error(exc) from exc

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed if the block succeeds, rolled back on any error.

        Known storage failures (disk full, read-only folder, locked, corrupt) are raised as
        :class:`StorageError` with a plain Chinese message.
        """
        self.lock.acquire()
        session = self.session()
        try:
            if self.is_server:
                dialect.serialize_writers(session.connection())
            yield session
            session.commit()
        except sa.exc.OperationalError as exc:
            session.rollback()
            raise classify_operational_error(exc) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()
        self.update_anchor()

    def update_anchor(self) -> None:
        """Write the audit chain's head to the anchor file when it moved (after a commit).

        A failure is logged, not raised: the change is committed, and an anchor that lags
        behind the chain is not a discrepancy (only one that the chain does not hold is).
        A server database has no anchor file.
        """
        if self.is_server:
            return
        try:
            with self.engine.connect() as conn:
                top = anchor.head(conn)
            if top != self._anchored:
                anchor.write(self.data_dir, top)
                self._anchored = top
        except (OSError, sa.exc.SQLAlchemyError):
            log.warning("could not write the audit anchor of %s", self.data_dir, exc_info=True)

    def close(self) -> None:
        self.engine.dispose()
        self.lock.release()


def current_revision(path: Path) -> str | None:
    """The Alembic revision stored in the file, read with plain sqlite3 (fast path)."""
    if not path.exists():
        return None
    conn = cipher.connect_ro(path, integrity.read_only_uri(path))
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except cipher.database_error_types():
        return None
    finally:
        conn.close()
    return str(row[0]) if row else None


def backup_copy(source: Path, target: Path) -> Path:
    """A consistent copy of a (possibly live) database with SQLite's online backup API."""
    from villagebook.storage.backup import snapshot

    return snapshot(source, target)


def server_revision(engine: sa.Engine) -> str | None:
    """The Alembic revision of a server database (None when it has no tables yet)."""
    with engine.connect() as conn:
        if not sa.inspect(conn).has_table("alembic_version"):
            return None
        row = conn.execute(sa.text("SELECT version_num FROM alembic_version")).first()
    return str(row[0]) if row else None


def open_server(
    url: str, data_dir: Path | None = None, *, actor: str | None = None, upgrade: bool = True
) -> Database:
    """Open (creating or upgrading as needed) the PostgreSQL database at ``url``.

    The same tables and migrations as a data folder.  What a folder has and a server has
    not: the integrity check and the backups before an upgrade are the server's (its
    administrator's ``pg_dump``), and no folder lock: writers wait for each other in the
    database.  ``data_dir`` still holds this computer's log and settings.
    """
    data_dir = Path(data_dir) if data_dir else paths.default_data_dir()
    data_dir.mkdir(parents=True, exist_ok=True)
    engine = create_server_engine(url)
    try:
        revision = server_revision(engine)
    except sa.exc.OperationalError as exc:
        engine.dispose()
        raise StorageError(
            _(
                "无法连接数据库服务器 {url}：{error}",
                url=server_url(url).render_as_string(hide_password=True),
                error=str(exc.orig).strip() or exc,
            )
        ) from exc
    if upgrade and revision != SCHEMA_HEAD:
        from villagebook.storage.migrate import upgrade_engine

        upgrade_engine(engine)
    return Database(data_dir, engine, actor or default_actor())


def open_database(
    data_dir: Path | None = None,
    *,
    actor: str | None = None,
    upgrade: bool = True,
    url: str | None = None,
) -> Database:
    """Open (creating or upgrading as needed) the database in ``data_dir``, or on the
    PostgreSQL server of ``url`` (see :func:`open_server`).

    An existing database on an older schema is first copied to ``backups/`` and then
    upgraded; a new one is created by running every migration (beside its final name, then
    renamed: never a half-made database), so the migrations are what defines the schema.
    Refused, with nothing written: a damaged file (:class:`DatabaseDamaged`), one written by
    a newer VillageBook (:class:`DatabaseTooNew`), and a missing database in a folder that
    held a village before (:class:`DatabaseMissing`: a new, empty one would hide it).
    """
    if is_server_url(url):
        assert url is not None
        return open_server(url, data_dir, actor=actor, upgrade=upgrade)
    data_dir = Path(data_dir) if data_dir else paths.default_data_dir()
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            _("无法创建数据文件夹 {folder}：{error}", folder=data_dir, error=os_error_text(exc))
        ) from exc
    db_path = paths.database_path(data_dir)
    if db_path.exists():
        problems = integrity.check(db_path)
        if problems:  # never write to a damaged file (see storage.backup.restore)
            raise integrity.DatabaseDamaged(db_path, problems)
    else:
        _refuse_to_hide_earlier_data(data_dir)
    revision = current_revision(db_path)
    if revision is not None and schema.is_newer(revision):
        raise DatabaseTooNew(db_path, revision)
    lock = FolderLock(data_dir)
    if upgrade and revision != SCHEMA_HEAD:
        lock.acquire()
        kept = anchor.read(data_dir)
        if revision is not None:
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            backup_copy(
                db_path, paths.backups_dir(data_dir) / f"pre-upgrade-{revision}-{stamp}.sqlite3"
            )
            _upgrade(db_path, revision)
        else:
            _create(db_path)
        # A new or upgraded database: its chain (the baseline, the migrations' entries) is
        # anchored from here on, unless it no longer holds the anchor kept before.
        if kept is None or anchor.file_continues(db_path, kept):
            anchor.write(data_dir, anchor.head_of_file(db_path))
    writable = os.access(data_dir, os.W_OK)
    if writable:
        _clean_leftovers(data_dir)
    engine = create_db_engine(db_path) if writable else _read_only_engine(db_path)
    return Database(data_dir, engine, actor or default_actor(), lock)


def _refuse_to_hide_earlier_data(data_dir: Path) -> None:
    from villagebook.storage import backup

    if backup.earlier_data(data_dir):
        copies = backup.good_copies(data_dir)
        raise DatabaseMissing(data_dir, copies[0] if copies else None)


def _upgrade(db_path: Path, revision: str) -> None:
    from alembic.util import CommandError

    from villagebook.storage.migrate import upgrade_to_head

    try:
        upgrade_to_head(db_path)
    except CommandError as exc:  # a revision no release of this program has
        raise DatabaseTooNew(db_path, revision) from exc


def _create(db_path: Path) -> None:
    """A new database: every migration run on a file beside it, then renamed into place."""
    from villagebook.storage.backup import PARTIAL
    from villagebook.storage.migrate import upgrade_to_head

    new = db_path.with_name(db_path.name + PARTIAL)
    for leftover in (new, new.with_name(new.name + "-wal"), new.with_name(new.name + "-shm")):
        leftover.unlink(missing_ok=True)
    for orphan in (
        db_path.with_name(db_path.name + "-wal"),
        db_path.with_name(db_path.name + "-shm"),
    ):
        orphan.unlink(missing_ok=True)  # empty (a log with changes counts as earlier data)
    try:
        upgrade_to_head(new)
        conn = cipher.connect(new)  # the log folded in: the file alone is the database
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
        with new.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(new, db_path)
    except OSError as exc:
        new.unlink(missing_ok=True)
        raise StorageError(_("无法创建数据库：{error}", error=os_error_text(exc))) from exc
    except sa.exc.OperationalError as exc:
        new.unlink(missing_ok=True)
        raise classify_operational_error(exc) from exc
    finally:
        for leftover in (new.with_name(new.name + "-wal"), new.with_name(new.name + "-shm")):
            leftover.unlink(missing_ok=True)


def _clean_leftovers(data_dir: Path) -> None:
    """Copies a killed program left unfinished (``*.partial``): all of them when the folder
    is free (nobody is copying into it), else those untouched for a while."""
    from villagebook.storage import backup

    lock = FolderLock(data_dir)
    try:
        lock.acquire()
        held = True
    except StorageError:  # another program has the folder (or it cannot be locked)
        held = False
    try:
        for folder, below in ((data_dir, False), (paths.attachments_dir(data_dir), True)):
            with contextlib.suppress(OSError):  # tidying up is never worth refusing to open
                backup.clean_stale(folder, held=held, below=below)
    finally:
        if held:
            lock.release()
