"""工作台, the home screen the window opens on: what is due, most urgent first.

The items come from ``book.agenda`` (the rule checks, this month's and quarter's required
activities, development steps due, deliberations waiting, drafts, the last backup).  It is
gathered off the UI thread when the page opens and again shortly after every change, so the
window never stalls.  Activating an item opens the record, or a new record pre-filled with
kind, Party group and date.  A finding can be marked 已处理 with a note (who and when are
kept), and "这条规则是什么" shows the rule and its source.
"""

from __future__ import annotations

import threading
import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QCloseEvent, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from villagebook.domain.common.agenda import Agenda, AgendaItem, Target, TargetKind, Urgency
from villagebook.ui.common.ask import Ask
from villagebook.ui.common.busy import pause_gc, resume_gc

if TYPE_CHECKING:
    from villagebook.services.book import Changes
    from villagebook.ui.context import AppContext

ITEM_ROLE = Qt.ItemDataRole.UserRole
#: How long after a change the checks run again (a burst of edits runs them once).
RERUN_MS = 700
#: How often the page looks whether the worker has finished.
POLL_MS = 50
#: (background, text) per urgency.
COLOURS = {
    Urgency.OVERDUE: ("#fdecea", "#b71c1c"),
    Urgency.SOON: ("#fff4e5", "#8a4b00"),
    Urgency.OPEN: ("#e8f1fb", "#0d47a1"),
    Urgency.DONE: ("#f3f7f3", "#2e6b2e"),
}
HANDLED = ("#f5f5f5", "#777777")


class WorkbenchPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.agenda: Agenda | None = None
        self._generation = 0
        self._running = False
        self._again = False
        #: What the worker thread leaves for the page: (generation, agenda or error).
        self._outcome: list[tuple[int, object, bool]] = []
        self._lock = threading.Lock()
        self._worker: threading.Thread | None = None
        self._stopped = False
        self._gc_paused = False
        self.poll = QTimer(self)  # the GUI thread collects the result: no Qt in the thread
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self._collect)
        self.rerun = QTimer(self)
        self.rerun.setSingleShot(True)
        self.rerun.setInterval(RERUN_MS)
        self.rerun.timeout.connect(self.refresh)
        self._build()
        ctx.hub.changed.connect(self._on_changes)
        QTimer.singleShot(0, self.refresh)

    # --- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        title = QLabel(self.tr("Workbench: what is due"))
        title.setObjectName("workbenchTitle")
        title.setStyleSheet("font-weight: bold;")
        self.status = QLabel()
        self.status.setObjectName("workbenchStatus")
        self.refresh_button = QPushButton(self.tr("Check again"))
        self.refresh_button.clicked.connect(self.refresh)
        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.refresh_button)
        self.tree = QTreeWidget()
        self.tree.setObjectName("agenda")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("What"), self.tr("Area"), self.tr("By")])
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setAlternatingRowColors(False)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.tree.itemActivated.connect(lambda item, _col: self.open_item(item))
        self.tree.currentItemChanged.connect(lambda _new, _old: self._show_detail())
        self.detail = QLabel()
        self.detail.setObjectName("agendaDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.open_button = QPushButton(self.tr("Open"))
        self.handle_button = QPushButton(self.tr("Mark as handled…"))
        self.unhandle_button = QPushButton(self.tr("Not handled after all"))
        self.rule_button = QPushButton(self.tr("What is this rule?"))
        self.open_button.clicked.connect(lambda: self.open_item(self.tree.currentItem()))
        self.handle_button.clicked.connect(self.mark_handled)
        self.unhandle_button.clicked.connect(self.remove_note)
        self.rule_button.clicked.connect(self.explain_rule)
        buttons = QHBoxLayout()
        for button in (
            self.open_button,
            self.handle_button,
            self.unhandle_button,
            self.rule_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        lower = QWidget()
        column = QVBoxLayout(lower)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.detail, 1)
        column.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tree)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self._show_detail()

    # --- gathering, off the UI thread --------------------------------------------------------

    def _on_changes(self, changes: Changes) -> None:
        self.rerun.start()

    def refresh(self) -> None:
        """Gather the agenda in a worker thread; a change meanwhile gathers it again."""
        if self.ctx.branch_id is None or self._stopped:
            return
        if self._running:
            self._again = True
            return
        self._running = True
        self._generation += 1
        generation = self._generation
        self.status.setText(self.tr("Checking…"))
        self.refresh_button.setEnabled(False)
        book, branch_id = self.ctx.book, self.ctx.branch_id

        outcome, lock = self._outcome, self._lock

        def work() -> None:
            try:
                found: tuple[int, object, bool] = (generation, book.agenda(branch_id), True)
            except Exception as exc:  # shown on the page, never lost in the thread
                found = (generation, exc, False)
            with lock:
                outcome.append(found)

        self._worker = threading.Thread(target=work, name="villagebook-agenda", daemon=True)
        pause_gc()
        self._gc_paused = True
        self._worker.start()
        self.poll.start()

    def stop(self, timeout: float = 10.0) -> None:
        """No more gathering; wait for a running one (before the folder is closed)."""
        self._stopped = True
        self.rerun.stop()
        self.poll.stop()
        self._again = False
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.join(timeout)
        self._resume_gc()
        self._running = False

    def _resume_gc(self) -> None:
        if self._gc_paused:
            self._gc_paused = False
            resume_gc()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop()
        super().closeEvent(event)

    def _collect(self) -> None:
        with self._lock:
            if not self._outcome:
                return
            generation, value, ok = self._outcome.pop()
        self.poll.stop()
        self._resume_gc()
        if ok:
            assert isinstance(value, Agenda)
            self._finished(generation, value)
        else:
            assert isinstance(value, BaseException)
            self._failed(generation, value)

    def refresh_now(self) -> None:
        """Gather in this thread (tests; the first page of a test window)."""
        self._generation += 1
        assert self.ctx.branch_id is not None
        self._finished(self._generation, self.ctx.book.agenda(self.ctx.branch_id))

    def _finished(self, generation: int, agenda: Agenda) -> None:
        self._running = False
        self.refresh_button.setEnabled(True)
        if generation == self._generation:
            self.show_agenda(agenda)
        if self._again:
            self._again = False
            self.refresh()

    def _failed(self, generation: int, exc: BaseException) -> None:
        self._running = False
        self.refresh_button.setEnabled(True)
        self.status.setText(self.tr("The checks could not run: %1").replace("%1", str(exc)))
        import logging

        logging.getLogger(__name__).error("agenda failed", exc_info=exc)

    def busy(self) -> bool:
        return self._running

    # --- showing --------------------------------------------------------------------------

    def show_agenda(self, agenda: Agenda) -> None:
        current = self.current()
        self.agenda = agenda
        self.tree.clear()
        for entry in agenda.items:
            self.tree.addTopLevelItem(self._row(entry))
        counts = {u: 0 for u in Urgency}
        for entry in agenda.items:
            if not entry.handled:
                counts[entry.urgency] += 1
        text = (
            self.tr("%1 overdue, %2 due within 30 days, %3 open · checked %4")
            .replace("%1", str(counts[Urgency.OVERDUE]))
            .replace("%2", str(counts[Urgency.SOON]))
            .replace("%3", str(counts[Urgency.OPEN]))
            .replace("%4", agenda.as_of.isoformat())
        )
        self.status.setText(text)
        self._select(current)
        self._show_detail()

    def _row(self, entry: AgendaItem) -> QTreeWidgetItem:
        title = entry.title
        if entry.finding is not None and entry.finding.handled is not None:
            note = entry.finding.handled
            title += "\n" + self.tr("Handled: %1 (%2, %3)").replace("%1", note.note).replace(
                "%2", note.handled_by
            ).replace("%3", note.handled_on.isoformat())
        row = QTreeWidgetItem(
            [title, entry.section.label, entry.due.isoformat() if entry.due else ""]
        )
        row.setData(0, ITEM_ROLE, entry)
        row.setToolTip(0, entry.detail or entry.title)
        background, colour = HANDLED if entry.handled else COLOURS[entry.urgency]
        for column in range(3):
            row.setBackground(column, QBrush(QColor(background)))
            row.setForeground(column, QBrush(QColor(colour)))
        return row

    def items(self) -> list[AgendaItem]:
        found = []
        for index in range(self.tree.topLevelItemCount()):
            row = self.tree.topLevelItem(index)
            entry = row.data(0, ITEM_ROLE) if row is not None else None
            if isinstance(entry, AgendaItem):
                found.append(entry)
        return found

    def current(self) -> AgendaItem | None:
        row = self.tree.currentItem()
        entry = row.data(0, ITEM_ROLE) if row is not None else None
        return entry if isinstance(entry, AgendaItem) else None

    def _select(self, wanted: AgendaItem | None) -> None:
        if wanted is None:
            return
        for index in range(self.tree.topLevelItemCount()):
            row = self.tree.topLevelItem(index)
            entry = row.data(0, ITEM_ROLE) if row is not None else None
            if (
                row is not None
                and isinstance(entry, AgendaItem)
                and (entry.title, entry.code)
                == (
                    wanted.title,
                    wanted.code,
                )
            ):
                self.tree.setCurrentItem(row)
                return

    def _show_detail(self) -> None:
        entry = self.current()
        finding = entry.finding if entry else None
        self.open_button.setEnabled(entry is not None and entry.target.kind is not TargetKind.NONE)
        self.handle_button.setEnabled(finding is not None and finding.handled is None)
        self.unhandle_button.setEnabled(finding is not None and finding.handled is not None)
        self.rule_button.setEnabled(entry is not None and bool(entry.code))
        if entry is None:
            self.detail.setText(self.tr("Choose an item: Enter or a double click opens it."))
            return
        lines = [entry.title]
        if entry.detail:
            lines.append(self.tr("Rule: %1").replace("%1", entry.detail))
        if finding is not None and finding.handled is not None:
            note = finding.handled
            lines.append(
                self.tr("Marked as handled by %1 on %2: %3")
                .replace("%1", note.handled_by)
                .replace("%2", note.handled_on.isoformat())
                .replace("%3", note.note)
            )
        self.detail.setText("\n".join(lines))

    # --- acting on an item -------------------------------------------------------------------

    def open_item(self, row: QTreeWidgetItem | None) -> None:
        entry = row.data(0, ITEM_ROLE) if row is not None else None
        if isinstance(entry, AgendaItem):
            open_target(self.ctx, self, entry.target)

    def mark_handled(self) -> None:
        from villagebook.ui.workbench.dialogs import HandledDialog

        entry = self.current()
        if entry is None or entry.finding is None or self.ctx.branch_id is None:
            return
        dialog = HandledDialog(self.ctx, self.ctx.branch_id, entry.finding, self)
        Ask.exec_dialog(dialog)

    def remove_note(self) -> None:
        from villagebook.ui.ops import perform

        entry = self.current()
        note = entry.finding.handled if entry and entry.finding else None
        if note is not None:
            perform(self, lambda: self.ctx.book.checks.remove_note(note.id))

    def explain_rule(self) -> None:
        from villagebook.ui.workbench.dialogs import RuleDialog

        entry = self.current()
        if entry is not None and entry.code:
            Ask.exec_dialog(RuleDialog(self.ctx.book.checks.rule(entry.code), entry.code, self))


