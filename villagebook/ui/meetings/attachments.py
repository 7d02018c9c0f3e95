"""Attachments with thumbnails, the amendment history, and the amendment dialog."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
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

from villagebook.domain.common.errors import InputError
from villagebook.domain.meetings.values import Presence
from villagebook.services import attachments
from villagebook.services.meetings import amendments as amend
from villagebook.services.meetings import records
from villagebook.storage.models.meetings import MeetingAmendment

THUMB = QSize(120, 120)


class AttachmentStrip(QWidget):
    """Sign-in sheet scans and photos of a record, as thumbnails (a PDF shows an icon)."""

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id: uuid.UUID | None = None
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

    def load(self, meeting_id: uuid.UUID | None) -> None:
        self.meeting_id = meeting_id
        self.list.clear()
        self.add_button.setEnabled(meeting_id is not None)
        if meeting_id is None:
            return
        with self.ctx.db.read() as session:
            files = amend.meeting_attachments(session, meeting_id)
        for item in files:
            path = attachments.stored_file(self.ctx.db.data_dir, item)
            icon = self._icon(path, item.media_type)
            label = f"{item.kind}：{item.filename}" if item.kind else item.filename
            entry = QListWidgetItem(icon, label)
            entry.setToolTip(f"{item.filename}\nSHA-256 {item.sha256}")
            self.list.addItem(entry)

    def _icon(self, path: Any, media_type: str) -> QIcon:
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
        from villagebook.ui.errors import show_error
        from villagebook.ui.meetings.page import Dialogs

        if self.meeting_id is None:
            return
        source = Dialogs.open_file(
            self,
            self.tr("Add attachment"),
            self.tr("Images and PDF (*.png *.jpg *.jpeg *.gif *.bmp *.webp *.pdf)"),
        )
        if source is None:
            return
        with self.ctx.db.read() as session:
            finalised = records.get_meeting(session, self.meeting_id).status.value == "finalised"
        reason = ""
        if finalised:
            answer = Dialogs.text(
                self, self.tr("Add attachment"), self.tr("Why is it added to a finalised record?")
            )
            if answer is None:
                return
            reason = answer
        try:
            with self.ctx.db.write() as session:
                amend.add_meeting_attachment(
                    session, self.ctx.db.data_dir, self.meeting_id, source, reason=reason
                )
        except Exception as exc:
            show_error(self, exc)
            return
        self.load(self.meeting_id)


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

    def load(self, rows: Sequence[MeetingAmendment]) -> None:
        self.setRowCount(len(rows))
        for row, item in enumerate(rows):
            values = [
                item.amended_on.isoformat(),
                item.amended_by,
                amend.field_label(item.field_name),
                item.old_value,
                item.new_value,
                item.reason,
            ]
            for column, value in enumerate(values):
                self.setItem(row, column, QTableWidgetItem(value))


class AmendDialog(QDialog):
    """Correct one field of a finalised record; the old value and the reason are kept."""

    def __init__(self, ctx: Any, meeting_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Amend a finalised record"))
        self.ctx = ctx
        self.meeting_id = meeting_id
        with ctx.db.read() as session:
            self.meeting = records.get_meeting(session, meeting_id)
            self.rows = [a for a in records.attendance_of(session, meeting_id) if a.expected]
        self.field = QComboBox()
        for key, label in amend.AMENDABLE.items():
            self.field.addItem(label, key)
        for row in self.rows:
            self.field.addItem(
                self.tr("Attendance of %1").replace("%1", row.name),
                f"{amend.ATTENDANCE_PREFIX}{row.person_id}",
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
        self.problems = QLabel()
        self.problems.setStyleSheet("color: #b00020;")
        self.problems.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Field"), self.field)
        form.addRow(self.tr("Current value"), self.old)
        form.addRow(self.tr("New value"), self.value)
        form.addRow(self.tr("Attendance"), self.presence)
        form.addRow(self.tr("Leave reason"), self.presence_reason)
        form.addRow(self.tr("Why"), self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self.field.currentIndexChanged.connect(self._show_current)
        self._show_current()

    def _is_attendance(self) -> bool:
        return str(self.field.currentData()).startswith(amend.ATTENDANCE_PREFIX)

    def _show_current(self) -> None:
        key = str(self.field.currentData())
        attendance = self._is_attendance()
        self.value.setEnabled(not attendance)
        self.presence.setEnabled(attendance)
        self.presence_reason.setEnabled(attendance)
        if attendance:
            row = next(r for r in self.rows if key.endswith(str(r.person_id)))
            self.old.setText(amend.presence_text(row.presence, row.reason))
        else:
            current = amend.current_value(self.meeting, key)
            self.old.setText(current or "—")
            self.value.setPlainText(current)

    def new_value(self) -> str:
        if self._is_attendance():
            return f"{self.presence.currentData()}:{self.presence_reason.text()}"
        return self.value.toPlainText()

    def accept(self) -> None:
        try:
            with self.ctx.db.write() as session:
                amend.amend_meeting(
                    session,
                    self.meeting_id,
                    str(self.field.currentData()),
                    self.new_value(),
                    self.reason.text(),
                )
        except InputError as exc:
            self.problems.setText("\n".join(p.text() for p in exc.problems))
            return
        super().accept()
