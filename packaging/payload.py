"""The installed layout, shared by the Windows installer and the Linux payload check.

    <install dir>/
      python/       the interpreter (Windows: the official embeddable CPython)
      lib/          every runtime dependency, unpacked from its wheel, pruned
      app/          villagebook (from its wheel) and app/resources/ beside it, so
                    villagebook.paths.resources_dir() finds <package>/../resources
      villagebook.ico, VillageBook.cmd (console launcher for --self-test and the CLI)

The pruning rules say what the app never loads; ``check_payload.py`` proves the rest
is complete (imports, DLL dependencies, font, translations, migrations).
"""

from __future__ import annotations

import ast
import fnmatch
import re
import shutil
import sys
import tomllib
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pe

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
CACHE = PACKAGING / "cache"
OUT = PACKAGING / "out"

#: Qt translations kept besides the app's own (qtbase covers the standard dialogs).
QT_LANGUAGES = ("zh_CN", "en")

#: Qt modules kept whatever the source scan finds: the window (Core, Gui, Widgets), printing
#: (PrintSupport) and the PDF preview (Pdf, PdfWidgets).  Every other PySide6 binding goes
#: unless villagebook imports it (``qt_modules_kept``), and with it every Qt DLL that no kept
#: binding or plugin links against (``qt_dll_closure``).
QT_MODULES_ALWAYS = ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtPdf", "QtPdfWidgets")

#: Qt plugins the app loads, by folder (Windows layout, PySide6/plugins/<folder>/<name>.dll):
#: the native, offscreen and minimal platforms, the Windows style, and the image formats of
#: attachment thumbnails (JPEG, GIF, WebP; PNG and BMP are built into QtGui) and icons.
#: Every other plugin folder and plugin goes.
QT_PLUGINS = {
    "platforms": ("qwindows", "qoffscreen", "qminimal"),
    "styles": ("qmodernwindowsstyle",),
    "imageformats": ("qjpeg", "qgif", "qwebp", "qico"),
}

#: Pillow's image plugins kept (``PIL.Image.init()`` skips a plugin that fails to import):
#: the formats of attachments and of the images ReportLab and pyHanko hand to Pillow, and
#: MPO, which JpegImagePlugin opens for multi-picture JPEGs.  The other plugins go.
PIL_PLUGINS = ("Bmp", "Gif", "Jpeg", "Mpo", "Png", "Ppm", "Tiff", "WebP")

#: Distributions of the lock file the Windows payload leaves out altogether.
NOT_SHIPPED = ("fonttools",)

#: The PostgreSQL add-on (VillageBook-<version>-postgresql-setup.exe): the county server's
#: driver, moved out of lib/ into its own installer, which puts it in
#: <install dir>/addons/postgresql (on sys.path through python313._pth; not lib/, which the
#: main installer replaces on every upgrade).  tzdata stays in lib/: pyHanko stamps every
#: signature with the local time zone (tzlocal -> zoneinfo, which has no system database on
#: Windows).
ADDON_DIR = "addons/postgresql"
ADDON_NAMES = ("psycopg", "psycopg_binary", "psycopg_binary.libs")
ADDON_DISTS = ("psycopg", "psycopg-binary")

#: Paths (glob, relative to lib/) kept although a rule below matches them.
KEEP_GLOBS = ("stdnum/cn",)

