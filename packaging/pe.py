"""Just enough of the Windows PE format to check a payload from Linux.

``imports(path)`` lists the DLLs a .exe/.dll/.pyd needs at load time; ``version_info(path)``
reads its file properties (the numeric file version and the StringFileInfo strings);
``exports(path)`` lists the names it exports; ``signer_mentions`` looks into its certificate.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path

IMPORT_DIRECTORY = 1
RESOURCE_DIRECTORY = 2
SECURITY_DIRECTORY = 4
RT_VERSION = 16


@dataclass
class Image:
    data: bytes
    sections: list[tuple[int, int, int]]  # (virtual address, size, file offset)
    directories: list[tuple[int, int]]  # (rva, size)

    def offset(self, rva: int) -> int:
        for va, size, raw in self.sections:
            if va <= rva < va + size:
                return raw + rva - va
        raise ValueError(f"RVA {rva:#x} outside every section")

    def cstring(self, rva: int) -> str:
        start = self.offset(rva)
        return self.data[start : self.data.index(b"\0", start)].decode("ascii", "replace")


def read_image(path: Path) -> Image:
    data = path.read_bytes()
    if data[:2] != b"MZ":
        raise ValueError(f"{path.name}: not a PE file")
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    if data[pe : pe + 4] != b"PE\0\0":
        raise ValueError(f"{path.name}: no PE signature")
    count, opt_size = struct.unpack_from("<H12xH", data, pe + 6)
    opt = pe + 24
    magic = struct.unpack_from("<H", data, opt)[0]
    dirs_at = opt + (112 if magic == 0x20B else 96)
    n_dirs = struct.unpack_from("<I", data, dirs_at - 4)[0]
    directories = [struct.unpack_from("<II", data, dirs_at + 8 * i) for i in range(n_dirs)]
    sections = []
    for i in range(count):
        at = opt + opt_size + 40 * i
        vsize, va, raw_size, raw = struct.unpack_from("<IIII", data, at + 8)
        sections.append((va, max(vsize, raw_size), raw))
    return Image(data, sections, directories)


def imports(path: Path) -> list[str]:
    """The DLL names in the import table (delay-loaded DLLs are not listed)."""
    image = read_image(path)
    rva, _size = image.directories[IMPORT_DIRECTORY]
    if not rva:
        return []
    names = []
    at = image.offset(rva)
    while True:
        name_rva = struct.unpack_from("<I", image.data, at + 12)[0]
        if not name_rva:
            break
        names.append(image.cstring(name_rva))
        at += 20
    return names


def signer_mentions(path: Path, name: str) -> bool:
    """Whether the file's Authenticode certificate table names ``name`` (e.g. the signer's
    organisation).  This only reads the certificate; it does not verify the signature."""
    image = read_image(path)
    if len(image.directories) <= SECURITY_DIRECTORY:
        return False
    offset, size = image.directories[SECURITY_DIRECTORY]  # a file offset, not an RVA
    return bool(offset and size) and name.encode() in image.data[offset : offset + size]


def exports(path: Path) -> list[str]:
    """The names in the export table."""
    image = read_image(path)
    rva, _size = image.directories[0]
    if not rva:
        return []
    at = image.offset(rva)
    # IMAGE_EXPORT_DIRECTORY: NumberOfNames at +24, AddressOfNames at +32
    count, _functions, names_rva = struct.unpack_from("<III", image.data, at + 24)
    names_at = image.offset(names_rva)
    return [
        image.cstring(struct.unpack_from("<I", image.data, names_at + 4 * i)[0])
        for i in range(count)
    ]


def imported_functions(path: Path, dll: str) -> list[str]:
    """The names a binary imports from one DLL (by name; ordinals are left out)."""
    image = read_image(path)
    rva, _size = image.directories[IMPORT_DIRECTORY]
    wide = struct.unpack_from("<H", image.data, _optional_header(image.data))[0] == 0x20B
    at = image.offset(rva) if rva else -1
    while at >= 0:
        lookup, _t, _f, name_rva, first = struct.unpack_from("<IIIII", image.data, at)
        if not name_rva:
            break
        if image.cstring(name_rva).lower() == dll.lower():
            return _thunk_names(image, lookup or first, wide)
        at += 20
    return []


def _optional_header(data: bytes) -> int:
    return struct.unpack_from("<I", data, 0x3C)[0] + 24


def _thunk_names(image: Image, rva: int, wide: bool) -> list[str]:
    size, flag = (8, 1 << 63) if wide else (4, 1 << 31)
    names, at = [], image.offset(rva)
    while True:
        entry = struct.unpack_from("<Q" if wide else "<I", image.data, at)[0]
        if not entry:
            return names
        if not entry & flag:
            names.append(image.cstring((entry & 0x7FFFFFFF) + 2))
        at += size


@dataclass
class VersionInfo:
    file_version: tuple[int, int, int, int] = (0, 0, 0, 0)
    product_version: tuple[int, int, int, int] = (0, 0, 0, 0)
    strings: dict[str, str] = field(default_factory=dict)


def version_info(path: Path) -> VersionInfo:
    image = read_image(path)
    rva, _size = image.directories[RESOURCE_DIRECTORY]
    if not rva:
        return VersionInfo()
    base = image.offset(rva)
    entry = _resource_leaf(image.data, base, base, [RT_VERSION])
    if entry is None:
        return VersionInfo()
    data_rva, data_size = struct.unpack_from("<II", image.data, entry)
    start = image.offset(data_rva)
    blob = image.data[start : start + data_size]
    info = VersionInfo()
    _parse_block(blob, 0, info)
    return info


def _resource_leaf(data: bytes, base: int, table: int, path: list[int]) -> int | None:
    """Follow ``path`` ids, then the first entry at every further level, to a data entry."""
    named, ids = struct.unpack_from("<HH", data, table + 12)
    for i in range(named + ids):
        ident, target = struct.unpack_from("<II", data, table + 16 + 8 * i)
        if path and ident != path[0]:
            continue
        if target & 0x80000000:
            return _resource_leaf(data, base, base + (target & 0x7FFFFFFF), path[1:])
        return base + target
    return None


def _align(n: int) -> int:
    return (n + 3) & ~3


def _parse_block(blob: bytes, at: int, info: VersionInfo) -> int:
    length, value_length, kind = struct.unpack_from("<HHH", blob, at)
    end = at + length
    key_end = blob.index(b"\0\0", at + 6)
    while (key_end - at - 6) % 2:
        key_end = blob.index(b"\0\0", key_end + 1)
    key = blob[at + 6 : key_end].decode("utf-16-le")
    pos = _align(key_end + 2)
    if key == "VS_VERSION_INFO" and value_length >= 52:
        ms, ls, pms, pls = struct.unpack_from("<IIII", blob, pos + 8)
        info.file_version = (ms >> 16, ms & 0xFFFF, ls >> 16, ls & 0xFFFF)
        info.product_version = (pms >> 16, pms & 0xFFFF, pls >> 16, pls & 0xFFFF)
    elif kind == 1 and value_length and key not in ("StringFileInfo", "VarFileInfo"):
        raw = blob[pos : pos + 2 * value_length].decode("utf-16-le")
        info.strings[key] = raw.split("\0", 1)[0]
        return _align(end)
    pos = _align(pos + (value_length * (2 if kind == 1 else 1)))
    while pos < end:
        pos = _parse_block(blob, pos, info)
    return _align(end)
