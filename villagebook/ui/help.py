"""帮助: the user guide inside the window, offline.

The guides are the Markdown files shipped with the program (``docs/`` in a checkout,
``resources/help/`` once installed); Qt's own Markdown support renders them in a
QTextBrowser.  Chapters that mix a user part and developer notes show the user part only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from villagebook import paths
from villagebook.ui.common.screen import fit_dialog


@dataclass(frozen=True)
class Chapter:
    title: str
    file: str
    #: The chapter starts at this heading (None: the whole file) ...
    start: str | None = None
    #: ... and ends before this one.
    stop: str | None = None


def chapters(english: bool) -> list[Chapter]:
    if english:
        return [
            Chapter(QCoreApplication.translate("Help", "Using VillageBook"), "user-guide.en.md"),
            Chapter(
                QCoreApplication.translate("Help", "Party member development"),
                "development.md",
                "## English (users and developers)",
                "### Design",
            ),
            Chapter(QCoreApplication.translate("Help", "Installing"), "install.en.md"),
        ]
    return [
        Chapter(QCoreApplication.translate("Help", "Using VillageBook"), "user-guide.zh.md"),
        Chapter(
            QCoreApplication.translate("Help", "Meetings"),
            "meetings.md",
            "## 用户说明（中文）",
            "## Developer notes",
        ),
        Chapter(
            QCoreApplication.translate("Help", "Party member development"),
            "development.md",
            "## 中文说明（用户）",
            "## English",
        ),
        Chapter(
            QCoreApplication.translate("Help", "Major village matters"),
            "deliberations.md",
            "## 使用说明（中文）",
            "## Developer notes",
        ),
        Chapter(QCoreApplication.translate("Help", "Installing"), "install.zh.md"),
    ]


def chapter_text(chapter: Chapter, folder: Path | None = None) -> str:
    """The chapter's Markdown (the user part of a mixed file)."""
    path = (folder or paths.help_dir()) / chapter.file
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        missing = QCoreApplication.translate("Help", "This chapter was not installed: %1")
        return missing.replace("%1", str(path))
    if chapter.start and chapter.start in text:
        text = text[text.index(chapter.start) :]
    if chapter.stop and chapter.stop in text:
        text = text[: text.index(chapter.stop)]
    return text


class HelpWindow(QDialog):
    """The user guide: chapters on the left, the text on the right, a search line."""

    _open: HelpWindow | None = None

    def __init__(self, english: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.chapters = chapters(english)
        self.list = QListWidget()
        self.list.setObjectName("helpChapters")
        for chapter in self.chapters:
            self.list.addItem(chapter.title)
        self.list.setMaximumWidth(self.fontMetrics().averageCharWidth() * 28)
        self.browser = QTextBrowser()
        self.browser.setObjectName("helpText")
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._follow)
        self.browser.setSearchPaths([str(paths.help_dir())])
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find in this chapter (Enter: next)"))
        self.search.returnPressed.connect(self.find_next)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        right = QVBoxLayout()
        right.addWidget(self.search)
        right.addWidget(self.browser, 1)
        row = QHBoxLayout()
        row.addWidget(self.list)
        row.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self.show_chapter)
        self.list.setCurrentRow(0)
        fit_dialog(self, 960, 680)

    def show_chapter(self, row: int) -> None:
        if 0 <= row < len(self.chapters):
            self.browser.setMarkdown(chapter_text(self.chapters[row]))

    def find_next(self) -> None:
        text = self.search.text()
        if text and not self.browser.find(text):
            cursor = self.browser.textCursor()
            cursor.movePosition(cursor.MoveOperation.Start)
            self.browser.setTextCursor(cursor)
            self.browser.find(text)

    def _follow(self, url: QUrl) -> None:
        """A link to another guide opens it here; nothing goes to the network."""
        name = Path(url.path()).name
        for row, chapter in enumerate(self.chapters):
            if chapter.file == name:
                self.list.setCurrentRow(row)
                return

    @classmethod
    def show_for(cls, parent: QWidget) -> HelpWindow:
        """Show the guide beside the window (one at a time, not modal)."""
        from villagebook.domain.common.i18n import language

        if cls._open is None or not cls._open.isVisible():
            english = language() == "en"
            cls._open = cls(english, parent)
        cls._open.show()
        cls._open.raise_()
        cls._open.activateWindow()
        return cls._open