#: Paths (glob, relative to lib/) removed from every payload, whatever the package.
PRUNE_GLOBS = (
    # Qt's QML, WebEngine ICU data, developer tools and build files (both layouts)
    "PySide6/qml",
    "PySide6/Qt/qml",
    "PySide6/opengl32sw.dll",  # software OpenGL: a widgets app draws with the raster engine
    "PySide6/resources",
    "PySide6/Qt/resources",
    "PySide6/*.exe",
    "PySide6/assistant",
    "PySide6/designer",
    "PySide6/linguist",
    "PySide6/lrelease",
    "PySide6/lupdate",
    "PySide6/qml*",
    "PySide6/svgtoqml",
    "PySide6/Qt/libexec",
    "PySide6/typesystems",
    "PySide6/glue",
    "PySide6/doc",
    "PySide6/metatypes",
    "PySide6/Qt/metatypes",
    "PySide6/scripts",
    "PySide6/support/generate_pyi.py",
    "*/include",
    "*/cmake",
    "*.lib",
    # Linux wheel layout (the Linux payload check): the same unused Qt modules
    "PySide6/Qt/plugins/designer",
    "PySide6/Qt/plugins/qmltooling",
    "PySide6/Qt/plugins/sqldrivers",
    "PySide6/Qt/plugins/vectorimageformats",
    "PySide6/Qt/lib/libQt6Quick*",
    "PySide6/Qt/lib/libQt6Qml*",
    "PySide6/Qt/lib/libQt6Labs*",
    "PySide6/Qt/lib/libQt6Lottie*",
    "PySide6/Qt/lib/libQt6Designer*",
    "PySide6/Qt/lib/libQt6Help*",
    "PySide6/Qt/lib/libQt6PdfQuick*",
    "PySide6/Qt/lib/libQt6Test*",
    "PySide6/Qt/lib/libQt6Sql*",
    "PySide6/Qt/lib/libQt6VirtualKeyboard*",
    "PySide6/libpyside6qml*",
    # Pillow's codecs and extensions nothing here uses (no AVIF/WebP via Pillow, no colour
    # management, ImageMath, morphology, Tk or FreeType fonts: ReportLab embeds our TTF itself)
    "PIL/_avif*",
    "PIL/_webp*",
    "PIL/_imagingcms*",
    "PIL/_imagingmath*",
    "PIL/_imagingmorph*",
    "PIL/_imagingtk*",
    "PIL/_imagingft*",
    # python-stdnum: only Chinese numbers are checked (stdnum.cn.ric)
    "stdnum/??",
    "stdnum/*.dat",
    # ReportLab's Vera/Bitstream and Type 1 fonts: the PDFs embed WenQuanYi Micro Hei
    "reportlab/fonts",
    # C and Cython sources shipped beside the compiled modules (fontTools, lxml, ...)
    "*.c",
    "*.cpp",
    "*.h",
    "*.pyx",
    "*.pxd",
    "*.pxi",
    # fontTools (whole, with its dist-info) and pikepdf's PDF/A validator, which is the
    # only thing that needs it: the app writes the PDF/A output intent and declaration
    # itself (services/proof/archive.py); only the tests run the validator
    "fontTools",
    "fonttools-*.dist-info",
    "pikepdf/pdfa",
    # pydantic's v1 compatibility layer (nothing here defines v1-style validators) and its
    # mypy plugin (needs mypy)
    "pydantic/v1",
    "pydantic/mypy.py",
    # pyHanko modules whose own imports need packages not shipped: XAdES and the EU trusted
    # lists (xsdata), PKCS#11 tokens (python-pkcs11), QR codes and barcodes (qrcode,
    # python-barcode), the requests time-stamp client (requests)
    "pyhanko/generated",
    "pyhanko/sign/pkcs11.py",
    "pyhanko/pdf_utils/qr.py",
    "pyhanko/pdf_utils/barcodes.py",
    "pyhanko/sign/timestamps/requests_client.py",
    "pyhanko/sign/validation/qualified/eutl_fetch.py",
    "pyhanko/sign/validation/qualified/eutl_parse.py",
    "pyhanko/sign/validation/report/tools.py",
    # lxml: pikepdf and pyHanko use lxml.etree only
    "lxml/objectify*",
    "lxml/html",
    "lxml/isoschematron",
    # installer bookkeeping nothing reads at run time: pip's file lists (RECORD) and the
    # software bills of materials; METADATA, entry points and the licence texts stay
    "*.dist-info/RECORD",
    "*.dist-info/sboms",
    # multidict's test helper extension
    "multidict/_testcapi*",
    # test suites and test helpers, type stubs, caches
    "*/tests",
    "*/test",
    "*/testing",
    "*.pyi",
    "__pycache__",
    "*/__pycache__",
)

#: Compiled copies of pure-Python modules, dropped for the .py beside them (Cython and mypyc
#: build the same source): the app imports these packages but never runs their hot paths
#: (pyHanko's HTTP time-stamp client, which it imports and we never call; ReportLab's
#: charset guess).  Every import site falls
#: back on ImportError or imports the .py of the same name (import_probe.py imports them
#: all from the pruned payload).  multidict is not here: its package imports the extension
#: without a fallback.
ACCELERATED = (
    "aiohttp",
    "yarl",
    "frozenlist",
    "propcache",
    "charset_normalizer",
)
PRUNE_GLOBS += tuple(f"{package}/*.{ext}" for package in ACCELERATED for ext in ("pyd", "so"))

