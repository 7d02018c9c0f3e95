"""``villagebook verify`` and ``villagebook identity``: what an inspector and a secretary run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from villagebook import app
from villagebook.storage import attempts
from villagebook.storage.db import Database


def _report(data_dir: Path, output: Path, capsys: pytest.CaptureFixture[str]) -> str:
    args = ["report", "roster", "-o", str(output), "--data-dir", str(data_dir)]
    assert app.main(args) == 0
    out = capsys.readouterr().out
    assert "报表编号 VB-" in out and "已由本安装签名" in out
    return out


def test_verify_exit_codes_and_json(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = ["--data-dir", str(demo_db.data_dir)]
    pdf = tmp_path / "roster.pdf"
    _report(demo_db.data_dir, pdf, capsys)

    assert app.main(["verify", str(pdf), *data]) == 0
    out = capsys.readouterr().out
    assert "有效" in out and "✓ PDF-SIGNER-KNOWN" in out and "不是电子签章" in out

    assert app.main(["verify", str(pdf), "--json", *data]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["verdict"] == "valid" and payload["signer"]["known_as"] == "self"
    assert payload["records"]["counts"]["people"] > 0

    altered = tmp_path / "altered.pdf"
    raw = bytearray(pdf.read_bytes())
    raw[2500] ^= 0x01
    altered.write_bytes(bytes(raw))
    assert app.main(["verify", str(altered), *data]) == 10
    assert "✗ PDF-INTACT" in capsys.readouterr().out

    from villagebook.services.proof.signing import unsigned_revision

    unsigned = tmp_path / "unsigned.pdf"
    unsigned.write_bytes(unsigned_revision(pdf.read_bytes()))
    assert app.main(["verify", str(unsigned), *data]) == 11

    other = ["--data-dir", str(tmp_path / "township")]
    assert app.main(["verify", str(pdf), *other]) == 12
    capsys.readouterr()

    junk = tmp_path / "junk.pdf"
    junk.write_text("hello")
    assert app.main(["verify", str(junk), *data]) == 13
    assert app.main(["verify", str(tmp_path / "missing.pdf"), *data]) == 2


def test_identity_show_export_and_trust(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = ["--data-dir", str(demo_db.data_dir)]
    assert app.main(["identity", "show", *data]) == 0
    out = capsys.readouterr().out
    assert "中共青山村支部委员会" in out and "证书指纹" in out and "电话核对" in out
    assert app.main(["identity", "show", "--json", *data]) == 0
    fingerprint = json.loads(capsys.readouterr().out)["fingerprint"]

    pem = tmp_path / "branch.pem"
    assert app.main(["identity", "export-certificate", str(pem), *data]) == 0
    capsys.readouterr()

    township = ["--data-dir", str(tmp_path / "township")]
    # not confirmed by phone: refused without a terminal
    assert app.main(["identity", "trust", str(pem), *township]) == 2
    assert "--yes" in capsys.readouterr().err
    assert app.main(["identity", "trust", str(pem), "--yes", *township]) == 0
    capsys.readouterr()
    assert app.main(["identity", "trusted", "--json", *township]) == 0
    trusted = json.loads(capsys.readouterr().out)
    assert [t["fingerprint"] for t in trusted] == [fingerprint]

    pdf = tmp_path / "roster.pdf"
    _report(demo_db.data_dir, pdf, capsys)
    assert app.main(["verify", str(pdf), *township]) == 0
    capsys.readouterr()
    assert app.main(["identity", "untrust", fingerprint, *township]) == 0
    assert app.main(["verify", str(pdf), *township]) == 12


def test_reports_rebuild_with_the_same_id_and_time(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from villagebook.services.proof.signing import unsigned_revision

    data = ["--data-dir", str(demo_db.data_dir)]
    rebuild = ["--report-id", "VB-20261122-REBUILD1", "--generated-at", "2026-11-22T10:30+08:00"]
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    assert (
        app.main(["report", "roster", "--as-of", "2026-11-22", "-o", str(first), *rebuild, *data])
        == 0
    )
    assert (
        app.main(["report", "roster", "--as-of", "2026-11-22", "-o", str(second), *rebuild, *data])
        == 0
    )
    assert "VB-20261122-REBUILD1" in capsys.readouterr().out
    assert unsigned_revision(first.read_bytes()) == unsigned_revision(second.read_bytes())


def test_a_locked_key_needs_the_password(
    demo_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = ["--data-dir", str(demo_db.data_dir)]
    assert app.main(["identity", "show", *data]) == 0
    assert app.main(["lock", "set", "--password", "村务1234", *data]) == 0
    capsys.readouterr()
    pdf = tmp_path / "roster.pdf"
    args = ["report", "roster", "-o", str(pdf), *data]
    assert app.main(args) == 2  # no terminal, no password
    assert "VILLAGEBOOK_PASSWORD" in capsys.readouterr().err
    now = [1_000_000.0]  # the retry delay after a wrong password runs on this clock
    monkeypatch.setattr(attempts, "clock", lambda: now[0])
    monkeypatch.setenv("VILLAGEBOOK_PASSWORD", "错误")
    assert app.main(args) == 2
    now[0] += 60
    monkeypatch.setenv("VILLAGEBOOK_PASSWORD", "村务1234")
    assert app.main(args) == 0
    # changing the lock needs the current password once the key is sealed
    monkeypatch.delenv("VILLAGEBOOK_PASSWORD")
    assert app.main(["lock", "clear", "--current-password", "错误", *data]) == 2
    now[0] += 60
    assert app.main(["lock", "clear", "--current-password", "村务1234", *data]) == 0
    assert app.main(args) == 0
