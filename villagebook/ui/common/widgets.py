"""Form widgets: a date edit that can be empty, red inline problem labels."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QLabel, QSpinBox, QWidget

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


def limit_counts(
    present: QSpinBox,
    parts: list[QSpinBox],
    expected: QSpinBox | None = None,
    written: QSpinBox | None = None,
) -> None:
    """Vote fields that refuse impossible counts while they are typed: no more present than
    expected, yes + no + abstain no more than present, written opinions no more than the
    absent (a spin box cannot go past its maximum)."""

    def update() -> None:
        if expected is not None:
            present.setMaximum(max(expected.value(), 0))
        total = sum(p.value() for p in parts)
        for part in parts:
            part.setMaximum(max(present.value() - (total - part.value()), 0))
        if written is not None and expected is not None:
            written.setMaximum(max(expected.value() - present.value(), 0))

    for box in [present, *parts, *(b for b in (expected, written) if b is not None)]:
        box.valueChanged.connect(lambda _value: update())
    update()
