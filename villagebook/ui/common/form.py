"""A dialog with a form whose service refusals show inline, next to each field.

``save()`` calls the service; an :class:`InputError` keeps the dialog open with the input
intact and puts each problem in red under its field (problems for unknown fields go on top).

Nothing typed is lost: the dialog remembers its fields' state as it opened, and closing it
with something changed (Cancel, Esc, the window's X) asks "save, discard or cancel?".  A
dialog given a draft key (:meth:`FormDialog.keep_drafts`) also keeps a draft while the
user types, offered back if the window was closed unexpectedly.  Dialogs that only choose
something (a record to print, a quarter) set ``guard_input = False``.

The form scrolls when it is taller than the screen, and the dialog is never narrower than
its problems need (no clipped or overlapping red text).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from villagebook.domain.common.errors import InputError, Problem
from villagebook.ui.common.guard import DraftKeeper, confirm_discard, set_state, state_of, watch
from villagebook.ui.common.screen import fit_dialog
from villagebook.ui.common.widgets import ProblemLabel

#: The narrowest a form dialog gets (in average character widths): room for a problem.
MIN_CHARS = 46


class FormDialog(QDialog):
    #: False: the dialog only chooses something; closing it never asks.
    guard_input = True

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """After a subclass's ``__init__`` has filled the form, remember its state."""
        super().__init_subclass__(**kwargs)
        if "__init__" in cls.__dict__:
            original = cls.__dict__["__init__"]

            @functools.wraps(original)
            def init(self: FormDialog, *args: Any, **kw: Any) -> None:
                original(self, *args, **kw)
                if type(self).__init__ is init:  # the outermost class's init is done
                    self._opened()

            cls.__init__ = init  # type: ignore[method-assign]

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.general = ProblemLabel()
        self.notice = QLabel()
        self.notice.setObjectName("draftNotice")
        self.notice.setStyleSheet("color: #0d47a1;")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.problem_labels: dict[str, ProblemLabel] = {}
        self.fields: dict[str, QWidget] = {}
        self._focus_chain: list[QWidget] = []
        self._clean: dict[str, Any] | None = None
        self.keeper: DraftKeeper | None = None
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        body = QWidget()
        body.setLayout(self.form)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.general)
        layout.addWidget(self.scroller, 1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * MIN_CHARS)

    def add_row(self, label: str, widget: QWidget, field: str | None = None) -> None:
        """A labelled field; ``field`` is the service's problem field name for it."""
        if field is None:
            self.form.addRow(label, widget)
            self.fields[f"_row{len(self.fields)}"] = widget
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
            self.fields[field] = widget
        self._focus_chain.append(widget)

    def finish_tab_order(self) -> None:
        chain = [*self._focus_chain, self.buttons]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        if self._focus_chain:
            self._focus_chain[0].setFocus()

    # --- what was typed ------------------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        """Every field's value as JSON values, by field name."""
        return {name: state_of(widget) for name, widget in self.fields.items()}

    def restore(self, state: dict[str, Any]) -> None:
        """Put the values of a :meth:`snapshot` back (a draft)."""
        for name, value in state.items():
            widget = self.fields.get(name)
            if widget is not None:
                set_state(widget, value)

    def is_dirty(self) -> bool:
        """True when a field differs from what the dialog opened with."""
        return self.guard_input and self._clean is not None and self.snapshot() != self._clean

    def _opened(self) -> None:
        self._clean = self.snapshot()
        fit_dialog(self)
        if self.keeper is not None:
            self._arm()

    def _arm(self) -> None:
        assert self.keeper is not None
        watch(self.fields.values(), self.keeper.changed)
        self._offer_draft()

    def keep_drafts(
        self, drafts: Any, key: str, title: str, reopen: dict[str, Any] | None = None
    ) -> None:
        """Keep a draft of the fields while the user types (call in ``__init__``).

        ``reopen`` says how to open this dialog again after a crash
        (:mod:`villagebook.ui.common.recovery`).
        """

        def payload() -> dict[str, Any] | None:
            if not self.is_dirty():
                return None
            return {"reopen": reopen or {}, "state": self.snapshot()}

        self.keeper = DraftKeeper(self, drafts, key, lambda: title, payload)
        if self._clean is not None:  # called after the form was filled: start now
            self._arm()

    def _offer_draft(self) -> None:
        """A draft of this very dialog is waiting (a crash): offer to put it back."""
        assert self.keeper is not None
        try:
            draft = self.keeper.drafts.load(self.keeper.key)
        except OSError:
            return
        if draft is not None and isinstance(draft.payload.get("state"), dict):
            self.apply_draft(draft)

    def apply_draft(self, draft: Any) -> None:
        """Put a draft's fields back (recovery after a crash) and say so."""
        self.restore(draft.payload["state"])
        text = self.tr("Restored what you typed at %1 (not saved yet).")
        self.notice.setText(text.replace("%1", draft.saved_at.strftime("%Y-%m-%d %H:%M")))
        self.notice.show()

    # --- closing ---------------------------------------------------------------------------

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
        if self.keeper is not None:
            self.keeper.finish()
        super().accept()

    def reject(self) -> None:
        """Cancel, Esc or the window's X: ask first when something was typed."""
        if self.is_dirty():
            answer = confirm_discard(self, self.windowTitle())
            if answer == "cancel":
                return
            if answer == "save":
                self.accept()
                return
        if self.keeper is not None:
            self.keeper.finish()
        super().reject()
