"""``villagebook deliberations list`` and the two PDF reports on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.services.deliberations import helpers as h
from villagebook.app import main
from villagebook.storage.db import Database


@pytest.fixture
def demo_folder(demo_db: Database) -> str:
    """The demo branch's data folder (a copy of the session's template)."""
    return str(demo_db.data_dir)


def _lease_id(data: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["deliberations", "list", "--data-dir", data, "--as-of", "2026-11-22"]) == 0
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if "土地流转" in line]
    return lines[0].split("　")[0]


def test_cli_list_and_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "d")
    assert main(["demo", "--data-dir", data, "--today", "2026-11-22"]) == 0
    capsys.readouterr()
    assert main(["deliberations", "list", "--data-dir", data, "--as-of", "2026-11-22"]) == 0
    out = capsys.readouterr().out
    assert "二组至四组村组道路硬化" in out and "误工补贴" in out and "DLB-RESULT" in out
    assert "（第2轮）" in out
    assert "下一步：实施结果公开" in out and "共 6 个事项。" in out
    deliberation_id = _lease_id(data, capsys)
    pdf = tmp_path / "m.pdf"
    command = ["report", "deliberation", "--data-dir", data, "--deliberation", deliberation_id]
    assert main([*command, "-o", str(pdf)]) == 0
    assert "实施结果公开" in h.pdf_text(pdf)
    sheet = tmp_path / "s.pdf"
    command = ["report", "publicity", "--data-dir", data, "--deliberation", deliberation_id]
    assert main([*command, "-o", str(sheet)]) == 0
    assert "后山集体土地流转（租赁）" in h.pdf_text(sheet)


def test_matter_is_an_alias_of_deliberation(
    demo_folder: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deliberation_id = _lease_id(demo_folder, capsys)
    pdf = tmp_path / "m.pdf"
    command = ["report", "deliberation", "--data-dir", demo_folder, "--matter", deliberation_id]
    assert main([*command, "-o", str(pdf)]) == 0
    assert "实施结果公开" in h.pdf_text(pdf)
    sheet = tmp_path / "s.pdf"
    command = ["report", "publicity", "--data-dir", demo_folder, "--matter", deliberation_id]
    assert main([*command, "--step", "resolution", "-o", str(sheet)]) == 0
    assert "决议公开" in h.pdf_text(sheet)


def test_a_sheet_before_the_decision_is_refused(
    demo_folder: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["deliberations", "list", "--data-dir", demo_folder]) == 0
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if "垃圾分类" in line)
    command = ["report", "publicity", "--data-dir", demo_folder, "--deliberation"]
    assert main([*command, line.split("　")[0], "-o", str(tmp_path / "s.pdf")]) == 2
    error = capsys.readouterr().err
    assert "输入有误：事项：尚未经村民会议或村民代表会议决议，不能公开" in error
    assert not (tmp_path / "s.pdf").exists()


def test_an_unknown_deliberation_is_refused(
    demo_folder: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    unknown = "00000000-0000-0000-0000-000000000001"
    command = ["report", "deliberation", "--data-dir", demo_folder, "--deliberation", unknown]
    assert main([*command, "-o", str(tmp_path / "r.pdf")]) == 2
    assert "事项不存在" in capsys.readouterr().err
