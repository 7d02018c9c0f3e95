"""Settings: user preferences (QSettings), the branch's own details, its Party groups."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from villagebook.storage.db import Database
from villagebook.ui.app import ACTOR_KEY, LANG_KEY, saved_actor
from villagebook.ui.common.ask import Ask
from villagebook.ui.common.form import FormDialog
from villagebook.ui.errors import show_error

LANGUAGES = (("zh_CN", "中文"), ("en", "English"))


def saved_language() -> str:
    value = str(QSettings().value(LANG_KEY, "zh_CN"))
    return value if value in dict(LANGUAGES) else "zh_CN"


class SettingsDialog(FormDialog):
    """Language (applies after a restart) and the recorder's name stamped on every change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Settings"), parent)
        self.language = QComboBox()
        for code, label in LANGUAGES:
            self.language.addItem(label, code)
        self.language.setCurrentIndex(self.language.findData(saved_language()))
        self.actor = QLineEdit(saved_actor() or "")
        self.actor.setPlaceholderText(self.tr("Your name, e.g. 王芳 (organisation member)"))
        self.add_row(self.tr("Language"), self.language, "language")
        self.add_row(self.tr("Recorder name"), self.actor, "actor")
        self.finish_tab_order()
        self.setMinimumWidth(380)
        self.language_changed = False

    def save(self) -> None:
        settings = QSettings()
        language = str(self.language.currentData())
        self.language_changed = language != saved_language()
        settings.setValue(LANG_KEY, language)
        settings.setValue(ACTOR_KEY, self.actor.text().strip())
        settings.sync()
        if self.language_changed:
            Ask.inform(
                self,
                self.tr("Language"),
                self.tr("The new language applies when VillageBook is started again."),
            )


class BranchDialog(FormDialog):
    """The branch's name, village, township, county and how it is organised."""

    def __init__(self, db: Database, branch_id: uuid.UUID | None, parent: Any = None) -> None:
        super().__init__(self.tr("Branch settings"), parent)
        from villagebook.services.roster import queries as roster_queries

        self.db = db
        self.branch_id = branch_id
        branch = None
        if branch_id is not None:
            with db.read() as session:
                branch = roster_queries.get_branch(session, branch_id)
        self.name = QLineEdit(branch.name if branch else "")
        self.name.setPlaceholderText("中共××村支部委员会")
        self.village = QLineEdit(branch.village if branch else "")
        self.township = QLineEdit(branch.township if branch else "")
        self.county = QLineEdit(branch.county if branch else "")
        self.has_committee = QCheckBox(self.tr("The branch has a committee (7+ full members)"))
        self.has_committee.setChecked(bool(branch and branch.has_committee))
        self.one_shoulder = QCheckBox(
            self.tr("The secretary also directs the village committee (一肩挑)")
        )
        self.one_shoulder.setChecked(bool(branch and branch.secretary_is_director))
        self.add_row(self.tr("Branch name"), self.name, "name")
        self.add_row(self.tr("Village"), self.village, "village")
        self.add_row(self.tr("Township"), self.township, "township")
        self.add_row(self.tr("County"), self.county, "county")
        self.add_row("", self.has_committee)
        self.add_row("", self.one_shoulder)
        self.finish_tab_order()
        self.setMinimumWidth(440)

    def save(self) -> None:
        from villagebook.domain.roster import values as roster_values
        from villagebook.services.roster import commands as roster_commands

        data = roster_values.BranchInput(
            name=self.name.text(),
            village=self.village.text(),
            township=self.township.text(),
            county=self.county.text(),
            has_committee=self.has_committee.isChecked(),
            secretary_is_director=self.one_shoulder.isChecked(),
        )
        with self.db.write() as session:
            if self.branch_id is None:
                self.branch_id = roster_commands.create_branch(session, data).id
            else:
                roster_commands.update_branch(session, self.branch_id, data)


class GroupsDialog(QDialog):
    """Add and rename the branch's Party groups (党小组)."""

    def __init__(self, db: Database, branch_id: uuid.UUID, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Party groups"))
        self.db = db
        self.branch_id = branch_id
        self.changed = False
        self.list = QListWidget()
        add = QPushButton(self.tr("Add…"))
        rename = QPushButton(self.tr("Rename…"))
        add.clicked.connect(self.add_group)
        rename.clicked.connect(self.rename_group)
        self.list.itemDoubleClicked.connect(lambda _item: self.rename_group())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(rename)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        from villagebook.services.roster import queries as roster_queries

        self.list.clear()
        with self.db.read() as session:
            for group in roster_queries.list_groups(session, self.branch_id):
                item = QListWidgetItem(group.name)
                item.setData(Qt.ItemDataRole.UserRole, group.id)
                self.list.addItem(item)

    def add_group(self) -> None:
        from villagebook.services.roster import commands as roster_commands

        name = Ask.text(self, self.tr("Add Party group"), self.tr("Name of the new group:"))
        if name is None:
            return
        try:
            with self.db.write() as session:
                roster_commands.create_group(session, self.branch_id, name)
        except Exception as exc:
            show_error(self, exc)
            return
        self.changed = True
        self.reload()

    def rename_group(self) -> None:
        from villagebook.services.roster import commands as roster_commands

        item = self.list.currentItem()
        if item is None:
            return
        name = Ask.text(self, self.tr("Rename Party group"), self.tr("New name:"), item.text())
        if name is None:
            return
        try:
            with self.db.write() as session:
                roster_commands.rename_group(session, item.data(Qt.ItemDataRole.UserRole), name)
        except Exception as exc:
            show_error(self, exc)
            return
        self.changed = True
        self.reload()
