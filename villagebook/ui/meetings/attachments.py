"""Attachments with thumbnails, the amendment history, and the amendment dialog."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from villagebook.domain.common.i18n import label
from villagebook.domain.meetings.amendments import (
    AMENDABLE,
    ATTENDANCE_PREFIX,
    current_value,
    field_name_text,
    presence_shown,
)
from villagebook.domain.meetings.values import AmendmentRecord, MeetingRecord, Presence
from villagebook.ui.common.ask import Ask
from villagebook.ui.common.form import FormDialog
from villagebook.ui.context import AppContext
from villagebook.ui.ops import perform

THUMB = QSize(120, 120)


class AttachmentStrip(QWidget):
    """Sign-in sheet scans and photos of a record, as thumbnails (a PDF shows an icon)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id: uuid.UUID | None = None
        self.finalised = False
        self.list = QListWidget()
        self.list.setObjectName("attachmentList")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(THUMB)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Add attachment…"))
        self.add_button.clicked.connect(self.add)
        self.note = QLabel(
            self.tr("Images (PNG, JPEG, GIF, BMP, WebP) and PDF files are kept with the record.")
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.note, 1)
        layout.addLayout(row)
        self.add_button.setEnabled(False)

    def load(self, meeting_id: uuid.UUID | None, *, finalised: bool = False) -> None:
        self.meeting_id = meeting_id
        self.finalised = finalised
        self.list.clear()
        self.add_button.setEnabled(meeting_id is not None)
        if meeting_id is None:
            return
        for item in self.ctx.book.meetings.attachments(meeting_id):
            icon = self._icon(item.path, item.media_type)
            text = f"{item.kind}：{item.filename}" if item.kind else item.filename
            entry = QListWidgetItem(icon, text)
            entry.setToolTip(f"{item.filename}\nSHA-256 {item.sha256}")
            self.list.addItem(entry)

    def _icon(self, path: Path, media_type: str) -> QIcon:
        if media_type.startswith("image/") and path.is_file():
            pixmap = QPixmap(str(path))
            if not pixmap.isNull():
                return QIcon(
                    pixmap.scaled(
                        THUMB,
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                )
        kind = (
            QStyle.StandardPixmap.SP_FileIcon
            if path.is_file()
            else QStyle.StandardPixmap.SP_MessageBoxWarning
        )
        return self.style().standardIcon(kind)

    def add(self) -> None:
        meeting_id = self.meeting_id
        if meeting_id is None:
            return
        source = Ask.open_file(
            self,
            self.tr("Add attachment"),
            self.tr("Images and PDF (*.png *.jpg *.jpeg *.gif *.bmp *.webp *.pdf)"),
        )
        if source is None:
            return
        reason = ""
        if self.finalised:
            answer = Ask.text(
                self, self.tr("Add attachment"), self.tr("Why is it added to a finalised record?")
            )
            if answer is None:
                return
            reason = answer
        meetings = self.ctx.book.meetings
        if perform(self, lambda: meetings.add_attachment(meeting_id, source, reason=reason)):
            self.load(meeting_id, finalised=self.finalised)


class AmendmentTable(QTableWidget):
    """The amendment history: who, when, why, which field, old and new value."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 6, parent)
        self.setObjectName("amendmentTable")
        self.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("By"),
                self.tr("Field"),
                self.tr("Old value"),
                self.tr("New value"),
                self.tr("Reason"),
            ]
        )
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().setVisible(False)

    def load(self, rows: Sequence[AmendmentRecord]) -> None:
        self.setRowCount(len(rows))
        for row, item in enumerate(rows):
            values = [
                item.amended_on.isoformat(),
                item.amended_by,
                label(field_name_text(item.field_name)),
                item.old_value,
                item.new_value,
                item.reason,
            ]
            for column, value in enumerate(values):
                self.setItem(row, column, QTableWidgetItem(value))


class AmendDialog(FormDialog):
    """Correct one field of a finalised record; the old value and the reason are kept."""

    def __init__(self, ctx: AppContext, record: MeetingRecord, parent: QWidget | None = None):
        super().__init__(self.tr("Amend a finalised record"), parent)
        self.ctx = ctx
        self.record = record
        self.rows = [a for a in record.attendance if a.expected]
        self.field = QComboBox()
        for key, name in AMENDABLE.items():
            self.field.addItem(label(name), key)
        for row in self.rows:
            self.field.addItem(
                self.tr("Attendance of %1").replace("%1", row.name),
                f"{ATTENDANCE_PREFIX}{row.person_id}",
            )
        self.old = QLabel()
        self.old.setWordWrap(True)
        self.value = QPlainTextEdit()
        self.value.setMaximumHeight(90)
        self.presence = QComboBox()
        for presence in Presence:
            self.presence.addItem(presence.label, presence.value)
        self.presence_reason = QLineEdit()
        self.reason = QLineEdit()
        self.add_row(self.tr("Field"), self.field, "field_name")
        self.add_row(self.tr("Current value"), self.old)
        self.add_row(self.tr("New value"), self.value, "new_value")
        self.add_row(self.tr("Attendance"), self.presence)
        self.add_row(self.tr("Leave reason"), self.presence_reason)
        self.add_row(self.tr("Why"), self.reason, "reason")
        self.finish_tab_order()
        self.field.currentIndexChanged.connect(self._show_current)
        self._show_current()

    def _person(self) -> uuid.UUID | None:
        key = str(self.field.currentData())
        if not key.startswith(ATTENDANCE_PREFIX):
            return None
        return uuid.UUID(key.removeprefix(ATTENDANCE_PREFIX))

    def _show_current(self) -> None:
        person = self._person()
        self.value.setEnabled(person is None)
        self.presence.setEnabled(person is not None)
        self.presence_reason.setEnabled(person is not None)
        if person is not None:
            row = next(r for r in self.rows if r.person_id == person)
            self.old.setText(presence_shown(row.presence, row.reason))
        else:
            current = current_value(self.record, str(self.field.currentData()))
            self.old.setText(current or "—")
            self.value.setPlainText(current)

    def save(self) -> None:
        meetings, meeting_id = self.ctx.book.meetings, self.record.id
        person = self._person()
        if person is None:
            key = str(self.field.currentData())
            meetings.amend(meeting_id, key, self.value.toPlainText(), self.reason.text())
        else:
            presence = Presence(self.presence.currentData())
            meetings.amend_attendance(
                meeting_id, person, presence, self.presence_reason.text(), self.reason.text()
            )
