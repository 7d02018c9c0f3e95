"""The roster page (花名册): search, filter by status and group, the people table."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from villagebook.domain.status import PartyStatus
from villagebook.services import roster
from villagebook.ui.roster.model import RosterModel


class RosterPage(QWidget):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = RosterModel(ctx.db, ctx.branch_id, self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name, phone or ID number"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), None)
        for status in PartyStatus:
            self.status.addItem(status.label, status)
        self.group = QComboBox()
        self.group.addItem(self.tr("All groups"), None)
        for group_id, name in self.model.group_names.items():
            self.group.addItem(name, group_id)
        self.count = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.status)
        bar.addWidget(self.group)
        bar.addWidget(self.count)
        self.table = QTableView()
        self.table.setObjectName("rosterTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self.search.textChanged.connect(self.apply_filter)
        self.status.currentIndexChanged.connect(self.apply_filter)
        self.group.currentIndexChanged.connect(self.apply_filter)
        self._update_count()

    def apply_filter(self) -> None:
        self.model.set_filter(
            roster.RosterFilter(
                search=self.search.text(),
                status=self.status.currentData(),
                group_id=self.group.currentData(),
            )
        )
        self._update_count()

    def _update_count(self) -> None:
        self.count.setText(self.tr("%n people", "", self.model.total))
