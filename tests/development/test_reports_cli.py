"""The dossier and development roster PDFs (text extracted) and the CLI commands."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import TODAY
from villagebook.app import main
from villagebook.services.development.board import board
from villagebook.storage.db import Database


def _text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def _cards(db: Database):  # type: ignore[no-untyped-def]
    from villagebook.services.roster import queries as roster_queries

    with db.read() as session:
        branch = roster_queries.first_branch(session)
        assert branch is not None
        return board(session, branch.id, TODAY)


def test_dossier_lists_every_step_with_dates_and_masks_the_id(
    demo_db: Database, tmp_path: Path
) -> None:
    from villagebook.reports import dossier
    from villagebook.services.development import cases

    card = next(c for c in _cards(demo_db) if c.stage == 5)
    with demo_db.read() as session:
        data = dossier.gather(session, card.person_id, TODAY)
        steps = cases.steps_of(session, cases.open_case_of(session, card.person_id).id)  # type: ignore[union-attr]
    out = tmp_path / "dossier.pdf"
    pages = dossier.render(data, out)
    text = _text(out).replace("\n", "")
    assert "发展党员全程纪实表" in text and card.name in text
    for name in ("递交入党申请书", "确定入党介绍人", "支部大会讨论", "材料归档"):
        assert name in text
    for step in steps:
        assert dossier.cn_date(step.done_on) in text
    assert "****" in text  # the ID number is masked
    assert f"共 {pages} 页" in text
    assert "规则检查结果" in text


def test_dossier_shows_the_checks_verdicts(demo_db: Database, tmp_path: Path) -> None:
    from villagebook.reports import dossier

    overdue = next(c for c in _cards(demo_db) if c.urgency.value == "overdue")
    with demo_db.read() as session:
        data = dossier.gather(session, overdue.person_id, TODAY)
    assert any(v.code == "DEV-TALK-1M" for v in data.verdicts)
    out = tmp_path / "d.pdf"
    dossier.render(data, out)
    assert "DEV-TALK-1M" in _text(out)


def test_cli_list_dossier_and_roster(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "data")
    assert main(["demo", "--data-dir", data, "--today", TODAY.isoformat()]) == 0
    capsys.readouterr()
    assert main(["development", "list", "--data-dir", data, "--as-of", TODAY.isoformat()]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "共 10 份进行中的发展党员档案。"
    person = lines[0].split()[0]
    out = tmp_path / "dossier.pdf"
    args = ["report", "dossier", "--person", person, "--data-dir", data, "-o", str(out)]
    assert main(args) == 0
    assert "发展党员全程纪实表" in _text(out)
    roster = tmp_path / "roster.pdf"
    args = ["report", "development-roster", "--data-dir", data, "-o", str(roster)]
    assert main([*args, "--as-of", TODAY.isoformat()]) == 0
    text = _text(roster)
    assert "发展党员工作台账" in text and "已逾期" in text
    for stage in ("申请入党", "预备党员的接收", "预备党员的教育考察和转正"):
        assert stage in text


def test_dossier_of_someone_without_a_case(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "data")
    main(["demo", "--data-dir", data])
    args = ["report", "dossier", "--person", "00000000-0000-0000-0000-000000000001"]
    assert main([*args, "--data-dir", data, "-o", str(tmp_path / "x.pdf")]) != 0
