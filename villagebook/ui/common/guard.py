"""Nothing typed is lost: what an input dialog holds, whether it changed, and its draft.

- :func:`state_of` reads the value of an input widget (a line, a text, a choice, a number,
  a date, a tick, a list of ticks, or every input inside a container) as plain JSON values;
  :func:`set_state` puts such a value back.  A dialog compares its inputs' state with the
  state it opened with to know whether anything was typed.
- :class:`DraftKeeper` saves that state as a draft (``book.drafts``) a couple of seconds
  after the last change, and removes it when the dialog is saved or discarded on purpose.
  A draft left behind by a crash is offered back at the next start
  (:mod:`villagebook.ui.common.recovery`).
- :func:`confirm_discard` asks "save, discard or cancel?" before input is thrown away.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QDate, QObject, Qt, QTime, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QTextEdit,
    QTimeEdit,
    QWidget,
)

from villagebook.ui.common.ask import Ask

#: How long after the last keystroke a draft is written.
DRAFT_DELAY_MS = 2000

INPUTS = (
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractButton,
    QListWidget,
    QTableWidget,
)


def _is_input(widget: QWidget) -> bool:
    if isinstance(widget, QAbstractButton):
        return widget.isCheckable()
    if isinstance(widget, QLineEdit) and isinstance(widget.parent(), QComboBox | QAbstractSpinBox):
        return False  # the line inside an editable combo or a spin box: its owner counts
    return isinstance(widget, INPUTS)


def inputs_in(container: QWidget) -> list[QWidget]:
    """The input widgets inside ``container`` (itself, if it is one), in creation order."""
    if _is_input(container):
        return [container]
    return [w for w in container.findChildren(QWidget) if _is_input(w)]


def _list_state(widget: QListWidget) -> list[Any]:
    rows = [widget.item(i) for i in range(widget.count())]
    if any(item.flags() & Qt.ItemFlag.ItemIsUserCheckable for item in rows):
        return [
            str(item.data(Qt.ItemDataRole.UserRole) or item.text())
            for item in rows
            if item.checkState() == Qt.CheckState.Checked
        ]
    return [item.text() for item in rows]


def _table_state(widget: QTableWidget) -> list[list[Any]]:
    rows = []
    for row in range(widget.rowCount()):
        cells: list[Any] = []
        for column in range(widget.columnCount()):
            inner = widget.cellWidget(row, column)
            item = widget.item(row, column)
            if inner is not None:
                cells.append([state_of(w) for w in inputs_in(inner)])
            elif item is not None and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                cells.append(item.checkState() == Qt.CheckState.Checked)
            else:
                cells.append(item.text() if item is not None else "")
        rows.append(cells)
    return rows


def state_of(widget: QWidget) -> Any:
    """The widget's value as JSON values (a container: the values of its inputs)."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentText() if widget.isEditable() else widget.currentIndex()
    if isinstance(widget, QDateEdit):
        return widget.date().toString(Qt.DateFormat.ISODate)
    if isinstance(widget, QTimeEdit):
        return widget.time().toString("HH:mm")
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return widget.value()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    if isinstance(widget, QListWidget):
        return _list_state(widget)
    if isinstance(widget, QTableWidget):
        return _table_state(widget)
    return [state_of(w) for w in inputs_in(widget) if w is not widget]


def _set_list(widget: QListWidget, value: Any) -> None:
    chosen = {str(v) for v in value or []}
    for i in range(widget.count()):
        item = widget.item(i)
        if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            key = str(item.data(Qt.ItemDataRole.UserRole) or item.text())
            checked = Qt.CheckState.Checked if key in chosen else Qt.CheckState.Unchecked
            item.setCheckState(checked)


def _set_table(widget: QTableWidget, value: Any) -> None:
    from PySide6.QtWidgets import QTableWidgetItem

    rows = value if isinstance(value, list) else []
    for row, cells in enumerate(rows):
        if row >= widget.rowCount():
            widget.insertRow(row)
        for column, cell in enumerate(cells):
            inner = widget.cellWidget(row, column)
            if inner is not None:
                for child, child_value in zip(inputs_in(inner), cell or [], strict=False):
                    set_state(child, child_value)
                continue
            item = widget.item(row, column)
            if isinstance(cell, bool) and item is not None:
                item.setCheckState(Qt.CheckState.Checked if cell else Qt.CheckState.Unchecked)
            elif item is None:
                widget.setItem(row, column, QTableWidgetItem(str(cell)))
            elif item.flags() & Qt.ItemFlag.ItemIsEditable:
                item.setText(str(cell))


