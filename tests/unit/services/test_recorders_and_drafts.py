"""Who recorded it (记录人) and nothing typed is lost (drafts), below the window."""

from __future__ import annotations

import datetime as dt
import getpass
import json

import pytest
from sqlmodel import select

from tests.conftest import TODAY
from villagebook.domain.common.errors import InputError
from villagebook.services.book import Book
from villagebook.storage.models.safety import AuditEntry


def _branch(book: Book):  # type: ignore[no-untyped-def]
    branch = book.roster.first_branch()
    assert branch is not None
    return branch


def test_recorders_are_kept_per_branch_the_secretary_first(demo_book: Book) -> None:
    branch = _branch(demo_book)
    roster = demo_book.roster
    secretary = [r.name for r in roster.recorders(branch.id)]  # the demo's recorder
    assert len(secretary) == 1
    first = roster.add_recorder(branch.id, " 王芳 ")
    roster.add_recorder(branch.id, "李明")
    assert [r.name for r in roster.recorders(branch.id)] == [*secretary, "王芳", "李明"]
    with pytest.raises(InputError) as info:
        roster.add_recorder(branch.id, "王芳")
    assert info.value.problems[0].field == "name"
    roster.retire_recorder(first.id)
    assert [r.name for r in roster.recorders(branch.id)] == [*secretary, "李明"]
    assert [r.name for r in roster.recorders(branch.id, retired=True)] == [
        *secretary,
        "王芳",
        "李明",
    ]
    assert roster.add_recorder(branch.id, "王芳").id == first.id  # taken back, not doubled


def test_finalising_amendments_and_the_audit_log_name_the_recorder(demo_book: Book) -> None:
    branch = _branch(demo_book)
    demo_book.actor = "王芳"
    draft = next(r for r in demo_book.meetings.records(branch.id) if not r.finalised and r.topics)
    record = demo_book.meetings.finalise(draft.id, on=TODAY)
    assert record.finalised_by == "王芳"
    amendment = demo_book.meetings.amend(record.id, "place", "村文化室", "笔误，更正地点")
    assert amendment.amended_by == "王芳"
    with demo_book.reading() as session:
        last = session.exec(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()  # type: ignore[union-attr]
    assert last is not None and last.actor == "王芳"
    assert last.login == getpass.getuser() == demo_book.login  # technical detail only
    history = demo_book.safety.history(record.id)
    assert history[-1].actor == "王芳" and history[-1].login == demo_book.login


def test_a_draft_is_written_atomically_per_login_and_read_back(book: Book) -> None:
    drafts = book.drafts
    assert drafts.pending() == []
    drafts.save("meeting:new", "2026-11-20 支部党员大会", {"topics": ["修路，架桥"], "n": 3})
    drafts.save("dev-step:1:15", "第15步", {"note": "同意，"})
    files = list(drafts.folder.glob("*.json"))
    assert len(files) == 2 and drafts.folder.parent.name == "drafts"
    assert drafts.folder.name == book.login
    assert not list(drafts.folder.glob(".*.part"))  # no temporary file left behind
    loaded = drafts.load("meeting:new")
    assert loaded is not None and loaded.payload == {"topics": ["修路，架桥"], "n": 3}
    assert loaded.title == "2026-11-20 支部党员大会"
    assert isinstance(loaded.saved_at, dt.datetime)
    assert {d.key for d in drafts.pending()} == {"meeting:new", "dev-step:1:15"}
    drafts.discard("meeting:new")
    assert [d.key for d in drafts.pending()] == ["dev-step:1:15"]


def test_an_unreadable_draft_is_skipped_not_fatal(book: Book) -> None:
    book.drafts.save("meeting:new", "x", {"a": 1})
    (book.drafts.folder / "broken.json").write_text("{not json", encoding="utf-8")
    (book.drafts.folder / "other.json").write_text(json.dumps({"key": "k"}), encoding="utf-8")
    assert [d.key for d in book.drafts.pending()] == ["meeting:new"]
