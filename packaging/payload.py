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

import fnmatch
import re
import shutil
import sys
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
CACHE = PACKAGING / "cache"
OUT = PACKAGING / "out"

#: Qt translations kept besides the app's own (qtbase covers the standard dialogs).
QT_LANGUAGES = ("zh_CN", "en")

#: PySide6 modules the app never imports.  tests/integration/packaging checks no code in
#: villagebook/ imports one of them, so a page that starts using one fails the default test run.
PRUNED_QT_MODULES = (
    "QtQml",
    "QtQmlFeatures",
    "QtQuick",
    "QtQuickControls2",
    "QtQuickTest",
    "QtQuickWidgets",
    "QtDesigner",
    "QtHelp",
    "QtLabsStyleKit",
    "QtOpenGL",
    "QtOpenGLWidgets",
    "QtSql",
    "QtTest",
    "QtUiTools",
)

#: Paths (glob, relative to lib/) removed from every payload.
PRUNE_GLOBS = (
    # Qt Quick / QML, Designer, Help, Labs, Lottie, Test, SQL, OpenGL: never loaded
    "PySide6/Qt6Quick*",
    "PySide6/Qt6Qml*",
    "PySide6/Qt6Labs*",
    "PySide6/Qt6Lottie*",
    "PySide6/Qt6Designer*",
    "PySide6/Qt6Help*",
    "PySide6/Qt6PdfQuick*",
    "PySide6/Qt6Test*",
    "PySide6/Qt6UiTools*",
    "PySide6/Qt6Sql*",
    "PySide6/Qt6OpenGL*",
    "PySide6/pyside6qml*",
    "PySide6/qml",
    "PySide6/Qt/qml",
    # the software OpenGL fallback: a widgets app draws with the raster engine
    "PySide6/opengl32sw.dll",
    # WebEngine's ICU data
    "PySide6/resources",
    "PySide6/Qt/resources",
    # developer tools and build files
    "PySide6/*.exe",
    "PySide6/*.lib",
    "PySide6/assistant",
    "PySide6/designer",
    "PySide6/linguist",
    "PySide6/lrelease",
    "PySide6/lupdate",
    "PySide6/qml*",
    "PySide6/svgtoqml",
    "PySide6/Qt/libexec",
    "PySide6/include",
    "PySide6/typesystems",
    "PySide6/glue",
    "PySide6/doc",
    "PySide6/metatypes",
    "PySide6/Qt/metatypes",
    "PySide6/lib/cmake",
    "PySide6/Qt/lib/cmake",
    "PySide6/scripts",
    # plugins for pruned modules or features the app does not use
    "PySide6/plugins/designer",
    "PySide6/plugins/qmltooling",
    "PySide6/plugins/sqldrivers",
    "PySide6/plugins/platforminputcontexts",
    "PySide6/plugins/vectorimageformats",
    "PySide6/plugins/generic",
    "PySide6/plugins/platforms/qdirect2d.dll",
    "PySide6/Qt/plugins/designer",
    "PySide6/Qt/plugins/qmltooling",
    "PySide6/Qt/plugins/sqldrivers",
    "PySide6/Qt/plugins/vectorimageformats",
    # the same modules in the Linux wheel's layout (PySide6/Qt/lib)
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
    # Pillow's AVIF codec (8 MB; Pillow falls back without it, the app reads no AVIF)
    "PIL/_avif*",
    # the tools' and other modules' wrappers and stubs
    "*.pyi",
    "*/tests",
    "*/test",
    "__pycache__",
    "*/__pycache__",
)


@dataclass
class PruneReport:
    files: int = 0
    bytes: int = 0

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


def should_prune(rel: str) -> bool:
    """Whether a path (POSIX, relative to lib/) is something the app never loads.

    A glob with a folder part matches from lib/; ``*/name`` matches a folder or file of
    that name below the top level; a bare glob matches a file or folder name anywhere.
    """
    parts = rel.split("/")
    return any(_drop("/".join(parts[:i])) for i in range(1, len(parts) + 1))


def _drop(rel: str) -> bool:
    name = rel.rsplit("/", 1)[-1]
    if _QT_MODULE.match(rel):
        return True
    if "/translations/" in rel and name.endswith(".qm"):
        return _KEEP_QM.match(name) is None
    for pattern in PRUNE_GLOBS:
        if pattern.startswith("*/"):
            hit = "/" in rel and fnmatch.fnmatchcase(name, pattern[2:])
        elif "/" in pattern:
            hit = fnmatch.fnmatchcase(rel, pattern)
        else:
            hit = fnmatch.fnmatchcase(name, pattern)
        if hit:
            return True
    return False


_QT_MODULE = re.compile(r"^PySide6/(" + "|".join(PRUNED_QT_MODULES) + r")\.(pyd|abi3\.so|pyi)$")
_KEEP_QM = re.compile(r"^(qt|qtbase)_(" + "|".join(QT_LANGUAGES) + r")\.qm$")


def prune(lib: Path) -> PruneReport:
    """Remove what the app never loads from an unpacked ``lib/``."""
    report = PruneReport()
    for path in sorted(lib.rglob("*"), key=lambda p: len(p.parts)):
        if not path.exists() and not path.is_symlink():
            continue  # inside a folder removed already
        if should_prune(path.relative_to(lib).as_posix()):
            report.add(path)
            _remove(path)
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
    resources = ROOT / "resources"
    shutil.copytree(resources / "fonts", target / "fonts")
    shutil.copytree(resources / "schema", target / "schema")
    shutil.copytree(resources / "icons", target / "icons")
    shutil.copytree(resources / "rules", target / "rules")  # 这条规则是什么
    (target / "help").mkdir(parents=True)  # the user guides the window shows (帮助)
    for guide in (ROOT / "docs").iterdir():
        if guide.suffix in (".md", ".png"):
            shutil.copy2(guide, target / "help" / guide.name)
    (target / "i18n").mkdir(parents=True)
    compiled = sorted((resources / "i18n").glob("*.qm"))
    compiled += sorted((resources / "i18n").glob("*.mo"))  # the core's English messages
    if not compiled:
        raise SystemExit("no compiled translations; run scripts/build_translations.py first")
    for qm in compiled:
        shutil.copy2(qm, target / "i18n" / qm.name)


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def log(message: str) -> None:
    print(f"packaging: {message}", file=sys.stderr, flush=True)
