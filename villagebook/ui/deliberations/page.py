"""The 四议两公开 page: the matters, one matter step by step, and what is next.

The big button under the list always names the next step of the selected matter and opens
its editor; withdraw, reject and re-propose close or continue a matter; edits of what is
not frozen yet (the draft text, the header before step 1) can be undone from Edit ▸ Undo.
"""

from __future__ import annotations

import datetime as dt
import html
import uuid
from typing import Any

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from villagebook.domain.deliberations.values import MatterStatus, StepKind
from villagebook.reports.deliberation import DecisionRecord, StepRecord, gather
from villagebook.services.deliberations import matters as dlb
from villagebook.ui.common.ask import Ask
from villagebook.ui.deliberations import undo
from villagebook.ui.deliberations.dialogs import MatterDialog, ReasonDialog, StepDialog, TextDialog
from villagebook.ui.deliberations.model import MattersModel
from villagebook.ui.errors import show_error

IMAGES = "Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp);;PDF (*.pdf)"


class DeliberationsPage(QWidget):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = MattersModel(ctx.db, ctx.branch_id, self)
        self.table = QTableView()
        self.table.setObjectName("mattersTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.detail = QTextBrowser()
        self.detail.setObjectName("matterDetail")
        self.next_button = QPushButton()
        self.next_button.setObjectName("nextStep")
        self.next_button.setMinimumHeight(36)
        self.next_button.clicked.connect(self.record_next)
        self.next_label = QLabel()
        self._build_actions()
        bar = QHBoxLayout()
        for action in self.actions_in_bar:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            bar.addWidget(button)
        bar.addStretch(1)
        lower = QWidget()
        column = QVBoxLayout(lower)
        column.setContentsMargins(0, 0, 0, 0)
        next_row = QHBoxLayout()
        next_row.addWidget(self.next_label, 1)
        next_row.addWidget(self.next_button)
        column.addLayout(next_row)
        column.addWidget(self.detail)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter)
        if self.model.rowCount() > 0:
            self.table.selectRow(0)
        self._update()

    def _build_actions(self) -> None:
        def action(text: str, slot: Any) -> QAction:
            made = QAction(text, self)
            made.triggered.connect(slot)
            return made

        self.new_action = action(self.tr("New matter…"), self.new_matter)
        self.edit_action = action(self.tr("Edit…"), self.edit_matter)
        self.text_action = action(self.tr("Edit text…"), self.edit_text)
        self.withdraw_action = action(self.tr("Withdraw…"), self.withdraw)
        self.reject_action = action(self.tr("Reject…"), self.reject)
        self.repropose_action = action(self.tr("Propose again"), self.repropose)
        self.photo_action = action(self.tr("Add photo of the posting…"), self.add_photo)
        self.end_action = action(self.tr("Posting ended…"), self.end_posting)
        self.actions_in_bar = [
            self.new_action,
            self.edit_action,
            self.text_action,
            self.withdraw_action,
            self.reject_action,
            self.repropose_action,
            self.photo_action,
            self.end_action,
        ]

    # --- selection and display ----------------------------------------------------------

    def selected_id(self) -> uuid.UUID | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).id if rows else None

    def select(self, matter_id: uuid.UUID) -> None:
        row = self.model.row_of(matter_id)
        if row >= 0:
            self.table.selectRow(row)

    def refresh(self) -> None:
        selected = self.selected_id()
        self.model.reload()
        if selected is not None:
            self.select(selected)
        self._update()

    def _selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self._update()

    def _update(self) -> None:
        matter_id = self.selected_id()
        if matter_id is None:
            self.detail.setHtml(html.escape(self.tr("No matter selected.")))
            self.next_label.setText("")
            self.next_button.setEnabled(False)
            self.next_button.setText(self.tr("Record the next step"))
            for a in self.actions_in_bar[1:]:
                a.setEnabled(False)
            return
        with self.ctx.db.read() as session:
            matter = dlb.get_matter(session, matter_id)
            report = gather(session, matter_id, dt.date.today())
            nxt = dlb.next_step(session, matter)
            steps = {s.kind: s for s in dlb.steps_of(session, matter_id)}
            proposed_again = dlb.next_round(session, matter_id) is not None
        self.detail.setHtml(_detail_html(report))
        status = matter.status
        if nxt is not None:
            self.next_label.setText(self.tr("What is next: %1").replace("%1", nxt.label))
            self.next_button.setText(self.tr("Record: %1…").replace("%1", nxt.label))
        else:
            self.next_label.setText(status.label)
            self.next_button.setText(self.tr("Record the next step"))
        self.next_button.setEnabled(nxt is not None)
        self.edit_action.setEnabled(not steps and not status.closed)
        self.text_action.setEnabled(not status.closed)
        self.withdraw_action.setEnabled(not status.closed)
        self.reject_action.setEnabled(not status.closed)
        self.repropose_action.setEnabled(status is MatterStatus.REJECTED and not proposed_again)
        publication = self._last_publication(steps)
        self.photo_action.setEnabled(publication is not None)
        self.end_action.setEnabled(publication is not None and publication.posted_until is None)

    @staticmethod
    def _last_publication(steps: dict[StepKind, Any]) -> Any:
        for kind in (StepKind.RESULT_PUBLICITY, StepKind.RESOLUTION_PUBLICITY):
            if kind in steps:
                return steps[kind]
        return None

    # --- actions ----------------------------------------------------------------------------

    def _write(self, work: Any) -> Any:
        with self.ctx.db.write() as session:
            return work(session)

    def new_matter(self) -> None:
        if self.ctx.branch_id is None:
            return

        def save(data: dlb.MatterInput) -> uuid.UUID:
            return self._write(lambda s: dlb.create_matter(s, self.ctx.branch_id, data).id)  # type: ignore[no-any-return]

        dialog = MatterDialog(save, parent=self)
        if Ask.exec_dialog(dialog):
            self.model.reload()
            self.select(dialog.result_value)
            self._update()

    def edit_matter(self) -> None:
        matter_id = self.selected_id()
        if matter_id is None:
            return
        with self.ctx.db.read() as session:
            m = dlb.get_matter(session, matter_id)
            old = dlb.MatterInput(m.title, m.category, dlb.yuan_text(m.amount_fen), note=m.note)

        def save(data: dlb.MatterInput) -> None:
            data.note = old.note
            self._write(lambda s: dlb.update_matter(s, matter_id, data))

        dialog = MatterDialog(save, old, self, with_text=False)
        if Ask.exec_dialog(dialog):
            new = dialog.value()
            new.note = old.note
            self.ctx.undo_stack.push(
                undo.EditMatter(self.ctx.db, self.refresh, matter_id, old, new)
            )
            self.refresh()

    def edit_text(self) -> None:
        matter_id = self.selected_id()
        if matter_id is None:
            return
        with self.ctx.db.read() as session:
            before = dlb.current_text(session, matter_id)
        old = before.body if before else ""
        saved: dict[str, Any] = {}

        def save(body: str) -> None:
            def work(session: Any) -> None:
                version = dlb.edit_text(session, matter_id, body)
                saved.update(id=version.id, in_place=before is not None and version.id == before.id)

            self._write(work)

        dialog = TextDialog(save, old, self)
        if Ask.exec_dialog(dialog):
            if saved.get("in_place"):
                command = undo.EditText(
                    self.ctx.db,
                    self.refresh,
                    matter_id,
                    saved["id"],
                    old,
                    dialog.text.toPlainText(),
                )
                self.ctx.undo_stack.push(command)
            self.refresh()

    def record_next(self) -> None:
        matter_id = self.selected_id()
        if matter_id is None:
            return
        with self.ctx.db.read() as session:
            matter = dlb.get_matter(session, matter_id)
            step = dlb.next_step(session, matter)
            current = dlb.current_text(session, matter_id)
            flow = dlb.workflow_of(matter)
            meetings = self._general_meetings(session, matter.branch_id)
        if step is None:
            return
        branch_id = matter.branch_id

        def voting(day: dt.date) -> int:
            with self.ctx.db.read() as session:
                return dlb.voting_members(session, branch_id, day)

        def save(data: dlb.StepInput) -> None:
            self._write(lambda s: dlb.record_step(s, matter_id, data))

        dialog = StepDialog(
            step,
            save,
            text=current.body if current else "",
            may_join=step.kind is StepKind.PROPOSAL
            and flow.may_hold_together(StepKind.PROPOSAL, StepKind.JOINT_MEETING),
            voting=voting,
            meetings=meetings,
            parent=self,
        )
        if Ask.exec_dialog(dialog):
            self.refresh()

    def _general_meetings(self, _session: Any, branch_id: uuid.UUID) -> list[tuple[str, uuid.UUID]]:
        found = self.ctx.book.meetings.general_meetings(branch_id)
        return [(f"{m.held_on.isoformat()} {m.title}", m.id) for m in found]

    def _close(self, title: str, service: Any) -> None:
        matter_id = self.selected_id()
        if matter_id is None:
            return

        def save(reason: str, day: dt.date) -> None:
            self._write(lambda s: service(s, matter_id, reason, day))

        if Ask.exec_dialog(ReasonDialog(title, save, self)):
            self.refresh()

    def withdraw(self) -> None:
        self._close(self.tr("Withdraw the matter"), dlb.withdraw)

    def reject(self) -> None:
        self._close(self.tr("The matter was not approved"), dlb.reject)

    def repropose(self) -> None:
        matter_id = self.selected_id()
        if matter_id is None:
            return
        try:
            new_id = self._write(lambda s: dlb.repropose(s, matter_id).id)
        except Exception as exc:
            show_error(self, exc)
            return
        self.model.reload()
        self.select(new_id)
        self._update()

    def add_photo(self) -> None:
        matter_id = self.selected_id()
        if matter_id is None:
            return
        path = Ask.open_file(self, self.tr("Photo of the posting"), IMAGES)
        if path is None:
            return
        self._with_publication(
            matter_id, lambda s, step: dlb.attach_photo(s, self.ctx.db.data_dir, step.id, path)
        )

    def end_posting(self) -> None:
        matter_id = self.selected_id()
        if matter_id is None:
            return
        text = Ask.text(self, self.tr("Posting ended"), self.tr("Last day posted (YYYY-MM-DD)"))
        if not text:
            return
        try:
            day = dt.date.fromisoformat(text.strip())
        except ValueError:
            Ask.inform(
                self, self.tr("Posting ended"), self.tr("Not a date: %1").replace("%1", text)
            )
            return
        self._with_publication(matter_id, lambda s, step: dlb.end_publication(s, step.id, day))

    def _with_publication(self, matter_id: uuid.UUID, work: Any) -> None:
        def run(session: Any) -> None:
            steps = {s.kind: s for s in dlb.steps_of(session, matter_id)}
            step = self._last_publication(steps)
            if step is not None:
                work(session, step)

        try:
            self._write(run)
        except Exception as exc:
            show_error(self, exc)
        self.refresh()


