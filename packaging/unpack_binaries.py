"""Unpack the installer's binaries archive into the install folder (run at install time).

    "<install dir>\\python\\python.exe" -I -S unpack_binaries.py ARCHIVE SHA256 [DEST]

NSIS 3.08's LZMA has no x86 BCJ filter, the filter that turns the relative addresses of
call and jump instructions into absolute ones so that every call of one function repeats
byte for byte and LZMA finds it.  So the build applies it itself: most of the payload's DLLs
and ``.pyd`` files go into one tar, the tar through xz's x86 filter, and the result into a
raw LZMA2 stream of *uncompressed* chunks (``build_windows.write_binaries_archive``): the
installer's own solid LZMA stream then compresses the filtered machine code, about 1 MB
better than the plain files.  This script undoes it with the standard library's ``lzma``
(the same x86 filter, and LZMA2 chunks that are only copied), checks the tar's SHA-256 and
writes its files.  NSIS installs the rest of the payload first, including the few files
this needs to run (python.exe, the Python DLL, the C runtime and ``_lzma.pyd``:
``payload.BOOTSTRAP``).

DEST defaults to the folder above python.exe's own (``<install dir>``), so the installer
passes no path that could end in a backslash.  Stdlib only, nothing from site-packages
(``-I -S``), ASCII output (the installer's log shows it as is).  Exit 0 when every member
was written; 1 (and a one-line reason) otherwise, and the installer then aborts.
"""

from __future__ import annotations

import hashlib
import lzma
import sys
import tarfile
from pathlib import Path, PurePosixPath
from typing import BinaryIO

#: Where the members may go: the installer replaces these folders on every upgrade and the
#: uninstaller removes them, so nothing unpacked can be left behind.
FOLDERS = ("python", "lib")
#: The archive's filters as the decoder sees them: x86 BCJ over LZMA2 (whose chunks are
#: stored, so the dictionary size does not matter).
FILTERS = ({"id": lzma.FILTER_X86}, {"id": lzma.FILTER_LZMA2, "dict_size": 1 << 20})


class Hashing:
    """A read-only stream that hashes what passes through it (tarfile's ``r|`` mode reads
    its file object in order, once)."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.sha256 = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.sha256.update(data)
        return data

    def drain(self) -> str:
        while self.read(1 << 20):
            pass
        return self.sha256.hexdigest()


def check(member: tarfile.TarInfo) -> None:
    """Only regular files inside FOLDERS (tarfile's ``data`` filter refuses the rest too)."""
    parts = PurePosixPath(member.name).parts
    if not member.isfile() or len(parts) < 2 or parts[0] not in FOLDERS or ".." in parts:
        raise ValueError(f"unexpected member {member.name!r}")


def unpack(archive: Path, dest: Path, sha256: str, progress: bool = True) -> list[str]:
    """Write every member under ``dest``, overwriting what is there, in one pass; the member
    names.  Raises if the tar's SHA-256 is not ``sha256`` (after writing: the installer
    then removes the program folders).  Progress is the share of the archive read."""
    names = []
    size = archive.stat().st_size or 1
    shown = 0
    with (
        archive.open("rb") as raw,
        lzma.LZMAFile(raw, format=lzma.FORMAT_RAW, filters=FILTERS) as decoded,
    ):
        stream = Hashing(decoded)  # type: ignore[arg-type]
        with tarfile.open(fileobj=stream, mode="r|") as tar:  # type: ignore[call-overload]
            for member in tar:
                check(member)
                tar.extract(member, dest, filter="data")
                names.append(member.name)
                step = raw.tell() * 10 // size
                if progress and step > shown:
                    shown = step
                    print(f"  {min(step, 10) * 10}%", flush=True)
        digest = stream.drain()
    if digest != sha256.lower():
        raise ValueError(f"SHA-256 {digest}, expected {sha256}")
    if not names:
        raise ValueError("the archive is empty")
    return names


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print("usage: unpack_binaries.py ARCHIVE SHA256 [DEST]")
        return 2
    archive = Path(argv[0])
    dest = Path(argv[2]) if len(argv) == 3 else Path(sys.executable).resolve().parent.parent
    try:
        names = unpack(archive, dest, argv[1])
    except Exception as exc:  # any failure: the installer reports it and aborts
        reason = f"unpacking {archive.name} failed: {type(exc).__name__}: {exc}"
        print(reason.encode("ascii", "replace").decode("ascii"), flush=True)
        return 1
    print(f"{len(names)} files unpacked")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