def set_state(widget: QWidget, value: Any) -> None:
    """Put a value read by :func:`state_of` back (a value that no longer fits is skipped)."""
    try:
        if isinstance(widget, QLineEdit):
            widget.setText(str(value))
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            widget.setPlainText(str(value))
        elif isinstance(widget, QComboBox):
            if widget.isEditable():
                widget.setCurrentText(str(value))
            elif isinstance(value, int) and 0 <= value < widget.count():
                widget.setCurrentIndex(value)
        elif isinstance(widget, QDateEdit):
            day = dt.date.fromisoformat(str(value))
            widget.setDate(QDate(day.year, day.month, day.day))
        elif isinstance(widget, QTimeEdit):
            hour, minute = (int(p) for p in str(value).split(":"))
            widget.setTime(QTime(hour, minute))
        elif isinstance(widget, QSpinBox):
            widget.setValue(int(value))
        elif isinstance(widget, QDoubleSpinBox):
            widget.setValue(float(value))
        elif isinstance(widget, QAbstractButton):
            widget.setChecked(bool(value))
        elif isinstance(widget, QListWidget):
            _set_list(widget, value)
        elif isinstance(widget, QTableWidget):
            _set_table(widget, value)
        else:
            children = [w for w in inputs_in(widget) if w is not widget]
            for child, child_value in zip(children, value or [], strict=False):
                set_state(child, child_value)
    except (TypeError, ValueError):
        return


def _changed_signals(widget: QWidget) -> Iterable[Any]:
    for name in (
        "textChanged",
        "currentIndexChanged",
        "currentTextChanged",
        "valueChanged",
        "dateChanged",
        "timeChanged",
        "toggled",
        "itemChanged",
        "cellChanged",
    ):
        signal = getattr(widget, name, None)
        if signal is not None and hasattr(signal, "connect"):
            yield signal


def watch(widgets: Iterable[QWidget], slot: Callable[[], None]) -> None:
    """Call ``slot`` whenever any input in ``widgets`` changes."""
    for widget in widgets:
        for child in inputs_in(widget):
            for signal in _changed_signals(child):
                signal.connect(lambda *_args: slot())


def confirm_discard(parent: QWidget, title: str) -> str:
    """Ask before input is thrown away: ``save``, ``discard`` or ``cancel``."""
    from PySide6.QtCore import QCoreApplication

    text = QCoreApplication.translate(
        "Guard", "You have typed something that is not saved yet. Save it before closing?"
    )
    return Ask.unsaved(parent, title, text)


class DraftKeeper(QObject):
    """Writes a dialog's draft shortly after each change; removes it when asked to.

    ``payload`` returns what to keep (None: nothing worth keeping, the draft is removed).
    """

    def __init__(
        self,
        parent: QWidget,
        drafts: Any,
        key: str,
        title: Callable[[], str],
        payload: Callable[[], dict[str, Any] | None],
    ) -> None:
        super().__init__(parent)
        self.drafts, self.key, self.title, self.payload = drafts, key, title, payload
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DRAFT_DELAY_MS)
        self.timer.timeout.connect(self.write)
        self.active = True
        self._last: dict[str, Any] | None = None

    def changed(self) -> None:
        if self.active:
            self.timer.start()

    def poll(self, interval_ms: int = DRAFT_DELAY_MS) -> None:
        """Look every ``interval_ms`` instead of waiting for change signals (editors whose
        inputs come and go, like table cells)."""
        self.timer.setSingleShot(False)
        self.timer.setInterval(interval_ms)
        self.timer.start()

    def rename(self, key: str) -> None:
        """The subject got an id (a new record was saved): the draft moves to ``key``."""
        if key != self.key:
            self.drafts.discard(self.key)
            self.key, self._last = key, None

    def write(self) -> None:
        """Keep the draft now (the timer calls this; tests may too)."""
        if self.timer.isSingleShot():
            self.timer.stop()
        if not self.active:
            return
        payload = self.payload()
        if payload == self._last:
            return
        self._last = payload
        try:
            if payload is None:
                self.drafts.discard(self.key)
            else:
                self.drafts.save(self.key, self.title(), payload)
        except Exception:  # a draft that cannot be written must not disturb typing
            import logging

            logging.getLogger(__name__).exception("draft %s not written", self.key)

    def finish(self) -> None:
        """The dialog was saved or discarded on purpose: its draft goes."""
        self.active = False
        self.timer.stop()
        try:
            self.drafts.discard(self.key)
        except OSError:
            return
