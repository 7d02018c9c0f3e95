"""The Windows smoke test under Wine (packaging/wine_smoke.py) and its parts.

The whole test builds two installers and runs them in a fresh Wine prefix (about 6
minutes here from a fresh clone), so it is marked ``wine`` and runs only when asked;
``VILLAGEBOOK_WINE=quick`` runs the short version (the current installer only: install,
self-test, imports, command-line round trip, uninstall; about 2.5 minutes once built):

    VILLAGEBOOK_WINE=1 .venv/bin/python -m pytest tests/integration/packaging -m wine -n 0
    VILLAGEBOOK_WINE=quick .venv/bin/python -m pytest tests/integration/packaging -m wine -n 0

The stand-in DLLs are checked in the default run wherever mingw-w64 is installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "packaging"))

import pe  # noqa: E402

MINGW = shutil.which("x86_64-w64-mingw32-gcc")
#: What Qt6Core.dll of PySide6 6.10-6.12 imports from icuuc.dll (the smoke test compares the
#: stand-in with the real import table of the payload it installs).
QT6CORE_ICU = {
    "ucnv_open", "ucnv_close", "UCNV_FROM_U_CALLBACK_SUBSTITUTE", "UCNV_TO_U_CALLBACK_SUBSTITUTE",
    "ucnv_reset", "ucnv_getMaxCharSize", "ucnv_getName", "ucnv_getToUCallBack",
    "ucnv_getFromUCallBack", "ucnv_setToUCallBack", "ucnv_setFromUCallBack",
    "ucnv_cbToUWriteUChars", "ucnv_toUnicode", "ucnv_cbFromUWriteUChars", "ucnv_toUCountPending",
    "ucnv_fromUCountPending", "ucnv_getStandardName", "ucnv_getAvailableName",
    "ucnv_countAvailable", "ucnv_fromUnicode",
}  # fmt: skip


@pytest.mark.skipif(MINGW is None, reason="mingw-w64 missing (VILLAGEBOOK_WINE=1 scripts/setup.sh)")
@pytest.mark.parametrize(
    ("name", "libs", "exports"),
    [("bcryptprimitives", ["-ladvapi32"], {"ProcessPrng"}), ("icuuc", [], QT6CORE_ICU)],
)
def test_stand_in_dlls_build_and_export_what_wine_lacks(
    tmp_path: Path, name: str, libs: list[str], exports: set[str]
) -> None:
    dll = tmp_path / f"{name}.dll"
    source = ROOT / "packaging" / "wine" / f"{name}.c"
    cmd = [str(MINGW), "-shared", "-O2", "-s", "-Wall", "-Werror", "-o", str(dll), str(source)]
    subprocess.run([*cmd, *libs], check=True)
    assert set(pe.exports(dll)) == exports
    assert dll.stat().st_size < 64 * 1024


def test_stand_ins_never_enter_the_payload() -> None:
    """They are built into the test's Wine prefix only; the build never names them."""
    for script in ("build_windows.py", "payload.py", "installer.nsi", "third_party.py"):
        text = (ROOT / "packaging" / script).read_text(encoding="utf-8")
        assert "bcryptprimitives" not in text and "icuuc" not in text, script


def _smoke(*args: str) -> str:
    result = subprocess.run(
        ["bash", str(ROOT / "packaging" / "wine-smoke.sh"), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=3600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    return result.stdout


@pytest.mark.wine
@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("VILLAGEBOOK_WINE") != "1", reason="set VILLAGEBOOK_WINE=1")
def test_wine_smoke_install_self_test_upgrade_round_trip_uninstall() -> None:
    out = _smoke()
    assert "12 passed, 0 failed" in out
    assert "8 passed, 0 failed" in out


@pytest.mark.wine
@pytest.mark.skipif(
    os.environ.get("VILLAGEBOOK_WINE") != "quick", reason="set VILLAGEBOOK_WINE=quick"
)
def test_wine_smoke_quick() -> None:
    out = _smoke("--quick")
    assert out.splitlines()[-1] == "8 passed, 0 failed"  # the smoke test's 8 steps
    assert "    8 passed, 0 failed" in out  # the self-test's 8 checks (indented)


@pytest.mark.wine
@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("VILLAGEBOOK_WINE") != "1", reason="set VILLAGEBOOK_WINE=1")
def test_an_installer_whose_binaries_fail_to_unpack_aborts_and_leaves_no_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The staged payload (build it first) with a wrong SHA-256 for its binaries archive: the
    shipped Python refuses it, and the installer exits with code 6, removes what it wrote
    and writes neither an uninstaller nor an uninstall entry."""
    import build_windows
    import wine_smoke

    payload = build_windows.OUT / "payload"
    if not (payload / "lib").is_dir():
        pytest.skip("build the payload first (packaging/build-windows.sh)")
    write = build_windows.write_binaries_archive

    def wrong_sha256(*args: object) -> str:
        write(*args)  # type: ignore[arg-type]
        return "0" * 64

    monkeypatch.setattr(build_windows, "write_binaries_archive", wrong_sha256)
    setup = tmp_path / "VillageBook-0.0.0-setup.exe"
    build_windows.makensis(payload, "0.0.0", "3.13", setup, fast=True, binaries=True)
    prefix = wine_smoke.Prefix(tmp_path / "prefix")
    try:
        prefix.run("wineboot", "-i")
        prefix.wait_server()
        prefix.run("winecfg", "/v", "win10")
        assert wine_smoke.install(prefix, setup, wine_smoke.INSTALL_DIR) == 6
        install = prefix.unix(wine_smoke.INSTALL_DIR)
        assert not install.exists() or not any(install.iterdir()), list(install.iterdir())
        assert prefix.text("reg", "query", wine_smoke.UNINSTALL_KEY)[0] != 0
        assert not list((tmp_path / "prefix" / "drive_c").rglob("binaries.tar.x86"))
    finally:
        subprocess.run(["wineserver", "-k"], env=prefix.env, check=False)
