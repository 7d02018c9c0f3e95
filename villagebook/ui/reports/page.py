"""The 报表 page: the report centre (every report, for the period or record chosen, previewed
off the window's thread with Print… and Save…) and the rule checks."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from villagebook.domain.common.findings import Severity
from villagebook.ui.common.printing import open_report
from villagebook.ui.common.widgets import DateEdit
from villagebook.ui.ops import perform_busy
from villagebook.ui.reports.findings import FindingsModel
from villagebook.ui.reports.period import PeriodPicker
from villagebook.ui.reports.registry import ReportEntry, entries

if TYPE_CHECKING:
    from villagebook.domain.common.reports import RenderedReport, ReportRequest
    from villagebook.ui.context import AppContext


class ChecksPanel(QWidget):
    """规则检查: every capability's rule checks for the branch, as of a chosen day."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.as_of = DateEdit(dt.date.today())
        self.run_button = QPushButton(self.tr("Run the checks"))
        self.run_button.clicked.connect(self.run_checks)
        self.summary = QLabel(self.tr("Not run yet."))
        self.model = FindingsModel(self)
        self.table = QTableView()
        self.table.setObjectName("findingsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("As of")))
        bar.addWidget(self.as_of)
        bar.addWidget(self.run_button)
        bar.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)

    def run_checks(self) -> None:
        as_of = self.as_of.value() or dt.date.today()
        book, branch_id = self.ctx.book, self.ctx.branch_id
        findings = perform_busy(
            self,
            self.tr("Running the rule checks…"),
            lambda: book.checks.run(as_of=as_of, branch_id=branch_id),
        )
        if findings is None:
            return
        self.model.set_findings(findings)
        self.table.resizeRowsToContents()
        counts = self.model.counts()
        self.summary.setText(
            self.tr("%1 breaches, %2 warnings, %3 due soon, %4 notes")
            .replace("%1", str(counts[Severity.ERROR]))
            .replace("%2", str(counts[Severity.WARNING]))
            .replace("%3", str(counts[Severity.DUE]))
            .replace("%4", str(counts[Severity.INFO]))
        )


