"""The Book's change notices as a Qt signal, so views refresh themselves.

The core calls plain callbacks; :class:`ChangeHub` re-emits each notice as ``changed`` on the
GUI thread.  A page connects once and reloads when a notice touches its capability:

    hub.changed.connect(lambda changes: changes.touches("roster") and self.reload())
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal


class ChangeHub(QObject):
    #: Emitted with a :class:`villagebook.services.book.Changes` after every committed change.
    changed = Signal(object)

    def __init__(self, book: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe = book.subscribe(self.changed.emit)

    def close(self) -> None:
        self._unsubscribe()
