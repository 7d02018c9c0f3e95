"""The development page (发展党员): a pipeline board with one column per stage.

Each column is a QListView over a small model with a painting delegate, so the board of
2,000 open cases opens in well under 200 ms (see benchmarks/development_bench.py).  The
board reloads itself from the Book's change notices.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from villagebook.domain.common.i18n import label
from villagebook.domain.development.values import BoardCard, Urgency
from villagebook.domain.development.workflow import DEFAULT
from villagebook.ui.common.ask import Ask
from villagebook.ui.context import AppContext
from villagebook.ui.development.board import CARD_ROLE, BoardColumnModel, CardDelegate
from villagebook.ui.development.case_view import CaseView
from villagebook.ui.development.dialogs import StartCaseDialog

if TYPE_CHECKING:
    from villagebook.services.book import Changes

#: Capabilities whose changes can move a card (a person's name lives in the roster).
WATCHED = ("development", "roster")


class DevelopmentPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.applicant_button = QPushButton(self.tr("New applicant…"))
        self.applicant_button.setToolTip(
            self.tr("Someone new hands in an application: the roster entry and the case, at once")
        )
        self.start_button = QPushButton(self.tr("Start a case…"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.summary = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.applicant_button)
        bar.addWidget(self.start_button)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        columns = QHBoxLayout()
        self.models: list[BoardColumnModel] = []
        self.views: list[QListView] = []
        self.headers: list[QLabel] = []
        delegate = CardDelegate(self)
        for stage in DEFAULT.stages:
            columns.addLayout(self._column(stage.number, delegate))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(columns)
        self.start_button.clicked.connect(self.start_case)
        self.applicant_button.clicked.connect(self.new_applicant)
        self.applicant_button.setEnabled(ctx.branch_id is not None)
        self.refresh_button.clicked.connect(self.reload)
        self.start_button.setEnabled(ctx.branch_id is not None)
        ctx.hub.changed.connect(self._on_changes)
        self.reload()

    def _column(self, number: int, delegate: CardDelegate) -> QVBoxLayout:
        """One stage's column: its header and a list of painted cards."""
        model = BoardColumnModel(self)
        view = QListView()
        view.setObjectName(f"stage{number}")
        view.setModel(model)
        view.setItemDelegate(delegate)
        view.setUniformItemSizes(True)
        view.setMinimumWidth(170)
        view.doubleClicked.connect(self.open_card)
        view.activated.connect(self.open_card)
        header = QLabel()
        header.setWordWrap(True)
        header.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        header.setFixedHeight(2 * header.fontMetrics().height() + 6)  # columns line up
        column = QVBoxLayout()
        column.addWidget(header)
        column.addWidget(view)
        self.models.append(model)
        self.views.append(view)
        self.headers.append(header)
        return column

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*WATCHED):
            self.reload()

    def reload(self) -> None:
        cards: list[BoardCard] = []
        if self.ctx.branch_id is not None:
            cards = self.ctx.book.development.board(self.ctx.branch_id)
        by_stage: dict[int, list[BoardCard]] = {s.number: [] for s in DEFAULT.stages}
        for card in cards:
            by_stage[card.stage].append(card)
        for stage, model, header in zip(DEFAULT.stages, self.models, self.headers, strict=True):
            items = by_stage[stage.number]
            model.set_cards(items)
            header.setText(f"<b>{stage.number}. {label(stage.name)}</b>（{len(items)}）")
        overdue = sum(1 for c in cards if c.urgency is Urgency.OVERDUE)
        soon = sum(1 for c in cards if c.urgency is Urgency.SOON)
        self.summary.setText(
            self.tr("%1 open cases, %2 overdue, %3 due within 30 days")
            .replace("%1", str(len(cards)))
            .replace("%2", str(overdue))
            .replace("%3", str(soon))
        )

    def open_card(self, index: QModelIndex) -> None:
        card = index.data(CARD_ROLE)
        if isinstance(card, BoardCard):
            self.open_case(card.case_id)

    def open_case(self, case_id: uuid.UUID) -> None:
        view = CaseView(self.ctx, case_id, self)
        Ask.exec_dialog(view)
        view.deleteLater()

    def start_case(self) -> None:
        dialog = StartCaseDialog(self.ctx, self)
        if Ask.exec_dialog(dialog) and dialog.case_id is not None:
            self.open_case(dialog.case_id)

    def new_applicant(self) -> None:
        """One path for a new applicant: the roster entry and the case with step 1."""
        from villagebook.ui.roster.dialogs import PersonDialog

        branch_id, book = self.ctx.branch_id, self.ctx.book
        if branch_id is None:
            return
        cases: list[uuid.UUID] = []

        def save(data: Any, extra: dict[str, Any]) -> None:
            day = extra["status_on"] or book.today()
            case = book.development.add_applicant(branch_id, data, day, group_id=extra["group_id"])
            cases.append(case.id)

        groups = book.roster.group_names(branch_id)
        dialog = PersonDialog(save, groups, None, self, applicant=True)
        reopen = {"dialog": "applicant-new"}
        dialog.keep_drafts(book.drafts, f"applicant:new:{branch_id}", dialog.windowTitle(), reopen)
        if Ask.exec_dialog(dialog) and cases:
            self.open_case(cases[0])
