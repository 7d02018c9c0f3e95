"""工作台: gather what is due across the capabilities, in plain words (``book.agenda``).

One pass over the branch: the rule checks (with the notes of handled findings), this
month's, quarter's and year's required activities, the development steps due within 30
days or overdue, the deliberations waiting for a step and the publicity periods ending, the
records still in draft, and the last backup.  Where two sources say the same thing (a
missing meeting is also a finding), the item says it once, with the finding attached so it
can be marked as handled.  The window runs this off the UI thread.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from villagebook import paths
from villagebook.domain.common.agenda import (
    Agenda,
    AgendaItem,
    Section,
    Target,
    TargetKind,
    Urgency,
)
from villagebook.domain.common.calendar import cn_date
from villagebook.domain.common.findings import Finding, Severity
from villagebook.domain.common.i18n import _
from villagebook.domain.deliberations.values import DeliberationStatus
from villagebook.domain.development.values import Urgency as CardUrgency
from villagebook.domain.meetings.checks import KIND_OF_CODE, Duty, DutyState
from villagebook.domain.meetings.values import MeetingStatus
from villagebook.services import rule_texts

if TYPE_CHECKING:
    from villagebook.services.book import Book

#: A publicity period ending within this many days is on the home screen.
POSTING_DAYS = 7
#: Without a backup for this long the home screen says so.
BACKUP_DAYS = 7
_SEVERITY = {
    Severity.ERROR: Urgency.OVERDUE,
    Severity.DUE: Urgency.SOON,
    Severity.WARNING: Urgency.OPEN,
    Severity.INFO: Urgency.DONE,
}
#: Findings whose item another source already gives (an activity, a draft, a due step).
_CADENCE = frozenset(KIND_OF_CODE)


def detail_of(code: str) -> str:
    """The rule code and its source, for an item's detail line."""
    rule = rule_texts.rule_text(code)
    return f"{code} · {rule.source}" if rule is not None and rule.source else code


def _soon(due: dt.date, as_of: dt.date) -> Urgency:
    if due < as_of:
        return Urgency.OVERDUE
    return Urgency.SOON if (due - as_of).days <= 30 else Urgency.OPEN


def _what(duty: Duty) -> str:
    kind = duty.kind.label
    return _("{kind}（{group}）", kind=kind, group=duty.group_name) if duty.group_name else kind


def _duty_item(duty: Duty, as_of: dt.date) -> AgendaItem:
    period, what = duty.period.title, _what(duty)
    group = uuid.UUID(duty.group_id) if duty.group_id else None
    if duty.state is DutyState.HELD:
        days = _("、").join(cn_date(f.held_on) for f in duty.held)
        return AgendaItem(
            Urgency.DONE,
            Section.ACTIVITIES,
            _("{period}{what}：已召开（{days}）", period=period, what=what, days=days),
            detail_of(duty.code),
            target=Target(TargetKind.MEETING, uuid.UUID(duty.held[-1].id)),
            code=duty.code,
        )
    new = Target(
        TargetKind.NEW_MEETING,
        meeting_kind=duty.kind.value,
        group_id=group,
        day=as_of if duty.period.contains(as_of) else duty.period.end,
    )
    if duty.state is DutyState.MISSED:
        title = _("{period}没有召开{what}", period=period, what=what)
        return AgendaItem(
            Urgency.OVERDUE, Section.ACTIVITIES, title, detail_of(duty.code), None, new, duty.code
        )
    title = _(
        "{period}{what}尚未召开，请在{end}前召开",
        period=period,
        what=what,
        end=cn_date(duty.period.end),
    )
    urgency = _soon(duty.period.end, as_of)
    return AgendaItem(
        urgency, Section.ACTIVITIES, title, detail_of(duty.code), duty.period.end, new, duty.code
    )


def _finding_target(finding: Finding) -> Target:
    code, subject = finding.code, finding.subject_id
    subject_id = _uuid(subject)
    if code.startswith("MTG-") and code not in _CADENCE and subject_id is not None:
        return Target(TargetKind.MEETING, subject_id)
    if code.startswith("DEV-") and subject_id is not None:
        return Target(TargetKind.CASE, subject_id)
    if code.startswith("DLB-") and subject_id is not None:
        return Target(TargetKind.DELIBERATION, subject_id)
    if code in KIND_OF_CODE:
        group = subject_id if code == "MTG-GROUP-M" else None
        return Target(
            TargetKind.NEW_MEETING,
            meeting_kind=KIND_OF_CODE[code].value,
            group_id=group,
            day=finding.due,
        )
    if code.startswith("ORG-"):
        return Target(TargetKind.ROSTER)
    return Target()


