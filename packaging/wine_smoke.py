"""The Windows smoke test under Wine: the real installers, the shipped Python, real data.

    bash packaging/wine-smoke.sh [--quick]   # builds what is missing, then runs this
    .venv/bin/python packaging/wine_smoke.py [--keep] [--quick]

In a fresh Wine prefix (Windows 10): refuse "Windows 7"; install the previous build
(VillageBook-0.1.0-setup.exe, ``build_windows.py --previous``) silently into a folder with
Chinese characters and spaces; create the demo village with it; install the current build
over it; ``--self-test`` through python.exe, pythonw.exe and VillageBook.cmd; import every
module the app uses from the pruned payload; the command line on the upgraded data
(``check`` upgrades the schema: the pre-upgrade backup and every record must be there) and a
round trip in a new data folder (demo, export, check, import, export, a PDF report);
uninstall silently, keeping the data folder.  One PASS/FAIL line per step; exit 0 only if
every step passed.  ``--quick`` installs the current build only (no previous build, no
upgrade, no launcher checks): about half the time, for a gate that wants a short version.

What Wine cannot show: the window on a real Windows display (the ``windows`` platform
plugin, fonts, DPI, printers).  The app runs here with the offscreen platform;
.github/workflows/windows-release.yml runs the same installers on a real Windows.

Wine 8 lacks two DLLs every Windows 10 has; two stand-ins built here from
packaging/wine/*.c with mingw-w64 go into the test's prefix (never into the payload):
bcryptprimitives.dll (ProcessPrng, for Rust extensions) and icuuc.dll (the 20 ucnv_*
functions Qt6Core imports).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pe
from build_windows import PREVIOUS_HEAD, PREVIOUS_VERSION
from payload import OUT, project_version

HERE = Path(__file__).resolve().parent
WINE = shutil.which("wine") or "/usr/bin/wine"
INSTALL_DIR = "C:\\村务 记事本\\VillageBook"
ROUND_TRIP_DIR = "C:\\村务 记事本\\往来 数据"
UNINSTALL_KEY = "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\VillageBook"
SELF_TEST_CHECKS = 8


class Failed(Exception):
    pass


def schema_head(app: Path) -> str:
    """The schema revision an installed app expects (its storage/schema.py), read as text."""
    text = (app / "villagebook" / "storage" / "schema.py").read_text(encoding="utf-8")
    return re.search(r'SCHEMA_HEAD = "([^"]+)"', text).group(1)  # type: ignore[union-attr]


def ensure(condition: object, message: str) -> None:
    if not condition:
        raise Failed(message)


class Prefix:
    """A throwaway Wine prefix and the commands run in it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("QT_", "PYTHON", "WINE", "VILLAGEBOOK_"))
        }
        self.env.update(WINEPREFIX=str(root), WINEDEBUG="-all", WINEARCH="win64")
        self.env.update(LANG="C.UTF-8", LC_ALL="C.UTF-8")
        # no Wine Mono/Gecko (and no prompt to download them); nothing else is overridden:
        # in particular WMI (wbemprox) stays on, since the payload no longer calls it
        self.env["WINEDLLOVERRIDES"] = "mscoree=;mshtml="
        self.env.pop("DISPLAY", None)  # no window may open: Wine must not need an X server
        self.env.pop("WAYLAND_DISPLAY", None)

    def run(self, *args: str, timeout: float = 600, env: dict[str, str] | None = None):
        """A Windows program, stdin from /dev/null (Wine's console otherwise waits on it)."""
        return subprocess.run(
            [WINE, *args],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            env={**self.env, **(env or {})},
            timeout=timeout,
            check=False,
        )

    def text(self, *args: str, timeout: float = 600) -> tuple[int, str]:
        result = self.run(*args, timeout=timeout)
        out = result.stdout.decode("utf-8", "replace").replace("\r", "")
        return result.returncode, out

    def console(
        self, program: str, args: list[str], *, call: bool = False, timeout: float = 600
    ) -> tuple[int, str]:
        """``program args`` run by cmd.exe from a batch file that sets the Qt variables inside
        Windows, so nothing from this machine's environment reaches Qt.  The batch file is
        plain ASCII: the Chinese paths reach it as environment variables (cmd reads batch
        files in the OEM code page), and Wine needs a UTF-8 locale to pass them on intact."""
        quoted = " ".join(f'"{a}"' if " " in a else a for a in args)
        batch = (
            "@echo off\r\nset QT_QPA_PLATFORM=offscreen\r\n"
            + ("call " if call else "")
            + '"%VB_PROGRAM%" %VB_ARGS%\r\nexit /b %ERRORLEVEL%\r\n'
        )
        path = self.root / "drive_c" / "smoke" / "run.cmd"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(batch.encode("ascii"))
        result = self.run(
            "cmd",
            "/c",
            "C:\\smoke\\run.cmd",
            timeout=timeout,
            env={"VB_PROGRAM": program, "VB_ARGS": quoted},
        )
        out = (result.stdout + result.stderr).decode("utf-8", "replace").replace("\r", "")
        return result.returncode, out

    def unix(self, windows_path: str) -> Path:
        drive, rest = windows_path.split(":", 1)
        assert drive.upper() == "C"
        return self.root / "drive_c" / rest.lstrip("\\").replace("\\", "/")

    def wait_server(self) -> None:
        subprocess.run(
            ["wineserver", "-w"], env=self.env, check=False, timeout=300, stdin=subprocess.DEVNULL
        )

    @property
    def local_appdata(self) -> Path:
        users = self.root / "drive_c" / "users"
        (user,) = [p for p in users.iterdir() if p.name != "Public"]
        return user / "AppData" / "Local"


