"""Making this installation a township's or county's (the welcome page's fourth way in)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from villagebook.ui.common.form import FormDialog


class TownshipInitDialog(FormDialog):
    """The township (or county) this installation serves: its name, township and county."""

    def __init__(self, book: Any, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Township installation"), parent)
        self.book = book
        self.name = QLineEdit()
        self.name.setPlaceholderText("中共××镇委员会")
        self.township = QLineEdit()
        self.county = QLineEdit()
        self.county_level = QCheckBox(self.tr("A county (its view groups branches by township)"))
        self.add_row(self.tr("Name"), self.name, "name")
        self.add_row(self.tr("Township"), self.township, "township")
        self.add_row(self.tr("County"), self.county, "county")
        self.add_row("", self.county_level)
        self.finish_tab_order()
        self.setMinimumWidth(440)
        self.unit: Any = None

    def save(self) -> None:
        from villagebook.domain.township.values import Role

        self.unit = self.book.township.init(
            self.name.text(),
            township=self.township.text(),
            county=self.county.text(),
            role=Role.COUNTY if self.county_level.isChecked() else Role.TOWNSHIP,
        )
