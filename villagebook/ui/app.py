"""Start-up: QApplication, translation, the bundled font, the main window.

The window is shown before the storage stack is imported; the database opens on the
first turn of the event loop (see ``MainWindow.open_data``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from villagebook import APP_NAME, paths

LANG_KEY = "language"


def compiled_translation(language: str) -> Path:
    return paths.resource("i18n", f"villagebook_{language}.qm")


def install_translator(app: QApplication, english: bool) -> QTranslator | None:
    """Chinese by default; English when asked (the source strings are English)."""
    language = "en" if english else str(QSettings().value(LANG_KEY, "zh_CN"))
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return None
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    translator = QTranslator(app)
    if translator.load(str(compiled_translation(language))):
        app.installTranslator(translator)
        return translator
    print(
        f"VillageBook: translation {language} not compiled; run scripts/setup.sh", file=sys.stderr
    )
    return None


def load_font(app: QApplication) -> None:
    font_id = QFontDatabase.addApplicationFont(str(paths.font_path()))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if families:
        font = QFont(families[0])
        font.setPointSize(max(app.font().pointSize(), 10))
        app.setFont(font)


def create_application(argv: list[str] | None = None, english: bool = False) -> QApplication:
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    install_translator(app, english)
    load_font(app)
    return app


def run(*, data_dir: Path | None, actor: str | None, english: bool = False) -> int:
    app = create_application(english=english)
    from villagebook.ui.main_window import MainWindow, schedule_open

    window = MainWindow(data_dir, actor)
    window.show()
    schedule_open(window)
    return app.exec()
