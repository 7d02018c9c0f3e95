"""Restore (恢复) and "back up to…" (备份到…) in the window."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from villagebook.ui.common.screen import fit_dialog
from villagebook.ui.safety.ask import SafetyAsk
from villagebook.ui.safety.table import ListTableModel

if TYPE_CHECKING:
    from villagebook.domain.safety.values import BackupInfo
    from villagebook.services.book import DataFolder


class BackupListModel(ListTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.infos: list[BackupInfo] = []
        self.rows = self.infos
        self.headers = [self.tr("Taken"), self.tr("People"), self.tr("Schema"), self.tr("State")]

    def load(self, infos: list[BackupInfo]) -> None:
        self.beginResetModel()
        self.infos = self.rows = infos
        self.endResetModel()

    def cell(self, info: BackupInfo, column: int) -> str:
        if column == 0:
            return info.taken_at.strftime("%Y-%m-%d %H:%M:%S")
        if column == 1:
            return str(info.counts.get("person", "")) if info.healthy else ""
        if column == 2:
            return info.revision or ""
        if not info.healthy:
            return self.tr("Damaged")
        if info.newer:
            return self.tr("From a newer VillageBook")
        return self.tr("Good (manual)") if info.manual else self.tr("Good")


class RestoreDialog(QDialog):
    """Pick a backup and see what it holds; ``chosen`` is set when accepted."""

    def __init__(self, folder: DataFolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore a backup"))
        self.folder = folder
        self.chosen: BackupInfo | None = None
        self.model = BackupListModel(self)
        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        other = QPushButton(self.tr("Other folder…"))
        other.clicked.connect(self.choose_folder)
        top = QHBoxLayout()
        top.addWidget(self.folder_label, 1)
        top.addWidget(other)
        self.table = self._backup_table()
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setMinimumHeight(60)
        note = QLabel(
            self.tr(
                "The current data is not deleted: it is moved into a folder named "
                "replaced-<date> inside the data folder."
            )
        )
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Restore"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        fit_dialog(self, 640, 460)
        self.show_folder(folder.data_dir)
        self.table.selectionModel().selectionChanged.connect(self._selected)

    def _backup_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("backupList")
        table.setModel(self.model)
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def show_folder(self, source: Path) -> None:
        """The backups in ``source``: a data folder's, or a set on a USB stick."""
        self.model.load(self.folder.backups(source))
        shown = self.folder.backup_set(source)
        self.folder_label.setText(self.tr("Backups in %1").replace("%1", str(shown)))
        if self.model.infos:
            self.table.selectRow(0)
        self._selected()
        self.table.resizeColumnsToContents()

    def choose_folder(self) -> None:
        folder = SafetyAsk.folder(self, self.tr("Folder with backups"))
        if folder is not None:
            self.show_folder(folder)

    def _selected(self, *_args: object) -> None:
        rows = self.table.selectionModel().selectedRows()
        info = self.model.infos[rows[0].row()] if rows else None
        self.chosen = info if info is not None and info.restorable else None
        self.ok.setEnabled(self.chosen is not None)
        if info is None:
            self.details.setText(self.tr("No backup selected."))
        elif not info.healthy:
            self.details.setText(self.tr("This backup is damaged and cannot be restored."))
        elif info.newer:
            self.details.setText(
                self.tr(
                    "This backup was written by a newer VillageBook (schema %1); this "
                    "version cannot restore it. Install the newer version first."
                ).replace("%1", info.revision or "?")
            )
        else:
            counts = info.summary_text()
            self.details.setText(
                self.tr("Taken %1 · schema %2\n%3")
                .replace("%1", info.taken_at.strftime("%Y-%m-%d %H:%M"))
                .replace("%2", info.revision or "?")
                .replace("%3", counts)
            )
