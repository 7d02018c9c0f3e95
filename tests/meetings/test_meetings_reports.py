from __future__ import annotations

import datetime as dt
from pathlib import Path

from pypdf import PdfReader
from sqlmodel import select

from tests.conftest import TODAY
from villagebook import app
from villagebook.cli import common as cli_common
from villagebook.reports import minutes, volume
from villagebook.services.meetings import amendments
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
        if m.status == "finalised" and any(len(s["summary"]) > 500 for s in m.speeches)
    )


def test_minutes_pdf_has_every_field_and_long_speeches_wrap(
    demo_db: Database, tmp_path: Path
) -> None:
    meeting = _long_general(demo_db)
    with demo_db.write() as session:
        amendments.amend_meeting(session, meeting.id, "place", "村文化室", "地点记错", on=TODAY)
        data = minutes.gather(session, meeting.id)
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
        data = volume.gather_volume(session, branch.id, 2026, 3)
    target = tmp_path / "volume.pdf"
    pages = volume.render_volume(data, target)
    text = _text(target)
    assert len(data.records) >= 10 and pages == len(text) > len(data.records)
    assert "三会一课记录合订本" in text[0] and "目录" in text[0]
    first = data.records[0]
    assert first.held_on.isoformat() in text[0]
    # the contents give each record's first page: the record's heading is on that page
    assert first.heading.replace(" ", "") in text[1].replace(" ", "").replace("\n", "")
    assert all(r.held_on.year == 2026 and 7 <= r.held_on.month <= 9 for r in data.records)


def test_cli_lists_and_prints_minutes_and_volume(
    demo_db: Database, tmp_path: Path, capsys: object
) -> None:
    base = ["--data-dir", str(demo_db.data_dir)]
    assert app.main(["meetings", "list", "--year", "2026", "--kind", "general", *base]) == 0
    meeting = _long_general(demo_db)
    out = tmp_path / "m.pdf"
    assert app.main(["report", "minutes", "--meeting", str(meeting.id), "-o", str(out), *base]) == 0
    assert out.exists()
    vol = tmp_path / "v.pdf"
    args = ["report", "volume", "--year", "2026", "--quarter", "2", "-o", str(vol), *base]
    assert app.main(args) == 0 and vol.exists()
    missing = ["report", "minutes", "--meeting", "00000000-0000-0000-0000-000000000000"]
    assert app.main([*missing, "-o", str(tmp_path / "x.pdf"), *base]) == cli_common.EXIT_INPUT


def test_cli_finalises_a_draft(demo_db: Database) -> None:
    with demo_db.read() as session:
        draft = session.exec(select(Meeting).where(Meeting.status == "draft")).first()
        assert draft is not None
    base = ["--data-dir", str(demo_db.data_dir)]
    on = (draft.held_on + dt.timedelta(days=1)).isoformat()
    assert app.main(["meetings", "finalise", str(draft.id), "--on", on, *base]) == 0
    with demo_db.read() as session:
        assert session.get(Meeting, draft.id).status == "finalised"  # type: ignore[union-attr]