#: Files removed from the embeddable CPython (python/): _wmi.pyd is what platform.machine()
#: and platform.uname() query first; without it they read PROCESSOR_ARCHITECTURE and
#: sys.getwindowsversion() instead.  SQLAlchemy and argon2-cffi call platform.machine() on
#: import, so with _wmi.pyd every start would go through WMI (slow, and fatal on a broken
#: WMI service or under Wine).
PYTHON_PRUNE = ("_wmi.pyd", "python.cat")
# python.cat: the catalogue that signs the embeddable zip's files as a set; every binary
# here carries its own PSF signature, and nothing reads the catalogue at run time.

#: Plain SQLite comes from SQLCipher's build (sqlcipher3, which the app needs for encrypted
#: data anyway): opened without a key, SQLCipher reads and writes plain SQLite files.  So the
#: embeddable CPython's own SQLite goes (these files and the zip's sqlite3 package), and
#: packaging/shims/sqlite3 takes the standard name in lib/ (``replace_sqlite``).
SQLITE_REPLACED = ("sqlite3.dll", "_sqlite3.pyd")
SQLITE_SHIM = PACKAGING / "shims" / "sqlite3"

#: Top-level modules and packages removed from the standard library zip (python3XY.zip):
#: pydoc's topic texts (pydoc itself stays: stdnum imports it, and it imports _pyrepl),
#: mail and other network clients and servers, curses, dbm and shelve, demos, and the
#: pure-Python twins of C modules that _decimal.pyd and the DLL (_datetime) provide.
#: Nothing in app/ or lib/ imports them (``check_payload`` checks; ``import_probe``
#: imports everything the app uses from the pruned zip).
STDLIB_PRUNE = (
    "pydoc_data",
    "xmlrpc",
    "wsgiref",
    "mailbox",
    "imaplib",
    "poplib",
    "smtplib",
    "ftplib",
    "curses",
    "dbm",
    "shelve",
    "__hello__",
    "__phello__",
    "antigravity",
    "_pydecimal",
    "_pydatetime",
)


@dataclass
class PruneReport:
    files: int = 0
    bytes: int = 0

    def merge(self, other: PruneReport) -> None:
        self.files += other.files
        self.bytes += other.bytes

    def add(self, path: Path) -> None:
        if path.is_dir() and not path.is_symlink():
            for f in path.rglob("*"):
                if f.is_file():
                    self.files += 1
                    self.bytes += f.stat().st_size
        elif path.exists():
            self.files += 1
            self.bytes += path.stat().st_size


def project_version() -> str:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return str(data["project"]["version"])


def runtime_requirements() -> list[str]:
    """The app's runtime dependencies from pyproject.toml (not the dev extras)."""
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return [str(r) for r in data["project"]["dependencies"]]


def unpack_wheel(wheel: Path, target: Path) -> None:
    """Install a wheel the way pip would into a plain folder (no scripts, no RECORD fix-up)."""
    with zipfile.ZipFile(wheel) as zf:
        for info in zf.infolist():
            name = info.filename
            parts = name.split("/")
            if parts[0].endswith(".data"):
                if len(parts) < 3 or parts[1] not in ("purelib", "platlib"):
                    continue
                name = "/".join(parts[2:])
            dest = target / name
            if info.is_dir():
                dest.mkdir(parents=True, exist_ok=True)
                continue
            dest.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(info) as src, dest.open("wb") as out:
                shutil.copyfileobj(src, out)
            mode = (info.external_attr >> 16) & 0o777
            if mode & 0o111:
                dest.chmod(0o755)


def should_prune(rel: str, qt_modules: frozenset[str] | None = None) -> bool:
    """Whether a path (POSIX, relative to lib/) is something the app never loads by rule.

    A glob with a folder part matches from lib/; ``*/name`` matches a folder or file of
    that name below the top level; a bare glob matches a file or folder name anywhere.
    PySide6 bindings other than ``qt_modules`` and Qt plugins not in QT_PLUGINS go too; the
    Qt DLLs nothing kept links against are found by :func:`qt_dll_closure`.
    """
    kept = qt_modules if qt_modules is not None else qt_modules_kept()
    parts = rel.split("/")
    prefixes = ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]
    if any(_glob_hit(prefix, pattern) for prefix in prefixes for pattern in KEEP_GLOBS):
        return False
    return any(_drop(prefix, kept) for prefix in prefixes)


