"""Who recorded it (记录人): the secretary names themself at the first run, may add others
who keep records, and the window says who is recording now.

Finalising, amendments and the audit log name the recorder chosen here (``book.actor``);
the computer's login name is kept in the audit log only as technical detail.  The choice is
remembered per computer and branch.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from villagebook.ui.common.ask import Ask
from villagebook.ui.common.form import FormDialog
from villagebook.ui.common.screen import fit_dialog
from villagebook.ui.ops import perform
from villagebook.ui.preferences import recorder_key


def secretary_name(book: Any, branch_id: uuid.UUID) -> str:
    """The branch secretary's name in the roster today (a first guess at the recorder)."""
    for entry in book.roster.on(branch_id, book.today()):
        if entry.committee_role == "书记" and entry.is_member:  # i18n: stored
            return str(entry.name)
    return ""


class RecorderSetupDialog(FormDialog):
    """The first run: who keeps the records, the secretary first."""

    def __init__(self, book: Any, branch_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Who keeps the records?"), parent)
        self.book, self.branch_id = book, branch_id
        intro = QLabel(
            self.tr(
                "Finalised records, corrections and the change log name the person who "
                "recorded them. Enter your name; add others who keep records too (one a line)."
            )
        )
        intro.setWordWrap(True)
        self.name = QLineEdit(secretary_name(book, branch_id))
        self.name.setMaxLength(30)
        self.name.setPlaceholderText(self.tr("e.g. 王芳"))
        self.others = QPlainTextEdit()
        self.others.setTabChangesFocus(True)
        self.others.setPlaceholderText(self.tr("e.g. 李明 (organisation member)"))
        self.others.setFixedHeight(self.fontMetrics().height() * 4 + 12)
        self.add_row("", intro)
        self.add_row(self.tr("Your name"), self.name, "name")
        self.add_row(self.tr("Others who keep records"), self.others, "others")
        self.finish_tab_order()
        self.chosen = ""

    def save(self) -> None:
        names = [self.name.text(), *self.others.toPlainText().splitlines()]
        wanted = [n.strip() for n in names if n.strip()]
        if not self.name.text().strip():
            from villagebook.domain.common.errors import InputError

            raise InputError.single("name", self.tr("Your name"), self.tr("must be filled in"))
        known = {r.name for r in self.book.roster.recorders(self.branch_id)}
        for name in wanted:
            if name not in known:
                self.book.roster.add_recorder(self.branch_id, name)
        self.chosen = wanted[0]


class ChooseRecorderDialog(FormDialog):
    """Several people keep the records: who is recording now?"""

    guard_input = False

    def __init__(self, names: list[str], current: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Who is recording?"), parent)
        self.recorder = QComboBox()
        self.recorder.addItems(names)
        if current in names:
            self.recorder.setCurrentText(current)
        self.add_row(self.tr("Recording now"), self.recorder, "recorder")
        self.finish_tab_order()


class RecordersDialog(QDialog):
    """The branch's recorders: add one, retire one (kept: old records name them)."""

    def __init__(self, book: Any, branch_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recorders"))
        self.book, self.branch_id = book, branch_id
        self.list = QListWidget()
        self.list.setObjectName("recorders")
        add = QPushButton(self.tr("Add…"))
        retire = QPushButton(self.tr("No longer keeps records"))
        add.clicked.connect(self.add)
        retire.clicked.connect(self.retire)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(retire)
        row.addStretch(1)
        note = QLabel(self.tr("Finalised records and the change log name who recorded them."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.reload()
        fit_dialog(self, 380, 320)

    def reload(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QListWidgetItem

        self.list.clear()
        for recorder in self.book.roster.recorders(self.branch_id):
            item = QListWidgetItem(recorder.name)
            item.setData(Qt.ItemDataRole.UserRole, str(recorder.id))
            self.list.addItem(item)

    def add(self) -> None:
        name = Ask.text(self, self.tr("Add a recorder"), self.tr("Name:"))
        if name and perform(self, lambda: self.book.roster.add_recorder(self.branch_id, name)):
            self.reload()

    def retire(self) -> None:
        from PySide6.QtCore import Qt

        item = self.list.currentItem()
        if item is None:
            return
        if self.list.count() <= 1:
            Ask.inform(
                self,
                self.tr("Recorders"),
                self.tr("Someone must keep the records: add them first."),
            )
            return
        recorder_id = uuid.UUID(item.data(Qt.ItemDataRole.UserRole))
        if perform(self, lambda: self.book.roster.retire_recorder(recorder_id)):
            self.reload()


def remembered(branch_id: uuid.UUID) -> str:
    return str(QSettings().value(recorder_key(branch_id), "") or "")


def remember(branch_id: uuid.UUID, name: str) -> None:
    settings = QSettings()
    settings.setValue(recorder_key(branch_id), name)
    settings.sync()


def choose_recorder(
    book: Any, branch_id: uuid.UUID, parent: QWidget, wanted: str | None = None
) -> str | None:
    """Who records in this window: the first run asks for names, several recorders ask
    who it is (unless this computer remembers); None if nobody could be chosen."""
    names: list[str] = [str(r.name) for r in book.roster.recorders(branch_id)]
    if not names:
        dialog = RecorderSetupDialog(book, branch_id, parent)
        if not Ask.exec_dialog(dialog) or not dialog.chosen:
            return None
        chosen = str(dialog.chosen)
        remember(branch_id, chosen)
        return chosen
    for candidate in (wanted, remembered(branch_id)):
        if candidate and candidate in names:
            return candidate
    if len(names) == 1:
        return names[0]
    choose = ChooseRecorderDialog(names, "", parent)
    if not Ask.exec_dialog(choose):
        return names[0]
    name = choose.recorder.currentText()
    remember(branch_id, name)
    return name
