"""``villagebook --self-test``: prove an installation works, end to end, without a user.

Every packaging check runs it (the fresh clone, the Linux payload, the installed Windows
build).  It works in a temporary data folder and a temporary settings file, so it never
touches the user's records or window state.  One line per check, ``PASS name`` or
``FAIL name: reason``; the exit code is 0 only if every check passed.

This module holds the core checks and imports no Qt; the window's checks (translation,
main window) live in :mod:`villagebook.ui.selftest_gui`, and :func:`villagebook.app.self_test`
runs both lists.
"""

from __future__ import annotations

import os
import platform
import struct
import sys
import tempfile
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from villagebook import __version__, paths
from villagebook.domain.common.i18n import _

if TYPE_CHECKING:
    from villagebook.services.book import Book

PDF_TITLE = "党员花名册"  # i18n: stored (the printed form's own title)
TRANSLATION_PROBE = ("Navigation", "Roster", "花名册")  # i18n: stored (the expected Chinese)
MODAL_POLL_MS = 200
MODAL_GIVE_UP_MS = 20_000


class CheckFailed(Exception):
    """A check found something wrong; the message says what, for the person installing."""


@dataclass
class SelfTest:
    """What the checks share: the temporary data folder and what earlier checks made."""

    work_dir: Path
    book: Book | None = None
    branch_id: Any = None
    notes: dict[str, str] = field(default_factory=dict)

    @property
    def data_dir(self) -> Path:
        return self.work_dir / "data"

    def need_book(self) -> Book:
        if self.book is None:
            raise CheckFailed(_("数据库未创建（前面的检查失败）"))
        return self.book


@dataclass(frozen=True)
class Result:
    name: str
    ok: bool
    detail: str = ""

    def line(self) -> str:
        if self.ok:
            return f"PASS {self.name}" + (f" ({self.detail})" if self.detail else "")
        return f"FAIL {self.name}: {self.detail}"


Check = Callable[[SelfTest], str | None]


# --- the checks -------------------------------------------------------------------------


def check_python(_ctx: SelfTest) -> str:
    import sqlite3

    if sqlite3.sqlite_version_info < (3, 35):
        raise CheckFailed(_("SQLite 版本过旧：{version}", version=sqlite3.sqlite_version))
    from villagebook import about

    package = Path(__file__).resolve().parent
    bits = struct.calcsize("P") * 8  # not platform.machine(): that queries WMI on Windows
    carried = about.bundle()
    source = "installed build" if carried.installed else "this environment"
    return (
        f"Python {platform.python_version()} {sys.platform} {bits}-bit, {package}; "
        f"Qt {carried.qt}; {source}: {carried.versions()}"
    )


def check_resources(_ctx: SelfTest) -> str:
    font = paths.font_path()
    if not font.is_file() or font.stat().st_size < 1_000_000:
        raise CheckFailed(_("中文字体文件缺失或不完整：{path}", path=font))
    for schema in ("exchange-v1.schema.json",):
        if not paths.resource("schema", schema).is_file():
            raise CheckFailed(_("缺少数据交换格式文件：{name}", name=schema))
    return str(paths.resources_dir())


def check_migrations(_ctx: SelfTest) -> str:
    from villagebook.storage.migrate import MIGRATIONS_DIR, head_revision
    from villagebook.storage.schema import SCHEMA_HEAD

    versions = sorted(p.name for p in (MIGRATIONS_DIR / "versions").glob("*.py"))
    if not versions:
        raise CheckFailed(_("找不到数据库迁移脚本：{path}", path=MIGRATIONS_DIR))
    head = head_revision()
    if head != SCHEMA_HEAD:
        raise CheckFailed(
            _(
                "迁移脚本的最新版本 {head} 与程序期望的 {expected} 不一致",
                head=head,
                expected=SCHEMA_HEAD,
            )
        )
    return f"{len(versions)} revisions, head {head}"


def check_database(ctx: SelfTest) -> str:
    from villagebook.services.book import Book
    from villagebook.storage.db import current_revision
    from villagebook.storage.schema import SCHEMA_HEAD

    ctx.book = Book.open(ctx.data_dir, actor="自检")  # i18n: stored (the recorder's name)
    revision = current_revision(ctx.book.path)
    if revision != SCHEMA_HEAD:
        raise CheckFailed(
            _(
                "新建数据库的版本为 {revision}，应为 {expected}",
                revision=revision,
                expected=SCHEMA_HEAD,
            )
        )
    return str(ctx.book.path)


