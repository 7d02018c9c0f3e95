"""Start-up: QApplication, translation, the bundled font, logging, the main window.

The window is shown before the storage stack is imported; the database opens on the
first turn of the event loop (see ``MainWindow.open_data``).  Start-up imports stay minimal:
no sqlmodel, sqlalchemy, pydantic or reportlab before the window is shown.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget

from villagebook import APP_NAME, language, paths
from villagebook.ui.preferences import font_points, saved_language

#: ``shown``: print the time the window is shown and quit; ``roster``: also wait for the roster.
BENCH_ENV = "VILLAGEBOOK_BENCH_EXIT"
TRANSLATOR_NAME = "villagebook-translator"
#: Modules that must not be imported before the window is shown (checked by the benchmark).
HEAVY = ("sqlalchemy", "sqlmodel", "pydantic", "reportlab", "alembic", "jsonschema")


def compiled_translation(language: str) -> Path:
    return paths.resource("i18n", f"villagebook_{language}.qm")


def install_translator(app: QApplication, english: bool) -> QTranslator | None:
    """Chinese by default; English when asked (the source strings are English)."""
    for old in app.findChildren(QTranslator, TRANSLATOR_NAME):
        app.removeTranslator(old)
        old.deleteLater()
    chosen = "en" if english else saved_language()
    language.use(chosen)  # core messages (errors, findings) in the same language
    if chosen == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return None
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    qt_own = QTranslator(app)  # Qt's own strings: OK / Cancel / Yes / No, calendar, ...
    qt_own.setObjectName(TRANSLATOR_NAME)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{chosen}", qt_dir):
        app.installTranslator(qt_own)
    translator = QTranslator(app)
    translator.setObjectName(TRANSLATOR_NAME)
    if translator.load(str(compiled_translation(chosen))):
        app.installTranslator(translator)
        return translator
    print(f"VillageBook: translation {chosen} not compiled; run scripts/setup.sh", file=sys.stderr)
    return None


def load_font(app: QApplication) -> None:
    """The bundled CJK font at the chosen size (文件 → 设置: 标准, 大, 特大)."""
    font_id = QFontDatabase.addApplicationFont(str(paths.font_path()))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    font = QFont(families[0]) if families else app.font()
    font.setPointSize(font_points())
    app.setFont(font)


def create_application(argv: list[str] | None = None, english: bool = False) -> QApplication:
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    install_translator(app, english)
    load_font(app)
    return app


def setup_logging(data_dir: Path | None) -> None:
    """The rotating log in the data folder, and uncaught exceptions to the crash path."""
    from villagebook import applog
    from villagebook.ui import errors

    folder = data_dir or paths.default_data_dir()
    errors.LOG_FILE = applog.setup_logging(folder)
    sys.excepthook = errors.excepthook


def bench_hooks(window: QWidget) -> None:
    """For benchmarks/startup.py: report when the window is shown (and the roster filled)."""
    mode = os.environ.get(BENCH_ENV)
    if not mode:
        return

    def shown() -> None:
        stamp = time.time()
        heavy = sorted(m for m in HEAVY if m in sys.modules)
        print(f"shown {stamp:.6f} heavy={','.join(heavy) or 'none'}", flush=True)
        if mode == "shown":
            QCoreApplication.quit()

    QTimer.singleShot(0, shown)  # queued before the database opens: the first loop turn
    if mode == "roster":

        def filled() -> None:
            print(f"roster {time.time():.6f}", flush=True)
            QCoreApplication.quit()

        window.data_opened.connect(filled)  # type: ignore[attr-defined]


def set_window_icon(app: QApplication) -> None:
    """The taskbar and title-bar icon (set after the first frame; it is only cosmetic)."""
    from PySide6.QtGui import QIcon

    icon = paths.resource("icons", "villagebook.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))


def run(*, data_dir: Path | None, actor: str | None, english: bool = False) -> int:
    app = create_application(english=english)
    from villagebook.ui.main_window import MainWindow, schedule_open, show_window

    window = MainWindow(data_dir, actor)
    show_window(window)
    bench_hooks(window)
    QTimer.singleShot(0, lambda: setup_logging(data_dir))
    QTimer.singleShot(0, lambda: set_window_icon(app))
    schedule_open(window)
    return app.exec()
