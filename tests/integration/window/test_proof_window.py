"""The verify page (open or drop a PDF) and the identity in 文件 ▸ 设置."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.integration.window.conftest import accept
from villagebook.services.printing import ReportRequest

pytestmark = pytest.mark.gui


def test_the_verify_page_checks_an_opened_pdf(
    qtbot: Any, ctx: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from villagebook.ui.common.ask import Ask
    from villagebook.ui.proof.page import VerifyPage

    good = tmp_path / "roster.pdf"
    ctx.book.reports.build(ReportRequest("roster"), good)
    bad = tmp_path / "altered.pdf"
    data = bytearray(good.read_bytes())
    data[3000] ^= 0x01
    bad.write_bytes(bytes(data))

    page = VerifyPage(ctx)
    qtbot.addWidget(page)
    picks = [good, bad]
    monkeypatch.setattr(Ask, "open_file", classmethod(lambda cls, p, t, f: picks.pop(0)))
    page.open_button.click()
    assert page.report is not None and page.report.verdict.value == "valid"
    assert "有效" in page.verdict.text()
    assert "中共青山村支部委员会" in page.details.text()
    assert page.checks.count() == 6
    assert "不是电子签章" in page.note.text()

    page.open_button.click()
    assert page.report is not None and page.report.verdict.value == "altered"
    assert "已被改动" in page.verdict.text()
    assert any("✗" in page.checks.item(i).text() for i in range(page.checks.count()))


def test_the_verify_page_accepts_a_dropped_pdf(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    from villagebook.ui.proof.page import VerifyPage

    path = tmp_path / "roster.pdf"
    ctx.book.reports.build(ReportRequest("roster"), path)
    page = VerifyPage(ctx)
    qtbot.addWidget(page)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    page.dropEvent(event)
    assert page.report is not None and page.report.verdict.value == "valid"
    assert str(path) in page.file_label.text()


def test_settings_show_the_fingerprint_export_and_trust(
    qtbot: Any, ctx: Any, tmp_path: Path, monkeypatch: Any, drive: Any, template_demo: Path
) -> None:
    from tests.conftest import _copy_template
    from villagebook.services.book import Book
    from villagebook.storage.db import open_database
    from villagebook.ui.common.ask import Ask
    from villagebook.ui.settings import SettingsDialog

    dialog = SettingsDialog(None, book=ctx.book)
    qtbot.addWidget(dialog)
    assert dialog.identity is not None
    assert "尚未生成" in dialog.identity.text.text()

    target = tmp_path / "mine.pem"
    monkeypatch.setattr(Ask, "save_file", classmethod(lambda cls, p, t, s, f: target))
    dialog.identity.export_button.click()
    info = ctx.book.identity.show()
    assert target.read_text().startswith("-----BEGIN CERTIFICATE-----")
    assert info.fingerprint_text in dialog.identity.fingerprint.text()
    assert "中共青山村支部委员会" in dialog.identity.text.text()

    other = Book(open_database(_copy_template(template_demo, tmp_path / "other")))
    theirs = other.identity.export_certificate(tmp_path / "theirs.pem")
    monkeypatch.setattr(Ask, "open_file", classmethod(lambda cls, p, t, f: theirs))
    asked: list[str] = []
    monkeypatch.setattr(
        Ask, "confirm", classmethod(lambda cls, p, t, text: asked.append(text) or True)
    )

    def trust(trust_dialog: Any) -> bool:
        trust_dialog.add()
        assert trust_dialog.list.count() == 1
        trust_dialog.list.setCurrentRow(0)
        trust_dialog.remove()
        assert trust_dialog.list.count() == 0
        trust_dialog.add()
        return True

    drive.append(trust)
    dialog.identity.trust_button.click()
    assert other.identity.ensure().fingerprint_text in asked[0]
    assert [t.identity.fingerprint for t in ctx.book.identity.trusted()] == [
        other.identity.ensure().fingerprint
    ]
    assert accept(dialog) or True
