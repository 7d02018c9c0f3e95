"""Attachment paths are confined to the data folder: refused on import, never followed."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest

from villagebook.domain.common.errors import NotFoundError
from villagebook.services import attachments
from villagebook.services.book import Book
from villagebook.services.exchange import ImportFailed, stored_path_problems
from villagebook.storage.models import Attachment

SHA = "ab" + "c" * 62


def _row(stored_path: str) -> Attachment:
    return Attachment(
        branch_id=uuid.uuid4(),
        owner_type="meeting",
        owner_id=uuid.uuid4(),
        filename="签到表.png",
        media_type="image/png",
        size=1,
        sha256=SHA,
        stored_path=stored_path,
    )


@pytest.mark.parametrize(
    "stored",
    [
        "../../etc/passwd",
        "/etc/shadow",
        "attachments/../../../etc/passwd",
        "C:\\Windows\\win.ini",
        f"attachments/zz/{SHA}.png",
        f"attachments/ab/{'d' * 64}.png",
        "",
    ],
)
def test_stored_file_never_leaves_the_attachments_folder(tmp_path: Path, stored: str) -> None:
    assert attachments.stored_path_problem(stored, SHA) is not None
    with pytest.raises(NotFoundError):
        attachments.stored_file(tmp_path, _row(stored))
    kept = attachments.kept_file(tmp_path, _row(stored))
    assert kept.is_relative_to(tmp_path / "attachments") and not kept.exists()


def test_a_link_out_of_the_folder_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.png"
    outside.write_bytes(b"secret")
    link = tmp_path / "data" / "attachments" / "ab" / f"{SHA}.png"
    link.parent.mkdir(parents=True)
    link.symlink_to(outside)
    with pytest.raises(NotFoundError):
        attachments.stored_file(tmp_path / "data", _row(f"attachments/ab/{SHA}.png"))


def test_the_content_addressed_path_is_accepted(tmp_path: Path) -> None:
    path = attachments.stored_file(tmp_path, _row(f"attachments/ab/{SHA}.png"))
    assert path == (tmp_path / "attachments" / "ab" / f"{SHA}.png").resolve()


def _with_attachment(document: dict[str, Any], stored: str) -> str:
    """Give the first development step an attachment kept at ``stored``; its JSON path."""
    step = document["development_cases"][0]["steps"][0]
    step.setdefault("attachments", []).append(
        {
            "id": str(uuid.uuid4()),
            "kind": "申请书",
            "filename": "入党申请书.pdf",
            "media_type": "application/pdf",
            "size": 10,
            "sha256": SHA,
            "stored_path": stored,
            "note": "",
        }
    )
    return f"development_cases[0].steps[0].attachments[{len(step['attachments']) - 1}]"


def test_import_refuses_a_stored_path_outside_the_data_folder(
    demo_book: Book, tmp_path: Path
) -> None:
    document = demo_book.exchange.export_document(demo_book.roster.require_branch(None).id)
    assert stored_path_problems(document) == []
    where = _with_attachment(document, "../../etc/passwd")
    problems = stored_path_problems(document)
    assert [p.field for p in problems] == [f"{where}.stored_path"]
    with Book.open(tmp_path / "other") as other, pytest.raises(ImportFailed) as caught:
        other.exchange.import_document(document)
    assert f"{where}.stored_path" in [p.field for p in caught.value.problems]


def test_import_accepts_a_content_addressed_stored_path(demo_book: Book) -> None:
    document = demo_book.exchange.export_document(demo_book.roster.require_branch(None).id)
    _with_attachment(document, f"attachments/ab/{SHA}.pdf")
    assert stored_path_problems(document) == []