def _uuid(value: str | None) -> uuid.UUID | None:
    try:
        return uuid.UUID(value) if value else None
    except ValueError:
        return None


def _finding_item(finding: Finding) -> AgendaItem:
    if finding.code in _CADENCE:  # the message names the period and the kind already
        title = finding.message
    else:
        title = _("{subject}：{message}", subject=finding.subject, message=finding.message)
    return AgendaItem(
        _SEVERITY[finding.severity],
        Section.FINDINGS,
        title,
        detail_of(finding.code),
        finding.due,
        _finding_target(finding),
        finding.code,
        finding,
    )


def _attach(item: AgendaItem, findings: list[Finding]) -> AgendaItem:
    """The item with the finding that says the same (so it can be marked handled)."""
    if not findings:
        return item
    finding = min(findings, key=lambda f: _SEVERITY[f.severity])
    urgency = min(item.urgency, _SEVERITY[finding.severity])
    return AgendaItem(
        urgency,
        item.section,
        item.title,
        item.detail,
        item.due or finding.due,
        item.target,
        item.code or finding.code,
        finding,
    )


class _Gather:
    def __init__(self, book: Book, branch_id: uuid.UUID, as_of: dt.date) -> None:
        self.book, self.branch_id, self.as_of = book, branch_id, as_of
        self.findings = book.checks.run(as_of=as_of, branch_id=branch_id)
        self.used: set[int] = set()

    def claim(self, match: Iterable[Finding]) -> list[Finding]:
        found = [f for f in match if id(f) not in self.used]
        self.used.update(id(f) for f in found)
        return found

    def activities(self) -> Iterator[AgendaItem]:
        for duty in self.book.meetings.duties(self.branch_id, self.as_of):
            item = _duty_item(duty, self.as_of)
            same = self.claim(
                f
                for f in self.findings
                if f.code == duty.code
                and f.period == duty.period.label
                and (duty.group_id is None or f.subject_id == duty.group_id)
            )
            yield _attach(item, same)

    def drafts(self) -> Iterator[AgendaItem]:
        start = dt.date(self.as_of.year - 2, 1, 1)
        for entry in self.book.meetings.entries(self.branch_id, start, self.as_of):
            if entry.status is not MeetingStatus.DRAFT:
                continue
            title = _(
                "{day} {kind}记录还是草稿，尚未定稿",
                day=cn_date(entry.held_on),
                kind=entry.kind.label,
            )
            item = AgendaItem(
                Urgency.OPEN,
                Section.DRAFTS,
                title,
                detail_of("MTG-RECORD-3WD"),
                target=Target(TargetKind.MEETING, entry.id),
                code="MTG-RECORD-3WD",
            )
            same = self.claim(
                f
                for f in self.findings
                if f.code == "MTG-RECORD-3WD" and f.subject_id == str(entry.id)
            )
            yield _attach(item, same)

    def development(self) -> Iterator[AgendaItem]:
        for card in self.book.development.board(self.branch_id, self.as_of):
            if card.urgency not in (CardUrgency.OVERDUE, CardUrgency.SOON) or card.due is None:
                continue
            what = card.next.what
            if card.next.code == "DEV-ASSESS-6M":
                what = _("半年考察")  # the next step waits; the assessment falls due
            elif card.next.code == "DEV-PROBATION-1Y":
                what = _("预备期满，讨论转正")
            if card.urgency is CardUrgency.OVERDUE:
                title = _(
                    "{name}：{what}已逾期（应于{due}前）",
                    name=card.name,
                    what=what,
                    due=cn_date(card.due),
                )
            else:
                title = _(
                    "{name}：{what}，应于{due}前完成",
                    name=card.name,
                    what=what,
                    due=cn_date(card.due),
                )
            code = card.next.code or ""
            item = AgendaItem(
                Urgency.OVERDUE if card.urgency is CardUrgency.OVERDUE else Urgency.SOON,
                Section.DEVELOPMENT,
                title,
                detail_of(code) if code else "",
                card.due,
                Target(TargetKind.CASE, card.case_id),
                code or None,
            )
            same = self.claim(
                f
                for f in self.findings
                if f.subject_id == str(card.case_id)
                and f.code == code
                and f.severity in (Severity.DUE, Severity.ERROR)
            )
            yield _attach(item, same)

    def deliberations(self) -> Iterator[AgendaItem]:
        book = self.book
        for summary in book.deliberations.summaries(self.branch_id, self.as_of):
            if summary.status.closed:
                continue
            target = Target(TargetKind.DELIBERATION, summary.id)
            if summary.next_step is not None and summary.status is DeliberationStatus.OPEN:
                title = _(
                    "“{title}”等待下一步：{step}", title=summary.title, step=summary.next_step.label
                )
                yield AgendaItem(Urgency.OPEN, Section.DELIBERATIONS, title, "", None, target)
            yield from self._posting(summary.id, summary.title, target)

    def _posting(
        self, deliberation_id: uuid.UUID, title: str, target: Target
    ) -> Iterator[AgendaItem]:
        detail = self.book.deliberations.detail(deliberation_id, self.as_of)
        publication = detail.last_publication
        if publication is None or publication.posted_from is None:
            return
        until = publication.posted_until
        if until is None:
            text = _(
                "“{title}”的{kind}自{start}起公示中，公示结束后请登记结束日期",
                title=title,
                kind=publication.kind.label,
                start=cn_date(publication.posted_from),
            )
            yield AgendaItem(
                Urgency.OPEN,
                Section.DELIBERATIONS,
                text,
                detail_of("DLB-PUBLICITY"),
                None,
                target,
                "DLB-PUBLICITY",
            )
        elif self.as_of <= until <= self.as_of + dt.timedelta(days=POSTING_DAYS):
            text = _(
                "“{title}”的{kind}公示期于{until}结束",
                title=title,
                kind=publication.kind.label,
                until=cn_date(until),
            )
            yield AgendaItem(
                Urgency.SOON,
                Section.DELIBERATIONS,
                text,
                detail_of("DLB-PUBLICITY"),
                until,
                target,
                "DLB-PUBLICITY",
            )

    def rest(self) -> Iterator[AgendaItem]:
        for finding in self.findings:
            if id(finding) in self.used:
                continue
            if finding.code in _CADENCE and finding.severity is Severity.DUE:
                continue  # the activities say it
            yield _finding_item(finding)


