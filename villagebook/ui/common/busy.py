"""Long work (reports, import, checks) runs in a worker thread behind a progress dialog.

The window keeps painting while the work runs; the call still returns the result (or raises
the worker's exception) like a plain function call, so callers stay simple.  Work that can
be cancelled receives a :class:`Job` to report progress and to ask whether the user pressed
Cancel; it then raises :class:`Cancelled` (or the core's own cancellation) to stop.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

_paused = 0


def pause_gc() -> None:
    """No cyclic garbage collection while a worker thread reads the database.

    With PySide6 6.12 on CPython 3.11, a collection started in the GUI thread (inside a Qt
    callback) while a worker thread builds ORM rows crashed the window now and then
    (segmentation fault, "Garbage-collecting").  Reference counting still frees almost
    everything; the cycles are collected when the last worker has finished.
    """
    global _paused
    _paused += 1
    gc.disable()


def resume_gc() -> None:
    global _paused
    _paused = max(0, _paused - 1)
    if _paused == 0:
        gc.enable()


T = TypeVar("T")
POLL_MS = 20
SHOW_AFTER_MS = 250


class Cancelled(Exception):
    """The user cancelled the work; nothing was written."""


class Job:
    """What cancellable work sees: progress reporting and the cancel flag (thread-safe)."""

    def __init__(self) -> None:
        self._cancel = threading.Event()
        self.done = 0
        self.total = 0

    def progress(self, done: int, total: int) -> None:
        self.done, self.total = done, total

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


def run_busy(parent: QWidget | None, label: str, work: Callable[[], T]) -> T:
    """Run ``work`` in a thread behind a progress dialog (no cancel button)."""
    return _run(parent, label, lambda _job: work(), cancellable=False)


def run_job(parent: QWidget | None, label: str, work: Callable[[Job], T]) -> T:
    """Run ``work(job)`` in a thread behind a progress dialog with a Cancel button."""
    return _run(parent, label, work, cancellable=True)


def _run(parent: QWidget | None, label: str, work: Callable[[Job], T], *, cancellable: bool) -> T:
    outcome: dict[str, object] = {}
    job = Job()

    def target() -> None:
        try:
            outcome["value"] = work(job)
        except BaseException as exc:
            outcome["error"] = exc

    dialog = QProgressDialog(label, "", 0, 0, parent)
    if cancellable:
        dialog.setCancelButtonText(QCoreApplication.translate("Busy", "Cancel"))
        dialog.canceled.connect(job.cancel)
    else:
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

    def poll() -> None:
        if job.total:
            dialog.setMaximum(job.total)
            dialog.setValue(job.done)
        if not thread.is_alive():
            loop.quit()

    timer.timeout.connect(poll)
    pause_gc()
    thread.start()
    timer.start()
    show_timer.start()
    try:
        loop.exec()
    finally:
        resume_gc()
    timer.stop()
    show_timer.stop()
    dialog.hide()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]
