"""This installation's signing identity in 文件 ▸ 设置: the certificate's fingerprint (to
confirm by phone), exporting the certificate for the township, and the trust list."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from villagebook.ui.common.ask import Ask
from villagebook.ui.ops import perform

if TYPE_CHECKING:
    from villagebook.domain.proof.values import IdentityInfo


class IdentityPanel(QGroupBox):
    """本安装的签名证书: branch, installation ID, fingerprint; export; trust list."""

    def __init__(self, book: Any, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("This installation's signing certificate"), parent)
        self.book = book
        self.text = QLabel()
        self.text.setObjectName("identityText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("identityFingerprint")
        self.fingerprint.setWordWrap(True)
        self.fingerprint.setStyleSheet("font-family: monospace; font-size: 13px;")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton(self.tr("Export certificate…"))
        self.export_button.clicked.connect(self.export)
        self.trust_button = QPushButton(self.tr("Trusted certificates…"))
        self.trust_button.clicked.connect(self.trusted)
        note = QLabel(
            self.tr(
                "VillageBook signs every PDF with this installation's key, so an inspector can "
                "check with “villagebook verify” that it is unaltered. This is an integrity "
                "check (完整性校验), not a legal electronic seal (电子签章): handwritten "
                "signatures and the seal stay on paper. Give the township the certificate and "
                "read it the fingerprint by phone."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.trust_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.fingerprint)
        layout.addLayout(buttons)
        layout.addWidget(note)
        self.reload()

    def reload(self) -> None:
        info: IdentityInfo | None = perform(self, self.book.identity.show)
        if info is None:
            self.text.setText(
                self.tr("Not made yet: it is made with the first PDF (or by exporting it).")
            )
            self.fingerprint.setText("")
            return
        state = (
            self.tr("protected by the app-lock password")
            if info.protected
            else self.tr("no app-lock password")
        )
        self.text.setText(
            self.tr("Branch: %1 (%2)\nInstallation ID: %3\nKey: %4")
            .replace("%1", info.branch_name)
            .replace("%2", info.place or "—")
            .replace("%3", info.installation_id)
            .replace("%4", state)
        )
        self.fingerprint.setText(
            self.tr("Fingerprint (SHA-256): %1").replace("%1", info.fingerprint_text)
        )

    def export(self) -> None:
        path = Ask.save_file(
            self,
            self.tr("Export certificate"),
            "villagebook-certificate.pem",
            self.tr("Certificates (*.pem)"),
        )
        if path is None:
            return
        if perform(
            self,
            lambda: self.book.identity.export_certificate(Path(path)),
            success=self.tr("Certificate exported."),
        ):
            self.reload()

    def trusted(self) -> None:
        Ask.exec_dialog(TrustDialog(self.book, self))


class TrustDialog(QDialog):
    """信任列表: the certificates of other installations this one accepts as signers."""

    def __init__(self, book: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Trusted certificates"))
        self.book = book
        self.list = QListWidget()
        self.list.setObjectName("trustedList")
        add = QPushButton(self.tr("Add certificate…"))
        add.clicked.connect(self.add)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        intro = QLabel(
            self.tr(
                "PDFs signed by these installations verify as known. Add a branch's "
                "certificate only after confirming its fingerprint by phone."
            )
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(close)
        self.resize(620, 360)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for item in perform(self, self.book.identity.trusted) or []:
            who = item.identity
            row = QListWidgetItem(
                f"{who.branch_name}（{who.place or '—'}）\n{who.fingerprint_text}"
            )
            row.setData(Qt.ItemDataRole.UserRole, who.fingerprint)
            self.list.addItem(row)
        self.remove_button.setEnabled(self.list.count() > 0)

    def add(self) -> None:
        path = Ask.open_file(
            self, self.tr("Add certificate"), self.tr("Certificates (*.pem *.crt *.cer *.der)")
        )
        if path is None:
            return
        info = perform(self, lambda: self.book.identity.read_certificate(path))
        if info is None:
            return
        question = (
            self.tr("Trust %1 (%2)?\n\nFingerprint:\n%3\n\nConfirm it by phone first.")
            .replace("%1", info.branch_name)
            .replace("%2", info.place or "—")
            .replace("%3", info.fingerprint_text)
        )
        if Ask.confirm(self, self.tr("Add certificate"), question) and perform(
            self, lambda: self.book.identity.trust(path)
        ):
            self.reload()

    def remove(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        fingerprint = item.data(Qt.ItemDataRole.UserRole)
        if (
            Ask.confirm(
                self, self.tr("Remove"), self.tr("Remove this certificate from the trust list?")
            )
            and perform(self, lambda: self.book.identity.untrust(fingerprint)) is not None
        ):
            self.reload()