def last_backup(data_dir: Path) -> dt.datetime | None:
    """When the newest automatic backup was taken (from the files: nothing is opened)."""
    folder = paths.backups_dir(data_dir)
    if not folder.is_dir():
        return None
    times = [p.stat().st_mtime for p in folder.glob("*.sqlite3") if p.is_file()]
    return dt.datetime.fromtimestamp(max(times)) if times else None


def _backup_item(when: dt.datetime | None, today: dt.date) -> AgendaItem:
    target = Target(TargetKind.BACKUPS)
    if when is None:
        return AgendaItem(
            Urgency.OPEN,
            Section.BACKUP,
            _("还没有备份：请用“文件 → 备份到…”备份到U盘"),
            target=target,
        )
    text = _("上次备份：{when}", when=when.strftime("%Y-%m-%d %H:%M"))
    late = (today - when.date()).days > BACKUP_DAYS
    if late:
        text = _(
            "上次备份已是{days}天前（{when}），请及时备份",
            days=(today - when.date()).days,
            when=when.strftime("%Y-%m-%d"),
        )
    return AgendaItem(Urgency.OPEN if late else Urgency.DONE, Section.BACKUP, text, target=target)


def gather(book: Book, branch_id: uuid.UUID, as_of: dt.date | None = None) -> Agenda:
    """Everything due for the branch on ``as_of`` (default today), most urgent first."""
    day = as_of or book.today()
    found = _Gather(book, branch_id, day)
    items = [
        *found.activities(),
        *found.drafts(),
        *found.development(),
        *found.deliberations(),
    ]
    items += found.rest()
    when = last_backup(book.data_dir)
    items.append(_backup_item(when, day))
    agenda = Agenda(day, items, when)
    return Agenda(day, agenda.sorted(), when)
