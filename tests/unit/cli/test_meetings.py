"""``villagebook meetings list|finalise`` and the meetings reports, through the Book."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlmodel import select

from villagebook import app
from villagebook.cli import common as cli_common
from villagebook.storage.db import Database
from villagebook.storage.models.meetings import Meeting


def _long_general(db: Database) -> Meeting:
    with db.read() as session:
        meetings = session.exec(select(Meeting).where(Meeting.kind == "general")).all()
    return next(
        m
        for m in meetings
        if m.status == "finalised" and any(len(s.summary) > 500 for s in m.speeches)
    )


def test_cli_lists_and_prints_minutes_and_volume(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--data-dir", str(demo_db.data_dir)]
    assert app.main(["meetings", "list", "--year", "2026", "--kind", "general", *base]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[-1].startswith("共 ") and listed[-1].endswith(" 份记录。")
    assert all("支部党员大会" in line and "应到" in line for line in listed[:-1])
    meeting = _long_general(demo_db)
    out = tmp_path / "m.pdf"
    assert app.main(["report", "minutes", "--meeting", str(meeting.id), "-o", str(out), *base]) == 0
    assert out.exists()
    vol = tmp_path / "v.pdf"
    args = ["report", "volume", "--year", "2026", "--quarter", "2", "-o", str(vol), *base]
    assert app.main(args) == 0 and vol.exists()
    missing = ["report", "minutes", "--meeting", "00000000-0000-0000-0000-000000000000"]
    assert app.main([*missing, "-o", str(tmp_path / "x.pdf"), *base]) == cli_common.EXIT_INPUT


def test_cli_finalises_a_draft(demo_db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    with demo_db.read() as session:
        draft = session.exec(select(Meeting).where(Meeting.status == "draft")).first()
        assert draft is not None
    base = ["--data-dir", str(demo_db.data_dir)]
    on = (draft.held_on + dt.timedelta(days=1)).isoformat()
    assert app.main(["meetings", "finalise", str(draft.id), "--on", on, *base]) == 0
    assert capsys.readouterr().out.startswith(f"已定稿：{draft.held_on.isoformat()} ")
    with demo_db.read() as session:
        assert session.get(Meeting, draft.id).status == "finalised"  # type: ignore[union-attr]
    again = ["meetings", "finalise", str(draft.id), *base]
    assert app.main(again) == cli_common.EXIT_INPUT  # a finalised record is locked
    assert "已定稿" in capsys.readouterr().err
