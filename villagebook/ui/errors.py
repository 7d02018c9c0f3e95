"""One place that turns exceptions into messages: user errors, storage errors, bugs.

User errors (:class:`InputError`) and known storage failures get a plain message; anything
else is a bug: it is logged with its traceback and shown with the log file's path.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QMessageBox, QWidget

from villagebook.domain.common.errors import (
    InputError,
    LockedRecordError,
    NotFoundError,
    StorageError,
    UserError,
)

log = logging.getLogger(__name__)

#: Where the log file is, once ``ui.app.run`` has set up logging.
LOG_FILE: Path | None = None


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
    if isinstance(exc, UserError):
        return "无法完成", str(exc)
    return "程序错误", crash_text(exc)


def crash_text(exc: BaseException) -> str:
    text = f"发生了意外错误，数据没有被修改。\n\n{type(exc).__name__}: {exc}"
    if LOG_FILE is not None:
        text += f"\n\n详细信息已写入日志文件：\n{LOG_FILE}"
    return text


class Messages:
    """The message boxes, replaceable by tests."""

    @classmethod
    def critical(cls, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.critical(parent, title, text)

    @classmethod
    def warning(cls, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    title, text = describe(exc)
    if title == "程序错误":
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(exc)))
        Messages.critical(parent, title, text)
    else:
        log.info("refused: %s", exc)
        Messages.warning(parent, title, text)


def excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """sys.excepthook for the window: log the bug and say where the log is."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    log.critical("uncaught exception:\n%s", "".join(traceback.format_exception(kind, exc, tb)))
    try:
        Messages.critical(None, "程序错误", crash_text(exc))
    except Exception:  # the crash path must never raise itself
        sys.__excepthook__(kind, exc, tb)
