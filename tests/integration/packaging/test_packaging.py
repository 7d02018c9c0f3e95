"""Packaging: pruning rules, the installer script, the release workflow, the payload layout.

Fast tests run by default.  The real builds download the embeddable CPython and the
wheels, so they are marked slow and run only with VILLAGEBOOK_PACKAGING=1:

    VILLAGEBOOK_PACKAGING=1 QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest \\
        tests/integration/packaging -m slow -q
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "packaging"))

import check_payload  # noqa: E402
import payload  # noqa: E402

NSI = ROOT / "packaging" / "installer.nsi"
WORKFLOW = ROOT / ".github" / "workflows" / "windows-release.yml"
BUILD = os.environ.get("VILLAGEBOOK_PACKAGING") == "1"
needs_build = pytest.mark.skipif(not BUILD, reason="set VILLAGEBOOK_PACKAGING=1 (downloads)")


def write_tree(root: Path, files: dict[str, bytes]) -> None:
    """Files under ``root`` by relative path, with their folders."""
    for rel, data in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)


@pytest.mark.parametrize(
    ("path", "pruned"),
    [
        ("PySide6/QtCore.pyd", False),
        ("PySide6/QtPdfWidgets.pyd", False),
        ("PySide6/QtPrintSupport.pyd", False),
        ("PySide6/Qt6Widgets.dll", False),
        ("PySide6/plugins/platforms/qwindows.dll", False),
        ("PySide6/plugins/platforms/qoffscreen.dll", False),
        ("PySide6/plugins/imageformats/qjpeg.dll", False),
        ("PySide6/plugins/styles/qmodernwindowsstyle.dll", False),
        ("PySide6/translations/qtbase_zh_CN.qm", False),
        ("PySide6/translations/qt_en.qm", False),
        ("shiboken6/shiboken6.abi3.dll", False),
        ("stdnum/cn/ric.py", False),
        ("stdnum/util.py", False),
        ("sqlalchemy/dialects/postgresql/base.py", False),
        ("PIL/_imaging.cp313-win_amd64.pyd", False),
        ("PySide6/QtQuick.pyd", True),
        ("PySide6/QtNetwork.pyd", True),
        ("PySide6/QtDBus.pyd", True),
        ("PySide6/QtSvgWidgets.pyd", True),
        ("PySide6/QtQml.abi3.so", True),
        ("PySide6/plugins/platforms/qdirect2d.dll", True),
        ("PySide6/plugins/imageformats/qsvg.dll", True),
        ("PySide6/plugins/iconengines/qsvgicon.dll", True),
        ("PySide6/plugins/tls/qschannelbackend.dll", True),
        ("PySide6/opengl32sw.dll", True),
        ("PySide6/designer.exe", True),
        ("PySide6/resources/icudtl.dat", True),
        ("PySide6/translations/qtbase_de.qm", True),
        ("PySide6/translations/qt_help_zh_CN.qm", True),
        ("PySide6/translations/linguist_zh_CN.qm", True),
        ("PySide6/QtCore.pyi", True),
        ("shiboken6/include/sbkversion.h", True),
        ("shiboken6/lib/cmake/Shiboken6/Shiboken6Config.cmake", True),
        ("shiboken6/shiboken6.abi3.lib", True),
        ("sqlalchemy/testing/fixtures.py", True),
        ("alembic/testing/env.py", True),
        ("mako/testing/helpers.py", True),
        ("stdnum/de/vat.py", True),
        ("stdnum/oui.dat", True),
        ("reportlab/fonts/Vera.ttf", True),
        ("sqlalchemy/__pycache__", True),
        ("PIL/_avif.cp313-win_amd64.pyd", True),
        ("PIL/_webp.cp313-win_amd64.pyd", True),
        ("PIL/_imagingcms.cp313-win_amd64.pyd", True),
        ("pikepdf-10.18.0.dist-info/METADATA", False),
        ("pikepdf-10.18.0.dist-info/licenses/LICENSE.txt", False),
        ("pikepdf-10.18.0.dist-info/RECORD", True),
        ("platformdirs-4.14.9.dist-info/sboms/platformdirs.cdx.json", True),
        ("aiohttp/_http_parser.cp313-win_amd64.pyd", True),
        ("aiohttp/_websocket/reader_c.cp313-win_amd64.pyd", True),
        ("aiohttp/http_parser.py", False),
        # fontTools and pikepdf's PDF/A validator leave; pikepdf stays
        ("fontTools/misc/bezierTools.py", True),
        ("fonttools-4.68.0.dist-info/METADATA", True),
        ("pikepdf/pdfa/__init__.py", True),
        ("pikepdf/__init__.py", False),
        ("pydantic/v1/main.py", True),
        ("pydantic/mypy.py", True),
        ("pydantic/main.py", False),
        ("pyhanko/generated/etsi/__init__.py", True),
        ("pyhanko/sign/pkcs11.py", True),
        ("pyhanko/sign/validation/report/tools.py", True),
        ("pyhanko/sign/validation/report/__init__.py", False),
        ("pyhanko/sign/timestamps/aiohttp_client.py", False),
        # Pillow's plugins: the kept formats only
        ("PIL/PngImagePlugin.py", False),
        ("PIL/JpegImagePlugin.py", False),
        ("PIL/MpoImagePlugin.py", False),
        ("PIL/TiffImagePlugin.py", False),
        ("PIL/WebPImagePlugin.py", False),
        ("PIL/EpsImagePlugin.py", True),
        ("PIL/PsdImagePlugin.py", True),
        ("PIL/ImageFile.py", False),
        ("charset_normalizer/md.cp313-win_amd64.pyd", True),
        ("yarl/_quoting_c.cp313-win_amd64.pyd", True),
        # no pure-Python fallback at its import site, or the app's own hot path: kept
        ("multidict/_multidict.cp313-win_amd64.pyd", False),
        ("multidict/_testcapi.cp313-win_amd64.pyd", True),
        ("sqlalchemy/engine/_row_cy.cp313-win_amd64.pyd", False),
        ("pydantic_core/_pydantic_core.cp313-win_amd64.pyd", False),
    ],
)
def test_prune_rules(path: str, pruned: bool) -> None:
    assert payload.should_prune(path) is pruned


def test_the_postgresql_addon_takes_psycopg_and_leaves_tzdata(tmp_path: Path) -> None:
    import build_windows

    lib = tmp_path / "lib"
    names = [
        "psycopg",
        "psycopg_binary",
        "psycopg_binary.libs",
        "psycopg-3.3.9.dist-info",
        "psycopg_binary-3.3.9.dist-info",
        "tzdata",
        "tzdata-2026.6.dist-info",
        "sqlalchemy",
    ]
    for name in names:
        (lib / name).mkdir(parents=True)
    moved = payload.split_addon(lib, tmp_path / "addon")
    assert sorted(moved) == sorted(names[:5])
    assert sorted(p.name for p in lib.iterdir()) == [
        "sqlalchemy",
        "tzdata",
        "tzdata-2026.6.dist-info",
    ]
    nsh = build_windows.write_file_list(
        tmp_path / "addon", tmp_path / "a.nsh", "$INSTDIR\\addons\\postgresql"
    )
    assert (
        nsh.read_text(encoding="utf-8").splitlines()[-1]
        == 'SetOutPath "$INSTDIR\\addons\\postgresql"'
    )


def test_every_qt_module_the_app_imports_is_kept() -> None:
    imported = set(payload.imported_modules(ROOT / "villagebook", optional=True))
    used = {name.split(".")[1] for name in imported if name.startswith("PySide6.")}
    assert "QtWidgets" in used
    kept = payload.qt_modules_kept()
    assert used <= kept and set(payload.QT_MODULES_ALWAYS) <= kept
    assert {"QtPrintSupport", "QtPdf", "QtPdfWidgets"} <= kept


def test_prune_removes_files_and_counts_them(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    write_tree(
        lib,
        dict.fromkeys(
            (
                "PySide6/QtCore.abi3.so",
                "PySide6/QtQuick.abi3.so",
                "PySide6/qml/a/b.qml",
                "x/tests/t.py",
            ),
            b"12345",
        ),
    )
    report = payload.prune(lib)
    assert report.files == 3 and report.bytes == 15
    assert sorted(p.relative_to(lib).as_posix() for p in lib.rglob("*") if p.is_file()) == [
        "PySide6/QtCore.abi3.so"
    ]


def test_the_standard_library_zip_is_stored_and_pruned(tmp_path: Path) -> None:
    stdlib = tmp_path / "python313.zip"
    members = {
        "os.pyc": b"os" * 500,
        "pydoc_data/topics.pyc": b"topics" * 500,
        "pydoc.pyc": b"pydoc" * 500,
        "xmlrpc/client.pyc": b"xmlrpc" * 500,
        "_pydecimal.pyc": b"dec" * 500,
        "sqlite3/__init__.pyc": b"sqlite" * 500,
    }
    with zipfile.ZipFile(stdlib, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(zipfile.ZipInfo(name, (2025, 1, 2, 3, 4, 6)), data, zipfile.ZIP_DEFLATED)
    report = payload.prune_python(tmp_path)
    with zipfile.ZipFile(stdlib) as zf:
        infos = zf.infolist()
        assert [i.filename for i in infos] == ["os.pyc", "pydoc.pyc", "sqlite3/__init__.pyc"]
        assert {i.compress_type for i in infos} == {zipfile.ZIP_STORED}
        assert {i.date_time for i in infos} == {(2025, 1, 2, 3, 4, 6)}
        assert zf.read("pydoc.pyc") == members["pydoc.pyc"]
    assert report.files == 3
    assert report.bytes == 3000 + 3000 + 1500  # pydoc.pyc stays: only pydoc_data goes


def test_plain_sqlite_comes_from_sqlcipher3_alone(tmp_path: Path) -> None:
    python, lib = tmp_path / "python", tmp_path / "lib"
    python.mkdir()
    (lib / "sqlcipher3").mkdir(parents=True)
    for name in ("sqlite3.dll", "_sqlite3.pyd", "python313.dll"):
        (python / name).write_bytes(b"MZ" * 100)
    with zipfile.ZipFile(python / "python313.zip", "w") as zf:
        for name in ("os.pyc", "sqlite3/__init__.pyc", "sqlite3/dbapi2.pyc", "sqlite3x.pyc"):
            zf.writestr(zipfile.ZipInfo(name, (2025, 1, 2, 3, 4, 6)), name * 10)
    report = payload.replace_sqlite(python, lib)
    assert sorted(p.name for p in python.iterdir()) == ["python313.dll", "python313.zip"]
    with zipfile.ZipFile(python / "python313.zip") as zf:
        assert zf.namelist() == ["os.pyc", "sqlite3x.pyc"]
    assert report.files == 4
    shim = (lib / "sqlite3" / "__init__.py").read_text(encoding="utf-8")
    assert "from sqlcipher3.dbapi2 import *" in shim
    assert 'sys.modules[__name__ + ".dbapi2"] = dbapi2' in shim
    with pytest.raises(SystemExit, match="sqlcipher3 missing"):
        payload.replace_sqlite(python, tmp_path / "empty")


def test_the_sqlite3_shim_is_sqlcipher3_for_the_app_and_sqlalchemy(tmp_path: Path) -> None:
    """With lib/sqlite3 first on the path (as python313._pth makes it once the zip's sqlite3
    is gone), the standard name, ``sqlite3.dbapi2`` and SQLAlchemy's dialect all get
    sqlcipher3, and a database written through it is plain SQLite."""
    pytest.importorskip("sqlcipher3")
    shutil.copytree(payload.SQLITE_SHIM, tmp_path / "sqlite3")
    db = tmp_path / "plain.sqlite3"
    code = (
        "import sqlite3, sqlcipher3.dbapi2 as d, sqlalchemy as sa\n"
        "from sqlite3 import dbapi2\n"
        "assert sqlite3.connect is d.connect and dbapi2 is d, sqlite3.__file__\n"
        f"e = sa.create_engine('sqlite:///{db.as_posix()}')\n"
        "with e.begin() as c:\n"
        "    assert isinstance(c.connection.dbapi_connection, d.Connection)\n"
        "    c.execute(sa.text('CREATE TABLE t (x)'))\n"
        "    c.execute(sa.text('INSERT INTO t VALUES (7)'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(tmp_path)!r})\n{code}"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert db.read_bytes()[:16] == b"SQLite format 3\x00"
    import sqlite3  # the standard module reads it

    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT x FROM t").fetchone() == (7,)
    finally:
        conn.close()


def test_the_installer_lists_machine_code_then_source_then_the_rest(tmp_path: Path) -> None:
    import build_windows

    root = tmp_path / "payload"
    rels = (
        "VillageBook.cmd",
        "app/villagebook/app.py",
        "lib/b/x.pyd",
        "lib/a/__init__.py",
        "lib/a/y.dll",
        "python/python.exe",
        "licenses/LICENSE.txt",
    )
    write_tree(root, dict.fromkeys(rels, b"x"))
    nsh = build_windows.write_file_list(root, tmp_path / "files.nsh")
    lines = nsh.read_text(encoding="utf-8").splitlines()[1:]
    files = [
        line.split('"')[1].removeprefix(str(root) + "/")
        for line in lines
        if line.startswith("File")
    ]
    assert files == [
        "lib/a/y.dll",
        "python/python.exe",
        "lib/b/x.pyd",
        "app/villagebook/app.py",
        "lib/a/__init__.py",
        "VillageBook.cmd",
        "licenses/LICENSE.txt",
    ]
    assert lines[0] == 'SetOutPath "$INSTDIR\\lib\\a"'
    assert lines[-1] == 'SetOutPath "$INSTDIR"'
    assert 'SetOutPath "$INSTDIR"' in lines[lines.index(f'File "{root}/lib/a/__init__.py"') + 1 :]


def _fake_binaries(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A payload with a few DLLs and .pyd files whose imports are faked (not real PE)."""
    files = {
        "python/python.exe": b"exe" * 100,
        "python/pythonw.exe": b"exew" * 100,
        "python/python313.dll": b"python" * 1000,
        "python/vcruntime140.dll": b"crt" * 100,
        "python/vcruntime140_1.dll": b"crt1" * 100,
        "python/_lzma.pyd": b"lzma" * 100,
        "python/_ssl.pyd": b"ssl" * 100,
        "python/python313.zip": b"zip",
        "lib/PySide6/Qt6Core.dll": bytes(range(256)) * 400,
        "lib/a/b.cp313-win_amd64.pyd": b"\x90\x90\x90\xe8\x10\x20\x30\x00" * 500,  # call rel32
        "lib/a/__init__.py": b"",
    }
    write_tree(root, files)
    links = {
        "python.exe": ["python313.dll", "VCRUNTIME140.dll", "KERNEL32.dll"],
        "pythonw.exe": ["python313.dll", "VCRUNTIME140.dll"],
        "python313.dll": ["VCRUNTIME140.dll", "bcrypt.dll"],
        "_lzma.pyd": ["python313.dll", "VCRUNTIME140.dll"],
    }
    monkeypatch.setattr(payload.pe, "imports", lambda path: links.get(Path(path).name, []))


