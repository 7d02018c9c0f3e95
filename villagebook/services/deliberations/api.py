"""四议两公开 as the Book offers it: deliberations (事项) in six ordered steps.

Each method is one use case in one transaction; every change joins the undo history
(Edit ▸ Undo), recording a step included.  The verdicts use the default rule set, as the
window always has (the data folder's ``rules.json`` applies to ``villagebook check``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from villagebook.domain.common.findings import Finding
from villagebook.domain.common.i18n import _
from villagebook.domain.deliberations.values import (
    DeliberationDetail,
    DeliberationInput,
    DeliberationRecord,
    DeliberationStepInput,
    DeliberationStepRecord,
    DeliberationSummary,
    LinkedMeeting,
    TextVersion,
)
from villagebook.domain.deliberations.workflow import DeliberationStepDef
from villagebook.services.capability import Capability
from villagebook.services.deliberations import commands, queries


class DeliberationsApi(Capability):
    # --- reading ---------------------------------------------------------------------------

    def summaries(
        self, branch_id: uuid.UUID, as_of: dt.date | None = None
    ) -> list[DeliberationSummary]:
        """Every round of the branch, newest first: last and next step, rule codes."""
        with self.core.reading() as session:
            return queries.summaries(session, branch_id, as_of or self.core.today())

    def deliberations(self, branch_id: uuid.UUID) -> list[DeliberationRecord]:
        """Every round of the branch, newest first."""
        with self.core.reading() as session:
            rows = queries.list_deliberations(session, branch_id)
            return [queries.deliberation_record(r) for r in rows]

    def get(self, deliberation_id: uuid.UUID) -> DeliberationRecord:
        with self.core.reading() as session:
            return queries.deliberation_record(queries.get_deliberation(session, deliberation_id))

    def detail(
        self, deliberation_id: uuid.UUID, as_of: dt.date | None = None
    ) -> DeliberationDetail:
        """One round step by step, with its texts, the previous round and its findings."""
        with self.core.reading() as session:
            return queries.detail(session, deliberation_id, as_of or self.core.today())

    def input_of(self, deliberation_id: uuid.UUID) -> DeliberationInput:
        """The header and working text as the edit dialog starts from."""
        with self.core.reading() as session:
            row = queries.get_deliberation(session, deliberation_id)
            return queries.deliberation_input(session, row)

    def rounds(self, deliberation_id: uuid.UUID) -> list[DeliberationRecord]:
        """Every round of the deliberation, first to last."""
        with self.core.reading() as session:
            row = queries.get_deliberation(session, deliberation_id)
            return [queries.deliberation_record(r) for r in queries.rounds_of(session, row)]

    def steps(self, deliberation_id: uuid.UUID) -> list[DeliberationStepRecord]:
        """The recorded steps, in workflow order."""
        with self.core.reading() as session:
            rows = queries.steps_of(session, deliberation_id)
            return [queries.step_record(session, s) for s in rows]

    def texts(self, deliberation_id: uuid.UUID) -> list[TextVersion]:
        """The versions of the text, oldest first (the last is the working text)."""
        with self.core.reading() as session:
            return [queries.text_version(t) for t in queries.texts_of(session, deliberation_id)]

    def next_step(self, deliberation_id: uuid.UUID) -> DeliberationStepDef | None:
        """What is next for an open round (None when closed or complete)."""
        with self.core.reading() as session:
            return queries.next_step(session, queries.get_deliberation(session, deliberation_id))

    def findings(self, deliberation_id: uuid.UUID, as_of: dt.date | None = None) -> list[Finding]:
        with self.core.reading() as session:
            row = queries.get_deliberation(session, deliberation_id)
            return queries.findings_of(session, row, as_of or self.core.today())

    def voting_members(self, branch_id: uuid.UUID, day: dt.date) -> int:
        """Voting Party members on ``day``: the expected count of a member meeting."""
        with self.core.reading() as session:
            return queries.voting_members(session, branch_id, day)

    def general_meetings(self, branch_id: uuid.UUID) -> list[LinkedMeeting]:
        """The general meeting records (三会一课) a member meeting step may link to."""
        with self.core.reading() as session:
            return queries.general_meetings(session, branch_id)

    # --- changes ---------------------------------------------------------------------------

    def create(self, branch_id: uuid.UUID, data: DeliberationInput) -> DeliberationRecord:
        """A new deliberation with its proposal as the first version of the text."""
        with self.core.transaction(_("新建事项“{title}”", title=data.title.strip())) as session:
            row = commands.create_deliberation(session, branch_id, data)
            return queries.deliberation_record(row)

    def update(self, deliberation_id: uuid.UUID, data: DeliberationInput) -> DeliberationRecord:
        """Change title, category, amount and note (before the first step only)."""
        with self.core.transaction(_("修改事项“{title}”", title=data.title.strip())) as session:
            row = commands.update_deliberation(session, deliberation_id, data)
            return queries.deliberation_record(row)

    def edit_text(self, deliberation_id: uuid.UUID, body: str) -> TextVersion:
        """Edit the working text (a decided version stays; the edit becomes the next one)."""
        with self.core.transaction(_("修改事项内容")) as session:
            return queries.text_version(commands.edit_text(session, deliberation_id, body))

    def record_step(
        self, deliberation_id: uuid.UUID, data: DeliberationStepInput
    ) -> list[DeliberationStepRecord]:
        """Record the next step (steps 1 and 2 together for a joint 一肩挑 entry)."""
        label = _("登记“{step}”", step=data.kind.label)
        with self.core.transaction(label) as session:
            rows = commands.record_deliberation_step(
                session, deliberation_id, data, today=self.core.today()
            )
            return [queries.step_record(session, r, photos=0) for r in rows]

    def end_publication(self, step_id: uuid.UUID, posted_until: dt.date) -> DeliberationStepRecord:
        """The last day a publication that was still posted stayed up."""
        with self.core.transaction(_("登记公开结束日期")) as session:
            step = commands.end_publication(session, step_id, posted_until, today=self.core.today())
            return queries.step_record(session, step)

    def attach_photo(self, step_id: uuid.UUID, source: Path, note: str = "") -> uuid.UUID:
        """Keep a photo (or scan) of the posting with a publication step; its id."""
        with self.core.transaction(_("添加公开照片")) as session:
            photo = commands.attach_photo(session, self.core.data_dir, step_id, source, note)
            return photo.id

    def withdraw(self, deliberation_id: uuid.UUID, reason: str, day: dt.date) -> DeliberationRecord:
        """The branch withdraws the deliberation (撤回) on ``day``."""
        with self.core.transaction(_("撤回事项")) as session:
            row = commands.withdraw(session, deliberation_id, reason, day, today=self.core.today())
            return queries.deliberation_record(row)

    def reject(self, deliberation_id: uuid.UUID, reason: str, day: dt.date) -> DeliberationRecord:
        """The deliberation was not approved (未通过) on ``day``."""
        with self.core.transaction(_("登记事项未通过")) as session:
            row = commands.reject(session, deliberation_id, reason, day, today=self.core.today())
            return queries.deliberation_record(row)

    def repropose(
        self, deliberation_id: uuid.UUID, *, text: str | None = None, title: str | None = None
    ) -> DeliberationRecord:
        """Propose a rejected round again: the next round, linked to this one."""
        with self.core.transaction(_("重新提议事项")) as session:
            row = commands.repropose(session, deliberation_id, text=text, title=title)
            return queries.deliberation_record(row)
