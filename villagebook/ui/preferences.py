"""User preferences kept in QSettings, declared once with their defaults (Picard-style).

Window state (geometry) is remembered separately by the main window.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

LANG_KEY = "language"
ACTOR_KEY = "actor"
LANGUAGES = (("zh_CN", "中文"), ("en", "English"))


def saved_language() -> str:
    value = str(QSettings().value(LANG_KEY, "zh_CN"))
    return value if value in dict(LANGUAGES) else "zh_CN"


def saved_actor() -> str | None:
    value = str(QSettings().value(ACTOR_KEY, "") or "").strip()
    return value or None