def install(prefix: Prefix, setup: Path, folder: str | None) -> int:
    """NSIS wants /D= last and unquoted: splitting the folder at its spaces into separate
    arguments makes Wine join them into exactly that command line."""
    args = [str(setup), "/S"]
    if folder:
        args += f"/D={folder}".split(" ")
    result = prefix.run(*args, timeout=900)
    prefix.wait_server()
    return result.returncode


def build_stubs(prefix: Prefix, payload: Path) -> str:
    system32 = prefix.root / "drive_c" / "windows" / "system32"
    built = []
    for name, libs in (("bcryptprimitives", ["-ladvapi32"]), ("icuuc", [])):
        target = system32 / f"{name}.dll"
        subprocess.run(
            [
                *("x86_64-w64-mingw32-gcc", "-shared", "-O2", "-s", "-Wall", "-Werror"),
                *("-o", str(target), str(HERE / "wine" / f"{name}.c"), *libs),
            ],
            check=True,
        )
        built.append(f"{name}.dll {target.stat().st_size // 1024} KiB")
    wanted = set(pe.imported_functions(payload / "lib/PySide6/Qt6Core.dll", "icuuc.dll"))
    have = set(pe.exports(system32 / "icuuc.dll"))
    ensure(wanted <= have, f"icuuc.dll stand-in lacks {sorted(wanted - have)}")
    ensure("ProcessPrng" in pe.exports(system32 / "bcryptprimitives.dll"), "ProcessPrng")
    leaked = [
        p for p in payload.rglob("*") if p.name.lower() in ("icuuc.dll", "bcryptprimitives.dll")
    ]
    ensure(not leaked, f"stand-ins in the payload: {leaked}")
    return ", ".join(built) + f" in the prefix; Qt6Core's {len(wanted)} ucnv_* imports covered"


def revision(db: Path) -> str:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def count(db: Path, table: str) -> int:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return int(conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])


def people(export: Path) -> list[tuple[str, str]]:
    """(id, name) of every person in an exchange file, whatever else its version holds."""
    data = json.loads(export.read_text(encoding="utf-8"))
    found: list[tuple[str, str]] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if "name" in node and ("id_number" in node or "gender" in node):
                found.append((str(node.get("id") or node.get("uuid")), str(node["name"])))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(data.get("persons") or data.get("people") or data)
    return sorted(found)


