"""One place that turns exceptions into messages: user errors, storage errors, bugs."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtWidgets import QMessageBox, QWidget

from villagebook.domain.errors import InputError, LockedRecordError, NotFoundError
from villagebook.storage.errors import StorageError

log = logging.getLogger(__name__)


def describe(exc: BaseException) -> tuple[str, str]:
    """(title, text) for a message box, in the UI language of the core (Chinese)."""
    if isinstance(exc, InputError):
        lines = "\n".join(f"• {p.text()}" for p in exc.problems) or str(exc)
        return "输入有误", f"没有保存，请修改以下内容：\n{lines}"
    if isinstance(exc, StorageError):
        return "无法保存", str(exc)
    if isinstance(exc, LockedRecordError):
        return "记录已定稿", str(exc)
    if isinstance(exc, NotFoundError):
        return "找不到记录", str(exc)
    return "程序错误", f"发生了意外错误，数据没有被修改。\n\n{type(exc).__name__}: {exc}"


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    title, text = describe(exc)
    if title == "程序错误":
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(exc)))
        QMessageBox.critical(parent, title, text)
    else:
        QMessageBox.warning(parent, title, text)
