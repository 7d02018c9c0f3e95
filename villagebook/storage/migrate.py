"""Run the Alembic migrations programmatically (no alembic.ini needed)."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(db_path: Path) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", f"sqlite:///{db_path}")
    return config


def upgrade_to_head(db_path: Path, revision: str = "head") -> None:
    """Upgrade the database (plain, or encrypted with a key this process knows)."""
    from villagebook.storage import cipher

    config = alembic_config(db_path)
    engine = cipher.create_engine(db_path)
    config.attributes["engine"] = engine
    try:
        command.upgrade(config, revision)
    finally:
        engine.dispose()


def upgrade_engine(engine: sa.Engine, revision: str = "head") -> None:
    """Run the migrations on ``engine`` (a PostgreSQL server: the same scripts, no batch)."""
    config = alembic_config(Path("unused.sqlite3"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def head_revision() -> str:
    script = ScriptDirectory.from_config(alembic_config(Path("unused.sqlite3")))
    head = script.get_current_head()
    assert head is not None
    return head
