"""Township work behind menus and buttons: send a bundle (报送乡镇), import a receipt, import
bundles (also dropped on the township page), write a receipt, print the summary.

Signers the installation does not know are asked about on the GUI thread first (their
fingerprint, to compare over the telephone), then the work runs behind a progress dialog.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from villagebook.ui.common.ask import Ask
from villagebook.ui.errors import show_error
from villagebook.ui.ops import perform, perform_busy

BUNDLE_FILTER = "VillageBook (*.vbbundle)"


def tr(text: str) -> str:
    # lupdate files the ``tr("…")`` calls of these module-level functions under the empty
    # context (township.ts): look them up there, or they stay English.
    return QCoreApplication.translate("", text)


def ask_trust(parent: QWidget | None, signer: Any) -> bool:
    """Show an unknown signer's fingerprint and ask whether to trust it."""
    text = tr(
        "“%1” (%2) signed this file with a key this installation does not know yet.\n\n"
        "Fingerprint:\n%3\n\nCompare it with the sender (by telephone) before you trust it. "
        "Trust this signer?"
    )
    if signer.previous_fingerprint:
        text = tr("Warning: this branch's earlier bundles were signed by another key.") + (
            "\n\n" + text
        )
    text = (
        text.replace("%1", signer.name)
        .replace("%2", f"{signer.county}{signer.township}")
        .replace("%3", signer.fingerprint_text)
    )
    return Ask.confirm(parent, tr("Unknown signer"), text)


def confirmed_signers(parent: QWidget | None, book: Any, paths: Sequence[Path]) -> set[str] | None:
    """Ask about every unknown signer among ``paths`` (None: a file could not be read)."""
    trusted: set[str] = set()
    asked: set[str] = set()
    for path in paths:
        try:
            _bundle, signer = book.township.inspect(path)
        except Exception:
            continue  # refused later, with its reason, among the other results
        if signer.known == "unknown" or signer.previous_fingerprint:
            if signer.fingerprint in asked:
                continue
            asked.add(signer.fingerprint)
            if ask_trust(parent, signer):
                trusted.add(signer.fingerprint)
    return trusted


def send_to_township(parent: QWidget | None, book: Any, branch_id: uuid.UUID | None) -> None:
    """文件 ▸ 报送乡镇: what changed since the last receipt (or everything the first time)."""
    full = not book.township.sent(branch_id)
    if (
        not full
        and Ask.confirm(
            parent,
            tr("Send to township"),
            tr(
                "Send only what changed since the township's last receipt?\n\n"
                "Yes: the changes only. No: every record again (a full bundle)."
            ),
        )
        is False
    ):
        full = True
    branch = book.roster.require_branch(branch_id)
    suggested = f"{branch.village or branch.name}-{dt.date.today():%Y%m%d}.vbbundle"
    path = Ask.save_file(parent, tr("Send to township"), suggested, BUNDLE_FILTER)
    if path is None:
        return
    if path.suffix != ".vbbundle":
        path = path.with_suffix(".vbbundle")
    sent = perform_busy(
        parent,
        tr("Writing the bundle…"),
        lambda: book.township.export_bundle(path, full=full, branch_id=branch_id),
    )
    if sent is None:
        return
    text = tr(
        "The bundle %1 holds %2 record(s), %3 deletion(s) and %4 attachment(s), up to change "
        "%5. Take it to the township (e.g. on a USB stick)."
    )
    for key, value in (
        ("%1", path.name),
        ("%2", sent.records),
        ("%3", sent.deleted),
        ("%4", sent.files),
        ("%5", sent.to_change),
    ):
        text = text.replace(key, str(value))
    Ask.inform(parent, tr("Send to township"), text)


def import_receipt(parent: QWidget | None, book: Any) -> None:
    path = Ask.open_file(parent, tr("Import the township's receipt"), BUNDLE_FILTER)
    if path is None:
        return
    trusted = confirmed_signers(parent, book, [path]) or set()
    got = perform(
        parent, lambda: book.township.import_receipt(path, lambda s: s.fingerprint in trusted)
    )
    if got is None:
        return
    text = tr("%1 received your data up to change %2 and sent %3 comment(s).")
    text = (
        text.replace("%1", got.township)
        .replace("%2", str(got.up_to_change))
        .replace("%3", str(got.comments))
    )
    if got.adopted_rules:
        text += "\n\n" + tr("Its rule set %1 is now in force (the previous one is kept).").replace(
            "%1", got.rules_version
        )
    Ask.inform(parent, tr("Receipt imported"), text)


def import_bundles(parent: QWidget | None, book: Any, paths: Sequence[Path]) -> list[Any]:
    """Import several bundles; a summary of each, refusals with their reason."""
    if not paths:
        return []
    trusted = confirmed_signers(parent, book, paths) or set()
    try:
        from villagebook.ui.common.busy import run_busy

        done, refused = run_busy(
            parent,
            tr("Importing bundles…"),
            lambda: book.township.import_bundles(list(paths), lambda s: s.fingerprint in trusted),
        )
    except Exception as exc:
        show_error(parent, exc)
        return []
    lines = []
    for outcome in done:
        if outcome.already:
            lines.append(
                tr("%1: imported before, nothing changed").replace("%1", Path(outcome.path).name)
            )
            continue
        line = tr("%1: %2 — %3 new, %4 updated, %5 unchanged, %6 deleted, %7 conflict(s)")
        for key, value in (
            ("%1", Path(outcome.path).name),
            ("%2", outcome.branch_name),
            ("%3", outcome.added),
            ("%4", outcome.replaced),
            ("%5", outcome.identical),
            ("%6", outcome.deleted),
            ("%7", outcome.conflicts),
        ):
            line = line.replace(key, str(value))
        lines.append(line)
    for path, error in refused:
        lines.append(tr("%1: refused. %2").replace("%1", path.name).replace("%2", str(error)))
    Ask.inform(parent, tr("Bundles imported"), "\n".join(lines))
    return list(done)


def write_receipt(parent: QWidget | None, book: Any, branch_id: uuid.UUID, name: str) -> None:
    suggested = f"回执-{name}-{dt.date.today():%Y%m%d}.vbbundle"
    path = Ask.save_file(parent, tr("Write a receipt"), suggested, BUNDLE_FILTER)
    if path is None:
        return
    done = perform(parent, lambda: book.township.write_receipt(branch_id, path))
    if done is not None:
        text = tr("Receipt for %1 written: received up to change %2, %3 comment(s).")
        text = (
            text.replace("%1", done.branch_name)
            .replace("%2", str(done.up_to_change))
            .replace("%3", str(done.comments))
        )
        Ask.inform(parent, tr("Write a receipt"), text)
