"""Conflicts waiting (待处理冲突): both values side by side, who entered each and when;
keep the township's copy or take the bundle's."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from villagebook.ui.ops import perform


def _when(moment: Any) -> str:
    return f"{moment.astimezone():%Y-%m-%d %H:%M}" if moment else "—"


def _value(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else str(value)


class ConflictsDialog(QDialog):
    def __init__(self, book: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.setWindowTitle(self.tr("Conflicts waiting"))
        self.list = QListWidget()
        self.detail = QTextBrowser()
        self.keep_button = QPushButton(self.tr("Keep the township's copy"))
        self.take_button = QPushButton(self.tr("Take the bundle's value"))
        self.keep_button.clicked.connect(lambda: self.resolve(False))
        self.take_button.clicked.connect(lambda: self.resolve(True))
        self.list.currentRowChanged.connect(self.show_conflict)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.keep_button)
        row.addWidget(self.take_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Records a bundle brought that were not merged:")))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.detail, 2)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(760, 560)
        self.found: list[Any] = []
        self.reload()

    def reload(self) -> None:
        self.found = perform(self, self.book.township.conflicts) or []
        self.list.clear()
        for c in self.found:
            self.list.addItem(f"{c.branch_name}　{c.title}　{c.kind.label}")
        if self.found:
            self.list.setCurrentRow(0)
        else:
            self.detail.setPlainText(self.tr("No conflicts are waiting."))
        self.keep_button.setEnabled(bool(self.found))
        self.take_button.setEnabled(bool(self.found))

    def show_conflict(self, row: int) -> None:
        if not 0 <= row < len(self.found):
            return
        c = self.found[row]
        lines = [
            f"{c.branch_name} · {c.title} · {c.kind.label}",
            self.tr("Township's copy: version %1, %2, %3")
            .replace("%1", str(c.held_version))
            .replace("%2", c.held_by or "—")
            .replace("%3", _when(c.held_at)),
            self.tr("Bundle's value: version %1, %2, %3")
            .replace("%1", str(c.incoming_version))
            .replace("%2", c.incoming_by or "—")
            .replace("%3", _when(c.incoming_at)),
            "",
        ]
        if c.held_branch:
            lines.append(self.tr("The id belongs to %1.").replace("%1", c.held_branch))
        for name, held, new in c.differences():
            lines.append(f"{name}:  {_value(held)}  →  {_value(new)}")
        self.detail.setPlainText("\n".join(lines))
        self.take_button.setEnabled(c.kind.value != "other_branch")

    def resolve(self, take: bool) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.found):
            return
        chosen = self.found[row]
        if perform(self, lambda: self.book.township.resolve(chosen.id, take_incoming=take)):
            self.reload()
