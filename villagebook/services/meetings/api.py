"""三会一课 and other organisational life as the Book offers it.

Every method is one use case in one transaction; it takes and returns domain values
(:mod:`villagebook.domain.meetings.values`) and refuses with a ``UserError`` naming the
field.  Saving a draft, deleting a draft, amending and planning are undoable from Edit ▸
Undo; finalising a record is not (``undoable=False``: a finalised record is an archive).
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from villagebook.domain.common.i18n import _
from villagebook.domain.meetings import validation
from villagebook.domain.meetings.checks import Duty, duties
from villagebook.domain.meetings.periods import (
    MeetingEntry,
    PeriodGrid,
    PlanItemInput,
    QuarterPlan,
)
from villagebook.domain.meetings.requirements import Need, RecordContent, missing
from villagebook.domain.meetings.values import (
    TOPIC_TEMPLATES,
    AmendmentRecord,
    AttachmentRecord,
    AttendanceInput,
    EntryDefaults,
    MeetingInput,
    MeetingKind,
    MeetingRecord,
    MeetingSummary,
    Presence,
)
from villagebook.domain.roster.values import RosterEntry
from villagebook.services.capability import Capability
from villagebook.services.checks import CheckContext
from villagebook.services.meetings import commands, queries
from villagebook.services.meetings.checks import cadence_input
from villagebook.services.roster import queries as roster_queries


class MeetingsApi(Capability):
    # --- reading --------------------------------------------------------------------------

    def record(self, meeting_id: uuid.UUID) -> MeetingRecord:
        """One record with its attendance."""
        with self.core.reading() as session:
            return queries.record(session, meeting_id)

    def records(
        self,
        branch_id: uuid.UUID,
        start: dt.date | None = None,
        end: dt.date | None = None,
        kind: MeetingKind | None = None,
    ) -> list[MeetingRecord]:
        """The branch's records between ``start`` and ``end`` (inclusive), with attendance."""
        with self.core.reading() as session:
            return queries.records(session, branch_id, start, end, kind)

    def entries(self, branch_id: uuid.UUID, start: dt.date, end: dt.date) -> list[MeetingEntry]:
        """The branch's records in a period as lists show them (by date)."""
        with self.core.reading() as session:
            return queries.entries(session, branch_id, start, end)

    def period_grid(self, branch_id: uuid.UUID, year: int) -> PeriodGrid:
        """The year's months × kinds with the records held (the period calendar)."""
        with self.core.reading() as session:
            return queries.period_grid(session, branch_id, year)

    def amendments(self, meeting_id: uuid.UUID) -> list[AmendmentRecord]:
        with self.core.reading() as session:
            return [queries.amendment_record(a) for a in queries.amendments_of(session, meeting_id)]

    def attachments(self, meeting_id: uuid.UUID) -> list[AttachmentRecord]:
        with self.core.reading() as session:
            rows = queries.attachments_of(session, meeting_id)
            return [queries.attachment_record(self.core.data_dir, a) for a in rows]

    # --- what the editor offers -----------------------------------------------------------

    def defaults(self, branch_id: uuid.UUID) -> EntryDefaults:
        """Fast entry: the last place, host and recorder (else the secretary as host)."""
        with self.core.reading() as session:
            return queries.last_defaults(session, branch_id)

    def places(self, branch_id: uuid.UUID) -> list[str]:
        """Places used before, most recent first."""
        with self.core.reading() as session:
            return queries.places(session, branch_id)

    def topic_templates(self) -> tuple[str, ...]:
        return TOPIC_TEMPLATES

    def members_on(self, branch_id: uuid.UUID, day: dt.date) -> list[RosterEntry]:
        """Members on ``day``: the host, recorder, lecturer and speaker choices."""
        with self.core.reading() as session:
            return queries.members_on(session, branch_id, day)

    def expected_attendance(
        self,
        branch_id: uuid.UUID,
        kind: MeetingKind,
        day: dt.date,
        group_id: uuid.UUID | None = None,
    ) -> list[AttendanceInput]:
        """The default attendance grid: everyone expected on ``day``, marked present."""
        with self.core.reading() as session:
            roster = roster_queries.roster_on(session, branch_id, day)
        return validation.expected_attendance(roster, kind, group_id)

    # --- drafts ---------------------------------------------------------------------------

    def create(self, branch_id: uuid.UUID, data: MeetingInput) -> MeetingRecord:
        """Save a new draft record."""
        with self.core.transaction(_("新建会议记录")) as session:
            meeting = commands.create(session, branch_id, data, as_of=self.core.today())
            return queries.record(session, meeting.id)

    def update(self, meeting_id: uuid.UUID, data: MeetingInput) -> MeetingRecord:
        """Replace the contents of a draft record."""
        with self.core.transaction(_("保存会议记录")) as session:
            commands.update(session, meeting_id, data, as_of=self.core.today())
            return queries.record(session, meeting_id)

    def delete_draft(self, meeting_id: uuid.UUID) -> None:
        with self.core.transaction(_("删除会议记录草稿")) as session:
            commands.delete_draft(session, meeting_id)

    def finalise(self, meeting_id: uuid.UUID, on: dt.date | None = None) -> MeetingRecord:
        """Lock the record (定稿) on ``on`` (default today); this cannot be undone."""
        with self.core.transaction(_("定稿会议记录"), undoable=False) as session:
            today = self.core.today()
            commands.finalise(session, meeting_id, on=on or today, as_of=today)
            return queries.record(session, meeting_id)

    def finalise_input(
        self,
        branch_id: uuid.UUID,
        meeting_id: uuid.UUID | None,
        data: MeetingInput,
        on: dt.date | None = None,
    ) -> MeetingRecord:
        """The editor's 定稿: save ``data`` (a new record, or the draft ``meeting_id``) and lock
        it, all or nothing: a refused record leaves no draft behind.  Cannot be undone."""
        with self.core.transaction(_("定稿会议记录"), undoable=False) as session:
            today = self.core.today()
            if meeting_id is None:
                meeting = commands.create(session, branch_id, data, as_of=today)
            else:
                meeting = commands.update(session, meeting_id, data, as_of=today)
            commands.finalise(session, meeting.id, on=on or today, as_of=today)
            return queries.record(session, meeting.id)

    def missing_for_final(self, data: MeetingInput) -> list[Need]:
        """What a record of its kind still lacks to be finalised (for the editor's hints)."""
        return missing(RecordContent.of_input(data))

    # --- corrections of finalised records -------------------------------------------------

    def amend(
        self, meeting_id: uuid.UUID, field_name: str, new_value: str, reason: str
    ) -> AmendmentRecord:
        """Correct one field of a finalised record; the old value and the reason are kept."""
        with self.core.transaction(_("登记更正")) as session:
            row = commands.amend(
                session, meeting_id, field_name, new_value, reason, on=self.core.today()
            )
            return queries.amendment_record(row)

    def amend_attendance(
        self,
        meeting_id: uuid.UUID,
        person_id: uuid.UUID,
        presence: Presence,
        presence_reason: str,
        reason: str,
    ) -> AmendmentRecord:
        """Correct one person's attendance of a finalised record."""
        with self.core.transaction(_("登记更正")) as session:
            row = commands.amend_attendance(
                session,
                meeting_id,
                person_id,
                presence,
                presence_reason,
                reason,
                on=self.core.today(),
            )
            return queries.amendment_record(row)

    def add_attachment(
        self, meeting_id: uuid.UUID, source: Path, *, kind: str = "", reason: str = ""
    ) -> AttachmentRecord:
        """Keep a file with the record (a finalised record needs a reason: a correction)."""
        with self.core.transaction(_("添加附件")) as session:
            row = commands.add_attachment(
                session,
                self.core.data_dir,
                meeting_id,
                source,
                kind=kind,
                reason=reason,
                on=self.core.today(),
            )
            return queries.attachment_record(self.core.data_dir, row)

    # --- quarterly plans ------------------------------------------------------------------

    def plan(self, branch_id: uuid.UUID, year: int, quarter: int) -> QuarterPlan | None:
        with self.core.reading() as session:
            row = queries.plan_for(session, branch_id, year, quarter)
            return queries.quarter_plan(session, row) if row else None

    def save_plan(
        self,
        branch_id: uuid.UUID,
        year: int,
        quarter: int,
        items: list[PlanItemInput],
        *,
        filed_on: dt.date | None = None,
        note: str = "",
    ) -> QuarterPlan:
        """File (or re-file) the plan of a quarter; items already started are kept."""
        with self.core.transaction(_("保存季度计划")) as session:
            row = commands.save_plan(
                session,
                branch_id,
                year,
                quarter,
                items,
                filed_on=filed_on or self.core.today(),
                note=note,
            )
            return queries.quarter_plan(session, row)

    def add_plan_item(
        self, branch_id: uuid.UUID, year: int, quarter: int, item: PlanItemInput
    ) -> QuarterPlan:
        """Plan one more meeting in the quarter."""
        with self.core.transaction(_("保存季度计划")) as session:
            row = commands.add_plan_item(
                session, branch_id, year, quarter, item, filed_on=self.core.today()
            )
            return queries.quarter_plan(session, row)

    def start_planned(self, item_id: uuid.UUID) -> MeetingRecord:
        """The planned meeting becomes a draft record with the usual defaults."""
        with self.core.transaction(_("生成会议记录")) as session:
            meeting = commands.start_planned(session, item_id, as_of=self.core.today())
            return queries.record(session, meeting.id)

    # --- the home screen ------------------------------------------------------------------

    def duties(self, branch_id: uuid.UUID, as_of: dt.date | None = None) -> list[Duty]:
        """This month's, quarter's and year's required activities: held, due or missed."""
        day = as_of or self.core.today()
        with self.core.reading() as session:
            branch = roster_queries.get_branch(session, branch_id)
            ctx = CheckContext(branch=branch, as_of=day, rules=self.core.rules())
            return duties(cadence_input(session, ctx), ctx.rules)

    # --- what other capabilities' windows read --------------------------------------------

    def summary(self, meeting_id: uuid.UUID) -> MeetingSummary | None:
        with self.core.reading() as session:
            return queries.meeting_summary(session, meeting_id)

    def general_meetings(
        self, branch_id: uuid.UUID, start: dt.date | None = None, end: dt.date | None = None
    ) -> list[MeetingSummary]:
        """Branch general meetings (支部党员大会) in a period, by date."""
        with self.core.reading() as session:
            return queries.general_meetings(session, branch_id, start, end)
