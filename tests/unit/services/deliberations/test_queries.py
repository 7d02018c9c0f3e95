"""四议两公开 queries: the list lines and the detail the window shows."""

from __future__ import annotations

from sqlmodel import select

from tests.unit.services.deliberations import helpers as h
from villagebook.domain.deliberations.values import DeliberationStatus, StepKind
from villagebook.services.deliberations import commands, queries
from villagebook.storage.db import Database
from villagebook.storage.models.deliberations import DeliberationStep, DeliberationText


def test_rows_for_the_list(db: Database) -> None:
    with db.write() as session:
        branch_id = h.branch(session)
        h.full_deliberation(session, branch_id, result=False)
        rows = queries.summaries(session, branch_id, h.TODAY)
        assert len(rows) == 1
        assert rows[0].next_step is StepKind.RESULT_PUBLICITY
        assert h.besides_link(rows[0].codes) == ["DLB-RESULT"]
        assert session.exec(select(DeliberationStep)).all()
        assert session.exec(select(DeliberationText)).all()


def test_detail_holds_steps_texts_rounds_and_findings(db: Database) -> None:
    with db.write() as session:
        branch_id = h.branch(session)
        row = h.full_deliberation(session, branch_id, result=False)
        detail = queries.detail(session, row.id, h.TODAY)
        assert detail.deliberation.status is DeliberationStatus.DECIDED
        assert [s.kind for s in detail.steps] == list(StepKind)[:5]
        assert detail.next_step is StepKind.RESULT_PUBLICITY
        assert [f.code for f in h.besides_link(detail.findings)] == ["DLB-RESULT"]
        assert detail.last_publication is detail.step(StepKind.RESOLUTION_PUBLICITY)
        decided = detail.step(StepKind.MEMBER_MEETING)
        assert decided is not None and detail.text(decided.text_id) is not None
        assert detail.current_text == detail.texts[-1].body
        assert detail.previous is None and not detail.proposed_again
        quiet = queries.detail(session, row.id, h.TODAY, with_findings=False)
        assert quiet.findings == ()


def test_detail_of_a_second_round_names_the_first(db: Database) -> None:
    with db.write() as session:
        row = h.deliberation(session, h.branch(session))
        h.record(session, row.id, h.proposal(), h.joint(), h.members(present=20, yes=9))
        second = commands.repropose(session, row.id)
        first = queries.detail(session, row.id, h.TODAY)
        again = queries.detail(session, second.id, h.TODAY)
    assert first.proposed_again and first.next_step is None
    assert again.previous is not None and again.previous.id == row.id
    assert again.deliberation.round_no == 2 and again.next_step is StepKind.PROPOSAL


def test_input_of_a_deliberation_starts_the_edit_dialog(db: Database) -> None:
    with db.write() as session:
        row = h.deliberation(session, h.branch(session))
        data = queries.deliberation_input(session, row)
    assert (data.title, data.amount) == ("村组道路硬化", "386000.00")
    assert data.text == h.road_input().text
