"""Unpack a built installer with 7-Zip and prove its payload is complete and lean.

    .venv/bin/python packaging/check_payload.py packaging/out/VillageBook-<version>-setup.exe
    .venv/bin/python packaging/check_payload.py --folder packaging/out/payload   # no 7-Zip

Checks: the installer's file properties and size, the Python runtime version and its PSF
signature, that lib/ holds exactly the lock file's versions, every third-party package
villagebook imports (read from its source), every PySide6 module it imports, that each
.dll/.pyd/.exe finds the DLLs it links against (in the payload or in Windows itself), the
font, the compiled translations, the migrations, the schemas, the launchers, the licences
of every bundled component, build-info.json, and that the pruned parts are really gone.
Prints PASS/FAIL lines; exit 0 only if all pass.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import lzma
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pe
import third_party
import unpack_binaries
from payload import (
    ADDON_DIR,
    ADDON_DISTS,
    ADDON_NAMES,
    NOT_SHIPPED,
    PYTHON_PRUNE,
    ROOT,
    SQLITE_REPLACED,
    STDLIB_PRUNE,
    bootstrap,
    imported_modules,
    imports_in,
    project_version,
    qt_dll_closure,
    qt_modules_kept,
    stdlib_module,
)

MAX_INSTALLER_MB = 33.7  # the size before pruning by rule (issue 16); lean stays leaner
LOCK = ROOT / "requirements" / "payload-windows.txt"
PYTHON_VERSION = (3, 13)
#: Windows' own DLLs the payload may link against (plus every api-ms-win-*/ext-ms-*).
# fmt: off
WINDOWS_DLLS = frozenset((
    "advapi32", "authz", "bcrypt", "cfgmgr32", "comctl32", "comdlg32", "crypt32", "d2d1",
    "d3d11", "d3d12", "d3d9", "d3dcompiler_47", "dbghelp", "dcomp", "dnsapi", "dwmapi",
    "dwrite", "dxgi", "gdi32", "gdiplus", "imm32", "iphlpapi", "kernel32", "mpr", "msimg32",
    "mscms", "msvcrt", "ncrypt", "netapi32", "ntdll", "ole32", "oleaut32", "powrprof",
    "propsys", "psapi", "rpcrt4", "secur32", "setupapi", "shcore", "shell32", "shlwapi",
    "uiautomationcore", "user32", "userenv", "usp10", "uxtheme", "version", "winhttp", "winmm",
    "winspool.drv", "wldap32", "ws2_32", "wtsapi32", "wintrust", "normaliz", "credui",
    "dwmapi", "virtdisk", "netutils", "srvcli", "wevtapi", "dxva2", "mf", "mfplat",
    "mfreadwrite", "evr", "bcryptprimitives", "icuuc", "icuin", "icu",
))
# fmt: on
# icuuc/icuin: the ICU that Windows 10 ships since 1703 (Qt 6 links against it);
# bcryptprimitives: Windows' random numbers (used by Rust extensions).

Check = Callable[[Path], str]


class Failed(Exception):
    pass


def ensure(condition: bool, message: str) -> None:
    if not condition:
        raise Failed(message)


# --- checks on the unpacked payload ------------------------------------------------------


def check_layout(root: Path) -> str:
    for part in (
        "python",
        "lib",
        "app",
        "app/resources",
        "licenses",
        "villagebook.ico",
        "VillageBook.cmd",
    ):
        ensure((root / part).exists(), f"missing {part}")
    return "python/ lib/ app/ licenses/ launcher icon"


def check_python(root: Path) -> str:
    python = root / "python"
    dlls = sorted(python.glob("python3??*.dll"))
    ensure(len(dlls) == 1, f"expected one python3XY.dll, found {[d.name for d in dlls]}")
    info = pe.version_info(dlls[0])
    ensure(info.file_version[:2] == PYTHON_VERSION, f"Python {info.file_version}")
    for exe in ("python.exe", "pythonw.exe", "python3.dll"):
        ensure((python / exe).is_file(), f"missing python/{exe}")
    # one SQLite, SQLCipher's: lib/sqlite3 stands in for the interpreter's (replace_sqlite)
    twice = [name for name in SQLITE_REPLACED if (python / name).exists()]
    ensure(not twice, f"python/{twice} should have given way to sqlcipher3")
    shim = root / "lib" / "sqlite3" / "__init__.py"
    ensure(shim.is_file(), "lib/sqlite3 (sqlcipher3 under the standard name) missing")
    ensure("from sqlcipher3 import dbapi2" in shim.read_text(encoding="utf-8"), f"{shim}")
    (pth,) = python.glob("python3*._pth")
    lines = pth.read_text(encoding="utf-8").split()
    ensure("..\\lib" in lines and "..\\app" in lines, f"{pth.name} lacks ..\\lib or ..\\app")
    stdlib = python / lines[0]
    with zipfile.ZipFile(stdlib) as zf:
        names = set(zf.namelist())
    for module in ("zipfile/__init__.pyc", "tomllib/__init__.pyc"):
        ensure(module in names, f"stdlib {module} missing from {stdlib.name}")
    ensure(
        not any(stdlib_module(n) == "sqlite3" for n in names),
        f"{stdlib.name} still holds sqlite3, which would hide lib/sqlite3",
    )
    with zipfile.ZipFile(stdlib) as zf:
        deflated = [i.filename for i in zf.infolist() if i.compress_type != zipfile.ZIP_STORED]
    ensure(not deflated, f"{stdlib.name} should be stored, not deflated: {deflated[:3]}")
    left = sorted({stdlib_module(n) for n in names} & set(STDLIB_PRUNE))
    ensure(not left, f"{stdlib.name} still holds {left}")
    users = [
        f"{source.relative_to(root)} imports {name}"
        for source, name in imports_in(root / "lib", root / "app", names=STDLIB_PRUNE)
        if name.split(".")[0] in STDLIB_PRUNE
    ]
    ensure(not users, f"pruned standard library modules imported: {users[:5]}")
    for binary in (dlls[0], python / "python.exe", python / "pythonw.exe"):
        signer = pe.signer_mentions(binary, "Python Software Foundation")
        ensure(signer, f"{binary.name} carries no Authenticode certificate of the PSF")
    gone = [name for name in PYTHON_PRUNE if (python / name).exists()]
    ensure(not gone, f"python/{gone} should have been pruned")
    return (
        f"CPython {info.strings.get('FileVersion', info.file_version)} ({dlls[0].name}),"
        " signed by the Python Software Foundation (certificate present; not verified);"
        " sqlite3 is sqlcipher3's"
    )


def check_imports(root: Path) -> str:
    lib, app = root / "lib", root / "app"
    imported = set(imported_modules(app / "villagebook"))
    third_party = {
        name.split(".")[0]
        for name in imported
        if name.split(".")[0] not in sys.stdlib_module_names and not name.startswith("villagebook")
    }
    missing = [
        name
        for name in sorted(third_party)
        if not (
            (lib / name).is_dir()
            or list(lib.glob(f"{name}.py"))
            or list(lib.glob(f"{name}.*.pyd"))
            or list(lib.glob(f"{name}.pyd"))
        )
    ]
    ensure(not missing, f"imported by villagebook but not in lib/: {missing}")
    qt = sorted({n.split(".")[1] for n in imported if n.startswith("PySide6.")})
    gone = [m for m in qt if not (lib / "PySide6" / f"{m}.pyd").is_file()]
    ensure(not gone, f"PySide6 modules imported but missing: {gone}")
    return f"{len(third_party)} packages ({', '.join(sorted(third_party))}); Qt: {', '.join(qt)}"


def _dist_names(lib: Path) -> set[str]:
    return {re.sub(r"[-_.]+", "-", d.name.split("-")[0]).lower() for d in lib.glob("*.dist-info")}


def lock_pins(lock: Path = LOCK) -> dict[str, str]:
    text = lock.read_text(encoding="utf-8")
    pins = re.findall(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)", text, re.MULTILINE)
    return {third_party.normalise(name): version for name, version in pins}


def check_distributions(root: Path) -> str:
    present = {d.key: d.version for d in third_party.distributions(root / "lib")}
    wanted = {k: v for k, v in lock_pins().items() if k not in (*ADDON_DISTS, *NOT_SHIPPED)}
    differ = {
        name: (wanted.get(name), present.get(name))
        for name in sorted(set(wanted) | set(present))
        if wanted.get(name) != present.get(name)
    }
    ensure(not differ, f"lib/ differs from {LOCK.name} (lock, shipped): {differ}")
    app_dists = list((root / "app").glob("villagebook-*.dist-info"))
    ensure(len(app_dists) == 1, "villagebook's dist-info missing from app/")
    version = app_dists[0].name.removesuffix(".dist-info").split("-")[1]
    ensure(version == project_version(), f"villagebook {version}, pyproject {project_version()}")
    return (
        f"{len(present)} distributions, exactly {LOCK.name} less {', '.join(NOT_SHIPPED)}"
        f" (not shipped) and {', '.join(ADDON_DISTS)} (PostgreSQL add-on); villagebook {version}"
    )


#: What the main payload must not carry (packaging/payload.py says why): fontTools and
#: pikepdf's PDF/A validator, which needs it; the PostgreSQL add-on's packages.
NOT_IN_LIB = ("fontTools", "pikepdf/pdfa", *ADDON_NAMES)
NOT_IMPORTED = ("fontTools", "pikepdf.pdfa", "psycopg")


def check_lean(root: Path) -> str:
    lib, app = root / "lib", root / "app"
    shipped = [name for name in NOT_IN_LIB if (lib / name).exists()]
    ensure(not shipped, f"lib/ should not carry {shipped}")
    dists = [
        d.name
        for d in lib.glob("*.dist-info")
        if d.name.lower().startswith(("fonttools", "psycopg"))
    ]
    ensure(not dists, f"lib/ still holds {dists}")
    (pth,) = (root / "python").glob("python3*._pth")
    addon = "..\\" + ADDON_DIR.replace("/", "\\")
    ensure(addon in pth.read_text(encoding="utf-8").split(), f"{pth.name} lacks {addon}")
    # No shipped app module imports them at run time (anywhere in a file, also inside a
    # function; psycopg only behind ``try``, where storage/db.py names the add-on).
    users = []
    for source, name in imports_in(app, names=("fontTools", "pdfa", "psycopg")):
        if name.startswith(NOT_IMPORTED[:2]) or (
            name.split(".")[0] == "psycopg" and name not in _guarded_imports(source)
        ):
            users.append(f"{source.relative_to(root)} imports {name}")
    for source in app.rglob("*.py"):
        tree = ast.parse(source.read_bytes())
        if any(isinstance(n, ast.Attribute) and n.attr == "pdfa" for n in ast.walk(tree)):
            users.append(f"{source.relative_to(root)} uses pikepdf.pdfa")
    ensure(not users, f"the app imports what the payload does not carry: {users[:5]}")
    return (
        f"no {', '.join(NOT_IN_LIB)} in lib/, no app module imports {', '.join(NOT_IMPORTED)}"
        f" unguarded; {pth.name} lists {addon}"
    )


def _guarded_imports(source: Path) -> set[str]:
    """Modules a file imports inside ``try`` blocks that catch ImportError."""
    guarded = set()
    for node in ast.walk(ast.parse(source.read_bytes())):
        if not isinstance(node, ast.Try):
            continue
        catches = " ".join(ast.unparse(h.type) for h in node.handlers if h.type is not None)
        if "ImportError" not in catches:
            continue
        for stmt in node.body:
            for inner in ast.walk(stmt):
                if isinstance(inner, ast.Import):
                    guarded.update(alias.name for alias in inner.names)
                elif isinstance(inner, ast.ImportFrom) and inner.module:
                    guarded.add(inner.module)
    return guarded


def _search_dirs(root: Path, binary: Path) -> list[Path]:
    """Where Windows looks for a binary's DLLs in this layout: its own folder, python/ (the
    application folder), and for Qt the folders PySide6 adds with os.add_dll_directory."""
    dirs = [binary.parent, root / "python"]
    parts = binary.relative_to(root).parts
    if {"PySide6", "shiboken6"} & set(parts):
        dirs += [root / "lib" / "PySide6", root / "lib" / "shiboken6"]
    # Wheels repaired by delvewheel (pikepdf, psycopg-binary) keep their DLLs in
    # lib/<package>.libs, which the package's __init__ adds with os.add_dll_directory.
    if len(parts) > 2 and parts[0] == "lib":
        libs = root / "lib" / f"{parts[1]}.libs"
        if libs.is_dir():
            dirs.append(libs)
    return dirs


def check_dlls(root: Path) -> str:
    binaries = [
        p
        for p in root.rglob("*")
        if p.suffix.lower() in (".dll", ".pyd", ".exe") and "$PLUGINSDIR" not in p.parts
    ]
    unresolved: dict[str, set[str]] = {}
    listing: dict[Path, set[str]] = {}
    for binary in binaries:
        if binary.name.lower() == "uninstall.exe":
            continue
        for folder in _search_dirs(root, binary):
            if folder not in listing:
                listing[folder] = {f.name.lower() for f in folder.iterdir()}
        for dll in pe.imports(binary):
            name = dll.lower()
            if name.removesuffix(".dll") in WINDOWS_DLLS:
                continue
            if name.startswith(("api-ms-win-", "ext-ms-")):
                continue
            if any(name in listing[folder] for folder in _search_dirs(root, binary)):
                continue
            unresolved.setdefault(dll, set()).add(str(binary.relative_to(root)))
    ensure(
        not unresolved,
        "; ".join(f"{dll} needed by {sorted(users)[:3]}" for dll, users in unresolved.items()),
    )
    return f"{len(binaries)} binaries find every DLL they link against"


def check_qt(root: Path) -> str:
    qt = root / "lib" / "PySide6"
    for part in (
        "plugins/platforms/qwindows.dll",
        "plugins/platforms/qoffscreen.dll",
        "plugins/styles/qmodernwindowsstyle.dll",
        "translations/qtbase_zh_CN.qm",
        "Qt6Widgets.dll",
        "Qt6Pdf.dll",
    ):
        ensure((qt / part).is_file(), f"missing PySide6/{part}")
    kept = qt_modules_kept(root / "app" / "villagebook")
    needed = qt_dll_closure(root / "lib")
    leftovers = [
        p.name
        for p in [*qt.iterdir(), *(root / "lib" / "shiboken6").iterdir()]
        if (p.suffix == ".pyd" and p.stem.startswith("Qt") and p.stem not in kept)
        or (p.suffix == ".dll" and p not in needed)
        or p.name in ("opengl32sw.dll", "designer.exe", "linguist.exe", "qml", "include")
    ]
    ensure(not leftovers, f"pruned parts still present: {sorted(leftovers)[:8]}")
    languages = {re.sub(r"^.*?_", "", p.stem, count=1) for p in (qt / "translations").glob("*.qm")}
    ensure(languages <= {"zh_CN", "en"}, f"Qt translations for {sorted(languages)}")
    pyi = list((root / "lib").rglob("*.pyi"))
    ensure(not pyi, f"{len(pyi)} .pyi stubs left")
    modules = sorted(p.stem for p in qt.glob("Qt*.pyd"))
    dlls = sorted(p.stem for p in qt.glob("Qt6*.dll"))
    return f"bindings {', '.join(modules)}; DLLs {', '.join(dlls)}; zh_CN/en translations"


def check_resources(root: Path) -> str:
    res = root / "app" / "resources"
    source = ROOT / "resources"
    font = res / "fonts" / "wqy-microhei.ttc"
    ensure(font.is_file(), "font missing")
    ensure(font.stat().st_size == (source / "fonts/wqy-microhei.ttc").stat().st_size, "font size")
    qm = res / "i18n" / "villagebook_zh_CN.qm"
    ensure(qm.is_file() and qm.stat().st_size > 0, "compiled zh_CN translation missing")
    source_mo = sorted(p.name for p in (source / "i18n").glob("*.mo"))
    shipped_mo = sorted(p.name for p in (res / "i18n").glob("*.mo"))
    ensure(source_mo == shipped_mo, f"core catalogs {shipped_mo} != {source_mo}")
    schemas = sorted(p.name for p in (source / "schema").glob("*.json"))
    shipped = sorted(p.name for p in (res / "schema").glob("*.json"))
    ensure(schemas == shipped, f"schemas {shipped} != {schemas}")
    return f"font, {qm.name}, {len(shipped)} schemas"


def check_migrations(root: Path) -> str:
    migrations = root / "app" / "villagebook" / "storage" / "migrations"
    source = ROOT / "villagebook" / "storage" / "migrations"
    for part in ("env.py", "script.py.mako"):
        ensure((migrations / part).is_file(), f"migrations/{part} missing")
    want = sorted(p.name for p in (source / "versions").glob("*.py"))
    have = sorted(p.name for p in (migrations / "versions").glob("*.py"))
    ensure(have == want, f"migration versions {have} != {want}")
    return f"{len(have)} revisions"


def check_launchers(root: Path) -> str:
    cmd = (root / "VillageBook.cmd").read_text(encoding="ascii")
    ensure('python\\python.exe" -m villagebook %*' in cmd, "VillageBook.cmd does not run the app")
    ensure((root / "app" / "villagebook" / "__main__.py").is_file(), "villagebook/__main__.py")
    ensure(
        pe.version_info(root / "python" / "pythonw.exe").file_version[:2] == PYTHON_VERSION,
        "pythonw.exe version",
    )
    return "pythonw.exe -m villagebook (shortcuts), VillageBook.cmd (console)"


def check_licenses(root: Path) -> str:
    out = root / "licenses"
    for name in (
        "THIRD-PARTY-LICENSES.txt",
        "VillageBook-LICENSE.txt",
        "Python-LICENSE.txt",
        "LGPL-3.0.txt",
        "GPL-3.0.txt",
        "Qt-third-party-notices.txt",
        "WenQuanYi-Micro-Hei-LICENSE.txt",
    ):
        ensure((out / name).is_file() and (out / name).stat().st_size > 0, f"licenses/{name}")
    lgpl = (out / "LGPL-3.0.txt").read_text(encoding="utf-8")
    ensure("GNU LESSER GENERAL PUBLIC LICENSE" in lgpl and "Version 3" in lgpl, "LGPL-3.0 text")
    index = (out / "THIRD-PARTY-LICENSES.txt").read_text(encoding="utf-8")
    bare = []
    for dist in third_party.distributions(root / "lib"):
        folder = out / "packages" / f"{dist.name}-{dist.version}"
        if not any(folder.glob("*")) or f"{dist.name} {dist.version}\n" not in index:
            bare.append(dist.name)
    ensure(not bare, f"no licence text for {bare}")
    count = len(list((out / "packages").iterdir()))
    return f"LGPL-3.0, GPL-3.0, Qt notices, Python, font, VillageBook, {count} packages"


def check_build_info(root: Path) -> str:
    path = root / third_party.BUILD_INFO
    ensure(path.is_file(), f"{third_party.BUILD_INFO} missing")
    info = json.loads(path.read_text(encoding="utf-8"))
    shipped = {d.name: d.version for d in third_party.distributions(root / "lib")}
    ensure(info["distributions"] == shipped, "build-info.json differs from lib/")
    ensure(info["python"] == third_party.python_version(root), "build-info.json: Python")
    return f"Python {info['python']}, Qt {info['qt']}, {len(shipped)} distributions, {info['lock']}"


PAYLOAD_CHECKS: tuple[tuple[str, Check], ...] = (
    ("layout", check_layout),
    ("python", check_python),
    ("distributions", check_distributions),
    ("lean", check_lean),
    ("imports", check_imports),
    ("dlls", check_dlls),
    ("qt", check_qt),
    ("resources", check_resources),
    ("migrations", check_migrations),
    ("launchers", check_launchers),
    ("licenses", check_licenses),
    ("build-info", check_build_info),
)


# --- the installer itself ----------------------------------------------------------------


def check_installer(setup: Path) -> str:
    size_mb = setup.stat().st_size / 1024 / 1024
    ensure(size_mb < MAX_INSTALLER_MB, f"{size_mb:.1f} MiB is over {MAX_INSTALLER_MB} MiB")
    info = pe.version_info(setup)
    ensure(info.strings.get("ProductVersion") == project_version(), f"version {info.strings}")
    ensure("村务记事本" in info.strings.get("ProductName", ""), f"product name {info.strings}")
    return f"{size_mb:.1f} MiB, {info.strings['ProductName']} {info.strings['ProductVersion']}"


# --- the PostgreSQL add-on ----------------------------------------------------------------

#: DLLs an add-on binary may take from the installed python/ folder.
PYTHON_FOLDER_DLLS = re.compile(r"^(python3\d*|vcruntime140(_1)?)\.dll$")


def check_addon_installer(setup: Path) -> str:
    info = pe.version_info(setup)
    ensure(info.strings.get("ProductVersion") == project_version(), f"version {info.strings}")
    ensure("PostgreSQL" in info.strings.get("ProductName", ""), f"product name {info.strings}")
    size_mb = setup.stat().st_size / 1024 / 1024
    return f"{size_mb:.1f} MiB, {info.strings['ProductName']} {info.strings['ProductVersion']}"


def check_addon(root: Path) -> str:
    addon = root / ADDON_DIR
    ensure(addon.is_dir(), f"no {ADDON_DIR}/ in the add-on")
    others = [p.name for p in root.iterdir() if p.name not in ("addons", "$PLUGINSDIR")]
    ensure(not others, f"the add-on writes outside {ADDON_DIR}/: {others}")
    missing = [name for name in ADDON_NAMES if not (addon / name).is_dir()]
    ensure(not missing, f"missing {missing}")
    present = {d.key: d.version for d in third_party.distributions(addon)}
    wanted = {k: v for k, v in lock_pins().items() if k in ADDON_DISTS}
    ensure(present == wanted, f"add-on {present} != {LOCK.name} {wanted}")
    index = (addon / "licenses" / third_party.INDEX).read_text(encoding="utf-8")
    bare = [
        d.name
        for d in third_party.distributions(addon)
        if f"{d.name} {d.version}\n" not in index
        or not any((addon / "licenses" / "packages" / f"{d.name}-{d.version}").glob("*"))
    ]
    ensure(not bare, f"no licence text for {bare}")
    info = json.loads((addon / "build-info.json").read_text(encoding="utf-8"))
    ensure(info["villagebook"] == project_version(), f"build-info.json {info}")
    binaries = [p for p in addon.rglob("*") if p.suffix.lower() in (".dll", ".pyd")]
    unresolved = set()
    for binary in binaries:
        here = {f.name.lower() for f in binary.parent.iterdir()}
        here |= {f.name.lower() for f in (addon / "psycopg_binary.libs").iterdir()}
        for dll in pe.imports(binary):
            name = dll.lower()
            if (
                name.removesuffix(".dll") in WINDOWS_DLLS
                or name.startswith(("api-ms-win-", "ext-ms-"))
                or PYTHON_FOLDER_DLLS.match(name)
                or name in here
            ):
                continue
            unresolved.add(f"{dll} needed by {binary.relative_to(root)}")
    ensure(not unresolved, "; ".join(sorted(unresolved)[:5]))
    versions = ", ".join(f"{k} {v}" for k, v in sorted(present.items()))
    return f"{ADDON_DIR}/: {versions}; licences; {len(binaries)} binaries find their DLLs"


def unpack(setup: Path, target: Path) -> Path:
    seven = shutil.which("7z") or shutil.which("7za")
    if seven is None:
        raise SystemExit("7-Zip not found: apt-get install p7zip-full (build-windows.sh does)")
    subprocess.run(
        [seven, "x", "-y", f"-o{target}", str(setup)], check=True, stdout=subprocess.DEVNULL
    )
    if not (target / "addons").is_dir():  # the add-on writes no uninstaller
        ensure((target / "uninstall.exe").is_file(), "the installer writes no uninstaller")
    archive = target / "$PLUGINSDIR" / BINARIES_ARCHIVE
    if archive.is_file():
        # What the installer does next with the shipped Python (installer.nsi): unpack the
        # binaries archive over the rest, then the payload checks see the installed tree.
        sha256 = _installer_sha256(target)
        UNPACKED[setup] = unpack_binaries.unpack(archive, target, sha256, progress=False)
        shutil.rmtree(target / "$PLUGINSDIR")
    return target


#: The binaries archive's name inside the installer, and what each installer's held.
BINARIES_ARCHIVE = "binaries.tar.x86"
UNPACKED: dict[Path, list[str]] = {}


def _installer_sha256(root: Path) -> str:
    """The SHA-256 the installer passes to the unpacker: 7-Zip does not show the script, so
    the one the tar has (the unpacker checks the stream against it; the installer's own
    CRC covers the bytes in between)."""
    archive = root / "$PLUGINSDIR" / BINARIES_ARCHIVE
    with lzma.LZMAFile(archive, format=lzma.FORMAT_RAW, filters=unpack_binaries.FILTERS) as f:
        digest = hashlib.sha256()
        while block := f.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def check_binaries(setup: Path, root: Path) -> str:
    """The installer carries the DLLs and .pyd files in its BCJ archive, all but what the
    shipped Python needs to unpack it (build_windows.BOOTSTRAP), which it installs itself."""
    names = UNPACKED.get(setup)
    ensure(names is not None, f"no $PLUGINSDIR/{BINARIES_ARCHIVE} in the installer")
    assert names is not None
    outside = sorted(
        p.relative_to(root).as_posix()
        for part in ("python", "lib")
        for p in (root / part).rglob("*")
        if p.suffix.lower() in (".dll", ".pyd") and p.relative_to(root).as_posix() not in names
    )
    ensure(len(names) == len(set(names)), "the archive holds a file twice")
    boot = sorted(p.as_posix() for p in bootstrap(root) if p.suffix.lower() in (".dll", ".pyd"))
    ensure(outside == boot, f"outside the archive: {outside}, expected the bootstrap {boot}")
    return f"{len(names)} DLLs and .pyd files unpacked; outside it only {', '.join(boot)}"


def run(checks: list[tuple[str, Callable[[], str]]]) -> int:
    failed = 0
    for name, check in checks:
        try:
            print(f"PASS {name} ({check()})", flush=True)
        except Failed as exc:
            failed += 1
            print(f"FAIL {name}: {exc}", flush=True)
    print(f"{len(checks) - failed} passed, {failed} failed")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="check a built VillageBook installer")
    parser.add_argument("installer", nargs="?", type=Path)
    parser.add_argument("--folder", type=Path, help="check an unpacked payload folder instead")
    parser.add_argument(
        "--addon", type=Path, help="also check the PostgreSQL add-on installer (or its folder)"
    )
    args = parser.parse_args(argv)
    if args.folder is None and args.installer is None:
        parser.error("give the installer or --folder")
    with (
        tempfile.TemporaryDirectory(prefix="villagebook-payload-") as tmp,
        tempfile.TemporaryDirectory(prefix="villagebook-addon-") as tmp_addon,
    ):
        checks: list[tuple[str, Callable[[], str]]] = []
        if args.addon is not None:
            if args.addon.is_dir():  # the staged folder: it becomes <install>/addons/postgresql
                addon_root = Path(tmp_addon)
                shutil.copytree(args.addon, addon_root / ADDON_DIR)
            else:
                addon_root = unpack(args.addon, Path(tmp_addon))
                checks.append(("addon-installer", lambda: check_addon_installer(args.addon)))
            checks.append(("addon", lambda: check_addon(addon_root)))
        if args.folder is not None:
            root = args.folder
        else:
            root = unpack(args.installer, Path(tmp))
            checks.append(("installer", lambda: check_installer(args.installer)))
            checks.append(("binaries", lambda: check_binaries(args.installer, root)))
        checks += [(name, lambda c=check: c(root)) for name, check in PAYLOAD_CHECKS]
        return run(checks)


if __name__ == "__main__":
    raise SystemExit(main())
