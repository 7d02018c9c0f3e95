"""The Book's face of 四议两公开: one use case per method, typed values, undo and redo."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest

from tests.unit.services.deliberations import helpers as h
from villagebook.domain.common.errors import InputError, NotFoundError
from villagebook.domain.deliberations.values import (
    Category,
    DeliberationDetail,
    DeliberationInput,
    DeliberationRecord,
    DeliberationStatus,
    DeliberationStepRecord,
    DeliberationVerdict,
    StepKind,
    TextVersion,
)
from villagebook.domain.roster.values import BranchInput
from villagebook.services.book import Book, Changes
from villagebook.storage.db import Database

D = dt.date


@pytest.fixture
def book(db: Database) -> Book:
    """An empty Book whose today is the helpers' (their steps are dated in 2026)."""
    return Book(db, today=lambda: h.TODAY)


@pytest.fixture
def proposed(book: Book) -> DeliberationRecord:
    branch = book.roster.create_branch(BranchInput("中共测试村支部委员会", "测试村"))
    book.clear_history()
    return book.deliberations.create(branch.id, h.road_input())


def _listen(book: Book) -> list[Changes]:
    heard: list[Changes] = []
    book.subscribe(heard.append)
    return heard


def _record(book: Book, deliberation_id: uuid.UUID, *steps: object) -> None:
    for step in steps:
        book.deliberations.record_step(deliberation_id, step)  # type: ignore[arg-type]


def test_create_gives_a_record_and_an_undo_step(book: Book, proposed: DeliberationRecord) -> None:
    assert isinstance(proposed, DeliberationRecord)
    assert (proposed.title, proposed.amount_fen, proposed.round_no) == ("村组道路硬化", 38600000, 1)
    assert proposed.status is DeliberationStatus.OPEN
    assert book.undo_label() == "新建事项“村组道路硬化”"
    assert [r.id for r in book.deliberations.deliberations(proposed.branch_id)] == [proposed.id]
    book.undo()
    assert book.deliberations.deliberations(proposed.branch_id) == []
    book.redo()
    assert book.deliberations.get(proposed.id) == proposed


def test_refusals_name_their_fields(book: Book, proposed: DeliberationRecord) -> None:
    with pytest.raises(InputError) as info:
        book.deliberations.create(proposed.branch_id, DeliberationInput(" ", Category.OTHER))
    assert {p.field for p in info.value.problems} == {"title", "text"}
    with pytest.raises(NotFoundError):
        book.deliberations.detail(uuid.uuid4())


def test_a_step_is_recorded_undone_and_redone(book: Book, proposed: DeliberationRecord) -> None:
    heard = _listen(book)
    (step,) = book.deliberations.record_step(proposed.id, h.proposal())
    assert isinstance(step, DeliberationStepRecord)
    assert (step.kind, step.verdict) == (StepKind.PROPOSAL, DeliberationVerdict.RECORDED)
    assert heard[-1].touches("deliberations")
    assert book.undo_label() == "登记“村党组织提议”"
    assert book.deliberations.next_step(proposed.id).kind is StepKind.JOINT_MEETING  # type: ignore[union-attr]
    book.undo()
    assert book.deliberations.steps(proposed.id) == []
    texts = book.deliberations.texts(proposed.id)
    assert [t.frozen_by for t in texts] == [None]  # the text is a draft again
    assert heard[-1].from_history and heard[-1].touches("deliberations")
    book.redo()
    assert [s.id for s in book.deliberations.steps(proposed.id)] == [step.id]
    assert book.deliberations.texts(proposed.id)[0].frozen_by is StepKind.PROPOSAL


def test_a_failed_vote_rejects_and_undo_reopens(book: Book, proposed: DeliberationRecord) -> None:
    _record(book, proposed.id, h.proposal(), h.joint())
    (vote,) = book.deliberations.record_step(proposed.id, h.members(present=20, yes=10))
    assert vote.verdict is DeliberationVerdict.REJECTED
    rejected = book.deliberations.get(proposed.id)
    assert rejected.status is DeliberationStatus.REJECTED
    assert rejected.status_reason.startswith("党员大会审议未通过：赞成10票")
    book.undo()
    assert book.deliberations.get(proposed.id).status is DeliberationStatus.OPEN