def check_demo(ctx: SelfTest) -> str:
    from villagebook.domain.roster.values import RosterFilter

    book = ctx.need_book()
    branch = book.create_demo(force=True)
    assert branch is not None
    ctx.branch_id = branch.id
    people = book.roster.count(branch.id, RosterFilter())
    if not people:
        raise CheckFailed(_("演示支部没有党员记录"))
    return f"{people} people"


def check_pdf(ctx: SelfTest) -> str:
    from pypdf import PdfReader

    from villagebook.services.printing import ReportRequest

    book = ctx.need_book()
    out = ctx.work_dir / "roster.pdf"
    result = book.reports.build(ReportRequest("roster", branch_id=ctx.branch_id), out)
    reader = PdfReader(out)
    text = "".join(page.extract_text() or "" for page in reader.pages)
    if PDF_TITLE not in text:
        raise CheckFailed(
            _("PDF 中提取不到中文标题“{title}”（字体未嵌入或不可提取）", title=PDF_TITLE)
        )
    if not _fonts_embedded(reader):
        raise CheckFailed(_("PDF 中的字体没有嵌入"))
    proof = book.reports.verify_file(out)
    if proof.exit_code != 0:
        raise CheckFailed(_("PDF 签名校验未通过：{verdict}", verdict=proof.verdict.label))
    return f"{result.pages} pages, {out.stat().st_size // 1024} KB, signed and verified"


def _fonts_embedded(reader: Any) -> bool:
    """True when every font the first page uses carries its own glyphs (FontFile2)."""
    fonts = reader.pages[0]["/Resources"]["/Font"]
    found = False
    for ref in fonts.values():
        font = ref.get_object()
        for descendant in font.get("/DescendantFonts", [font]):
            descriptor = descendant.get_object().get("/FontDescriptor")
            if descriptor is None:
                continue
            descriptor = descriptor.get_object()
            if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                return False
            found = True
    return found


CHECKS: tuple[tuple[str, Check], ...] = (
    ("python", check_python),
    ("resources", check_resources),
    ("migrations", check_migrations),
    ("database", check_database),
    ("demo", check_demo),
    ("pdf", check_pdf),
)


# --- running ----------------------------------------------------------------------------


def postgresql_addon() -> str:
    """Whether the PostgreSQL driver is here (informational: only a county server needs it;
    the Windows main installer leaves it to VillageBook-<version>-postgresql-setup.exe)."""
    import importlib.util

    spec = importlib.util.find_spec("psycopg")
    if spec is None or spec.origin is None:
        return "INFO postgresql-addon: not installed (only a county server needs it)"
    binary = importlib.util.find_spec("psycopg_binary") is not None
    where = Path(spec.origin).parent.parent
    return f"INFO postgresql-addon: present, psycopg in {where}" + (
        " with psycopg_binary" if binary else " (no psycopg_binary)"
    )


def run_check(name: str, check: Check, ctx: SelfTest) -> Result:
    try:
        detail = check(ctx)
    except CheckFailed as exc:
        return Result(name, False, str(exc))
    except Exception as exc:
        last = traceback.extract_tb(exc.__traceback__)[-1:]
        where = f" at {Path(last[0].filename).name}:{last[0].lineno}" if last else ""
        return Result(name, False, f"{type(exc).__name__}: {exc}{where}")
    return Result(name, True, detail or "")


def run_checks(
    checks: Sequence[tuple[str, Check]] = CHECKS, *, out: Callable[[str], None] = print
) -> list[Result]:
    """Run every check in a fresh temporary folder, reporting each as it finishes."""
    results: list[Result] = []
    with tempfile.TemporaryDirectory(
        prefix="villagebook-selftest-", ignore_cleanup_errors=True
    ) as tmp:
        ctx = SelfTest(Path(tmp))
        previous = os.environ.get("VILLAGEBOOK_DATA_DIR")
        os.environ["VILLAGEBOOK_DATA_DIR"] = str(ctx.data_dir)
        try:
            for name, check in checks:
                result = run_check(name, check, ctx)
                results.append(result)
                out(result.line())
        finally:
            _restore_env("VILLAGEBOOK_DATA_DIR", previous)
            if ctx.book is not None:
                ctx.book.close()
    return results


def _restore_env(name: str, value: str | None) -> None:
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value


def main(checks: Sequence[tuple[str, Check]] = CHECKS) -> int:
    def out(line: str) -> None:
        print(line, flush=True)

    out(f"VillageBook {__version__} self-test")
    out(postgresql_addon())
    results = run_checks(checks, out=out)
    failed = [r for r in results if not r.ok]
    out(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    return 0 if not failed else 1
