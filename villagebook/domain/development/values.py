"""Party member development's values (发展党员): who is named on a step, how a case ends,
what the window hands in (inputs) and what the Book hands out (records).

Storage rows never leave the services; these are what travels between the Book, the
window and the command line.  Labels are kept as data (``N_``) and translated where shown.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from villagebook.domain.common.i18n import N_, _, label
from villagebook.domain.roster.values import PartyStatus

if TYPE_CHECKING:  # the workflow definition imports the enums below
    from villagebook.domain.development.workflow import DevelopmentStepDef, DevelopmentWorkflow


class Role(StrEnum):
    """People named on a step."""

    TALKER = "talker"  # 谈话人
    CONTACT = "contact"  # 培养联系人
    INTRODUCER = "introducer"  # 入党介绍人
    HIGHER_TALKER = "higher_talker"  # 上级党委派出的谈话人

    @property
    def label(self) -> str:
        return label(ROLE_LABELS[self])


ROLE_LABELS = {
    Role.TALKER: N_("谈话人"),
    Role.CONTACT: N_("培养联系人"),
    Role.INTRODUCER: N_("入党介绍人"),
    Role.HIGHER_TALKER: N_("上级党委谈话人"),
}


class Ending(StrEnum):
    """How a case may end before its last step."""

    WITHDRAWN = "withdrawn"
    DISQUALIFIED = "disqualified"
    MOVED_AWAY = "moved_away"

    @property
    def label(self) -> str:
        return label(ENDING_LABELS[self])


ENDING_LABELS = {
    Ending.WITHDRAWN: N_("本人撤回"),
    Ending.DISQUALIFIED: N_("取消资格"),
    Ending.MOVED_AWAY: N_("迁出"),
}

#: What an early ending does to the roster status (None: leave it to the roster).
ENDING_STATUS: dict[Ending, PartyStatus | None] = {
    Ending.WITHDRAWN: PartyStatus.MASSES,
    Ending.DISQUALIFIED: PartyStatus.MASSES,
    Ending.MOVED_AWAY: None,
}


class CaseState(StrEnum):
    OPEN = "open"
    ENDED = "ended"  # ended early (see Ending)
    COMPLETED = "completed"  # the last step recorded

    @property
    def label(self) -> str:
        return label(CASE_STATE_LABELS[self])


CASE_STATE_LABELS = {
    CaseState.OPEN: N_("进行中"),
    CaseState.ENDED: N_("已终止"),
    CaseState.COMPLETED: N_("已完成"),
}

#: Statuses from which a case may be started: not yet a full member (a probationary
#: member's file may be entered afterwards, its earlier steps filling in the history).
STARTABLE = frozenset(
    {
        PartyStatus.MASSES,
        PartyStatus.APPLICANT,
        PartyStatus.ACTIVIST,
        PartyStatus.TARGET,
        PartyStatus.PROBATIONARY,
    }
)


class Urgency(StrEnum):
    """How close a board card's due date is."""

    OVERDUE = "overdue"
    SOON = "soon"
    LATER = "later"
    NONE = "none"


class TimelineState(StrEnum):
    """A step on a case's timeline: done, the next one (due or overdue), or not yet."""

    DONE = "done"
    OVERDUE = "overdue"
    DUE = "due"
    WAITING = "waiting"


@dataclass(frozen=True)
class Ballot:
    """Attendance and secret-ballot counts of a general meeting (voting members only)."""

    expected_voting: int
    present_voting: int
    yes: int
    no: int = 0
    abstain: int = 0
    written_yes: int = 0  # written opinions of absent voting members, counted as yes


# --- inputs -----------------------------------------------------------------------------


@dataclass
class StepPersonInput:
    """Someone to name on a step: a roster person, or (for outsiders) just a name."""

    role: Role
    person_id: uuid.UUID | None = None
    name: str = ""


@dataclass
class StepInput:
    """What the step editor (or a command) hands over for one development step."""

    number: int
    done_on: dt.date
    people: list[StepPersonInput] = field(default_factory=list)
    meeting_id: uuid.UUID | None = None
    ballot: Ballot | None = None
    training_days: float | None = None
    training_hours: float | None = None
    publicity_from: dt.date | None = None
    publicity_to: dt.date | None = None
    result: str = ""
    reason: str = ""
    note: str = ""


# --- records the Book hands out ---------------------------------------------------------


@dataclass(frozen=True)
class StepPersonRecord:
    role: Role
    person_id: uuid.UUID | None
    name: str


@dataclass(frozen=True)
class DevelopmentStepRecord:
    """One recorded step of a case (its date and counts as stored)."""

    id: uuid.UUID
    case_id: uuid.UUID
    number: int
    done_on: dt.date
    meeting_id: uuid.UUID | None
    ballot: Ballot | None
    training_days: float | None
    training_hours: float | None
    publicity_from: dt.date | None
    publicity_to: dt.date | None
    result: str
    reason: str
    note: str
    people: tuple[StepPersonRecord, ...] = ()