def test_the_binaries_archive_leaves_out_only_what_python_needs_to_unpack_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import build_windows
    import unpack_binaries

    root = tmp_path / "payload"
    _fake_binaries(root, monkeypatch)
    assert {p.as_posix() for p in payload.bootstrap(root)} == {
        "python/python.exe",
        "python/pythonw.exe",
        "python/python313.dll",
        "python/vcruntime140.dll",
        "python/_lzma.pyd",
    }
    archived = payload.archived_binaries(root)
    assert [p.as_posix() for p in archived] == [
        "lib/PySide6/Qt6Core.dll",
        "lib/a/b.cp313-win_amd64.pyd",
        "python/_ssl.pyd",
        "python/vcruntime140_1.dll",
    ]
    # the same bytes for the same files (no owners, one mtime, single-threaded xz)
    one, two = tmp_path / "1.tar.x86", tmp_path / "2.tar.x86"
    sha256 = build_windows.write_binaries_archive(root, archived, one, 1234)
    assert build_windows.write_binaries_archive(root, archived, two, 1234) == sha256
    assert one.read_bytes() == two.read_bytes()
    # filtered, not compressed: NSIS's LZMA compresses it; the call targets differ
    size = sum((root / rel).stat().st_size for rel in archived)
    assert size < one.stat().st_size < size + 1024 * (len(archived) + 20)  # tar headers
    assert (root / "lib/a/b.cp313-win_amd64.pyd").read_bytes()[:50] not in one.read_bytes()
    # the installer's file list leaves them out
    nsh = build_windows.write_file_list(root, tmp_path / "files.nsh", exclude=archived)
    listed = {
        line.split('"')[1].removeprefix(f"{root}/")
        for line in nsh.read_text(encoding="utf-8").splitlines()
        if line.startswith("File")
    }
    assert not listed & {p.as_posix() for p in archived}
    assert "python/_lzma.pyd" in listed and "lib/a/__init__.py" in listed
    # unpacked over an older install, every file comes back byte for byte
    install = tmp_path / "install"
    (install / "lib" / "PySide6").mkdir(parents=True)
    (install / "lib" / "PySide6" / "Qt6Core.dll").write_bytes(b"old version")
    with pytest.raises(ValueError, match="SHA-256"):
        unpack_binaries.unpack(one, tmp_path / "elsewhere", "0" * 64, progress=False)
    names = unpack_binaries.unpack(one, install, sha256, progress=False)
    assert names == [p.as_posix() for p in archived]
    for rel in archived:
        assert (install / rel).read_bytes() == (root / rel).read_bytes(), rel