class Smoke:
    def __init__(
        self, prefix: Prefix, current: Path, previous: Path, payload: Path, addon: Path
    ) -> None:
        self.prefix, self.current, self.previous, self.payload = prefix, current, previous, payload
        self.addon = addon
        self.install = prefix.unix(INSTALL_DIR)
        self.results: list[tuple[str, bool, str, float]] = []
        self.upgraded = False

    def step(self, name: str, check: Callable[[], str]) -> bool:
        start = time.monotonic()
        try:
            detail, ok = check(), True
        except Exception as exc:  # a step that breaks is a failed step; the run goes on
            detail, ok = (
                f"{type(exc).__name__}: {exc}" if not isinstance(exc, Failed) else str(exc),
                False,
            )
        took = time.monotonic() - start
        self.results.append((name, ok, detail, took))
        line = (
            f"PASS {name} ({detail}) [{took:.0f} s]"
            if ok
            else f"FAIL {name}: {detail} [{took:.0f} s]"
        )
        print(line, flush=True)
        return ok

    @property
    def data(self) -> Path:
        return self.prefix.local_appdata / "VillageBook"

    @property
    def db(self) -> Path:
        return self.data / "villagebook.sqlite3"

    def app(self, *args: str, exe: str = "python.exe") -> tuple[int, str]:
        program = f"{INSTALL_DIR}\\python\\{exe}"
        return self.prefix.console(program, ["-m", "villagebook", *args])

    # --- the steps ------------------------------------------------------------------------

    def prefix_ready(self) -> str:
        self.prefix.run("wineboot", "-i", timeout=600)
        self.prefix.wait_server()
        self.prefix.run("winecfg", "/v", "win7")
        code = install(self.prefix, self.current, INSTALL_DIR)
        ensure(code == 3, f"Windows 7: exit code {code}, expected 3")
        ensure(not self.install.exists(), "installed on Windows 7 anyway")
        self.prefix.run("winecfg", "/v", "win10")
        _code, out = self.prefix.text("cmd", "/c", "ver")
        code = install(self.prefix, self.addon, None)
        ensure(code == 5, f"the PostgreSQL add-on without VillageBook: exit code {code}, not 5")
        default = self.prefix.local_appdata / "Programs" / "VillageBook"
        ensure(not default.exists(), f"the add-on wrote {default} without VillageBook")
        return (
            f"refuses Windows 7 (exit code 3); now {out.strip()};"
            " the PostgreSQL add-on refuses without VillageBook (exit code 5)"
        )

    def stubs(self) -> str:
        return build_stubs(self.prefix, self.payload)

    def install_previous(self) -> str:
        code = install(self.prefix, self.previous, INSTALL_DIR)
        ensure(code == 0, f"exit code {code}")
        for part in ("python/python.exe", "python/pythonw.exe", "VillageBook.cmd", "uninstall.exe"):
            ensure((self.install / part).exists(), f"missing {part}")
        _c, out = self.prefix.text("reg", "query", UNINSTALL_KEY, "/v", "DisplayVersion")
        ensure(PREVIOUS_VERSION in out, f"uninstall entry: {out.strip()}")
        lnk = list(self.prefix.root.rglob("村务记事本.lnk"))
        ensure(lnk, "no 村务记事本 shortcut")
        return f"{self.previous.name} /S /D={INSTALL_DIR}; uninstall entry, {len(lnk)} shortcuts"

    def install_current(self) -> str:
        """The quick test's only install: the current build, then records to keep."""
        code = install(self.prefix, self.current, INSTALL_DIR)
        ensure(code == 0, f"exit code {code}")
        code, out = self.app("demo")
        ensure(code == 0, f"demo: {out[-800:]}")
        head = schema_head(self.prefix.unix(f"{INSTALL_DIR}\\app"))
        ensure(revision(self.db) == head, f"schema {revision(self.db)}, not {head}")
        return f"{self.current.name} /S /D={INSTALL_DIR}; demo village in {self.data.name}"

    def previous_data(self) -> str:
        code, out = self.app("demo")
        ensure(code == 0, f"demo with the previous build: {out[-800:]}")
        code, out = self.app("export", "-o", "C:\\smoke\\before.json")
        ensure(code == 0, f"export with the previous build: {out[-800:]}")
        ensure(revision(self.db) == PREVIOUS_HEAD, f"schema {revision(self.db)}")
        (self.data / "attachments").mkdir(exist_ok=True)
        (self.data / "attachments" / "marker.txt").write_text("keep me", encoding="utf-8")
        self.before = people(self.prefix.unix("C:\\smoke\\before.json"))
        ensure(self.before, "the export names nobody")
        return f"demo village: {len(self.before)} people, schema {PREVIOUS_HEAD}"

    def upgrade(self) -> str:
        code = install(self.prefix, self.current, None)
        ensure(code == 0, f"exit code {code}")
        _c, out = self.prefix.text("reg", "query", UNINSTALL_KEY, "/v", "DisplayVersion")
        ensure(project_version() in out, f"uninstall entry still {out.strip()}")
        info = json.loads((self.install / "app/resources/build-info.json").read_text("utf-8"))
        ensure(info["villagebook"] == project_version(), f"build-info {info['villagebook']}")
        files = [f for f in self.install.rglob("*") if f.is_file()]
        size = sum(f.stat().st_size for f in files) / 1024 / 1024
        pyc = sum(1 for f in files if f.suffix == ".pyc")
        return (
            f"{PREVIOUS_VERSION} -> {project_version()} in place (no /D), data untouched;"
            f" installed {size:.1f} MiB in {len(files)} files ({pyc} .pyc compiled at install)"
        )

    def self_test(self) -> str:
        code, out = self.app("--self-test")
        lines = out.strip().splitlines()
        ensure(code == 0 and lines[-1] == f"{SELF_TEST_CHECKS} passed, 0 failed", out[-1500:])
        print("\n".join("    " + line for line in lines), flush=True)
        return f"python.exe: {lines[-1]}"

    def self_test_launchers(self) -> str:
        launcher = f"{INSTALL_DIR}\\VillageBook.cmd"
        code, out = self.prefix.console(launcher, ["--self-test"], call=True)
        ensure(code == 0 and f"{SELF_TEST_CHECKS} passed" in out, f"VillageBook.cmd: {out[-800:]}")
        code, out = self.app("--self-test", exe="pythonw.exe")
        ensure(code == 0, f"pythonw.exe exit code {code}")
        return "VillageBook.cmd and pythonw.exe exit 0"

    def imports(self) -> str:
        probe = self.prefix.unix("C:\\smoke\\probe.py")
        shutil.copyfile(HERE / "import_probe.py", probe)
        program = f"{INSTALL_DIR}\\python\\python.exe"
        code, out = self.prefix.console(program, ["C:\\smoke\\probe.py"])
        ensure(code == 0, out[-1500:])
        return out.strip().splitlines()[-1]

    def upgraded_data(self) -> str:
        code, out = self.app("check")
        ensure(code in (0, 1), f"check on the upgraded data: exit {code}: {out[-800:]}")
        head = schema_head(self.prefix.unix(f"{INSTALL_DIR}\\app"))
        ensure(revision(self.db) == head, f"schema after check: {revision(self.db)}, not {head}")
        self.upgraded = True
        backups = sorted((self.data / "backups").glob(f"pre-upgrade-{PREVIOUS_HEAD}-*.sqlite3"))
        ensure(backups, f"no backups/pre-upgrade-{PREVIOUS_HEAD}-*.sqlite3")
        ensure(revision(backups[-1]) == PREVIOUS_HEAD, "the backup is not the old schema")
        ensure(count(backups[-1], "person") == count(self.db, "person"), "person rows differ")
        code, out = self.app("export", "-o", "C:\\smoke\\after.json")
        ensure(code == 0, f"export after the upgrade: {out[-800:]}")
        after = people(self.prefix.unix("C:\\smoke\\after.json"))
        ensure(after == self.before, f"people before {len(self.before)}, after {len(after)}")
        marker = self.data / "attachments" / "marker.txt"
        ensure(marker.read_text(encoding="utf-8") == "keep me", "attachments changed")
        return (
            f"{PREVIOUS_HEAD} -> {head} on first open; {backups[-1].name}"
            f" ({count(backups[-1], 'person')} people);"
            f" the same {len(after)} people exported before and after"
        )

    def round_trip(self) -> str:
        folder, other = ROUND_TRIP_DIR, ROUND_TRIP_DIR + " 2"
        steps = [
            ("demo", "--data-dir", folder),
            ("export", "--data-dir", folder, "-o", "C:\\smoke\\rt.json"),
            ("check", "--data-dir", folder),
            ("import", "--data-dir", other, "C:\\smoke\\rt.json"),
            ("export", "--data-dir", other, "-o", "C:\\smoke\\rt2.json"),
            ("report", "roster", "--data-dir", other, "-o", f"{folder}\\花名册.pdf"),
        ]
        for args in steps:
            code, out = self.app(*args)
            ok = code == 0 or (args[0] == "check" and code == 1)
            ensure(ok, f"{' '.join(args)}: exit {code}: {out[-800:]}")
        first = people(self.prefix.unix("C:\\smoke\\rt.json"))
        again = people(self.prefix.unix("C:\\smoke\\rt2.json"))
        ensure(first == again and first, f"round trip: {len(first)} people, then {len(again)}")
        pdf = self.prefix.unix(f"{folder}\\花名册.pdf")
        from pypdf import PdfReader

        text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
        ensure("党员花名册" in text, "the PDF lacks its title")
        size = pdf.stat().st_size // 1024
        return f"demo, export, check, import, export ({len(first)} both ways), PDF {size} KiB"

    def postgresql_addon(self) -> str:
        """A county's server URL first without the add-on (the fix is named, no traceback),
        then the add-on found through the uninstall key, and psycopg's binary build imported
        from addons\\postgresql by the shipped Python.  No server is contacted."""
        url = "postgresql://villagebook@county.invalid/villagebook"
        code, out = self.app("check", "--database-url", url, "--data-dir", "C:\\smoke\\pg")
        named = [line for line in out.splitlines() if "postgresql-setup.exe" in line]
        ensure(code != 0 and named and "Traceback" not in out, f"exit {code}: {out[-800:]}")
        refused = code
        code = install(self.prefix, self.addon, None)
        ensure(code == 0, f"{self.addon.name}: exit code {code}")
        addon = self.install / "addons" / "postgresql"
        for part in ("psycopg", "psycopg_binary", "psycopg_binary.libs", "licenses"):
            ensure((addon / part).is_dir(), f"addons/postgresql/{part} missing")
        script = self.prefix.unix("C:\\smoke\\pg.py")
        script.write_text(
            "import sys\n"
            "sys.stdout.reconfigure(encoding='utf-8')\n"  # the install path is Chinese
            "import psycopg, psycopg_binary\n"
            "from villagebook.selftest import postgresql_addon\n"
            "print(psycopg.pq.__impl__, psycopg.__version__)\n"
            "print(psycopg.__file__)\nprint(psycopg_binary.__file__)\n"
            "print(postgresql_addon())\n",
            encoding="utf-8",
        )
        program = f"{INSTALL_DIR}\\python\\python.exe"
        code, out = self.prefix.console(program, ["C:\\smoke\\pg.py"])
        lines = out.strip().splitlines()
        ensure(code == 0 and len(lines) >= 4, f"exit {code}: {out[-800:]}")
        impl, files, info = lines[-4].split(), lines[-3:-1], lines[-1]
        ensure(impl[0] == "binary", f"psycopg.pq.__impl__ is {impl[0]}")
        where = "\\addons\\postgresql\\"
        ensure(all(where in f for f in files), f"psycopg not from addons\\postgresql: {files}")
        ensure(info.startswith("INFO postgresql-addon: present"), info)
        return (
            f"without it: exit {refused}, names {self.addon.name}, no traceback;"
            f" {self.addon.name} /S found {INSTALL_DIR}; psycopg {impl[1]} {impl[0]}"
            " from addons\\postgresql; self-test: present"
        )

    def uninstall(self) -> str:
        self.prefix.run(str(self.install / "uninstall.exe"), "/S", timeout=600)
        for _ in range(120):  # the NSIS uninstaller re-runs itself from %TEMP%
            if not (self.install / "uninstall.exe").exists():
                break
            time.sleep(1)
        self.prefix.wait_server()
        for part in ("python", "lib", "app", "addons", "licenses", "uninstall.exe"):
            ensure(not (self.install / part).exists(), f"{part} left behind")
        left = sorted(p.name for p in self.install.iterdir()) if self.install.exists() else []
        ensure(not left, f"the program folder still holds {left}")
        ensure(not list(self.prefix.root.rglob("村务记事本.lnk")), "shortcut left behind")
        code, _out = self.prefix.text("reg", "query", UNINSTALL_KEY)
        ensure(code != 0, "uninstall entry left behind")
        ensure(self.db.is_file() and count(self.db, "person") > 0, "the records are gone")
        if self.upgraded:
            ensure(list((self.data / "backups").glob("pre-upgrade-*")), "the backups are gone")
        return (
            f"program and PostgreSQL add-on removed; {self.data.name} kept"
            " (records, backups, attachments)"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keep", action="store_true", help="keep the Wine prefix")
    parser.add_argument(
        "--quick", action="store_true", help="the current build only: no upgrade, no launchers"
    )
    args = parser.parse_args(argv)
    current = OUT / f"VillageBook-{project_version()}-setup.exe"
    previous = OUT / f"VillageBook-{PREVIOUS_VERSION}-setup.exe"
    addon = OUT / f"VillageBook-{project_version()}-postgresql-setup.exe"
    for setup in (current, addon) if args.quick else (current, addon, previous):
        if not setup.is_file():
            raise SystemExit(f"{setup} missing: run bash packaging/wine-smoke.sh")
    started = time.monotonic()
    root = Path(tempfile.mkdtemp(prefix="villagebook-wine-"))
    prefix = Prefix(root)
    smoke = Smoke(prefix, current, previous, OUT / "payload", addon)
    if args.quick:
        steps = [
            ("prefix", smoke.prefix_ready),
            ("stub-dlls", smoke.stubs),
            ("install", smoke.install_current),
            ("self-test", smoke.self_test),
            ("imports", smoke.imports),
            ("round-trip", smoke.round_trip),
            ("postgresql-addon", smoke.postgresql_addon),
            ("uninstall", smoke.uninstall),
        ]
    else:
        steps = [
            ("prefix", smoke.prefix_ready),
            ("stub-dlls", smoke.stubs),
            ("install-previous", smoke.install_previous),
            ("previous-data", smoke.previous_data),
            ("upgrade", smoke.upgrade),
            ("self-test", smoke.self_test),
            ("launchers", smoke.self_test_launchers),
            ("imports", smoke.imports),
            ("upgraded-data", smoke.upgraded_data),
            ("round-trip", smoke.round_trip),
            ("postgresql-addon", smoke.postgresql_addon),
            ("uninstall", smoke.uninstall),
        ]
    try:
        for name, check in steps:
            ok = smoke.step(name, check)
            if not ok and name in ("prefix", "stub-dlls", "install", "install-previous"):
                break
    finally:
        subprocess.run(["wineserver", "-k"], env=prefix.env, check=False)
        if args.keep:
            print(f"Wine prefix kept: {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    failed = sum(1 for _n, ok, _d, _t in smoke.results if not ok)
    passed = len(smoke.results) - failed
    print(f"wine smoke test: {time.monotonic() - started:.0f} s")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or passed < len(steps) else 0


if __name__ == "__main__":
    raise SystemExit(main())