def _glob_hit(rel: str, pattern: str) -> bool:
    name = rel.rsplit("/", 1)[-1]
    if pattern.startswith("*/"):
        return "/" in rel and fnmatch.fnmatchcase(name, pattern[2:])
    if "/" in pattern:
        return fnmatch.fnmatchcase(rel, pattern)
    return fnmatch.fnmatchcase(name, pattern)


def _drop(rel: str, qt_modules: frozenset[str]) -> bool:
    name = rel.rsplit("/", 1)[-1]
    module = _QT_MODULE.match(rel)
    if module:
        return module.group(1) not in qt_modules
    plugin = _QT_PLUGIN.match(rel)
    if plugin:
        folder, file = plugin.group(1), plugin.group(2)
        if folder not in QT_PLUGINS:
            return True
        return file is not None and file.rsplit(".", 1)[0] not in QT_PLUGINS[folder]
    pil = _PIL_PLUGIN.match(rel)
    if pil:
        return pil.group(1) not in PIL_PLUGINS
    if "/translations/" in rel and name.endswith(".qm"):
        return _KEEP_QM.match(name) is None
    return any(_glob_hit(rel, pattern) for pattern in PRUNE_GLOBS)


_QT_MODULE = re.compile(r"^PySide6/(Qt[A-Za-z0-9]+)\.(pyd|abi3\.so)$")
_QT_PLUGIN = re.compile(r"^PySide6/plugins/([^/]+)(?:/([^/]+))?$")
_PIL_PLUGIN = re.compile(r"^PIL/(\w+)ImagePlugin\.py$")
_KEEP_QM = re.compile(r"^(qt|qtbase)_(" + "|".join(QT_LANGUAGES) + r")\.qm$")