def test_the_whole_way_through_the_api(book: Book, proposed: DeliberationRecord) -> None:
    _record(book, proposed.id, h.proposal(), h.joint(), h.members(), h.villagers())
    (posting,) = book.deliberations.record_step(proposed.id, h.publication(until=None))
    ended = book.deliberations.end_publication(posting.id, D(2026, 5, 31))
    assert ended.posted_until == D(2026, 5, 31)
    assert book.undo_label() == "登记公开结束日期"
    book.undo()
    assert book.deliberations.steps(proposed.id)[-1].posted_until is None
    book.redo()
    book.deliberations.record_step(proposed.id, h.result_publication())
    detail = book.deliberations.detail(proposed.id)
    assert isinstance(detail, DeliberationDetail)
    assert detail.deliberation.status is DeliberationStatus.COMPLETED
    assert h.besides_link(detail.findings) == [] and detail.next_step is None
    assert h.besides_link(book.deliberations.findings(proposed.id)) == []
    summaries = book.deliberations.summaries(proposed.branch_id)
    assert [(s.id, s.status) for s in summaries] == [(proposed.id, DeliberationStatus.COMPLETED)]


def test_edit_text_and_header_undo(book: Book, proposed: DeliberationRecord) -> None:
    version = book.deliberations.edit_text(proposed.id, "修改稿")
    assert isinstance(version, TextVersion) and version.version == 1
    header = book.deliberations.input_of(proposed.id)
    assert header.text == "修改稿" and header.amount == "386000.00"
    header.title = "村组道路硬化（二期）"
    assert book.deliberations.update(proposed.id, header).title == "村组道路硬化（二期）"
    book.undo()
    assert book.deliberations.get(proposed.id).title == "村组道路硬化"
    book.undo()
    assert book.deliberations.detail(proposed.id).current_text == h.road_input().text
    book.redo()
    assert book.deliberations.detail(proposed.id).current_text == "修改稿"
    book.deliberations.record_step(proposed.id, h.proposal())
    with pytest.raises(InputError):
        book.deliberations.update(proposed.id, header)


def test_withdraw_reject_and_propose_again(book: Book, proposed: DeliberationRecord) -> None:
    withdrawn = book.deliberations.withdraw(proposed.id, "上级资金已覆盖", D(2026, 5, 9))
    assert withdrawn.status is DeliberationStatus.WITHDRAWN
    book.undo()
    rejected = book.deliberations.reject(proposed.id, "方案不成熟", D(2026, 5, 9))
    assert rejected.status is DeliberationStatus.REJECTED
    second = book.deliberations.repropose(proposed.id, text="第二轮提议")
    assert (second.round_no, second.previous_id) == (2, proposed.id)
    assert [r.id for r in book.deliberations.rounds(proposed.id)] == [proposed.id, second.id]
    assert book.deliberations.detail(proposed.id).proposed_again
    book.undo()
    assert [r.id for r in book.deliberations.rounds(proposed.id)] == [proposed.id]


def test_photo_of_the_posting_and_its_undo(
    book: Book, proposed: DeliberationRecord, tmp_path: Path
) -> None:
    photo = tmp_path / "board.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    _record(book, proposed.id, h.proposal(), h.joint(), h.members(), h.villagers())
    (posting,) = book.deliberations.record_step(proposed.id, h.publication())
    heard = _listen(book)
    photo_id = book.deliberations.attach_photo(posting.id, photo)
    assert isinstance(photo_id, uuid.UUID)
    assert heard[-1].touches("attachments")
    assert book.deliberations.detail(proposed.id).last_publication.photos == 1  # type: ignore[union-attr]
    book.undo()
    assert book.deliberations.detail(proposed.id).last_publication.photos == 0  # type: ignore[union-attr]


def test_voting_members_and_general_meetings(demo_book: Book) -> None:
    branch = demo_book.roster.require_branch()
    assert demo_book.deliberations.voting_members(branch.id, h.TODAY) > 0
    meetings = demo_book.deliberations.general_meetings(branch.id)
    assert meetings and all(m.counts.expected is not None for m in meetings)
