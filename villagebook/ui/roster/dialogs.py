"""Roster dialogs: add/edit a person, change status, assign a group, the person's history."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from villagebook.domain.roster.idnumber import mask_id_number, mask_phone
from villagebook.domain.roster.validation import EDUCATION_LEVELS, GENDERS, PersonInput
from villagebook.domain.roster.values import PartyStatus
from villagebook.ui.common.form import FormDialog
from villagebook.ui.common.screen import fit_dialog
from villagebook.ui.common.widgets import DateEdit

COMMITTEE_ROLES = ("", "书记", "副书记", "组织委员", "宣传委员", "纪检委员", "委员")


def _group_combo(groups: dict[uuid.UUID, str], current: uuid.UUID | None, none: str) -> QComboBox:
    combo = QComboBox()
    combo.addItem(none, "")
    for group_id, name in groups.items():
        combo.addItem(name, str(group_id))
    combo.setCurrentIndex(max(combo.findData(str(current or "")), 0))
    return combo


def group_of(combo: QComboBox) -> uuid.UUID | None:
    """The group chosen in a combo made by :func:`_group_combo` (None: no group)."""
    value = combo.currentData()
    return uuid.UUID(value) if value else None


class PersonDialog(FormDialog):
    """Add (``person`` None) or edit a person.  ``saver(data, extra)`` calls the service.

    ``extra`` holds status, status date and group for a new person (None when editing).
    """

    def __init__(
        self,
        saver: Any,
        groups: dict[uuid.UUID, str],
        person: Any = None,
        parent: QWidget | None = None,
        *,
        applicant: bool = False,
    ) -> None:
        title = self.tr("Edit person") if person is not None else self.tr("New person")
        if applicant:
            title = self.tr("New applicant")
        super().__init__(title, parent)
        self.saver = saver
        self.is_new = person is None
        self.name = QLineEdit(person.name if person else "")
        self.name.setMaxLength(30)
        self.gender = QComboBox()
        self.gender.addItems(["", *GENDERS])
        self.gender.setCurrentText(person.gender if person else "")
        self.ethnicity = QLineEdit(person.ethnicity if person else "汉族")
        self.birth_date = DateEdit(person.birth_date if person else None, optional=True)
        self.education = QComboBox()
        self.education.setEditable(True)
        self.education.addItems(["", *EDUCATION_LEVELS])
        self.education.setCurrentText(person.education if person else "")
        self._phone = person.phone if person else ""
        self._id_number = (person.id_number or "") if person else ""
        self.phone = QLineEdit(self._phone)
        self.id_number = QLineEdit(self._id_number)
        self.id_number.setMaxLength(18)
        self.show_full = QCheckBox(self.tr("Show full ID and phone numbers"))
        self.committee_role = QComboBox()
        self.committee_role.setEditable(True)
        self.committee_role.addItems(list(COMMITTEE_ROLES))
        self.committee_role.setCurrentText(person.committee_role if person else "")
        self.note = QPlainTextEdit(person.note if person else "")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.fontMetrics().height() * 3 + 10)
        self.add_row(self.tr("Name"), self.name, "name")
        self.add_row(self.tr("Gender"), self.gender, "gender")
        self.add_row(self.tr("Ethnicity"), self.ethnicity, "ethnicity")
        self.add_row(self.tr("Birth date"), self.birth_date, "birth_date")
        self.add_row(self.tr("Education"), self.education, "education")
        self.add_row(self.tr("Phone"), self.phone, "phone")
        self.add_row(self.tr("ID number"), self.id_number, "id_number")
        if not self.is_new:
            self.add_row("", self.show_full)
        self.add_row(self.tr("Committee role"), self.committee_role, "committee_role")
        self.add_row(self.tr("Note"), self.note, "note")
        self.status = QComboBox()
        for status in PartyStatus:
            self.status.addItem(status.label, status)
        self.status_on = DateEdit(dt.date.today())
        self.group = _group_combo(groups, None, self.tr("(no group)"))
        if applicant:  # the application date opens the development case (step 1)
            self.status.setCurrentIndex(self.status.findData(PartyStatus.APPLICANT))
            self.status.setEnabled(False)
            self.add_row(self.tr("Application date"), self.status_on, "effective_on")
            self.add_row(self.tr("Party group"), self.group, "group_id")
        elif self.is_new:
            self.add_row(self.tr("Party status"), self.status, "status")
            self.add_row(self.tr("Since"), self.status_on, "effective_on")
            self.add_row(self.tr("Party group"), self.group, "group_id")
            self.status_hint = QLabel(
                self.tr(
                    "An applicant's development case opens at once, with step 1 "
                    "(the application) on this date."
                )
            )
            self.status_hint.setWordWrap(True)
            self.status_hint.setStyleSheet("color: #555;")
            self.add_row("", self.status_hint)
        self.show_full.toggled.connect(self._set_full)
        self._set_full(self.is_new)
        self.finish_tab_order()
        self.setMinimumWidth(420)

    def _set_full(self, full: bool) -> None:
        """Masked, read-only numbers until the user asks to see (and edit) them in full."""
        for edit, value, mask in (
            (self.phone, self._phone, mask_phone),
            (self.id_number, self._id_number, mask_id_number),
        ):
            if not full and not self.is_new:
                edit.setText(mask(value) if value else "")
            else:
                edit.setText(value)
            edit.setReadOnly(not full and not self.is_new)

    def _numbers(self) -> tuple[str, str]:
        if self.id_number.isReadOnly():
            return self._phone, self._id_number
        return self.phone.text(), self.id_number.text()

    def person_input(self) -> PersonInput:
        phone, id_number = self._numbers()
        return PersonInput(
            name=self.name.text(),
            gender=self.gender.currentText(),
            ethnicity=self.ethnicity.text(),
            birth_date=self.birth_date.value(),
            education=self.education.currentText(),
            phone=phone,
            id_number=id_number,
            committee_role=self.committee_role.currentText(),
            note=self.note.toPlainText(),
        )

    def extra(self) -> dict[str, Any] | None:
        if not self.is_new:
            return None
        return {
            "status": PartyStatus(self.status.currentData()),
            "status_on": self.status_on.value(),
            "group_id": group_of(self.group),
        }

    def _opened(self) -> None:
        super()._opened()
        self._initial = (self.person_input(), self.extra())

    def is_dirty(self) -> bool:
        """What the person would be saved as differs (showing numbers in full is no change)."""
        initial = getattr(self, "_initial", None)
        return (
            self.guard_input
            and initial is not None
            and initial
            != (
                self.person_input(),
                self.extra(),
            )
        )

    def save(self) -> None:
        self.saver(self.person_input(), self.extra())


class StatusDialog(FormDialog):
    """A status change with its effective date and a note."""

    def __init__(self, saver: Any, name: str, current: PartyStatus, parent: Any = None) -> None:
        super().__init__(self.tr("Change status: %1").replace("%1", name), parent)
        self.saver = saver
        self.status = QComboBox()
        for status in PartyStatus:
            self.status.addItem(status.label, status)
        self.status.setCurrentIndex(self.status.findData(current))
        self.effective_on = DateEdit(dt.date.today())
        self.note = QLineEdit()
        self.add_row(self.tr("New status"), self.status, "status")
        self.add_row(self.tr("Effective date"), self.effective_on, "effective_on")
        self.add_row(self.tr("Note"), self.note, "note")
        self.finish_tab_order()

    def save(self) -> None:
        day = self.effective_on.value()
        assert day is not None
        self.saver(PartyStatus(self.status.currentData()), day, self.note.text())


class GroupDialog(FormDialog):
    """Move a person to a Party group (or to none) from a date."""

    def __init__(
        self,
        saver: Any,
        name: str,
        groups: dict[uuid.UUID, str],
        current: uuid.UUID | None,
        parent: Any = None,
    ) -> None:
        super().__init__(self.tr("Party group: %1").replace("%1", name), parent)
        self.saver = saver
        self.group = _group_combo(groups, current, self.tr("(no group)"))
        self.effective_on = DateEdit(dt.date.today())
        self.add_row(self.tr("Party group"), self.group, "group_id")
        self.add_row(self.tr("Effective date"), self.effective_on, "effective_on")
        self.finish_tab_order()

    def save(self) -> None:
        day = self.effective_on.value()
        assert day is not None
        self.saver(group_of(self.group), day)


def _table(headers: list[str], rows: list[list[str]]) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
    return table


class HistoryDialog(QDialog):
    """A person's status history and group history, oldest first."""

    def __init__(
        self,
        name: str,
        statuses: list[Any],
        assignments: list[Any],
        groups: dict[uuid.UUID, str],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("History: %1").replace("%1", name))
        status_rows = [
            [
                s.effective_on.isoformat(),
                s.status.label,
                s.reason.label,
                s.note,
                s.created_by,
            ]
            for s in statuses
        ]
        self.statuses = _table(
            [
                self.tr("Since"),
                self.tr("Status"),
                self.tr("Reason"),
                self.tr("Note"),
                self.tr("Recorded by"),
            ],
            status_rows,
        )
        group_rows = [
            [
                a.effective_on.isoformat(),
                groups.get(a.group_id, "") if a.group_id else self.tr("(no group)"),
                a.created_by,
            ]
            for a in assignments
        ]
        self.groups = _table(
            [self.tr("Since"), self.tr("Party group"), self.tr("Recorded by")], group_rows
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Status history")))
        layout.addWidget(self.statuses)
        layout.addWidget(QLabel(self.tr("Party group history")))
        layout.addWidget(self.groups)
        layout.addWidget(buttons)
        fit_dialog(self, 560, 420)
