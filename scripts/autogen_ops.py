"""Print the Alembic ops that create the given tables, to paste into a migration.

Usage: .venv/bin/python scripts/autogen_ops.py TABLE [TABLE ...]

It upgrades a scratch database to the current head, compares it with the models, and
renders the difference for the named tables only, without writing a revision file (so
parallel work on other revisions is not disturbed).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic.autogenerate import produce_migrations, render_python_code
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from villagebook.storage import models  # noqa: F401
from villagebook.storage.migrate import upgrade_to_head
from villagebook.storage.migrations_render import render_item
from villagebook.storage.models.base import SQLModel


def main(tables: list[str]) -> int:
    wanted = set(tables)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scratch.sqlite3"
        upgrade_to_head(path)
        engine = create_engine(f"sqlite:///{path}")
        with engine.connect() as conn:

            def include_object(
                obj: object, name: str | None, type_: str, reflected: bool, other: object
            ) -> bool:
                table = (
                    name if type_ == "table" else getattr(getattr(obj, "table", None), "name", None)
                )
                return table in wanted

            context = MigrationContext.configure(
                conn,
                opts={
                    "render_as_batch": True,
                    "include_object": include_object,
                    "target_metadata": SQLModel.metadata,
                },
            )
            ops = produce_migrations(context, SQLModel.metadata)
            print("# upgrade")
            print(
                render_python_code(ops.upgrade_ops, render_as_batch=True, render_item=render_item)
            )
            print("# downgrade")
            print(
                render_python_code(ops.downgrade_ops, render_as_batch=True, render_item=render_item)
            )
        engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
