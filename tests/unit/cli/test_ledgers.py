"""``villagebook check`` reports MTG-ABSENT-6M; ``villagebook report KIND --year/--quarter/
--from/--to`` prints every report of a period."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from villagebook.app import main
from villagebook.cli.common import EXIT_INPUT


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("cli-ledgers") / "data"
    assert main(["demo", "--data-dir", str(data), "--today", "2026-11-22"]) == 0
    return data


def test_check_reports_mtg_absent_6m(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    main(["check", "--data-dir", str(folder), "--json", "--as-of", "2026-11-22"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    absent = [f for f in findings if f["code"] == "MTG-ABSENT-6M"]
    assert len(absent) == 1 and absent[0]["severity"] == "error"
    main(["check", "--data-dir", str(folder), "--as-of", "2026-11-22"])
    assert "MTG-ABSENT-6M" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("kind", "period", "title"),
    [
        ("ledger", ["--year", "2026", "--quarter", "3"], "季度台账"),
        ("annual", ["--year", "2026"], "年度党支部工作报告"),
        ("self-check", ["--from", "2026-07-01", "--to", "2026-09-30"], "自查报告"),
        ("attendance", ["--year", "2026"], "党员参加组织生活情况统计表"),
        ("meeting-plan", ["--year", "2026", "--quarter", "4"], "组织生活计划报备表"),
        ("talks", ["--year", "2025"], "谈心谈话记录表"),
        ("development-plan", ["--year", "2026"], "发展党员计划及统计表"),
        ("deliberation-ledger", ["--year", "2026"], "年度台账"),
        ("volume", ["--year", "2026", "--quarter", "2"], "三会一课记录合订本"),
        ("roster", ["--year", "2025"], "党员花名册"),
        ("development-roster", ["--to", "2026-06-30"], "发展党员工作台账"),
    ],
)
def test_report_of_a_period(
    folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    period: list[str],
    title: str,
) -> None:
    out = tmp_path / f"{kind}.pdf"
    assert main(["report", kind, "--data-dir", str(folder), *period, "-o", str(out)]) == 0
    assert "已生成" in capsys.readouterr().out or "Written" in capsys.readouterr().out
    text = "".join(p.extract_text() for p in PdfReader(out).pages).replace("\n", "")
    assert title in text.replace(" ", "")


def test_a_period_ending_before_it_starts_is_refused(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    args = ["--from", "2026-09-01", "--to", "2026-01-01", "-o", str(out)]
    assert main(["report", "self-check", "--data-dir", str(folder), *args]) == EXIT_INPUT
    assert "截止日期" in capsys.readouterr().err and not out.exists()  # the field, by name


def test_the_roster_at_the_end_of_a_past_year(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "roster.pdf"
    main(["report", "roster", "--data-dir", str(folder), "--year", "2025", "-o", str(out)])
    assert "2025-12-31" in PdfReader(out).pages[0].extract_text()


@pytest.mark.parametrize("kind", ["ledger", "annual", "deliberation-ledger"])
def test_a_reversed_period_is_refused_by_quarterly_and_yearly_reports_too(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    """They read a year or a quarter from the request: a reversed range was ignored."""
    out = tmp_path / "x.pdf"
    args = ["--from", "2026-09-01", "--to", "2026-01-01", "-o", str(out)]
    assert main(["report", kind, "--data-dir", str(folder), *args]) == EXIT_INPUT
    assert "截止日期" in capsys.readouterr().err and not out.exists()
