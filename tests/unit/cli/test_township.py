"""The township from the command line: init, bundle export/import/status, show, comment,
rules, receipt, report township; a refused bundle exits 2 and names why."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from villagebook.app import main
from villagebook.cli.common import EXIT_INPUT


def test_a_quarter_between_a_branch_and_its_township(
    tmp_path: Path, template_demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    branch, township = tmp_path / "branch", tmp_path / "township"
    shutil.copytree(template_demo, branch)
    bundle = tmp_path / "q4.vbbundle"
    assert main(["bundle", "export", "--data-dir", str(branch), "-o", str(bundle)]) == 0
    assert (
        main(
            [
                "township",
                "init",
                "中共石门镇委员会",
                "--township",
                "石门镇",
                "--data-dir",
                str(township),
            ]
        )
        == 0
    )
    assert main(["bundle", "import", str(bundle), "--data-dir", str(township)]) == EXIT_INPUT
    assert "信任列表" in capsys.readouterr().err  # unknown signer, no terminal to confirm
    assert main(["bundle", "import", str(bundle), "--trust", "--data-dir", str(township)]) == 0
    out = capsys.readouterr().out
    assert "证书指纹" in out and "新增189" in out
    assert main(["bundle", "import", str(bundle), "--data-dir", str(township)]) == 0
    assert "此前已导入" in capsys.readouterr().out
    assert (
        main(["township", "show", "--json", "--data-dir", str(township), "--as-of", "2026-11-22"])
        == 0
    )
    shown = json.loads(capsys.readouterr().out)
    [row] = shown["branches"]
    assert row["name"] == "中共青山村支部委员会" and row["activities"]["general"] == [1, 1]
    branch_id = row["id"]
    assert (
        main(
            [
                "township",
                "comment",
                branch_id,
                "请补开主题党日",
                "--code",
                "MTG-THEMEDAY-M",
                "--data-dir",
                str(township),
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "township",
                "rules",
                "--set",
                "DEV-PUBLICITY.working_days=7",
                "--name",
                "石门镇规则",
                "--version",
                "石门镇-2026.1",
                "--data-dir",
                str(township),
            ]
        )
        == 0
    )
    pdf = tmp_path / "汇总表.pdf"
    assert main(["report", "township", "-o", str(pdf), "--data-dir", str(township)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    receipt = tmp_path / "回执.vbbundle"
    assert (
        main(["township", "receipt", branch_id, "-o", str(receipt), "--data-dir", str(township)])
        == 0
    )
    capsys.readouterr()
    assert main(["receipt", "import", str(receipt), "--trust", "--data-dir", str(branch)]) == 0
    out = capsys.readouterr().out
    assert "审核意见1条" in out and "石门镇-2026.1" in out
    assert main(["bundle", "status", "--data-dir", str(branch)]) == 0
    assert "回执 中共石门镇委员会" in capsys.readouterr().out
    assert main(["verify", str(pdf), "--data-dir", str(township)]) == 0


def test_a_damaged_bundle_exits_2_and_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.vbbundle"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    assert main(["township", "init", "中共石门镇委员会", "--data-dir", str(tmp_path / "t")]) == 0
    assert main(["bundle", "import", str(bad), "--data-dir", str(tmp_path / "t")]) == EXIT_INPUT
    assert "已损坏" in capsys.readouterr().err


def test_the_township_report_is_refused_on_a_branch(
    tmp_path: Path, template_demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    branch = tmp_path / "branch"
    shutil.copytree(template_demo, branch)
    pdf = tmp_path / "汇总表.pdf"
    assert main(["report", "township", "-o", str(pdf), "--data-dir", str(branch)]) == EXIT_INPUT
    assert "乡镇（县）安装" in capsys.readouterr().err
    assert not pdf.exists()
