"""Form widgets: a date edit that can be empty, red inline problem labels."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QLabel, QWidget

NONE_DATE = QDate(1899, 12, 31)


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class DateEdit(QDateEdit):
    """A calendar date edit in ISO format; ``optional`` adds an empty value shown as "none"."""

    def __init__(
        self, day: dt.date | None = None, *, optional: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.optional = optional
        if optional:
            self.setMinimumDate(NONE_DATE)
            self.setSpecialValueText(self.tr("none"))
        else:
            self.setMinimumDate(QDate(1900, 1, 1))
        self.set_value(day if day is not None or optional else dt.date.today())

    def value(self) -> dt.date | None:
        if self.optional and self.date() == NONE_DATE:
            return None
        return to_date(self.date())

    def set_value(self, day: dt.date | None) -> None:
        self.setDate(to_qdate(day) if day is not None else NONE_DATE)


class ProblemLabel(QLabel):
    """Red text under a field naming what is wrong with it; hidden while all is well."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet("color: #b00020;")
        self.setWordWrap(True)
        self.hide()

    def show_text(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))
