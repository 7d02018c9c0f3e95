"""Import every module the app uses, with the installed Python, from the pruned payload.

Run by wine_smoke.py as ``<install>\\python\\python.exe probe.py`` (the ._pth file puts
lib\\ and app\\ on sys.path): every villagebook module, every package its source imports
(also inside ``try``), and the modules loaded later by name (Alembic's dialects, Qt's
printing and PDF bindings, ReportLab's image support).  Exit 1 listing what failed.
"""

from __future__ import annotations

import ast
import importlib
import os
import pkgutil
import sys
import traceback
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: Loaded by name at run time, so no import statement in villagebook names them.
BY_NAME = (
    "ssl",  # stdnum.util
    "sqlite3",
    "sqlalchemy.dialects.sqlite",
    "sqlalchemy.dialects.postgresql",  # Alembic imports every dialect it has an impl for
    "sqlalchemy.dialects.postgresql.psycopg",  # --database-url postgresql:// (the driver
    # itself, psycopg, is the PostgreSQL add-on's: wine_smoke.py imports it once installed)
    "sqlalchemy.dialects.mysql",
    "sqlalchemy.dialects.mssql",
    "sqlalchemy.dialects.oracle",
    "alembic.ddl",
    "alembic.runtime.migration",
    "alembic.script",
    "mako.template",
    "PySide6.QtPrintSupport",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PIL.Image",
    "PIL.JpegImagePlugin",
    "PIL.PngImagePlugin",
    "reportlab.lib.utils",
    "reportlab.pdfbase.ttfonts",
    "reportlab.platypus",
    "pypdf",
    "argon2",
    "jsonschema",
    "pydantic_core",
    "rpds",
    # packages whose compiled accelerators the payload drops (payload.ACCELERATED): their
    # pure-Python fallbacks must import
    "pyhanko.sign.timestamps",  # imports aiohttp (and yarl, frozenlist, propcache)
    "aiohttp.http_parser",
    "aiohttp.http_writer",
    "aiohttp._websocket.reader",
    "yarl",
    "frozenlist",
    "propcache",
    "charset_normalizer",  # reportlab.lib.rparsexml, lazily
    "pikepdf",  # without pikepdf.pdfa and fontTools, which the payload does not carry
    "pypdf.generic._font",  # imports fontTools behind try
    "pyhanko.pdf_utils.text",
    "pyhanko.sign.validation.report",  # without report.tools (xsdata)
    "pyhanko.sign.validation.qualified",  # without eutl_* (xsdata)
    "pydantic.deprecated.class_validators",  # pydantic without v1
    "PIL.TiffImagePlugin",  # Pillow's kept plugins (payload.PIL_PLUGINS)
    "PIL.GifImagePlugin",
    "PIL.BmpImagePlugin",
    "PIL.MpoImagePlugin",
    "PIL.PpmImagePlugin",
    # the standard library around what payload.STDLIB_PRUNE drops
    "pydoc",  # stdnum.util; pydoc imports _pyrepl.pager
    "decimal",
    "datetime",
    "zoneinfo",
)


STDLIB = sys.stdlib_module_names
#: Named in villagebook's source but carried by the PostgreSQL add-on (storage/db.py
#: imports it behind ``try`` and names the add-on when it is missing).
ADDON = ("psycopg",)


def named_in_source(package: Path) -> set[str]:
    names = set()
    for source in package.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module)
    return names


def plain_sqlite() -> list[str]:
    """On Windows the payload's sqlite3 is sqlcipher3's (packaging/shims/sqlite3): a plain,
    unkeyed database file written through it, and SQLAlchemy's pysqlite dialect on it."""
    import sqlite3
    import tempfile

    import sqlalchemy as sa

    failed = []
    if sys.platform == "win32":
        from sqlcipher3 import dbapi2

        if sqlite3.connect is not dbapi2.connect or sqlite3.dbapi2 is not dbapi2:
            failed.append(f"sqlite3 is {sqlite3.__file__}, not sqlcipher3's")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plain.sqlite3"
        engine = sa.create_engine(f"sqlite:///{path}")
        with engine.begin() as conn:
            conn.execute(sa.text("CREATE TABLE t (x)"))
            conn.execute(sa.text("INSERT INTO t VALUES (42)"))
        engine.dispose()
        with sqlite3.connect(path) as conn, sqlite3.connect(":memory:") as copy:
            conn.backup(copy)
            value = copy.execute("SELECT x FROM t").fetchone()[0]
        conn.close()
        header = path.read_bytes()[:16]
        if value != 42 or header != b"SQLite format 3\x00":
            failed.append(f"plain SQLite through sqlite3: {value!r}, header {header!r}")
    return failed


def main() -> int:
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    import villagebook

    package = Path(villagebook.__file__).parent
    # __main__ starts the app; migrations.env is Alembic's script, run by the upgrade itself
    own = [
        m.name
        for m in pkgutil.walk_packages([str(package)], "villagebook.")
        if not m.name.endswith(("__main__", "migrations.env"))
    ]
    # the standard library ships nearly whole (python313.zip, less payload.STDLIB_PRUNE,
    # which check_payload proves nothing imports); what the source imports from it on
    # other systems only (fcntl, ...) sits behind a platform check
    third_party = {n for n in named_in_source(package) if n.split(".")[0] not in (*STDLIB, *ADDON)}
    wanted = sorted(set(own) | third_party | set(BY_NAME))
    failed = []
    import PIL.Image

    PIL.Image.init()  # every kept plugin registers; the pruned ones are skipped
    for ext in (".png", ".jpg", ".gif", ".bmp", ".tif", ".ppm"):
        if ext not in PIL.Image.registered_extensions():
            failed.append(f"PIL: no plugin for {ext}")
    for name in wanted:
        try:
            importlib.import_module(name)
        except Exception:
            failed.append(f"{name}: {traceback.format_exc(limit=2).strip().splitlines()[-1]}")
    failed += plain_sqlite()
    loaded = sorted(m for m in sys.modules if m.split(".")[0] not in sys.stdlib_module_names)
    for line in failed:
        print(f"FAIL {line}")
    print(
        f"{len(wanted) - len(failed)}/{len(wanted)} modules imported"
        f" ({len(own)} of villagebook); {len(loaded)} non-stdlib modules loaded"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
