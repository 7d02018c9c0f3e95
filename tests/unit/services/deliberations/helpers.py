"""Builders shared by the 四议两公开 tests."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from sqlmodel import Session

from villagebook.domain.deliberations.values import (
    Basis,
    Category,
    Channel,
    DeliberationInput,
    DeliberationStepInput,
    StepKind,
)
from villagebook.domain.roster import values as roster_values
from villagebook.services import registry
from villagebook.services.deliberations import commands
from villagebook.services.roster import commands as roster_commands
from villagebook.services.roster import queries as roster_queries
from villagebook.storage.db import Database
from villagebook.storage.models.deliberations import Deliberation

TODAY = dt.date(2026, 11, 22)
#: The test branch types its Party member meeting in (it has no general-meeting record to
#: link), so DLB-MEETING-LINK reports it; that rule is tested on its own (test_meeting_link).
TYPED_MEETING = "DLB-MEETING-LINK"
D = dt.date
PROPOSED, JOINT, MEMBERS = D(2026, 5, 6), D(2026, 5, 8), D(2026, 5, 12)
DECIDED, POSTED, TAKEN_DOWN = D(2026, 5, 20), D(2026, 5, 21), D(2026, 5, 30)


def branch(session: Session, *, one_shoulder: bool = False) -> uuid.UUID:
    created = roster_commands.create_branch(
        session,
        roster_values.BranchInput(
            name="中共测试村支部委员会", village="测试村", secretary_is_director=one_shoulder
        ),
    )
    return created.id


def road_input(category: Category = Category.PUBLIC_WELFARE) -> DeliberationInput:
    return DeliberationInput(
        title="村组道路硬化",
        category=category,
        amount="386,000.00",
        text="拟对二组至四组3.2公里村组道路进行硬化。",
    )


def deliberation(
    session: Session, branch_id: uuid.UUID, category: Category = Category.PUBLIC_WELFARE
) -> Deliberation:
    return commands.create_deliberation(session, branch_id, road_input(category))


def record(session: Session, deliberation_id: uuid.UUID, *steps: DeliberationStepInput) -> None:
    """Record ``steps`` in turn (as of :data:`TODAY`)."""
    for step in steps:
        commands.record_deliberation_step(session, deliberation_id, step, today=TODAY)


def proposal(day: dt.date = PROPOSED, **kw: object) -> DeliberationStepInput:
    return DeliberationStepInput(StepKind.PROPOSAL, held_on=day, place="村党群服务中心", **kw)  # type: ignore[arg-type]


def joint(day: dt.date = JOINT) -> DeliberationStepInput:
    return DeliberationStepInput(StepKind.JOINT_MEETING, held_on=day, place="村党群服务中心")


def members(
    day: dt.date = MEMBERS, expected: int = 26, present: int = 22, yes: int = 20
) -> DeliberationStepInput:
    return DeliberationStepInput(
        StepKind.MEMBER_MEETING,
        held_on=day,
        place="村党群服务中心",
        basis=Basis.VOTING_MEMBERS,
        expected=expected,
        present=present,
        yes=yes,
        no=present - yes,
        abstain=0,
    )


def villagers(
    day: dt.date = DECIDED,
    basis: Basis = Basis.REPRESENTATIVES,
    expected: int = 45,
    present: int = 38,
    yes: int = 35,
    notice_on: dt.date | None = None,
) -> DeliberationStepInput:
    return DeliberationStepInput(
        StepKind.VILLAGER_DECISION,
        held_on=day,
        place="村委会会议室",
        basis=basis,
        expected=expected,
        present=present,
        yes=yes,
        no=present - yes,
        abstain=0,
        notice_on=notice_on,
    )


def publication(
    kind: StepKind = StepKind.RESOLUTION_PUBLICITY,
    start: dt.date = POSTED,
    until: dt.date | None = TAKEN_DOWN,
    text: str | None = None,
) -> DeliberationStepInput:
    return DeliberationStepInput(
        kind,
        channels=(Channel.BOARD, Channel.WECHAT),
        posted_from=start,
        posted_until=until,
        text=text,
    )


def result_publication() -> DeliberationStepInput:
    return publication(
        StepKind.RESULT_PUBLICITY,
        D(2026, 10, 10),
        D(2026, 10, 20),
        text="道路硬化已完工，实际支出372,560元，经验收合格。",
    )


def full_deliberation(
    session: Session, branch_id: uuid.UUID, *, result: bool = True
) -> Deliberation:
    """A road deliberation through every step (the last only when ``result``)."""
    row = deliberation(session, branch_id)
    record(session, row.id, proposal(), joint(), members(), villagers(), publication())
    if result:
        record(session, row.id, result_publication())
    return row


def branch_id_of(session: Session) -> uuid.UUID:
    first = roster_queries.first_branch(session)
    assert first is not None
    return first.id


def export(db: Database) -> dict[str, Any]:
    """The first branch in the exchange format, without its export time."""
    with db.read() as session:
        branch = roster_queries.first_branch(session)
        assert branch is not None
        document = registry.export_branch(session, branch)
    document.pop("exported_at")
    return document


def pdf_text(path: Path) -> str:
    """A PDF's text without line breaks and spaces."""
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    return text.replace("\n", "").replace(" ", "")


def besides_link(findings: Any) -> list[Any]:
    """The findings other than DLB-MEETING-LINK (see :data:`TYPED_MEETING`)."""
    return [f for f in findings if getattr(f, "code", f) != TYPED_MEETING]
