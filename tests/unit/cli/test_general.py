from __future__ import annotations

import json
from pathlib import Path

import pytest

from villagebook.app import main
from villagebook.cli.common import EXIT_INPUT


def test_demo_export_import_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    assert main(["demo", "--data-dir", str(a)]) == 0
    assert main(["export", "--data-dir", str(a), "-o", str(tmp_path / "1.json")]) == 0
    assert main(["import", str(tmp_path / "1.json"), "--data-dir", str(b)]) == 0
    assert main(["export", "--data-dir", str(b), "-o", str(tmp_path / "2.json")]) == 0
    one = json.loads((tmp_path / "1.json").read_text(encoding="utf-8"))
    two = json.loads((tmp_path / "2.json").read_text(encoding="utf-8"))
    one.pop("exported_at")
    two.pop("exported_at")
    assert one == two


def test_import_of_bad_file_names_the_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    assert main(["import", str(bad), "--data-dir", str(tmp_path / "d")]) == EXIT_INPUT
    assert "顶层应为一个JSON对象" in capsys.readouterr().err


def test_check_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["demo", "--data-dir", str(tmp_path)])
    capsys.readouterr()
    code = main(["check", "--data-dir", str(tmp_path), "--json", "--as-of", "2026-11-22"])
    payload = json.loads(capsys.readouterr().out)
    assert payload["as_of"] == "2026-11-22"
    assert payload["rules"]["version"]
    has_error = any(f["severity"] == "error" for f in payload["findings"])
    assert code == (1 if has_error else 0)


def test_roster_report(tmp_path: Path) -> None:
    from pypdf import PdfReader

    main(["demo", "--data-dir", str(tmp_path)])
    out = tmp_path / "roster.pdf"
    assert main(["report", "roster", "--data-dir", str(tmp_path), "-o", str(out)]) == 0
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "党员花名册" in text and "正式党员" in text
    assert "****" in text  # ID numbers masked by default
