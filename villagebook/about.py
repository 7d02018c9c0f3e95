"""What this copy of VillageBook carries: exact versions and where the licences are.

The Windows build records them in ``resources/build-info.json`` (packaging/third_party.py)
and puts the licence texts in ``licenses/`` of the install folder.  Run from a source tree,
the versions come from this Python environment instead.  No Qt here: the self-test and the
About box both read it.
"""

from __future__ import annotations

import json
import platform
import re
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from villagebook import __version__, paths


@dataclass(frozen=True)
class Bundle:
    villagebook: str
    python: str
    qt: str
    distributions: dict[str, str] = field(default_factory=dict)
    licenses: Path | None = None
    installed: bool = False

    def versions(self) -> str:
        """``name version, ...`` of every bundled distribution, sorted by name."""
        return ", ".join(f"{n} {v}" for n, v in sorted(self.distributions.items(), key=_key))


def _key(item: tuple[str, str]) -> str:
    return item[0].lower()


def bundle() -> Bundle:
    path = paths.resource("build-info.json")
    if path.is_file():
        info = json.loads(path.read_text(encoding="utf-8"))
        licenses = paths.resources_dir().parent.parent / str(info.get("licenses", "licenses"))
        return Bundle(
            villagebook=str(info["villagebook"]),
            python=str(info["python"]),
            qt=str(info["qt"]),
            distributions={str(k): str(v) for k, v in info["distributions"].items()},
            licenses=licenses if licenses.is_dir() else None,
            installed=True,
        )
    return Bundle(__version__, platform.python_version(), _qt_version(), _environment())


def _environment() -> dict[str, str]:
    """The runtime requirements of villagebook, as installed in this environment."""
    found: dict[str, str] = {}
    try:
        requires = metadata.requires("villagebook") or []
    except metadata.PackageNotFoundError:
        return found
    for requirement in requires:
        if "extra ==" in requirement:
            continue
        name = re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0]
        try:
            found[metadata.metadata(name)["Name"]] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return found


def _qt_version() -> str:
    try:
        return metadata.version("PySide6-Essentials")
    except metadata.PackageNotFoundError:
        return "?"
