"""The development commands: ``development list``, ``report dossier`` and
``report development-roster``."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import TODAY
from villagebook.app import main


def _text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


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
