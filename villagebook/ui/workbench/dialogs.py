"""The workbench's dialogs: mark a finding as handled (已处理), and what a rule says."""

from __future__ import annotations

import html
import uuid
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from villagebook.domain.common.findings import Finding, RuleText
from villagebook.ui.common.form import FormDialog
from villagebook.ui.common.screen import fit_dialog


class HandledDialog(FormDialog):
    """已处理: what was done about a finding; the recorder and the day are kept with it."""

    def __init__(
        self, ctx: Any, branch_id: uuid.UUID, finding: Finding, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Mark as handled"), parent)
        self.ctx, self.branch_id, self.finding = ctx, branch_id, finding
        what = QLabel(f"{finding.subject}：{finding.message}")
        what.setWordWrap(True)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(
            self.tr("What was done, e.g. 已于11月25日补开支委会，记录见2026-11-25")
        )
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(self.fontMetrics().height() * 5)
        who = QLabel(self.tr("Recorded as handled by %1, today.").replace("%1", ctx.book.actor))
        who.setStyleSheet("color: #555;")
        self.add_row(self.tr("Finding"), what)
        self.add_row(self.tr("Note"), self.note, "note")
        self.add_row("", who)
        self.finish_tab_order()

    def save(self) -> None:
        self.ctx.book.checks.mark_handled(self.branch_id, self.finding.key, self.note.toPlainText())


class RuleDialog(QDialog):
    """这条规则是什么: the rule in the interface language, its source, and the domain
    brief's own wording (DOMAIN.md)."""

    def __init__(self, rule: RuleText | None, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("What is this rule? %1").replace("%1", code))
        self.text = QTextBrowser()
        self.text.setObjectName("ruleText")
        self.text.setOpenExternalLinks(False)
        self.text.setHtml(self._html(rule, code))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        fit_dialog(self, self.fontMetrics().averageCharWidth() * 70, 360)

    def _html(self, rule: RuleText | None, code: str) -> str:
        esc = html.escape
        if rule is None:
            unknown = esc(self.tr("No text is known for this rule."))
            return f"<p><b>{esc(code)}</b></p><p>{unknown}</p>"
        source, default = esc(self.tr("Source")), esc(self.tr("Default"))
        parts = [
            f"<h3>{esc(code)}</h3>",
            f"<p style='font-size:large'>{esc(rule.text)}</p>",
            f"<p><b>{source}</b>：{esc(rule.source)}</p>",
        ]
        if rule.default:
            local = esc(self.tr("a county may change it"))
            parts.append(
                f"<p><b>{default}</b>：{esc(rule.default)}"
                f" <span style='color:#555'>({local})</span></p>"
            )
        where = esc(self.tr("In the domain brief (DOMAIN.md %1):").replace("%1", rule.section))
        parts.append(f"<p style='color:#555'>{where}<br><i>{esc(rule.domain_text)}</i></p>")
        return "".join(parts)
