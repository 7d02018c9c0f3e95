"""The minutes page and the quarterly volume, laid out from their printout dataclasses."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from sqlmodel import select

from tests.conftest import TODAY
from villagebook.domain.meetings.values import Vote
from villagebook.reports import minutes, volume
from villagebook.reports.minutes import verdict_text
from villagebook.services.meetings import commands, printouts
from villagebook.services.roster import queries as roster_queries
from villagebook.storage.db import Database
from villagebook.storage.models.meetings import Meeting


def _text(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def _long_general(db: Database) -> Meeting:
    with db.read() as session:
        meetings = session.exec(select(Meeting).where(Meeting.kind == "general")).all()
    return next(
        m
        for m in meetings
        if m.status == "finalised" and any(len(s.summary) > 500 for s in m.speeches)
    )


def test_minutes_pdf_has_every_field_and_long_speeches_wrap(
    demo_db: Database, tmp_path: Path
) -> None:
    meeting = _long_general(demo_db)
    with demo_db.write() as session:
        commands.amend(session, meeting.id, "place", "村文化室", "地点记错", on=TODAY)
        data = printouts.gather(session, meeting.id)
    target = tmp_path / "minutes.pdf"
    pages = minutes.render(data, target)
    text = _text(target)
    whole = "".join(text).replace("\n", "")
    assert pages == len(text) >= 2
    assert f"第 1 页 共 {pages} 页" in text[0]
    for key in ("中共青山村支部委员会", "支部党员大会记录", "主持人", "记录人", "起止时间"):
        assert key in whole
    assert f"应到{data.expected}人" in whole.replace(" ", "")
    assert f"实到{data.present}人" in whole.replace(" ", "")
    for name in data.leave:
        assert name.split("（")[0] in whole
    assert "表决情况" in whole and "通过" in whole
    assert "更正记录" in whole and "地点记错" in whole and "村文化室" in whole


def test_quarterly_volume_has_contents_with_pages(demo_db: Database, tmp_path: Path) -> None:
    with demo_db.read() as session:
        branch = roster_queries.first_branch(session)
        assert branch is not None
        data = printouts.gather_volume(session, branch.id, 2026, 3)
    target = tmp_path / "volume.pdf"
    pages = volume.render(data, target)
    text = _text(target)
    assert len(data.records) >= 10 and pages == len(text) > len(data.records)
    assert "三会一课记录合订本" in text[0] and "合规情况" in text[0]
    contents = next(i for i, page in enumerate(text) if "目录" in page)
    first = data.records[0]
    assert first.held_on.isoformat() in text[contents]
    # the contents give each record's first page: the record's heading is on that page
    lines = text[contents].splitlines()
    row = lines.index(first.held_on.isoformat())
    page = int(lines[row + 3])
    assert first.heading.replace(" ", "") in text[page - 1].replace(" ", "").replace("\n", "")
    assert all(r.held_on.year == 2026 and 7 <= r.held_on.month <= 9 for r in data.records)


def test_the_verdict_printed_with_a_vote() -> None:
    assert verdict_text(Vote(motion="m", yes=6), 10, 6) == "通过"
    assert "表决无效" in verdict_text(Vote(motion="m", yes=4), 10, 4)
    assert verdict_text(Vote(motion="m", yes=5), 10, 6).startswith("未通过")


def test_the_pdf_stays_chinese_in_the_english_interface(demo_db: Database, tmp_path: Path) -> None:
    from villagebook import language

    meeting = _long_general(demo_db)
    language.use("en")
    try:
        with demo_db.read() as session:
            data = printouts.gather(session, meeting.id)
        minutes.render(data, tmp_path / "en.pdf")
    finally:
        language.use("zh_CN")
    whole = "".join(_text(tmp_path / "en.pdf")).replace("\n", "")
    assert data.heading == "支部党员大会记录" and ("会议类型", "支部党员大会") in data.fields
    assert "举手表决" in whole or "无记名投票" in whole
