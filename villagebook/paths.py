"""Where VillageBook finds its resources and keeps its data.

Resources live in the top-level ``resources/`` folder of the source tree.  A frozen or
packaged build may put them beside the package instead, or name them with the
``VILLAGEBOOK_RESOURCES`` environment variable; the first folder that exists wins.
"""

from __future__ import annotations

import os
from pathlib import Path

DB_FILENAME = "villagebook.sqlite3"


def resources_dir() -> Path:
    """Return the folder holding fonts, translations, schemas and rule sets."""
    env = os.environ.get("VILLAGEBOOK_RESOURCES")
    package = Path(__file__).resolve().parent
    candidates = [Path(env)] if env else []
    candidates += [package.parent / "resources", package / "resources"]
    for candidate in candidates:
        if (candidate / "fonts").is_dir():
            return candidate
    raise FileNotFoundError(
        "VillageBook resources not found; looked in: " + ", ".join(map(str, candidates))
    )


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def help_dir() -> Path:
    """The user guides (Markdown): ``resources/help`` when installed, ``docs/`` in a checkout."""
    staged = resource("help")
    if staged.is_dir():
        return staged
    return resources_dir().parent / "docs"


def font_path() -> Path:
    """The CJK font shared by Qt and ReportLab (TrueType outlines, embeddable)."""
    return resource("fonts", "wqy-microhei.ttc")


def default_data_dir() -> Path:
    """The per-user data folder (platformdirs), unless VILLAGEBOOK_DATA_DIR overrides it."""
    env = os.environ.get("VILLAGEBOOK_DATA_DIR")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("VillageBook", appauthor=False, roaming=False))


def database_path(data_dir: Path) -> Path:
    return data_dir / DB_FILENAME


def attachments_dir(data_dir: Path) -> Path:
    return data_dir / "attachments"


def backups_dir(data_dir: Path) -> Path:
    return data_dir / "backups"