def open_target(ctx: AppContext, parent: QWidget, target: Target) -> Any:
    """Open what an item points to: a record, a new record pre-filled, a case, a matter."""
    window: Any = parent.window()
    if target.kind is TargetKind.MEETING and target.id is not None:
        from villagebook.ui.meetings.editor import MeetingEditor

        editor = MeetingEditor(ctx, target.id, parent=parent)
        Ask.exec_dialog(editor)
        editor.deleteLater()
        return editor
    if target.kind is TargetKind.NEW_MEETING and target.meeting_kind:
        from villagebook.domain.meetings.values import MeetingKind
        from villagebook.ui.meetings.editor import MeetingEditor

        editor = MeetingEditor(
            ctx,
            kind=MeetingKind(target.meeting_kind),
            day=target.day,
            group_id=target.group_id,
            parent=parent,
        )
        Ask.exec_dialog(editor)
        editor.deleteLater()
        return editor
    if target.kind is TargetKind.CASE and target.id is not None:
        from villagebook.ui.development.case_view import CaseView

        view = CaseView(ctx, target.id, parent)
        Ask.exec_dialog(view)
        view.deleteLater()
        return view
    if target.kind is TargetKind.DELIBERATION and target.id is not None:
        return _go_to_deliberation(window, target.id)
    if target.kind is TargetKind.ROSTER and hasattr(window, "roster_page"):
        return window.roster_page()
    if target.kind is TargetKind.BACKUPS and getattr(window, "safety", None) is not None:
        return window.safety.backup_to()
    return None


def _go_to_deliberation(window: Any, deliberation_id: uuid.UUID) -> Any:
    from villagebook.ui.deliberations.page import DeliberationsPage

    if not hasattr(window, "go_to"):
        return None
    for row in range(window.nav.count()):
        if window.page_kind(row) == "deliberations":
            page = window.go_to(row)
            if isinstance(page, DeliberationsPage):
                page.select_deliberation(deliberation_id)
            return page
    return None
