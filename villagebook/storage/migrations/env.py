"""Alembic environment: batch mode for SQLite, foreign keys off while tables are rebuilt."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, text

from villagebook.storage import models  # noqa: F401  (registers every table)
from villagebook.storage.migrations_render import render_item
from villagebook.storage.models.base import SQLModel

config = context.config
target_metadata = SQLModel.metadata


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
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
