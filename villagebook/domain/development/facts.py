"""Plain facts of one development case, as the rule checks see them (no database)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from villagebook.domain.development.values import Ballot, Role
from villagebook.domain.development.workflow import DEFAULT, DevelopmentWorkflow
from villagebook.domain.roster.values import PartyStatus


@dataclass(frozen=True)
class StepPerson:
    """Someone named on a step; ``status`` is their roster status on the step's date."""

    role: Role
    name: str
    person_id: str | None = None
    status: PartyStatus | None = None
    under_discipline: bool = False


@dataclass(frozen=True)
class StepFacts:
    """One recorded step as the checks see it."""

    number: int
    done_on: dt.date
    people: tuple[StepPerson, ...] = ()
    ballot: Ballot | None = None
    training_days: float | None = None
    training_hours: float | None = None
    publicity_from: dt.date | None = None
    publicity_to: dt.date | None = None
    reason: str = ""  # e.g. why an approval took longer than 3 months
    #: The linked 三会一课 record (meeting steps), and whether it still exists.
    meeting_id: str | None = None
    meeting_found: bool = True

    def people_in(self, role: Role) -> list[StepPerson]:
        return [p for p in self.people if p.role is role]


@dataclass(frozen=True)
class Extension:
    """A probation extension as the checks see it."""

    decided_on: dt.date
    months: int
    reason: str = ""


@dataclass(frozen=True)
class CaseFacts:
    """One case as the checks see it: dates (a linked meeting's date wins), people, counts."""

    case_id: str
    person_name: str
    birth_date: dt.date | None
    steps: dict[int, StepFacts] = field(default_factory=dict)
    assessments: tuple[dt.date, ...] = ()
    extensions: tuple[Extension, ...] = ()
    is_open: bool = True
    workflow: DevelopmentWorkflow = DEFAULT
    branch_id: str | None = None
    #: The days on which the branch has a general-meeting record (DEV-MEETING-LINK).
    general_meeting_days: frozenset[dt.date] = frozenset()

    def date(self, number: int) -> dt.date | None:
        step = self.steps.get(number)
        return step.done_on if step else None

    @property
    def done(self) -> frozenset[int]:
        return frozenset(self.steps)
