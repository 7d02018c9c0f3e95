"""Long work (reports, import, checks) runs in a worker thread behind a progress dialog.

The window keeps painting while the work runs; the call still returns the result (or raises
the worker's exception) like a plain function call, so callers stay simple.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")
POLL_MS = 20
SHOW_AFTER_MS = 250


def run_busy(parent: QWidget | None, label: str, work: Callable[[], T]) -> T:
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:
            outcome["error"] = exc

    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    show_timer = QTimer()  # quick work never flashes a dialog; slow work shows one
    show_timer.setSingleShot(True)
    show_timer.setInterval(SHOW_AFTER_MS)
    show_timer.timeout.connect(dialog.show)
    thread = threading.Thread(target=target, name="villagebook-busy", daemon=True)
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(POLL_MS)
    timer.timeout.connect(lambda: None if thread.is_alive() else loop.quit())
    thread.start()
    timer.start()
    show_timer.start()
    loop.exec()
    timer.stop()
    show_timer.stop()
    dialog.hide()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]
