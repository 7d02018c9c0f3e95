"""Documents kept with steps: hashed attachments, in the exchange file and the dossier."""

from __future__ import annotations

import copy
import struct
import zlib
from pathlib import Path

import pytest
from sqlmodel import select

from tests.conftest import TODAY
from tests.development.conftest import Branch
from tests.development.test_cases import start
from villagebook.domain.common.errors import InputError
from villagebook.services import registry
from villagebook.services.development import cases
from villagebook.services.roster import queries as roster_queries
from villagebook.storage.db import Database, open_database
from villagebook.storage.models import Attachment


def tiny_png(path: Path) -> Path:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x80")
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )
    return path


def test_document_attached_exported_and_printed(
    db: Database, branch: Branch, tmp_path: Path
) -> None:
    case_id = start(db, branch)
    scan = tiny_png(tmp_path / "申请书.png")
    with db.write() as session:
        step = cases.steps_of(session, case_id)[0]
        kept = cases.attach_document(session, db.data_dir, step.id, scan, kind="入党申请书")
    assert (db.data_dir / kept.stored_path).is_file()
    with pytest.raises(InputError), db.write() as session:
        cases.attach_document(session, db.data_dir, step.id, scan, kind="照片")
    with db.read() as session:
        branch_row = roster_queries.get_branch(session, branch.id)
        document = registry.export_branch(session, branch_row)
        from villagebook.reports import dossier

        data = dossier.gather(session, branch.people["张三"], TODAY)
    exported = document["development_cases"][0]["steps"][0]["attachments"]
    assert exported[0]["sha256"] == kept.sha256 and exported[0]["kind"] == "入党申请书"
    assert "入党申请书" in data.steps[0].detail
    document.pop("exported_at")
    other = open_database(tmp_path / "other")
    with other.write() as session:
        registry.import_document(session, copy.deepcopy(document), today=TODAY)
    with other.read() as session:
        again = registry.export_branch(session, roster_queries.get_branch(session, branch.id))
        rows = session.exec(select(Attachment)).all()
    again.pop("exported_at")
    assert again == document
    assert [r.sha256 for r in rows] == [kept.sha256]
