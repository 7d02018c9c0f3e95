"""Final means final: names kept at finalisation, seals, tamper findings, import rules.

Regression tests of issue 14: renaming the host, recorder, group or branch no longer
changes a finalised record's PDF, and restoring an old backup then importing an edited
export no longer changes a finalised record silently.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import sqlite3
import uuid
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import TODAY
from villagebook import app
from villagebook.cli import common as cli_common
from villagebook.domain.common.errors import InputError
from villagebook.domain.meetings.values import MeetingRecord
from villagebook.domain.roster.values import BranchInput
from villagebook.services.book import Book
from villagebook.services.exchange import ImportFailed
from villagebook.services.meetings import printouts
from villagebook.storage import seals


def _finalised(book: Book) -> MeetingRecord:
    branch = book.roster.require_branch(None)
    records = [r for r in book.meetings.records(branch.id) if r.finalised and r.host_id]
    return next((r for r in records if r.group_id), records[0])


def _codes(book: Book, code: str) -> list[str]:
    return [f.subject_id or "" for f in book.checks.run(as_of=TODAY) if f.code == code]


def _minutes_fields(book: Book, meeting_id: uuid.UUID) -> dict[str, Any]:
    with book.reading() as session:
        data = printouts.gather(session, meeting_id)
    return {"fields": dict(data.fields), "branch": data.branch_name, "heading": data.heading}


def test_finalising_keeps_the_names_shown_and_seals_the_record(demo_book: Book) -> None:
    record = _finalised(demo_book)
    assert record.names_shown is not None and record.names_shown.host
    assert len(record.content_hash) == 64
    with demo_book.reading() as session:
        assert seals.seal_of(session.connection(), "meeting", record.id) == record.content_hash


def test_renaming_host_group_or_branch_leaves_a_finalised_record_as_it_was(
    demo_book: Book,
) -> None:
    """The rename bypass: names are copied at finalisation, not looked up when printed."""
    record = _finalised(demo_book)
    before = _minutes_fields(demo_book, record.id)
    assert record.host_id is not None
    host = demo_book.roster.person(record.host_id)
    from villagebook.domain.roster.validation import PersonInput

    demo_book.roster.update_person(host.id, PersonInput(name="改名后的人", gender=host.gender))
    branch = demo_book.roster.require_branch(None)
    demo_book.roster.update_branch(branch.id, BranchInput(name="改名后的支部", village="新村"))
    if record.group_id:
        demo_book.roster.rename_group(record.group_id, "改名后的小组")
    after = _minutes_fields(demo_book, record.id)
    assert after == before
    assert "改名后的人" not in json.dumps(after, ensure_ascii=False)
    assert _codes(demo_book, "MTG-TAMPERED") == []  # a rename is no tampering


def test_a_draft_still_shows_the_names_of_today(demo_book: Book) -> None:
    branch = demo_book.roster.require_branch(None)
    draft = next(r for r in demo_book.meetings.records(branch.id) if not r.finalised)
    demo_book.roster.update_branch(branch.id, BranchInput(name="改名后的支部", village="新村"))
    assert _minutes_fields(demo_book, draft.id)["branch"] == "改名后的支部"


def test_mtg_tampered_passes_after_an_amendment(demo_book: Book) -> None:
    record = _finalised(demo_book)
    demo_book.meetings.amend(record.id, "place", "村文化室", "笔误")
    assert _codes(demo_book, "MTG-TAMPERED") == []
    assert demo_book.meetings.record(record.id).content_hash != record.content_hash


def test_mtg_tampered_fails_on_a_change_behind_the_programs_back(demo_book: Book) -> None:
    record = _finalised(demo_book)
    conn = sqlite3.connect(demo_book.path)
    with conn:
        conn.execute(
            "UPDATE meeting SET resolutions = '被篡改的决议' WHERE id = ?", (record.id.hex,)
        )
    conn.close()
    assert _codes(demo_book, "MTG-TAMPERED") == [str(record.id)]


def test_mtg_tampered_fails_on_a_finalisation_date_in_the_future(demo_book: Book) -> None:
    record = _finalised(demo_book)
    conn = sqlite3.connect(demo_book.path)
    with conn:
        conn.execute(
            "UPDATE meeting SET finalised_on = '9999-12-31' WHERE id = ?", (record.id.hex,)
        )
    conn.close()
    findings = [f for f in demo_book.checks.run(as_of=TODAY) if f.code == "MTG-TAMPERED"]
    assert any("9999-12-31" in f.message for f in findings)


def test_a_finalisation_date_in_the_future_is_refused(demo_book: Book) -> None:
    branch = demo_book.roster.require_branch(None)
    draft = next(r for r in demo_book.meetings.records(branch.id) if not r.finalised)
    with pytest.raises(InputError) as caught:
        demo_book.meetings.finalise(draft.id, on=TODAY + dt.timedelta(days=1))
    assert caught.value.problems[0].field == "finalised_on"


# --- import ---------------------------------------------------------------------------------


@pytest.fixture
def other(tmp_path: Path, template_empty: Path) -> Any:
    """A second, empty data folder (a new laptop, or a folder restored to an old backup)."""
    from tests.conftest import _copy_template

    with Book.open(_copy_template(template_empty, tmp_path / "other"), today=lambda: TODAY) as b:
        yield b


def _document(book: Book) -> dict[str, Any]:
    return book.exchange.export_document(book.roster.require_branch(None).id)


def _index(document: dict[str, Any], meeting_id: uuid.UUID) -> int:
    return next(i for i, m in enumerate(document["meetings"]) if m["id"] == str(meeting_id))


def test_import_keeps_a_finalised_record_whose_seal_matches(demo_book: Book, other: Book) -> None:
    record = _finalised(demo_book)
    other.exchange.import_document(_document(demo_book))
    imported = other.meetings.record(record.id)
    assert imported.finalised and imported.content_hash == record.content_hash
    assert imported.names_shown == record.names_shown
    assert _codes(other, "MTG-TAMPERED") == [] and _codes(other, "MTG-FINAL-UNVERIFIED") == []


def test_import_refuses_a_finalised_record_edited_in_the_file(demo_book: Book, other: Book) -> None:
    record = _finalised(demo_book)
    document = _document(demo_book)
    i = _index(document, record.id)
    document["meetings"][i]["resolutions"] = "导入时被改写的决议"
    with pytest.raises(ImportFailed) as caught:
        other.exchange.import_document(document)
    assert [p.field for p in caught.value.problems] == [f"meetings[{i}].content_hash"]
    assert other.roster.branches() == []  # nothing written


def test_import_refuses_a_forged_finaliser(demo_book: Book, other: Book) -> None:
    record = _finalised(demo_book)
    document = _document(demo_book)
    i = _index(document, record.id)
    document["meetings"][i]["finalised_by"] = "冒名的人"
    with pytest.raises(ImportFailed):
        other.exchange.import_document(document)


def test_import_refuses_a_finalisation_date_in_the_future(demo_book: Book, other: Book) -> None:
    record = _finalised(demo_book)
    document = _document(demo_book)
    i = _index(document, record.id)
    document["meetings"][i]["finalised_on"] = "9999-12-31"
    with pytest.raises(ImportFailed) as caught:
        other.exchange.import_document(document)
    assert f"meetings[{i}].finalised_on" in [p.field for p in caught.value.problems]


def test_a_file_without_seals_is_imported_as_unverified(demo_book: Book, other: Book) -> None:
    """Files made before seals: the finalisation is kept, sealed now and flagged."""
    record = _finalised(demo_book)
    document = copy.deepcopy(_document(demo_book))
    for item in document["meetings"]:
        item.pop("content_hash")
        item.pop("names_shown")
    other.exchange.import_document(document)
    imported = other.meetings.record(record.id)
    assert imported.finalised and imported.names_shown and imported.names_shown.unverified
    assert str(record.id) in _codes(other, "MTG-FINAL-UNVERIFIED")
    assert _codes(other, "MTG-TAMPERED") == []
    with other.reading() as session:
        assert "导入时无定稿校验值" in printouts.gather(session, record.id).status_line


def test_restore_then_import_of_an_edited_export_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The restore-then-import bypass, through the command line as issue 14 found it."""
    data = ["--data-dir", str(tmp_path / "data")]
    with Book.open(tmp_path / "data"):
        pass
    assert app.main(["backup", *data]) == cli_common.EXIT_OK  # the old, empty backup
    assert app.main(["demo", "--today", TODAY.isoformat(), *data]) == cli_common.EXIT_OK
    export = tmp_path / "export.json"
    assert app.main(["export", "-o", str(export), *data]) == cli_common.EXIT_OK
    document = json.loads(export.read_text(encoding="utf-8"))
    i, item = next((i, m) for i, m in enumerate(document["meetings"]) if m["status"] == "finalised")
    item["resolutions"] = "恢复旧备份后导入的改写内容"
    export.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    backups = sorted((tmp_path / "data" / "backups").glob("villagebook-*.sqlite3"))
    capsys.readouterr()
    assert app.main(["restore", str(backups[0]), *data]) == cli_common.EXIT_OK
    assert app.main(["import", str(export), *data]) == cli_common.EXIT_INPUT
    err = capsys.readouterr().err
    assert f"meetings[{i}].content_hash" in err and "定稿校验值" in err
    with Book.open(tmp_path / "data") as book:
        assert book.roster.branches() == []
