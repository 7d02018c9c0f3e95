"""A dialog with a form whose service refusals show inline, next to each field.

``save()`` calls the service; an :class:`InputError` keeps the dialog open with the input
intact and puts each problem in red under its field (problems for unknown fields go on top).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from villagebook.domain.common.errors import InputError, Problem
from villagebook.ui.common.widgets import ProblemLabel


class FormDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.general = ProblemLabel()
        self.problem_labels: dict[str, ProblemLabel] = {}
        self._focus_chain: list[QWidget] = []
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.general)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    def add_row(self, label: str, widget: QWidget, field: str | None = None) -> None:
        """A labelled field; ``field`` is the service's problem field name for it."""
        if field is None:
            self.form.addRow(label, widget)
        else:
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            problem = ProblemLabel()
            problem.setObjectName(f"problem_{field}")
            column.addWidget(problem)
            self.problem_labels[field] = problem
            self.form.addRow(label, box)
        self._focus_chain.append(widget)

    def finish_tab_order(self) -> None:
        chain = [*self._focus_chain, self.buttons]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        if self._focus_chain:
            self._focus_chain[0].setFocus()

    def show_problems(self, problems: Sequence[Problem]) -> None:
        for label in self.problem_labels.values():
            label.show_text("")
        general: list[str] = []
        for problem in problems:
            name = problem.field.rsplit(".", 1)[-1]
            target = self.problem_labels.get(name)
            if target is None or target.parent() is None:
                general.append(problem.text())
            else:
                joined = f"{target.text()}\n" if target.text() else ""
                target.show_text(joined + problem.text())
        self.general.show_text("\n".join(general))

    def save(self) -> None:
        """Call the service; raise InputError to keep the dialog open.  Override."""

    def accept(self) -> None:
        try:
            self.save()
        except InputError as exc:
            self.show_problems(exc.problems)
            return
        except Exception as exc:
            from villagebook.ui.errors import show_error

            show_error(self, exc)
            return
        super().accept()
