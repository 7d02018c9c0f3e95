"""User preferences kept in QSettings, declared once with their defaults (Picard-style).

Window state (geometry) is remembered separately by the main window.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

LANG_KEY = "language"
DATABASE_URL_KEY = "database_url"
FONT_KEY = "font_size"
LANGUAGES = (("zh_CN", "中文"), ("en", "English"))
#: 标准 / 大 / 特大: the point size of the whole window.
FONT_SIZES = {"standard": 10, "large": 12, "largest": 14}


def saved_language() -> str:
    value = str(QSettings().value(LANG_KEY, "zh_CN"))
    return value if value in dict(LANGUAGES) else "zh_CN"


def saved_database_url() -> str | None:
    """A county server (``postgresql://…``) chosen in Settings, else $VILLAGEBOOK_DATABASE_URL;
    None: the data folder's own file."""
    import os

    value = str(QSettings().value(DATABASE_URL_KEY, "") or "").strip()
    return value or os.environ.get("VILLAGEBOOK_DATABASE_URL") or None


def saved_font_size() -> str:
    value = str(QSettings().value(FONT_KEY, "standard"))
    return value if value in FONT_SIZES else "standard"


def font_points(key: str | None = None) -> int:
    return FONT_SIZES[key or saved_font_size()]


def recorder_key(branch_id: object) -> str:
    """Who was recording last time on this computer, per branch."""
    return f"recorder/{branch_id}"


def apply_font_size(points: int) -> None:
    """Change the whole window's font size at once (every widget follows the app font)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    font = app.font()
    font.setPointSize(points)
    app.setFont(font)
    for widget in app.topLevelWidgets():
        refresh = getattr(widget, "font_changed", None)
        if callable(refresh):
            refresh()
