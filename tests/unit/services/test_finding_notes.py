"""Findings marked as handled (已处理): kept, shown with the finding, exported and imported."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import TODAY
from villagebook.domain.common.errors import InputError
from villagebook.services.book import Book


def _first_error(book: Book):  # type: ignore[no-untyped-def]
    findings = book.checks.run(as_of=TODAY)
    return next(f for f in findings if f.code == "MTG-COMMITTEE-M")


def test_a_handled_finding_is_still_reported_with_its_note(demo_book: Book) -> None:
    finding = _first_error(demo_book)
    branch = demo_book.roster.require_branch()
    note = demo_book.checks.mark_handled(branch.id, finding.key, "  补开了支部党员大会 ")
    assert (note.note, note.handled_by, note.handled_on) == ("补开了支部党员大会", "测试员", TODAY)
    again = [f for f in demo_book.checks.run(as_of=TODAY) if f.key == finding.key]
    assert len(again) == 1 and again[0].handled == note
    assert again[0].to_json()["handled"] == {
        "note": "补开了支部党员大会",
        "on": TODAY.isoformat(),
        "by": "测试员",
    }
    assert "（已处理：补开了支部党员大会）" in again[0].text()
    others = [f for f in demo_book.checks.run(as_of=TODAY) if f.key != finding.key]
    assert all(f.handled is None and "handled" not in f.to_json() for f in others)


def test_marking_again_replaces_the_note_and_undo_takes_it_back(demo_book: Book) -> None:
    finding = _first_error(demo_book)
    branch = demo_book.roster.require_branch()
    demo_book.checks.mark_handled(branch.id, finding.key, "第一次说明")
    demo_book.checks.mark_handled(branch.id, finding.key, "第二次说明")
    assert [n.note for n in demo_book.checks.notes(branch.id)] == ["第二次说明"]
    demo_book.undo()
    assert [n.note for n in demo_book.checks.notes(branch.id)] == ["第一次说明"]
    (note,) = demo_book.checks.notes(branch.id)
    demo_book.checks.remove_note(note.id)
    assert demo_book.checks.notes(branch.id) == []
    assert _first_error(demo_book).handled is None


@pytest.mark.parametrize(
    ("text", "day", "field"),
    [("   ", TODAY, "note"), ("说明", TODAY + dt.timedelta(days=1), "handled_on")],
)
def test_an_empty_note_or_a_future_date_is_refused(
    demo_book: Book, text: str, day: dt.date, field: str
) -> None:
    finding = _first_error(demo_book)
    branch = demo_book.roster.require_branch()
    with pytest.raises(InputError) as caught:
        demo_book.checks.mark_handled(branch.id, finding.key, text, day=day)
    assert [p.field for p in caught.value.problems] == [field]
    assert demo_book.checks.notes() == []


def test_notes_survive_export_and_import(demo_book: Book, tmp_path: Path) -> None:
    finding = _first_error(demo_book)
    branch = demo_book.roster.require_branch()
    demo_book.checks.mark_handled(branch.id, finding.key, "已补开并报乡镇备案")
    exported = tmp_path / "out.json"
    demo_book.exchange.export(branch.id, exported)
    with Book.open(tmp_path / "other", actor="乡镇", today=lambda: TODAY) as other:
        other.exchange.import_file(exported)
        (note,) = other.checks.notes()
        assert note.note == "已补开并报乡镇备案" and note.key == finding.key
        assert next(f for f in other.checks.run(as_of=TODAY) if f.key == finding.key).handled
        again = tmp_path / "again.json"
        other.exchange.export(branch.id, again)
    assert again.read_text(encoding="utf-8").count("已补开并报乡镇备案") == 1