def _detail_html(report: DecisionRecord) -> str:
    e = html.escape
    reason = f"：{e(report.status_reason)}" if report.status_reason else ""
    parts = [
        f"<h3>{e(report.title)}</h3>",
        f"<p>{e(report.category)}　{e(report.amount)}　第{report.round_no}轮　{e(report.workflow)}"
        f"<br/>{e(report.status)}{reason}",
    ]
    if report.previous_round:
        parts.append(f"<br/>上一轮：{e(report.previous_round)}")
    parts.append("</p>")
    if report.findings:
        items = "".join(f"<li>{e(line)}</li>" for line in report.findings)
        parts.append(f"<ul style='color:#b00020'>{items}</ul>")
    parts += [_step_html(step) for step in report.steps]
    return "".join(parts)


def _step_html(step: StepRecord) -> str:
    e = html.escape
    if not step.done:
        return f"<h4 style='color:#888'>{step.number}. {e(step.label)}：尚未办理</h4>"
    facts = [step.posting] if step.posting else [step.date, step.place]
    facts += [step.form, step.counts, step.votes]
    if step.notice:
        facts.append(f"通知日期：{step.notice}")
    if step.posting:
        facts.append(f"照片{step.photos}张")
    line = "　".join(e(f) for f in facts if f)
    text = e(step.text).replace("\n", "<br/>")
    return (
        f"<h4>{step.number}. {e(step.label)}　<span style='color:#1b5e20'>{e(step.verdict)}</span>"
        f"</h4><p>{line}</p><p style='margin-left:12px;color:#333'>"
        f"<b>{e(step.text_label)}</b>：{text}</p>"
    )


def matters_page(ctx: Any, parent: QWidget) -> QWidget:
    return DeliberationsPage(ctx, parent)
