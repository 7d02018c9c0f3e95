"""Branches and townships for the township tests: a small branch with a meeting that carries
an attachment, a township installation, bundles between them."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from pathlib import Path

from tests.unit.services.meetings.village import TODAY, Village, make_village
from villagebook.domain.meetings.values import MeetingInput, MeetingKind
from villagebook.services.book import Book
from villagebook.storage.db import Database

DAY = dt.date(2026, 10, 15)
#: A tiny but real PNG (a 1x1 red pixel) standing for a scanned sign-in sheet.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415478"
    "9c63f8cfc000000301010018dd8db00000000049454e44ae426082"
)


def general(village: Village, **kw: object) -> MeetingInput:
    data = MeetingInput(
        kind=MeetingKind.GENERAL,
        held_on=DAY,
        start_time=dt.time(9, 0),
        end_time=dt.time(11, 0),
        place="村委会议室",
        host_id=village.people["王书记"],
        recorder_id=village.people["张委员"],
        topics=["传达学习上级精神"],
    )
    for key, value in kw.items():
        setattr(data, key, value)
    return data


def make_branch(db: Database, folder: Path) -> tuple[Book, Village, uuid.UUID]:
    """The small branch, one finalised general meeting with a scanned sign-in sheet."""
    village = make_village(db)
    book = Book(db, today=lambda: TODAY)
    meeting = book.meetings.create(village.branch_id, general(village))
    sheet = folder / "签到表.png"
    folder.mkdir(parents=True, exist_ok=True)
    sheet.write_bytes(PNG)
    book.meetings.add_attachment(meeting.id, sheet, kind="签到表")
    return book, village, meeting.id


def make_township(db: Database) -> Book:
    book = Book(db, today=lambda: TODAY)
    book.township.init("中共石门镇委员会", township="石门镇", county="云岭县")
    return book


def trust(_signer: object) -> bool:
    return True


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def exported(book: Book, branch_id: uuid.UUID) -> dict[str, object]:
    document = book.exchange.export_document(branch_id)
    document.pop("exported_at")
    return document
