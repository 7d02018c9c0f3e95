"""One route for the window's operations (Anki's ``aqt/operations`` is the model).

A page never opens a transaction: it calls one :class:`~villagebook.services.book.Book`
method through :func:`perform`, which runs it, shows a short confirmation in the status bar,
and routes a failure to :func:`villagebook.ui.errors.show_error` (a refusal as a plain
message, a bug with the log file).  Views refresh themselves from the Book's change notices
(:mod:`villagebook.ui.changes`), not from the caller.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QMainWindow, QWidget

from villagebook.ui.errors import show_error

T = TypeVar("T")
CONFIRM_MS = 4000


def confirm(parent: QWidget | None, text: str) -> None:
    """A brief, non-modal confirmation in the main window's status bar."""
    window = parent.window() if parent is not None else None
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, CONFIRM_MS)


def perform(parent: QWidget | None, call: Callable[[], T], *, success: str = "") -> T | None:
    """Run ``call``; on success show ``success`` and return its result, on failure None."""
    try:
        result = call()
    except Exception as exc:
        show_error(parent, exc)
        return None
    if success:
        confirm(parent, success)
    return result


def perform_busy(
    parent: QWidget | None, label: str, call: Callable[[], T], *, success: str = ""
) -> T | None:
    """Like :func:`perform`, for long work: it runs in a worker thread behind a progress
    dialog while the window keeps painting."""
    from villagebook.ui.common.busy import run_busy

    return perform(parent, lambda: run_busy(parent, label, call), success=success)
