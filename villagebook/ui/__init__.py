"""The window: the only package that imports PySide6."""

from __future__ import annotations

import ctypes
import sys

#: How far None's reference count is raised on CPython < 3.12 (see below).
NONE_BALLAST = 1 << 48


def _keep_none_alive() -> None:
    """Work around a PySide6 6.12.0 bug that kills the window after a few thousand clicks.

    Each call of a Qt method that returns nothing (``QLabel.setText``, ``setEnabled``,
    ``processEvents``, ...) takes one reference from ``None`` without having given it one.
    From CPython 3.12 on ``None`` is immortal and nothing happens; on 3.11 its count reaches
    zero after some thousands of calls and Python aborts ("deallocating None"), or crashes
    at the next garbage collection.  ``tests/integration/window/test_none_refcount.py``
    shows it.  Raising the count far out of reach makes ``None`` immortal here as 3.12 does
    by design: 2**48 calls are centuries of use.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    count = ctypes.c_ssize_t.from_address(id(None))
    if count.value < NONE_BALLAST:
        count.value += NONE_BALLAST


_keep_none_alive()
