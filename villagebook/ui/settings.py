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

from villagebook.ui.common.ask import Ask
from villagebook.ui.common.form import FormDialog
from villagebook.ui.ops import perform
from villagebook.ui.preferences import (
    DATABASE_URL_KEY,
    FONT_KEY,
    FONT_SIZES,
    LANG_KEY,
    LANGUAGES,
    apply_font_size,
    saved_font_size,
    saved_language,
)


class SettingsDialog(FormDialog):
    """Language (applies after a restart) and the font size (at once, everywhere)."""

    guard_input = False  # a choice, applied on OK

    def __init__(self, parent: QWidget | None = None, book: Any = None) -> None:
        super().__init__(self.tr("Settings"), parent)
        self.language = QComboBox()
        for code, label in LANGUAGES:
            self.language.addItem(label, code)
        self.language.setCurrentIndex(self.language.findData(saved_language()))
        self.font_size = QComboBox()
        self.font_size.setObjectName("fontSize")
        for key, text in (
            ("standard", self.tr("Standard")),
            ("large", self.tr("Large")),
            ("largest", self.tr("Largest")),
        ):
            self.font_size.addItem(text, key)
        self.font_size.setCurrentIndex(self.font_size.findData(saved_font_size()))
        self.database_url = QLineEdit(str(QSettings().value(DATABASE_URL_KEY, "") or ""))
        self.database_url.setPlaceholderText(
            self.tr("Empty: the data folder. A county server: postgresql://user@host/villagebook")
        )
        self.add_row(self.tr("Language"), self.language, "language")
        self.add_row(self.tr("Font size"), self.font_size, "font_size")
        self.add_row(self.tr("Database server"), self.database_url, "database_url")
        self.identity = None
        if book is not None:
            from villagebook.ui.proof.identity import IdentityPanel

            self.identity = IdentityPanel(book, self)
            layout = self.layout()
            assert isinstance(layout, QVBoxLayout)
            layout.insertWidget(layout.count() - 1, self.identity)
        self.finish_tab_order()
        self.setMinimumWidth(380 if book is None else 560)
        self.language_changed = False

    def save(self) -> None:
        url = self.database_url.text().strip()
        if url and not url.startswith(("postgresql://", "postgres://", "postgresql+psycopg://")):
            from villagebook.domain.common.errors import InputError, Problem

            raise InputError(
                [
                    Problem(
                        "database_url",
                        self.tr("Database server"),
                        self.tr("should start with postgresql://"),
                    )
                ]
            )
        settings = QSettings()
        language = str(self.language.currentData())
        self.language_changed = language != saved_language()
        settings.setValue(LANG_KEY, language)
        size = str(self.font_size.currentData())
        changed_size = size != saved_font_size()
        settings.setValue(FONT_KEY, size)
        server_changed = url != str(settings.value(DATABASE_URL_KEY, "") or "")
        settings.setValue(DATABASE_URL_KEY, url)
        settings.sync()
        if server_changed:
            Ask.inform(
                self,
                self.tr("Database server"),
                self.tr("The database server applies when VillageBook is started again."),
            )
        if changed_size:
            apply_font_size(FONT_SIZES[size])
        if self.language_changed:
            Ask.inform(
                self,
                self.tr("Language"),
                self.tr("The new language applies when VillageBook is started again."),
            )


class BranchDialog(FormDialog):
    """The branch's name, village, township, county and how it is organised."""

    def __init__(self, book: Any, branch_id: uuid.UUID | None, parent: Any = None) -> None:
        super().__init__(self.tr("Branch settings"), parent)
        self.book = book
        self.branch_id = branch_id
        branch = book.roster.branch(branch_id) if branch_id is not None else None
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
        from villagebook.domain.roster.values import BranchInput

        data = BranchInput(
            name=self.name.text(),
            village=self.village.text(),
            township=self.township.text(),
            county=self.county.text(),
            has_committee=self.has_committee.isChecked(),
            secretary_is_director=self.one_shoulder.isChecked(),
        )
        if self.branch_id is None:
            self.branch_id = self.book.roster.create_branch(data).id
        else:
            self.book.roster.update_branch(self.branch_id, data)


class GroupsDialog(QDialog):
    """Add and rename the branch's Party groups (党小组)."""

    def __init__(self, book: Any, branch_id: uuid.UUID, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Party groups"))
        self.book = book
        self.branch_id = branch_id
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
        self.list.clear()
        for group in self.book.roster.groups(self.branch_id):
            item = QListWidgetItem(group.name)
            item.setData(Qt.ItemDataRole.UserRole, group.id)
            self.list.addItem(item)

    def add_group(self) -> None:
        name = Ask.text(self, self.tr("Add Party group"), self.tr("Name of the new group:"))
        if name is None:
            return
        if perform(self, lambda: self.book.roster.create_group(self.branch_id, name)):
            self.reload()

    def rename_group(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        name = Ask.text(self, self.tr("Rename Party group"), self.tr("New name:"), item.text())
        if name is None:
            return
        group_id = item.data(Qt.ItemDataRole.UserRole)
        if perform(self, lambda: self.book.roster.rename_group(group_id, name)):
            self.reload()