class ReportCentre(QWidget):
    """报表: pick a report and what it covers, then preview it (with Print… and Save…)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entries: list[ReportEntry] = entries()
        self.list = QListWidget()
        self.list.setObjectName("reportList")
        self.list.setStyleSheet("QListWidget#reportList::item { padding: 4px 4px; }")
        self._rows: list[int] = []  # list row → entry index (-1: a group heading)
        group = None
        bold = QFont()
        bold.setBold(True)
        for index, entry in enumerate(self.entries):
            if entry.group != group:
                group = entry.group
                heading = QListWidgetItem(group)
                heading.setFlags(Qt.ItemFlag.NoItemFlags)
                heading.setFont(bold)
                self.list.addItem(heading)
                self._rows.append(-1)
            item = QListWidgetItem("  " + entry.title)
            item.setToolTip(entry.description)
            self.list.addItem(item)
            self._rows.append(index)
        self.title = QLabel()
        self.title.setObjectName("reportTitle")
        self.title.setStyleSheet("font-weight: bold; font-size: 13pt;")
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.period = PeriodPicker(ctx.book.today())
        self.subject = QComboBox()
        self.subject.setObjectName("reportSubject")
        self.subject.setMinimumWidth(320)
        self.unmasked = QCheckBox(self.tr("Print full ID and phone numbers (sensitive)"))
        self.preview_button = QPushButton(self.tr("&Preview, print or save…"))
        self.preview_button.setObjectName("previewReport")
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self.preview)
        self.status = QLabel()
        self.status.setWordWrap(True)
        form = QFormLayout()
        self.period_label = QLabel(self.tr("Period"))
        self.subject_label = QLabel(self.tr("Record"))
        form.addRow(self.period_label, self.period)
        form.addRow(self.subject_label, self.subject)
        form.addRow("", self.unmasked)
        right = QWidget()
        column = QVBoxLayout(right)
        column.addWidget(self.title)
        column.addWidget(self.description)
        column.addSpacing(8)
        column.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addWidget(self.status)
        column.addStretch(1)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([360, 680])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.list.currentRowChanged.connect(self._chosen)
        self.list.itemActivated.connect(lambda _item: self.preview())
        self.last: RenderedReport | None = None
        self.select("ledger")

    # --- choosing ------------------------------------------------------------------------

    def select(self, key: str) -> None:
        for row, index in enumerate(self._rows):
            if index >= 0 and self.entries[index].key == key:
                self.list.setCurrentRow(row)
                return

    def current(self) -> ReportEntry | None:
        row = self.list.currentRow()
        if row < 0 or self._rows[row] < 0:
            return None
        return self.entries[self._rows[row]]

    def _chosen(self, _row: int) -> None:
        entry = self.current()
        if entry is None:
            return
        self.title.setText(entry.title)
        self.description.setText(entry.description)
        has_period = entry.span is not None
        self.period.setVisible(has_period)
        self.period_label.setVisible(has_period)
        if entry.span:
            self.period.set_span(entry.span)
            self.period_label.setText(
                self.tr("As of") if entry.span == "day" else self.tr("Period")
            )
        self.subject.setVisible(entry.subject is not None)
        self.subject_label.setVisible(entry.subject is not None)
        if entry.subject:
            self._fill_subjects(entry.subject)
        self.unmasked.setVisible(entry.unmaskable)
        self.unmasked.setChecked(False)
        self.preview_button.setEnabled(self.ctx.branch_id is not None)

    def _fill_subjects(self, subject: str) -> None:
        self.subject.clear()
        branch = self.ctx.branch_id
        if branch is None:
            return
        book = self.ctx.book
        labels = {
            "meeting": self.tr("Meeting record"),
            "person": self.tr("Person"),
            "deliberation": self.tr("Deliberation"),
            "decided": self.tr("Decided deliberation"),
        }
        self.subject_label.setText(labels.get(subject, self.tr("Record")))
        if subject == "meeting":
            for m in reversed(
                book.meetings.entries(branch, dt.date(1900, 1, 1), dt.date(2200, 1, 1))
            ):
                self.subject.addItem(f"{m.held_on.isoformat()}  {m.kind.label}  {m.title}", m.id)
        elif subject == "person":
            for p in book.development.people_with_cases(branch):
                self.subject.addItem(f"{p.name}（{p.status.label}）", p.person_id)
        else:
            decided = ("decided", "completed")
            for d in book.deliberations.deliberations(branch):
                if subject == "decided" and d.status.value not in decided:
                    continue
                self.subject.addItem(f"{d.title}（{d.status.label}）", d.id)
        if self.subject.count() == 0:
            self.subject.addItem(self.tr("(none yet)"), None)

    # --- printing ------------------------------------------------------------------------

    def request(self) -> ReportRequest | None:
        """The report asked for, or None when a record must be chosen and there is none."""
        from villagebook.domain.common.reports import ReportRequest

        entry = self.current()
        if entry is None:
            return None
        fields: dict[str, object] = self.period.fields() if entry.span else {}
        options = {"unmasked": True} if entry.unmaskable and self.unmasked.isChecked() else {}
        if entry.subject:
            chosen = self.subject.currentData()
            if chosen is None:
                return None
            fields["subject_id"] = chosen
            fields.setdefault("as_of", self.ctx.book.today())
        return ReportRequest(
            entry.key,
            branch_id=self.ctx.branch_id,
            options=options,
            **fields,  # type: ignore[arg-type]
        )

    def preview(self) -> bool:
        """Build the report off the window's thread and show it with Print… and Save…"""
        request = self.request()
        if request is None:
            self.status.setText(self.tr("Choose a report and a record first."))
            return False
        shown = open_report(self, self.ctx.book, request)
        entry = self.current()
        if shown and entry is not None:
            self.status.setText(self.tr("Last shown: %1").replace("%1", entry.title))
        return shown


class ReportsPage(QWidget):
    """The 报表 page: the report centre and the rule checks."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.centre = ReportCentre(ctx)
        self.checks = ChecksPanel(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.centre, self.tr("Reports"))
        self.tabs.addTab(self.checks, self.tr("Rule checks"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
