"""A record's change history (修改记录) from the audit trail: who changed what, and when."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from villagebook.domain.roster.idnumber import mask_id_number, mask_phone
from villagebook.domain.roster.validation import FIELD_LABELS
from villagebook.domain.roster.values import PartyStatus
from villagebook.domain.safety.values import HistoryEntry, table_label
from villagebook.ui.common.screen import fit_dialog
from villagebook.ui.ops import perform
from villagebook.ui.safety.ask import SafetyAsk
from villagebook.ui.safety.table import ListTableModel

if TYPE_CHECKING:
    from villagebook.services.book import Book

_SHOWN_MAX = 60
STATUS_VALUES = {s.value for s in PartyStatus}


def _value(value: Any) -> str:
    if value is None:
        return "—"
    text = str(value)
    return text if len(text) <= _SHOWN_MAX else text[: _SHOWN_MAX - 1] + "…"


def _shown(field: str, value: Any) -> str:
    """Personal numbers stay masked here as everywhere else."""
    if field == "id_number" and value:
        return mask_id_number(str(value))
    if field == "phone" and value:
        return mask_phone(str(value))
    if field == "status" and value in STATUS_VALUES:
        return PartyStatus(value).label
    return _value(value)


def _label(field: str) -> str:
    return FIELD_LABELS.get(field, field)


def describe_changes(entry: HistoryEntry) -> str:
    """The changed fields (ID and phone numbers masked)."""
    if entry.action == "delete":
        return QCoreApplication.translate("ChangeLog", "(record deleted)")
    if entry.action in ("insert", "baseline"):
        return "；".join(
            f"{_label(c.field)}={_shown(c.field, c.after)}"
            for c in entry.changes
            if c.after and not c.field.endswith("_id")
        )
    return "；".join(
        f"{_label(c.field)}：{_shown(c.field, c.before)} → {_shown(c.field, c.after)}"
        for c in entry.changes
    )


class HistoryModel(ListTableModel):
    def __init__(self, entries: list[HistoryEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries = self.rows = entries
        self.headers = [
            self.tr("When"),
            self.tr("Who"),
            self.tr("Action"),
            self.tr("Table"),
            self.tr("Changes"),
        ]

    def cell(self, entry: HistoryEntry, column: int) -> str:
        if column == 0:
            return entry.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        if column == 1:
            return entry.actor
        if column == 2:
            return entry.action_label
        if column == 3:
            return table_label(entry.table_name)
        return describe_changes(entry)


class AuditHistoryDialog(QDialog):
    """Every logged change of one record, oldest first (``book.safety.history``)."""

    def __init__(
        self, entries: list[HistoryEntry], title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change log: %1").replace("%1", title))
        self.model = HistoryModel(entries, self)
        self.table = QTableView()
        self.table.setObjectName("auditHistory")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(True)
        self.table.resizeColumnsToContents()
        note = QLabel(
            self.tr(
                "Every saved change is kept in a tamper-evident log (who, when, before and after)."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        fit_dialog(self, 860, 420)


def change_log_action(
    menu: QMenu, parent: QWidget, book: Book | None, row_id: uuid.UUID | None, title: str
) -> QAction:
    """Add "Change log…" for one record to a context menu (any page can reuse it)."""
    action = menu.addAction(QCoreApplication.translate("ChangeLog", "Change log…"))
    action.setEnabled(row_id is not None)
    action.triggered.connect(lambda _checked=False: show_history(parent, book, row_id, title))
    return action


def show_history(parent: QWidget, book: Book | None, row_id: uuid.UUID | None, title: str) -> None:
    """Open the change log of ``row_id`` (nothing when no record is selected)."""
    if row_id is None or book is None:
        return
    entries = perform(parent, lambda: book.safety.history(row_id))
    if entries is not None:
        SafetyAsk.exec_dialog(AuditHistoryDialog(entries, title, parent))
