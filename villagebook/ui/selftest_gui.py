"""The Qt half of ``villagebook --self-test``: the translation and main-window checks.

Kept in ``ui/`` so the self-test module itself stays free of Qt;
:func:`villagebook.app.self_test` runs :data:`CHECKS` after the core's.
"""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QSettings, QTimer, QTranslator

from villagebook.selftest import (
    MODAL_POLL_MS,
    TRANSLATION_PROBE,
    Check,
    CheckFailed,
    SelfTest,
)
from villagebook.ui.app import compiled_translation, create_application
from villagebook.ui.main_window import MainWindow


def check_translation(_ctx: SelfTest) -> str:
    qm = compiled_translation("zh_CN")
    if not qm.is_file():
        raise CheckFailed(f"缺少编译后的中文界面翻译：{qm}")
    translator = QTranslator()
    if not translator.load(str(qm)):
        raise CheckFailed(f"无法加载中文界面翻译：{qm}")
    context, source, expected = TRANSLATION_PROBE
    got = translator.translate(context, source)
    if got != expected:
        raise CheckFailed(f"翻译“{source}”得到“{got}”，应为“{expected}”")
    return f"{qm.name}, {qm.stat().st_size // 1024} KB"


def check_window(ctx: SelfTest) -> str:
    """The real main window on the demo data, offscreen unless a platform was chosen."""
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    settings_dir = ctx.work_dir / "settings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_dir))

    app = create_application()
    dialogs: list[str] = []
    watchdog = QTimer()
    watchdog.timeout.connect(lambda: _close_modal(app, dialogs))
    watchdog.start(MODAL_POLL_MS)
    window = MainWindow(ctx.data_dir, "自检")
    try:
        window.show()
        window.open_data()
        app.processEvents()
        if dialogs:
            raise CheckFailed("打开数据时出现错误提示：" + " / ".join(dialogs))
        return _roster_rows(window, app.platformName())
    finally:
        watchdog.stop()
        window.stop_workers()  # the home screen's checks, before the folder is closed
        opened = getattr(window, "book", None)
        if opened is not None:
            opened.close()  # Windows cannot delete the temporary folder while it is open
        window.close()
        window.deleteLater()
        app.processEvents()


def _close_modal(app: Any, dialogs: list[str]) -> None:
    """A message box would wait for a click forever; note its text and close it."""
    modal = app.activeModalWidget()
    if modal is not None:
        dialogs.append(" ".join(str(getattr(modal, "text", lambda: "")()).split()))
        modal.reject()


def _roster_rows(window: Any, platform_name: str) -> str:
    page = window.roster_page()
    model = getattr(page, "model", None)
    if model is None:
        raise CheckFailed("主窗口的花名册页面没有打开")
    rows = model.rowCount()
    if rows <= 0:
        raise CheckFailed("花名册页面没有显示任何党员")
    title = window.windowTitle()
    if "村务记事本" not in title:
        raise CheckFailed(f"窗口标题不对：{title}")
    return f"{rows} roster rows, platform {platform_name}"


CHECKS: tuple[tuple[str, Check], ...] = (
    ("translation", check_translation),
    ("window", check_window),
)
