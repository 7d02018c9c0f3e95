"""Opening the database: pragmas on every connection, upgrade on open, who/when stamps."""

from __future__ import annotations

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

from villagebook import paths
from villagebook.domain.common.i18n import _
from villagebook.storage import anchor, audit, cipher, integrity
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


class Database:
    """One open data folder.  Use :meth:`write` for changes, :meth:`read` for queries."""

    def __init__(
        self, data_dir: Path, engine: sa.Engine, actor: str, lock: FolderLock | None = None
    ) -> None:
        self.data_dir = data_dir
        self.engine = engine
        #: Who makes the changes: the recorder's name (stamped on rows and the audit log).
        self.actor = actor
        #: The computer login: technical detail in the audit log, beside the actor.
        self.login = default_actor()
        #: One writer per data folder: taken on the first write (or by the window at once).
        self.lock = lock or FolderLock(data_dir)
        self._sessions = sessionmaker(bind=engine, class_=Session, expire_on_commit=False)
        event.listen(self._sessions, "before_flush", _stamp)
        audit.install(self._sessions)
        #: The audit chain's head last written to the anchor file (``storage.anchor``).
        self._anchored: anchor.Anchor | None = anchor.read(data_dir)

    @property
    def path(self) -> Path:
        return paths.database_path(self.data_dir)

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
        with self.session() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed if the block succeeds, rolled back on any error.

        Known storage failures (disk full, read-only folder, locked, corrupt) are raised as
        :class:`StorageError` with a plain Chinese message.
        """
        self.lock.acquire()
        session = self.session()
        try:
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
        """
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


def open_database(
    data_dir: Path | None = None, *, actor: str | None = None, upgrade: bool = True
) -> Database:
    """Open (creating or upgrading as needed) the database in ``data_dir``.

    An existing database on an older schema is first copied to ``backups/`` and then
    upgraded; a new one is created by running every migration, so the migrations are
    what defines the schema.
    """
    data_dir = Path(data_dir) if data_dir else paths.default_data_dir()
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            _("无法创建数据文件夹 {folder}：{error}", folder=data_dir, error=exc.strerror or exc)
        ) from exc
    db_path = paths.database_path(data_dir)
    if db_path.exists():
        problems = integrity.check(db_path)
        if problems:  # never write to a damaged file (see storage.backup.restore)
            raise integrity.DatabaseDamaged(db_path, problems)
    revision = current_revision(db_path)
    lock = FolderLock(data_dir)
    if upgrade and revision != SCHEMA_HEAD:
        lock.acquire()
        if revision is not None:
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            backup_copy(
                db_path, paths.backups_dir(data_dir) / f"pre-upgrade-{revision}-{stamp}.sqlite3"
            )
        from villagebook.storage.migrate import upgrade_to_head

        kept = anchor.read(data_dir)
        upgrade_to_head(db_path)
        # A new or upgraded database: its chain (the baseline, the migrations' entries) is
        # anchored from here on, unless it no longer holds the anchor kept before.
        if kept is None or anchor.file_continues(db_path, kept):
            anchor.write(data_dir, anchor.head_of_file(db_path))
    writable = os.access(data_dir, os.W_OK)
    engine = create_db_engine(db_path) if writable else _read_only_engine(db_path)
    return Database(data_dir, engine, actor or default_actor(), lock)
