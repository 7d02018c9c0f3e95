"""The pipeline board's column model and card delegate: thousands of cards, no widgets each."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from villagebook.domain.development.values import BoardCard, Urgency

Index = QModelIndex | QPersistentModelIndex
CARD_ROLE = Qt.ItemDataRole.UserRole + 1
URGENCY_ROLE = Qt.ItemDataRole.UserRole + 2

COLOURS = {
    Urgency.OVERDUE: (QColor("#c62828"), QColor("#fdecea")),
    Urgency.SOON: (QColor("#ef8f00"), QColor("#fff4e0")),
    Urgency.LATER: (QColor("#2e7d32"), QColor("#ffffff")),
    Urgency.NONE: (QColor("#9e9e9e"), QColor("#ffffff")),
}


class BoardColumnModel(QAbstractListModel):
    """The cards of one stage."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.cards: list[BoardCard] = []

    def set_cards(self, cards: list[BoardCard]) -> None:
        self.beginResetModel()
        self.cards = cards
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.cards)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.cards):
            return None
        card = self.cards[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return card.name
        if role == Qt.ItemDataRole.ToolTipRole:
            due = card.due.isoformat() if card.due else ""
            return "\n".join(t for t in (card.name, card.next_label, due, card.note) if t)
        if role == CARD_ROLE:
            return card
        if role == URGENCY_ROLE:
            return card.urgency.value
        return None


class CardDelegate(QStyledItemDelegate):
    """Paints a card: name, next step, due date, a coloured bar for overdue / due soon."""

    #: The smallest height (standard font); three lines of the current font otherwise.
    HEIGHT = 58

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        lines = 3 * option.fontMetrics.lineSpacing() + 14  # frame and padding
        return QSize(option.rect.width() or 180, max(self.HEIGHT, lines))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        card = index.data(CARD_ROLE)
        if not isinstance(card, BoardCard):
            return
        bar, background = COLOURS[card.urgency]
        rect = option.rect.adjusted(3, 3, -3, -3)
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.fillRect(rect, QColor("#dbe8f7") if selected else background)
        painter.setPen(QPen(QColor("#c8c8c8")))
        painter.drawRect(rect)
        painter.fillRect(QRect(rect.left(), rect.top(), 5, rect.height()), bar)
        text = rect.adjusted(10, 3, -4, -3)
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#202020"))
        line = text.height() // 3
        painter.drawText(
            QRect(text.left(), text.top(), text.width(), line),
            Qt.AlignmentFlag.AlignVCenter,
            painter.fontMetrics().elidedText(card.name, Qt.TextElideMode.ElideRight, text.width()),
        )
        font.setBold(False)
        painter.setFont(font)
        painter.setPen(QColor("#404040"))
        metrics = painter.fontMetrics()
        label = metrics.elidedText(card.next_label, Qt.TextElideMode.ElideRight, text.width())
        painter.drawText(
            QRect(text.left(), text.top() + line, text.width(), line),
            Qt.AlignmentFlag.AlignVCenter,
            label,
        )
        if card.due is not None:
            painter.setPen(
                bar if card.urgency in (Urgency.OVERDUE, Urgency.SOON) else QColor("#404040")
            )
            painter.drawText(
                QRect(text.left(), text.top() + 2 * line, text.width(), line),
                Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(due_text(card), Qt.TextElideMode.ElideRight, text.width()),
            )
        painter.restore()


def due_text(card: BoardCard) -> str:
    from PySide6.QtCore import QCoreApplication

    assert card.due is not None
    day = card.due.isoformat()
    if card.urgency is Urgency.OVERDUE:
        return QCoreApplication.translate("DevelopmentBoard", "Overdue since %1").replace("%1", day)
    return QCoreApplication.translate("DevelopmentBoard", "Due %1").replace("%1", day)
