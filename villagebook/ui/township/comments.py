"""The township's comments (审核意见) on a branch's home screen: a small panel any page can
embed (``CommentsPanel(book, branch_id)``), and the dialog 文件 ▸ 乡镇审核意见 shows."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)


class CommentsPanel(QWidget):
    """The newest comments first: date, township, what it is about, the text."""

    def __init__(
        self, book: Any, branch_id: uuid.UUID | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.book = book
        self.branch_id = branch_id
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold;")
        self.list = QListWidget()
        self.list.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        self.reload()

    def reload(self) -> None:
        comments = self.book.township.comments(self.branch_id)
        self.heading.setText(self.tr("Township comments (%1)").replace("%1", str(len(comments))))
        self.list.clear()
        for c in comments:
            about = f"［{c.about}］" if c.about else ""
            self.list.addItem(
                f"{c.written_on.isoformat()}　{c.township} {c.written_by}\n{about}{c.text}"
            )
        if not comments:
            self.list.addItem(self.tr("No comments from the township yet."))


class CommentsDialog(QDialog):
    def __init__(
        self, book: Any, branch_id: uuid.UUID | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Township comments"))
        self.panel = CommentsPanel(book, branch_id, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addWidget(buttons)
        self.resize(560, 400)
