"""The workflow of a deliberation as data: its six steps and which may share one meeting.

A versioned definition (like OpenSlides' motion workflows): the standard one, and the
一肩挑 variant where the secretary also directs the village committee, so the proposal
(step 1) and the joint meeting (step 2) may be one meeting record.
"""

from __future__ import annotations

from dataclasses import dataclass

from villagebook.domain.common import i18n
from villagebook.domain.common.i18n import N_
from villagebook.domain.deliberations.values import Basis, StepKind


@dataclass(frozen=True)
class DeliberationStepDef:
    """What one step of the workflow records."""

    kind: StepKind
    meeting: bool  # attendance, place
    votes: bool  # a vote decides the step
    publication: bool  # where posted, from, until, photo
    bases: tuple[Basis, ...] = ()

    @property
    def label(self) -> str:
        return self.kind.label


@dataclass(frozen=True)
class DeliberationWorkflow:
    """A versioned definition of the steps; ``held_together`` pairs may share one meeting."""

    key: str
    version: int
    #: The name in Chinese (as printed); ``label`` translates it.
    name: str
    steps: tuple[DeliberationStepDef, ...]
    held_together: frozenset[tuple[StepKind, StepKind]] = frozenset()

    @property
    def label(self) -> str:
        return i18n.label(self.name)

    def index(self, kind: StepKind) -> int:
        return [s.kind for s in self.steps].index(kind)

    def step(self, kind: StepKind) -> DeliberationStepDef:
        return self.steps[self.index(kind)]

    def may_hold_together(self, first: StepKind, second: StepKind) -> bool:
        return (first, second) in self.held_together

    @property
    def may_join_proposal(self) -> bool:
        """一肩挑: the proposal entry may also record the joint meeting."""
        return self.may_hold_together(StepKind.PROPOSAL, StepKind.JOINT_MEETING)

    def next_step(self, done: set[StepKind] | frozenset[StepKind]) -> DeliberationStepDef | None:
        """The first step not yet recorded."""
        for step in self.steps:
            if step.kind not in done:
                return step
        return None


_STEPS = (
    DeliberationStepDef(
        StepKind.PROPOSAL, meeting=True, votes=False, publication=False, bases=(Basis.COMMITTEE,)
    ),
    DeliberationStepDef(
        StepKind.JOINT_MEETING,
        meeting=True,
        votes=False,
        publication=False,
        bases=(Basis.COMMITTEE,),
    ),
    DeliberationStepDef(
        StepKind.MEMBER_MEETING,
        meeting=True,
        votes=True,
        publication=False,
        bases=(Basis.VOTING_MEMBERS,),
    ),
    DeliberationStepDef(
        StepKind.VILLAGER_DECISION,
        meeting=True,
        votes=True,
        publication=False,
        bases=(Basis.REPRESENTATIVES, Basis.ADULT_VILLAGERS, Basis.HOUSEHOLDS),
    ),
    DeliberationStepDef(
        StepKind.RESOLUTION_PUBLICITY, meeting=False, votes=False, publication=True
    ),
    DeliberationStepDef(StepKind.RESULT_PUBLICITY, meeting=False, votes=False, publication=True),
)

STANDARD = DeliberationWorkflow("standard", 1, N_("四议两公开（标准）"), _STEPS)
ONE_SHOULDER = DeliberationWorkflow(
    "one_shoulder",
    1,
    N_("四议两公开（一肩挑：提议与两委商议可合并召开）"),
    _STEPS,
    held_together=frozenset({(StepKind.PROPOSAL, StepKind.JOINT_MEETING)}),
)
WORKFLOWS: dict[str, DeliberationWorkflow] = {w.key: w for w in (STANDARD, ONE_SHOULDER)}


def workflow_for(secretary_is_director: bool) -> DeliberationWorkflow:
    """The workflow a new deliberation of a branch follows."""
    return ONE_SHOULDER if secretary_is_director else STANDARD


def workflow(key: str) -> DeliberationWorkflow:
    """The workflow stored under ``key`` (the standard one if unknown)."""
    return WORKFLOWS.get(key, STANDARD)
