"""Party member development as the Book offers it (发展党员: 5 stages, 25 steps).

One method per use case of the window and the command line, each in one transaction,
taking and returning domain values.  Recording a step moves the person's roster status in
the same transaction, so Edit ▸ Undo takes both back together.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from villagebook.domain.common.i18n import _
from villagebook.domain.development.values import (
    AssessmentRecord,
    BoardCard,
    DevelopmentCaseRecord,
    DevelopmentStepRecord,
    DocumentRecord,
    Ending,
    ExtensionRecord,
    MeetingChoice,
    PersonChoice,
    StepInput,
)
from villagebook.domain.roster.validation import PersonInput
from villagebook.services.capability import Capability
from villagebook.services.development import commands, queries


class DevelopmentApi(Capability):
    # --- reading ---------------------------------------------------------------------------

    def board(self, branch_id: uuid.UUID, as_of: dt.date | None = None) -> list[BoardCard]:
        """Open cases by stage with their next step and due date, most urgent first."""
        with self.core.reading() as session:
            return queries.board(session, branch_id, as_of or self.core.today(), self.core.rules())

    def case(self, case_id: uuid.UUID, as_of: dt.date | None = None) -> DevelopmentCaseRecord:
        """A case with its steps, documents, assessments, extension and timeline."""
        with self.core.reading() as session:
            day = as_of or self.core.today()
            return queries.case_record(session, case_id, day, self.core.rules())

    def case_of_person(self, person_id: uuid.UUID) -> DevelopmentCaseRecord | None:
        """The person's latest case, or None."""
        with self.core.reading() as session:
            found = queries.cases_of_person(session, person_id)
            if not found:
                return None
            day, rules = self.core.today(), self.core.rules()
            return queries.case_record(session, found[-1].id, day, rules)

    def startable_people(self, branch_id: uuid.UUID) -> list[PersonChoice]:
        """Who a case may be started for: not yet a full member, no case open."""
        with self.core.reading() as session:
            return queries.startable_people(session, branch_id)

    def people_with_cases(self, branch_id: uuid.UUID) -> list[PersonChoice]:
        """Everyone with a development case (whose dossier can be printed)."""
        with self.core.reading() as session:
            return queries.people_with_cases(session, branch_id)

    def role_candidates(self, branch_id: uuid.UUID, day: dt.date) -> list[PersonChoice]:
        """Full members on ``day``: who may be talker, cultivation contact or introducer."""
        with self.core.reading() as session:
            return queries.role_candidates(session, branch_id, day)

    def general_meetings(self, branch_id: uuid.UUID) -> list[MeetingChoice]:
        """The branch general meetings a meeting step (15, 23) may link to."""
        with self.core.reading() as session:
            return queries.general_meetings(session, branch_id)

    # --- changing --------------------------------------------------------------------------

    def start_case(
        self,
        branch_id: uuid.UUID,
        person_id: uuid.UUID,
        applied_on: dt.date | None = None,
        *,
        historical: bool = False,
    ) -> DevelopmentCaseRecord:
        """Open a case for a roster person; with ``applied_on`` step 1 is recorded too."""
        today, rules = self.core.today(), self.core.rules()
        with self.core.transaction(_("开始发展党员程序")) as session:
            case = commands.start_case(
                session,
                branch_id,
                person_id,
                applied_on=applied_on,
                historical=historical,
                as_of=today,
                rules=rules,
            )
            return queries.case_record(session, case.id, today, rules)

    def add_applicant(
        self,
        branch_id: uuid.UUID,
        data: PersonInput,
        applied_on: dt.date,
        *,
        group_id: uuid.UUID | None = None,
    ) -> DevelopmentCaseRecord:
        """One path for a new applicant: the person joins the roster as 入党申请人 and their
        development case opens with step 1 (the application) recorded, in one step."""
        today, rules = self.core.today(), self.core.rules()
        with self.core.transaction(_("登记入党申请人")) as session:
            case = commands.add_applicant(
                session, branch_id, data, applied_on, group_id=group_id, as_of=today, rules=rules
            )
            return queries.case_record(session, case.id, today, rules)

    def record_development_step(
        self, case_id: uuid.UUID, data: StepInput, *, historical: bool = False
    ) -> DevelopmentStepRecord:
        """Record one step; the person's roster status follows where the workflow says so."""
        label = _("记录发展党员第{n}步", n=data.number)
        with self.core.transaction(label) as session:
            step = commands.record_development_step(
                session,
                case_id,
                data,
                historical=historical,
                as_of=self.core.today(),
                rules=self.core.rules(),
            )
            return queries.step_record(step, queries.people_of(session, step.id))

    def add_assessment(
        self, case_id: uuid.UUID, assessed_on: dt.date, note: str = ""
    ) -> AssessmentRecord:
        """A half-yearly assessment of an activist (DEV-ASSESS-6M)."""
        with self.core.transaction(_("登记积极分子考察")) as session:
            row = commands.add_assessment(
                session, case_id, assessed_on, note=note, as_of=self.core.today()
            )
            return queries.assessment_record(row)

    def extend_probation(
        self, case_id: uuid.UUID, decided_on: dt.date, months: int, reason: str
    ) -> ExtensionRecord:
        """Extend the probation once, by 6 to 12 months, with a reason (DEV-EXTENSION)."""
        with self.core.transaction(_("延长预备期")) as session:
            row = commands.extend_probation(
                session,
                case_id,
                decided_on,
                months,
                reason=reason,
                as_of=self.core.today(),
                rules=self.core.rules(),
            )
            return queries.extension_record(row)

    def end_case(
        self, case_id: uuid.UUID, ending: Ending, ended_on: dt.date, reason: str
    ) -> DevelopmentCaseRecord:
        """End a case early (本人撤回 / 取消资格 / 迁出); the roster status follows."""
        today = self.core.today()
        with self.core.transaction(_("终止发展党员程序")) as session:
            commands.end_case(session, case_id, ending, ended_on, reason=reason, as_of=today)
            return queries.case_record(session, case_id, today, self.core.rules())

    def attach_document(
        self, step_id: uuid.UUID, source: Path, kind: str, note: str = ""
    ) -> DocumentRecord:
        """Keep a scan or PDF with a recorded step (its SHA-256 is recorded)."""
        with self.core.transaction(_("添加发展党员材料")) as session:
            row = commands.attach_document(
                session, self.core.data_dir, step_id, source, kind=kind, note=note
            )
            return queries.document_record(row, queries.get_step(session, step_id).number)
