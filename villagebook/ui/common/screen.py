"""Fitting the laptop: windows and dialogs sized from the screen's available geometry.

The available geometry is the screen minus the taskbar.  The main window takes most of it
(it is maximised on screens smaller than 1280×720); a dialog never grows past it, so
nothing is cut off at 1366×768 even at the largest font size (forms scroll instead).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: Below this the main window is maximised.
SMALL = QSize(1280, 720)
#: The share of the available height a dialog may take.
DIALOG_SHARE = 0.92


def available(widget: QWidget | None = None) -> QRect:
    """The available geometry of the widget's screen (else the primary screen)."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    if screen is None:
        return QRect(0, 0, 1366, 728)
    return screen.availableGeometry()


def window_size(area: QRect) -> tuple[QSize, bool]:
    """The main window's size on ``area`` and whether to maximise it."""
    if area.width() < SMALL.width() or area.height() < SMALL.height():
        return QSize(area.width(), area.height()), True
    width = min(area.width(), max(1180, int(area.width() * 0.9)))
    height = min(area.height(), max(700, int(area.height() * 0.92)))
    return QSize(min(width, area.width()), min(height, area.height())), False


def font_scale() -> float:
    """How much larger the chosen font is than the standard one (10 pt)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    size = app.font().pointSizeF() if isinstance(app, QApplication) else 10.0
    return max(size, 1.0) / 10.0


def fit_dialog(dialog: QWidget, width: int | None = None, height: int | None = None) -> None:
    """Size a dialog to what it needs (or ``width``×``height`` at the standard font size,
    scaled to the chosen one), within the screen."""
    area = available(dialog.parentWidget() or dialog)
    hint = dialog.sizeHint()
    preferred = getattr(dialog, "preferred_size", None)
    if preferred is not None and width is None:
        width, height = preferred
    scale = font_scale()
    wanted_w = max(int((width or 0) * scale), hint.width(), dialog.minimumWidth())
    wanted_h = max(int((height or 0) * scale), hint.height())
    max_w = area.width() - 16
    max_h = int(area.height() * DIALOG_SHARE)
    dialog.setMaximumSize(QSize(max(max_w, 320), max(area.height() - 8, 240)))
    if dialog.minimumWidth() > max_w:
        dialog.setMinimumWidth(max_w)
    dialog.resize(min(wanted_w, max_w), min(wanted_h, max_h))


def centre_on(widget: QWidget, area: QRect) -> None:
    frame = widget.frameGeometry()
    frame.moveCenter(area.center())
    widget.move(max(frame.left(), area.left()), max(frame.top(), area.top()))