def test_unpacking_refuses_a_broken_or_foreign_archive(tmp_path: Path) -> None:
    import build_windows
    import unpack_binaries

    broken = tmp_path / "broken.tar.x86"
    broken.write_bytes(b"\x01\x00\x10 not really")
    script = str(ROOT / "packaging" / "unpack_binaries.py")
    result = subprocess.run(
        [sys.executable, "-I", "-S", script, str(broken), "0" * 64, str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "unpacking broken.tar.x86 failed" in result.stdout
    (tmp_path / "Windows").mkdir()
    (tmp_path / "Windows" / "x.dll").write_bytes(b"x")
    foreign = tmp_path / "foreign.tar.x86"
    sha256 = build_windows.write_binaries_archive(tmp_path, [Path("Windows/x.dll")], foreign, 0)
    with pytest.raises(ValueError, match="unexpected member"):
        unpack_binaries.unpack(foreign, tmp_path / "out", sha256, progress=False)
    assert not (tmp_path / "out" / "Windows").exists()


def test_runtime_requirements_are_the_projects_not_the_dev_tools() -> None:
    requirements = payload.runtime_requirements()
    assert any(r.startswith("PySide6-Essentials") for r in requirements)
    assert not any(r.startswith(("pytest", "mypy", "ruff", "pyyaml")) for r in requirements)


def test_installer_script_keeps_its_promises() -> None:
    text = NSI.read_text(encoding="utf-8")
    for promise in (
        "Unicode true",
        "RequestExecutionLevel user",
        'InstallDir "$LOCALAPPDATA\\Programs\\VillageBook"',
        "!define MIN_BUILD 18362",
        "CurrentBuildNumber",
        "${AtLeastWin10}",
        "${RunningX64}",
        '!define PRODUCT_ZH "村务记事本"',
        '"$SMPROGRAMS\\${SHORTCUT}"',
        '"$DESKTOP\\${SHORTCUT}"',
        'VIProductVersion "${VERSION4}"',
        '"ProductName"',
        '!define MUI_ICON "${ICON}"',
        "WriteUninstaller",
        # the BCJ binaries archive: unpacked by the shipped Python alone, progress shown,
        # a failure reported and the program folders removed, exit code 6
        '"$INSTDIR\\python\\python.exe" -I -S "$PLUGINSDIR\\unpack_binaries.py"',
        'DetailPrint "正在解压程序库',
        'Delete "$PLUGINSDIR\\binaries.tar.x86"',
        'MessageBox MB_OK|MB_ICONSTOP "解压程序库失败',
        "SetErrorLevel 6",
    ):
        assert promise in text, promise
    # The archive is unpacked before the uninstaller and the uninstall entry are written.
    assert text.index("nsExec::ExecToLog") < text.index("WriteUninstaller")
    assert text.index("nsExec::ExecToLog") < text.index('WriteRegStr HKCU "${UNINSTALL_KEY}"')
    uninstall = text[text.index('Section "Uninstall"') :]
    # Only the program's own folders go; never the install folder wholesale, never the data.
    assert re.findall(r"RMDir /r \"([^\"]+)\"", uninstall) == [
        "$INSTDIR\\python",
        "$INSTDIR\\lib",
        "$INSTDIR\\app",
        "$INSTDIR\\licenses",
        "$INSTDIR\\addons",  # the PostgreSQL add-on
    ]
    assert "VillageBook\\villagebook" not in text and "$LOCALAPPDATA\\VillageBook" not in text
    assert "Software\\VillageBook" not in uninstall.split("; Kept on purpose")[0]


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis (Debian nsis) missing")
def test_installer_script_compiles(tmp_path: Path) -> None:
    """The real script on a tiny stand-in payload: catches NSIS syntax errors quickly."""
    stand_in = tmp_path / "payload"
    (stand_in / "python").mkdir(parents=True)
    (stand_in / "python" / "python313.dll").write_bytes(b"MZ")
    setup = tmp_path / "VillageBook-1.2.3-setup.exe"
    defines = {
        "VERSION": "1.2.3",
        "VERSION4": "1.2.3.0",
        "PAYLOAD": str(stand_in),
        "OUTFILE": str(setup),
        "ICON": str(ROOT / "resources" / "icons" / "villagebook.ico"),
        "PYTHON_DLL": "python313.dll",
        "PYTHON_VERSION": "3.13",
        "SIZE_KB": "1",
    }
    import build_windows

    listed = build_windows.write_file_list(stand_in, tmp_path / "files.nsh")
    archive = tmp_path / "binaries.tar.x86"
    archive.write_bytes(b"stand-in")
    binaries = {
        "BINARIES": str(archive),
        "BINARIES_SHA256": "0" * 64,
        "BINARIES_COUNT": "1",
        "BINARIES_KB": "1",
        "UNPACKER": str(ROOT / "packaging" / "unpack_binaries.py"),
    }
    # File /r, the ordered list, and the list with the binaries archive
    for extra in ({}, {"FILES": str(listed)}, {"FILES": str(listed), **binaries}):
        cmd = ["makensis", "-V2", "-WX", "-INPUTCHARSET", "UTF8"]
        cmd += [f"-D{k}={v}" for k, v in {**defines, **extra}.items()] + [str(NSI)]
        result = subprocess.run(cmd, capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stdout + result.stderr
        info = check_payload.pe.version_info(setup)
        assert info.file_version == (1, 2, 3, 0)
        assert info.strings["ProductName"] == "村务记事本 VillageBook"
        assert info.strings["ProductVersion"] == "1.2.3"


def test_icon_has_every_windows_size() -> None:
    from PIL import Image

    with Image.open(ROOT / "resources" / "icons" / "villagebook.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])


def test_release_workflow_is_valid_and_proves_the_installer() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    jobs = workflow["jobs"]
    assert jobs["windows"]["runs-on"] == "windows-latest"
    assert jobs["windows"]["needs"] == "build"
    build = " ".join(step.get("run", "") for step in jobs["build"]["steps"])
    assert "bash packaging/build-windows.sh" in build
    assert "build-linux-payload.sh" in build
    assert "build_windows.py --previous" in build
    windows = " ".join(step.get("run", "") for step in jobs["windows"]["steps"])
    for must in (
        "'/S'",
        "--self-test",
        "uninstall.exe",
        "villagebook.sqlite3",
        "/D=",
        "pre-upgrade",
    ):
        assert must in windows, must
    assert "packaging/wine-smoke.sh" in jobs["wine"]["steps"][-1]["run"]
    # "on" is YAML 1.1's true: PyYAML reads the key as True
    paths = workflow[True]["pull_request"]["paths"]
    for folder in (
        "villagebook/**",
        "resources/**",
        "scripts/**",
        "packaging/**",
        "requirements/**",
    ):
        assert folder in paths, folder


def test_payload_layout_runs_its_self_test_outside_the_source_tree(tmp_path: Path) -> None:
    """app/ staged the installer's way (package + resources beside it), run from elsewhere."""
    app = tmp_path / "app"
    payload.stage_app_from_source(app)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VILLAGEBOOK_RESOURCES")}
    env["PYTHONPATH"] = str(app)
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run(
        [sys.executable, "-P", "-s", "-m", "villagebook", "--self-test"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout
    assert f"PASS resources ({app / 'resources'})" in lines
    assert str(app / "villagebook") in lines


def test_the_documented_windows_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/install.*.md promise %LOCALAPPDATA%\\VillageBook: what platformdirs gives there."""
    import platformdirs.windows

    local = "C:\\Users\\li\\AppData\\Local"
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", lambda _csidl: local)
    windows = platformdirs.windows.Windows("VillageBook", appauthor=False, roaming=False)
    # os.path.join is posixpath here; on Windows the separator is a backslash
    assert windows.user_data_dir.replace("/", "\\") == local + "\\VillageBook"
    for doc in ("install.zh.md", "install.en.md"):
        assert "%LOCALAPPDATA%\\VillageBook`" in (ROOT / "docs" / doc).read_text(encoding="utf-8")


@pytest.mark.slow
@needs_build
def test_windows_installer_builds_and_its_payload_checks_out() -> None:
    result = subprocess.run(
        ["bash", str(ROOT / "packaging" / "build-windows.sh")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert "FAIL" not in result.stdout


@pytest.mark.slow
@needs_build
def test_linux_payload_passes_its_self_test(tmp_path: Path) -> None:
    result = subprocess.run(
        ["bash", str(ROOT / "packaging" / "build-linux-payload.sh"), str(tmp_path / "payload")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert f"PASS resources ({tmp_path / 'payload' / 'app' / 'resources'})" in result.stdout


def test_about_reads_what_the_installer_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The installed layout: app/resources/build-info.json and licenses/ at the top."""
    import json

    from villagebook import about

    resources = tmp_path / "app" / "resources"
    (resources / "fonts").mkdir(parents=True)
    (tmp_path / "licenses").mkdir()
    info = {
        "villagebook": "9.9.9",
        "python": "3.13.2",
        "qt": "6.12.0",
        "distributions": {"SQLAlchemy": "2.1.9", "alembic": "1.20.1"},
        "licenses": "licenses",
    }
    (resources / "build-info.json").write_text(json.dumps(info), encoding="utf-8")
    monkeypatch.setenv("VILLAGEBOOK_RESOURCES", str(resources))
    carried = about.bundle()
    assert carried.installed and carried.licenses == tmp_path / "licenses"
    assert carried.versions() == "alembic 1.20.1, SQLAlchemy 2.1.9"
    assert (carried.python, carried.qt) == ("3.13.2", "6.12.0")


def test_about_without_a_build_reports_this_environment() -> None:
    from villagebook import about

    carried = about.bundle()
    assert not carried.installed and carried.licenses is None
    assert "PySide6" in carried.versions() and carried.qt.startswith("6.")


def test_the_app_never_asks_wmi() -> None:
    """platform.machine()/uname()/win32_ver()/processor()/platform() query WMI on Windows
    (slow; fatal where WMI is broken).  The payload also drops _wmi.pyd, for the libraries
    that call platform.machine() on import (SQLAlchemy, argon2-cffi)."""
    import ast

    wmi = {"machine", "uname", "win32_ver", "win32_edition", "processor", "platform", "node"}
    calls = []
    for source in (ROOT / "villagebook").rglob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "platform"
                and node.attr in wmi
            ):
                calls.append(f"{source.relative_to(ROOT)}:{node.lineno} platform.{node.attr}")
            if isinstance(node, ast.ImportFrom) and node.module == "platform":
                calls += [
                    f"{source.relative_to(ROOT)}: from platform import {a.name}"
                    for a in node.names
                    if a.name in wmi
                ]
            if isinstance(node, ast.Import) and any(a.name == "_wmi" for a in node.names):
                calls.append(f"{source.relative_to(ROOT)}: import _wmi")
    assert not calls
    assert "_wmi.pyd" in payload.PYTHON_PRUNE


def test_the_lean_check_refuses_an_app_that_imports_what_is_not_shipped(tmp_path: Path) -> None:
    (tmp_path / "lib").mkdir()
    (tmp_path / "python").mkdir()
    pth = tmp_path / "python" / "python313._pth"
    pth.write_text("python313.zip\n.\n..\\lib\n..\\app\n..\\addons\\postgresql\nimport site\n")
    app = tmp_path / "app" / "villagebook"
    app.mkdir(parents=True)
    db = "try:\n    import psycopg\nexcept ImportError:\n    psycopg = None\n"
    (app / "db.py").write_text(db, encoding="utf-8")
    assert "lists ..\\addons\\postgresql" in check_payload.check_lean(tmp_path)
    (app / "report.py").write_text("def f():\n    from pikepdf.pdfa import validate_written\n")
    with pytest.raises(check_payload.Failed, match=r"report\.py imports pikepdf\.pdfa"):
        check_payload.check_lean(tmp_path)
    (app / "report.py").write_text("import psycopg\n")
    with pytest.raises(check_payload.Failed, match=r"report\.py imports psycopg"):
        check_payload.check_lean(tmp_path)
    (app / "report.py").unlink()
    (tmp_path / "lib" / "fontTools").mkdir()
    with pytest.raises(check_payload.Failed, match="fontTools"):
        check_payload.check_lean(tmp_path)
    (tmp_path / "lib" / "fontTools").rmdir()
    pth.write_text("python313.zip\n.\n..\\lib\n..\\app\nimport site\n")
    with pytest.raises(check_payload.Failed, match="lacks"):
        check_payload.check_lean(tmp_path)
