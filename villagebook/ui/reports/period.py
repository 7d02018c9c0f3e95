"""Choosing what a report covers: a month, a quarter, a year or any range of days, or the
state on one day.  :meth:`PeriodPicker.fields` gives the request's period fields."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from villagebook.ui.common.widgets import DateEdit

MONTH, QUARTER, YEAR, CUSTOM = "month", "quarter", "year", "custom"
#: Which choices each kind of report offers.
MODES = {
    "quarter": (QUARTER,),
    "year": (YEAR,),
    "period": (MONTH, QUARTER, YEAR, CUSTOM),
    "day": (),
}


class PeriodPicker(QWidget):
    """Mode (month / quarter / year / custom), then the fields of that mode."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.mode = QComboBox()
        self.mode.setObjectName("periodMode")
        self.year = QSpinBox()
        self.year.setRange(1950, 2200)
        self.year.setValue(today.year)
        self.quarter = QComboBox()
        for q in range(1, 5):
            self.quarter.addItem(self.tr("Q%1").replace("%1", str(q)), q)
        self.quarter.setCurrentIndex((today.month - 1) // 3)
        self.month = QComboBox()
        for m in range(1, 13):
            self.month.addItem(self.tr("Month %1").replace("%1", str(m)), m)
        self.month.setCurrentIndex(today.month - 1)
        self.start = DateEdit(today.replace(month=1, day=1))
        self.end = DateEdit(today)
        self.to_label = QLabel(self.tr("to"))
        self.as_of = DateEdit(today)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.mode,
            self.year,
            self.quarter,
            self.month,
            self.start,
            self.to_label,
            self.end,
            self.as_of,
        ):
            row.addWidget(widget)
        row.addStretch(1)
        self.mode.currentIndexChanged.connect(self._show)
        self.span = "period"
        self.set_span("period")

    def labels(self) -> dict[str, str]:
        return {
            MONTH: self.tr("Month"),
            QUARTER: self.tr("Quarter"),
            YEAR: self.tr("Year"),
            CUSTOM: self.tr("Custom range"),
        }

    def set_span(self, span: str) -> None:
        """Offer the choices of a report covering ``span`` (keeps the year and quarter)."""
        self.span = span
        current = self.mode.currentData()
        self.mode.blockSignals(True)
        self.mode.clear()
        labels = self.labels()
        for mode in MODES.get(span, ()):
            self.mode.addItem(labels[mode], mode)
        found = self.mode.findData(current)
        self.mode.setCurrentIndex(found if found >= 0 else (1 if span == "period" else 0))
        self.mode.blockSignals(False)
        self._show()

    def current_mode(self) -> str | None:
        value = self.mode.currentData()
        return str(value) if value else None

    def _show(self) -> None:
        mode = self.current_mode()
        day = self.span == "day"
        self.mode.setVisible(not day and self.mode.count() > 1)
        self.year.setVisible(mode in (MONTH, QUARTER, YEAR))
        self.quarter.setVisible(mode == QUARTER)
        self.month.setVisible(mode == MONTH)
        for widget in (self.start, self.to_label, self.end):
            widget.setVisible(mode == CUSTOM)
        self.as_of.setVisible(day)

    def fields(self) -> dict[str, Any]:
        """``year``/``quarter``/``start``/``end``/``as_of`` for the report request."""
        if self.span == "day":
            return {"as_of": self.as_of.value()}
        mode = self.current_mode()
        year = self.year.value()
        if mode == QUARTER:
            return {"year": year, "quarter": self.quarter.currentData()}
        if mode == YEAR:
            return {"year": year}
        if mode == MONTH:
            month = int(self.month.currentData())
            first = dt.date(year, month, 1)
            last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return {"start": first, "end": last - dt.timedelta(days=1)}
        return {"start": self.start.value(), "end": self.end.value()}
