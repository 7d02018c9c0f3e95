"""The detail pane of the 四议两公开 page: one round step by step, as HTML.

It shows what the decision record prints (date, place, attendance with its basis, votes,
verdict, the text each step decided), in the interface language.
"""

from __future__ import annotations

import datetime as dt
import html
import re

from PySide6.QtCore import QObject

from villagebook.domain.deliberations.amounts import format_amount
from villagebook.domain.deliberations.values import (
    Counts,
    DeliberationDetail,
    DeliberationRecord,
    DeliberationStepRecord,
    DeliberationVerdict,
    StepKind,
)
from villagebook.domain.deliberations.workflow import workflow

e = html.escape


_PLACEHOLDER = re.compile(r"%([1-9])")


def fill(text: str, *args: object) -> str:
    """``text`` with ``%1``, ``%2``, … replaced by ``args`` (in one pass, so a value that
    itself contains ``%2`` stays as it is)."""

    def value(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return str(args[number - 1]) if number <= len(args) else match.group(0)

    return _PLACEHOLDER.sub(value, text)


class DetailHtml(QObject):
    """Builds the pane's HTML (a QObject so its texts translate in their own context)."""

    def day(self, value: dt.date | None) -> str:
        """A date as the interface writes it (2026-04-25, or 2026年4月25日)."""
        if value is None:
            return ""
        # %4 and %5 are the month and day without leading zeros (for the Chinese form).
        text = self.tr("%1-%2-%3")
        return fill(
            text, value.year, f"{value.month:02d}", f"{value.day:02d}", value.month, value.day
        )

    def separator(self) -> str:
        """What stands between two facts on a line (a wide space in Chinese)."""
        pair = self.tr("%1 | %2")
        return pair[pair.index("%1") + 2 : pair.index("%2")]

    def round(self, record: DeliberationRecord) -> str:
        return fill(self.tr("Round %1"), record.round_no)

    def render(self, detail: DeliberationDetail) -> str:
        record = detail.deliberation
        sep = self.separator()
        facts = [
            record.category.label,
            format_amount(record.amount_fen) or self.tr("not applicable"),
            self.round(record),
            workflow(record.workflow).label,
        ]
        status = record.status.label
        if record.status_reason:
            status = fill(self.tr("%1: %2"), status, record.status_reason)
        parts = [
            f"<h3>{e(record.title)}</h3>",
            f"<p>{sep.join(e(f) for f in facts)}<br/>{e(status)}",
        ]
        if detail.previous is not None:
            previous = detail.previous
            text = fill(
                self.tr("%1: %2 (%3)"),
                self.round(previous),
                previous.status.label,
                previous.status_reason,
            )
            line = fill(self.tr("Previous round: %1"), text)
            parts.append(f"<br/>{e(line)}")
        parts.append("</p>")
        if detail.findings:
            items = "".join(f"<li>{e(f.code + sep + f.message)}</li>" for f in detail.findings)
            parts.append(f"<ul style='color:#b00020'>{items}</ul>")
        flow = workflow(record.workflow)
        for number, step_def in enumerate(flow.steps, 1):
            parts.append(self.step(number, step_def.kind, detail))
        return "".join(parts)

    def counts(self, counts: Counts | None) -> tuple[str, str]:
        if counts is None or counts.expected is None:
            return "", ""
        attendance = fill(
            self.tr("expected %1, present %2 (basis: %3)"),
            counts.expected,
            counts.present or 0,
            counts.basis.label,
        )
        if counts.yes is None:
            return attendance, ""
        votes = fill(
            self.tr("yes %1, no %2, abstain %3"), counts.yes, counts.no or 0, counts.abstain or 0
        )
        return attendance, votes

    def form(self, step: DeliberationStepRecord) -> str:
        if step.kind is not StepKind.VILLAGER_DECISION or step.counts is None:
            return ""
        if step.counts.basis.is_assembly:
            return self.tr("villagers' assembly")
        return self.tr("villagers' representatives' meeting")

    def posting(self, step: DeliberationStepRecord) -> str:
        if step.posted_from is None:
            return ""
        channels = self.tr(", ").join(c.label for c in step.channels)
        until = self.day(step.posted_until) if step.posted_until else self.tr("still posted")
        return fill(self.tr("%1; %2 to %3"), channels, self.day(step.posted_from), until)

    def verdict(self, step: DeliberationStepRecord) -> str:
        if step.verdict is DeliberationVerdict.RECORDED:
            verdict = self.tr("Done")
        else:
            verdict = step.verdict.label
        if step.held_with_previous:
            verdict += self.tr(" (held together with the previous step)")
        return verdict

    def facts(self, step: DeliberationStepRecord) -> list[str]:
        posting = self.posting(step)
        if posting:
            facts = [posting]
        else:
            linked = self.tr(" (linked to the general meeting record)") if step.meeting_id else ""
            facts = [self.day(step.date) + linked, step.place]
        attendance, votes = self.counts(step.effective_counts)
        facts += [self.form(step), attendance, votes]
        if step.notice_on:
            facts.append(fill(self.tr("Notice given on %1"), self.day(step.notice_on)))
        if posting:
            facts.append(self.tr("%n photo(s)", "", step.photos))
        return facts

    def step(self, number: int, kind: StepKind, detail: DeliberationDetail) -> str:
        step = detail.step(kind)
        if step is None:
            heading = fill(self.tr("%1. %2: not yet taken"), number, kind.label)
            return f"<h4 style='color:#888'>{e(heading)}</h4>"
        sep = self.separator()
        line = sep.join(e(f) for f in self.facts(step) if f)
        text = detail.text(step.text_id)
        version = fill(self.tr("Version %1"), text.version) if text else ""
        body = e(text.body if text else "").replace("\n", "<br/>")
        verdict = e(self.verdict(step))
        colon = e(self.tr(": "))
        return (
            f"<h4>{number}. {e(kind.label)}{sep}<span style='color:#1b5e20'>{verdict}</span>"
            f"</h4><p>{line}</p><p style='margin-left:12px;color:#333'>"
            f"<b>{e(version)}</b>{colon}{body}</p>"
        )


def detail_html(detail: DeliberationDetail) -> str:
    return DetailHtml().render(detail)