def imported_modules(package: Path, *, optional: bool = False) -> Iterator[str]:
    """Absolute modules imported by a package's source; ``optional`` adds those imported
    inside a ``try`` (which the code can do without)."""
    for source in package.rglob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        in_try = set()
        if not optional:
            in_try = {
                id(node)
                for t in ast.walk(tree)
                if isinstance(t, ast.Try)
                for stmt in t.body
                for node in ast.walk(stmt)
            }
        for node in ast.walk(tree):
            if id(node) in in_try:
                continue
            if isinstance(node, ast.Import):
                yield from (alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                yield node.module


def imports_in(*folders: Path, names: Iterable[str] = ()) -> Iterator[tuple[Path, str]]:
    """Every absolute import statement (anywhere in the file, not only at the top) in the
    .py files below ``folders``, as (file, module); with ``names``, only the files that
    mention one of them are read."""
    wanted = [name.encode() for name in names]
    for folder in folders:
        for source in sorted(folder.rglob("*.py")):
            data = source.read_bytes()
            if wanted and not any(name in data for name in wanted):
                continue
            try:
                tree = ast.parse(data)
            except (SyntaxError, ValueError):
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    yield from ((source, alias.name) for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    yield source, node.module


def qt_modules_kept(package: Path | None = None) -> frozenset[str]:
    """QT_MODULES_ALWAYS and every PySide6 module villagebook's source imports."""
    imported = imported_modules(package or ROOT / "villagebook", optional=True)
    used = {name.split(".")[1] for name in imported if name.startswith("PySide6.")}
    return frozenset(QT_MODULES_ALWAYS) | used


def qt_dll_closure(lib: Path) -> set[Path]:
    """The DLLs in PySide6/ and shiboken6/ that a kept binding or plugin needs, directly or
    through another DLL there (Windows layout; empty for the Linux one)."""
    folders = [lib / "PySide6", lib / "shiboken6"]
    dlls = {p.name.lower(): p for f in folders if f.is_dir() for p in f.glob("*.dll")}
    roots = [p for f in folders if f.is_dir() for p in f.glob("*.pyd")]
    roots += [p for p in (lib / "PySide6" / "plugins").rglob("*.dll")]
    needed: set[Path] = set()
    todo = list(roots)
    while todo:
        binary = todo.pop()
        for name in pe.imports(binary):
            dll = dlls.get(name.lower())
            if dll is not None and dll not in needed:
                needed.add(dll)
                todo.append(dll)
    return needed


def prune(lib: Path, qt_modules: frozenset[str] | None = None) -> PruneReport:
    """Remove what the app never loads from an unpacked ``lib/``: by rule, then the Qt
    DLLs that nothing kept links against (run after the rules removed the bindings)."""
    kept = qt_modules if qt_modules is not None else qt_modules_kept()
    report = PruneReport()
    for path in sorted(lib.rglob("*"), key=lambda p: len(p.parts)):
        if not path.exists() and not path.is_symlink():
            continue  # inside a folder removed already
        if should_prune(path.relative_to(lib).as_posix(), kept):
            report.add(path)
            _remove(path)
    needed = qt_dll_closure(lib)
    for folder in (lib / "PySide6", lib / "shiboken6"):
        for dll in sorted(folder.glob("*.dll")) if folder.is_dir() else []:
            if dll not in needed:
                report.add(dll)
                dll.unlink()
    return report


def addon_entry(name: str) -> bool:
    """Whether a top-level entry of lib/ belongs to the PostgreSQL add-on."""
    if name.endswith(".dist-info"):
        dist = re.sub(r"[-_.]+", "-", name.split("-")[0]).lower()
        return dist in ADDON_DISTS
    return name in ADDON_NAMES


def split_addon(lib: Path, addon: Path) -> list[str]:
    """Move the PostgreSQL add-on's packages from ``lib/`` to ``addon`` (the folder that
    becomes <install dir>/addons/postgresql); returns the names moved."""
    shutil.rmtree(addon, ignore_errors=True)
    addon.mkdir(parents=True)
    moved = []
    for entry in sorted(lib.iterdir()):
        if addon_entry(entry.name):
            shutil.move(str(entry), str(addon / entry.name))
            moved.append(entry.name)
    found = {n for n in moved if not n.endswith(".dist-info")}
    if found != set(ADDON_NAMES) or len(moved) != len(ADDON_NAMES) + len(ADDON_DISTS):
        raise SystemExit(f"the PostgreSQL add-on's packages are not all in lib/: {moved}")
    return moved


def prune_python(python_dir: Path) -> PruneReport:
    return drop_from_python(python_dir, PYTHON_PRUNE, STDLIB_PRUNE)


def drop_from_python(python_dir: Path, files: Iterable[str], modules: Iterable[str]) -> PruneReport:
    """Remove ``files`` from the interpreter's folder and ``modules`` from its standard
    library zip (repacked stored, see :func:`repack_stdlib`)."""
    report = PruneReport()
    for name in files:
        path = python_dir / name
        if path.exists():
            report.add(path)
            path.unlink()
    for stdlib in python_dir.glob("python3*.zip"):
        report.merge(repack_stdlib(stdlib, pruned=modules))
    return report


def stdlib_module(name: str) -> str:
    """The top-level module a path in the standard library zip belongs to."""
    return name.split("/", 1)[0].removesuffix(".pyc").removesuffix(".py")


def replace_sqlite(python_dir: Path, lib: Path) -> PruneReport:
    """Plain SQLite through sqlcipher3 only (SQLITE_REPLACED): the interpreter's own SQLite
    goes, and lib/sqlite3 makes ``import sqlite3`` give ``sqlcipher3.dbapi2``."""
    if not (lib / "sqlcipher3").is_dir():
        raise SystemExit("sqlcipher3 missing from lib/: it must provide sqlite3")
    report = drop_from_python(python_dir, SQLITE_REPLACED, ("sqlite3",))
    shutil.copytree(
        SQLITE_SHIM, lib / "sqlite3", ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    return report


def repack_stdlib(stdlib: Path, pruned: Iterable[str] = STDLIB_PRUNE) -> PruneReport:
    """Rewrite the standard library zip without STDLIB_PRUNE and *stored*, not deflated:
    the installer's LZMA compresses the plain .pyc files to about two thirds of what it
    makes of deflated ones, and zipimport reads stored members without inflating them.
    Member order, names and dates stay as they were (the build stays reproducible)."""
    report = PruneReport()
    pruned = set(pruned)
    repacked = stdlib.with_suffix(".repack")
    with zipfile.ZipFile(stdlib) as source, zipfile.ZipFile(repacked, "w") as target:
        for info in source.infolist():
            if stdlib_module(info.filename) in pruned:
                report.files += 1
                report.bytes += info.file_size
                continue
            member = zipfile.ZipInfo(info.filename, info.date_time)
            member.external_attr = info.external_attr
            member.compress_type = zipfile.ZIP_STORED
            target.writestr(member, source.read(info))
    repacked.replace(stdlib)
    return report


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()


def stage_app(villagebook_wheel: Path, app: Path) -> None:
    """villagebook from its wheel, and resources/ beside the package."""
    unpack_wheel(villagebook_wheel, app)
    stage_resources(app / "resources")


def stage_app_from_source(app: Path) -> None:
    """The same app/ folder copied from the source tree (what the wheel holds, no build)."""
    shutil.copytree(
        ROOT / "villagebook",
        app / "villagebook",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
    )
    stage_resources(app / "resources")


def stage_resources(target: Path) -> None:
    """The font, the compiled translations, the JSON schemas, the icons (not the .ts sources)."""
    stage_resources_from(ROOT / "resources", target)


def stage_resources_from(resources: Path, target: Path) -> None:
    shutil.copytree(resources / "fonts", target / "fonts")
    shutil.copytree(resources / "schema", target / "schema")
    if (resources / "icons").is_dir():
        shutil.copytree(resources / "icons", target / "icons")
    # 这条规则是什么: the rules' explanations (0.1.0, the upgrade test's old build, has none)
    if (resources / "rules").is_dir():
        shutil.copytree(resources / "rules", target / "rules")
    if (resources / "icc").is_dir():  # the PDF/A output intent's profile (0.2.0 on)
        shutil.copytree(resources / "icc", target / "icc")
    (target / "help").mkdir(parents=True)  # the user guides the window shows (帮助)
    for guide in (ROOT / "docs").iterdir():
        if guide.suffix in (".md", ".png"):
            shutil.copy2(guide, target / "help" / guide.name)
    (target / "i18n").mkdir(parents=True)
    compiled = sorted((resources / "i18n").glob("*.qm"))
    compiled += sorted((resources / "i18n").glob("*.mo"))  # the core's English messages
    if not compiled:
        raise SystemExit("no compiled translations; run scripts/build_translations.py first")
    for qm in [*compiled, *sorted((resources / "i18n").glob("*.mo"))]:
        shutil.copy2(qm, target / "i18n" / qm.name)


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def log(message: str) -> None:
    print(f"packaging: {message}", file=sys.stderr, flush=True)


#: What the Windows installer's own LZMA stream carries as plain files so that the shipped
#: Python can unpack the binaries archive (build_windows.write_binaries_archive) with
#: packaging/unpack_binaries.py, run as ``python.exe -I -S``: the interpreters,
#: ``_lzma.pyd`` and every DLL of python/ they link against (``bootstrap``).  Everything
#: else that script needs comes from the standard library zip or is built into the DLL.
BOOTSTRAP = ("python/python.exe", "python/pythonw.exe", "python/_lzma.pyd")
#: The machine code that goes into the binaries archive.
ARCHIVED_SUFFIXES = (".dll", ".pyd")


def bootstrap(payload: Path) -> set[Path]:
    """BOOTSTRAP and the DLLs of python/ they need, relative to ``payload``."""
    python = payload / "python"
    present = {p.name.lower(): p for p in python.iterdir()}
    todo = [payload / rel for rel in BOOTSTRAP]
    found: set[Path] = set()
    while todo:
        binary = todo.pop()
        rel = binary.relative_to(payload)
        if rel in found:
            continue
        found.add(rel)
        todo += [present[dll.lower()] for dll in pe.imports(binary) if dll.lower() in present]
    return found


def archived_binaries(payload: Path) -> list[Path]:
    """The payload's DLLs and .pyd files that go into the binaries archive (relative paths,
    sorted): every one in python/ and lib/ but the bootstrap."""
    keep = bootstrap(payload)
    found = [
        p.relative_to(payload)
        for part in ("python", "lib")
        for p in (payload / part).rglob("*")
        if p.is_file() and p.suffix.lower() in ARCHIVED_SUFFIXES
    ]
    return sorted(rel for rel in found if rel not in keep)
