"""Alembic environment: batch mode for SQLite, foreign keys off while tables are rebuilt;
on PostgreSQL the same scripts run as plain ALTERs (no batch), and every foreign key is made
``DEFERRABLE`` so a merge or an undo can check them at commit (``storage.dialect``)."""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import Connection, create_engine, text

from villagebook.storage import models  # noqa: F401  (registers every table)
from villagebook.storage.migrations_render import render_item
from villagebook.storage.models.base import SQLModel

config = context.config
target_metadata = SQLModel.metadata

#: Every foreign key not yet deferrable becomes DEFERRABLE INITIALLY IMMEDIATE (PostgreSQL).
DEFERRABLE_FOREIGN_KEYS = """
DO $$
DECLARE fk record;
BEGIN
  FOR fk IN
    SELECT c.conname, t.relname FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE c.contype = 'f' AND NOT c.condeferrable AND n.nspname = current_schema()
  LOOP
    EXECUTE format('ALTER TABLE %I ALTER CONSTRAINT %I DEFERRABLE INITIALLY IMMEDIATE',
                   fk.relname, fk.conname);
  END LOOP;
END $$;
"""


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _run_on_server(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_item=render_item,  # type: ignore[arg-type]
    )
    with context.begin_transaction():
        context.run_migrations()
        connection.execute(text(DEFERRABLE_FOREIGN_KEYS))


def run_migrations_online() -> None:
    given: Any = config.attributes.get("connection")
    if given is not None:  # a server (storage.migrate.upgrade_engine)
        _run_on_server(given)
        return
    # ``storage.migrate`` hands over its engine (an encrypted database needs its key).
    engine = config.attributes.get("engine") or create_engine(
        str(config.get_main_option("sqlalchemy.url"))
    )
    with engine.connect() as connection:
        # Batch mode recreates tables; with foreign keys on, that would cascade.
        connection.execute(text("PRAGMA foreign_keys=OFF"))
        connection.commit()
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
            render_item=render_item,  # type: ignore[arg-type]
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.execute(text("PRAGMA journal_mode=WAL"))
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