@dataclass(frozen=True)
class AssessmentRecord:
    """A half-yearly assessment of an activist (培养考察)."""

    id: uuid.UUID
    case_id: uuid.UUID
    assessed_on: dt.date
    note: str


@dataclass(frozen=True)
class ExtensionRecord:
    """A probation extension (延长预备期)."""

    id: uuid.UUID
    case_id: uuid.UUID
    decided_on: dt.date
    months: int
    reason: str


@dataclass(frozen=True)
class DocumentRecord:
    """A document kept with a step (入党申请书, 思想汇报, ...)."""

    id: uuid.UUID
    step_id: uuid.UUID
    step_number: int
    kind: str
    filename: str
    sha256: str


@dataclass(frozen=True)
class TimelineEntry:
    """One of a case's steps on its timeline: when it was done, or when it falls due."""

    number: int
    stage: int
    name: str  # the step's name as data (translate with ``label``)
    stage_name: str  # likewise
    date: dt.date | None
    state: TimelineState
    people: tuple[tuple[Role, str], ...] = ()  # (role, name) of everyone named on the step


@dataclass(frozen=True)
class PersonChoice:
    """A roster person offered in a list (to start a case, as a talker, for a dossier)."""

    person_id: uuid.UUID
    name: str
    status: PartyStatus


@dataclass(frozen=True)
class MeetingChoice:
    """A branch general meeting a meeting step may link to."""

    id: uuid.UUID
    held_on: dt.date
    title: str


@dataclass(frozen=True)
class LinkedMeeting:
    """What a linked 三会一课 general meeting says about a meeting step."""

    held_on: dt.date
    title: str
    ballot: Ballot | None
    branch_id: uuid.UUID | None = None
    kind: str = "general"


@dataclass(frozen=True)
class NextDue:
    """The next step of an open case and the nearest date a time rule sets for it."""

    step: int | None  # the next step to record (None: all done)
    name: str = ""  # its name as data (translate with ``label``)
    due: dt.date | None = None  # when a time rule makes something due, if any
    code: str | None = None  # the rule that sets the due date
    #: DEV-ACTIVIST-1Y: the first day the development target may be named.
    eligible_on: dt.date | None = None

    @property
    def what(self) -> str:
        """What is due, e.g. "第2步 党组织派人谈话"."""
        if self.step is None:
            return ""
        return _("第{number}步 {name}", number=self.step, name=label(self.name))

    @property
    def note(self) -> str:
        """What the due date means (e.g. the end of the probation)."""
        if self.code == "DEV-ASSESS-6M" and self.eligible_on is not None:
            return _(
                "半年考察到期；满一年可确定为发展对象：{day}", day=self.eligible_on.isoformat()
            )
        if self.code == "DEV-ASSESS-6M":
            return _("半年考察到期")
        if self.code == "DEV-PROBATION-1Y" and self.due is not None:
            return _("预备期满：{day}", day=self.due.isoformat())
        return ""


@dataclass(frozen=True)
class BoardCard:
    """An open case on the pipeline board: its stage and what falls due next."""

    case_id: uuid.UUID
    person_id: uuid.UUID
    name: str
    stage: int
    next: NextDue
    urgency: Urgency

    @property
    def next_step(self) -> int | None:
        return self.next.step

    @property
    def due(self) -> dt.date | None:
        return self.next.due

    @property
    def code(self) -> str | None:
        return self.next.code

    @property
    def next_label(self) -> str:
        return self.next.what

    @property
    def note(self) -> str:
        return self.next.note


@dataclass(frozen=True)
class DevelopmentCaseRecord:
    """发展党员档案: one person's case with its steps, timeline and what can happen next."""

    id: uuid.UUID
    branch_id: uuid.UUID
    person_id: uuid.UUID
    person_name: str
    person_status: PartyStatus
    workflow: DevelopmentWorkflow
    state: CaseState
    historical: bool
    note: str
    ending: Ending | None
    ended_on: dt.date | None
    ending_reason: str
    steps: tuple[DevelopmentStepRecord, ...]
    assessments: tuple[AssessmentRecord, ...]
    extensions: tuple[ExtensionRecord, ...]
    documents: tuple[DocumentRecord, ...]
    timeline: tuple[TimelineEntry, ...]
    probation_end: dt.date | None
    #: The step to record next (None once every step is recorded or the case has ended).
    next_step: DevelopmentStepDef | None

    @property
    def is_open(self) -> bool:
        return self.state is CaseState.OPEN

    @property
    def done(self) -> frozenset[int]:
        return frozenset(s.number for s in self.steps)

    @property
    def in_probation(self) -> bool:
        """Approved (step 17) but the conversion meeting (step 23) not yet held."""
        wf = self.workflow
        return wf.extension_after in self.done and wf.extension_before not in self.done

    @property
    def can_assess(self) -> bool:
        return self.is_open and self.workflow.activist_from in self.done

    @property
    def can_extend(self) -> bool:
        return self.is_open and self.in_probation and not self.extensions
