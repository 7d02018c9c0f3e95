"""User preferences kept in QSettings, declared once with their defaults (Picard-style).

Window state (geometry) is remembered separately by the main window.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

LANG_KEY = "language"
ACTOR_KEY = "actor"
DATABASE_URL_KEY = "database_url"
LANGUAGES = (("zh_CN", "中文"), ("en", "English"))


def saved_language() -> str:
    value = str(QSettings().value(LANG_KEY, "zh_CN"))
    return value if value in dict(LANGUAGES) else "zh_CN"


def saved_actor() -> str | None:
    value = str(QSettings().value(ACTOR_KEY, "") or "").strip()
    return value or None


def saved_database_url() -> str | None:
    """A county server (``postgresql://…``) chosen in Settings, else $VILLAGEBOOK_DATABASE_URL;
    None: the data folder's own file."""
    import os

    value = str(QSettings().value(DATABASE_URL_KEY, "") or "").strip()
    return value or os.environ.get("VILLAGEBOOK_DATABASE_URL") or None
